import { sql } from 'kysely';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';

// Reads of the rollups only (migration 0011): a dashboard never scans enrollments, workers or snapshots. Names and
// a village's registered count come from the registry's published worker_directory view.

type Reader = Db | Tx;

/** First day of the month 'YYYY-MM'. */
export const dayOf = (month: string) => `${month}-01`;

export async function refreshState(db: Reader) {
  return db
    .selectFrom('coverage_refresh_state')
    .select(['window_start', 'as_of', 'refreshed_at', 'refresh_ms', 'full_needed'])
    .executeTakeFirst();
}

export async function areaTotals(tx: Tx, area: string, from: string, to: string) {
  return tx
    .selectFrom('coverage_rollup_area')
    .select(['month', 'persons', 'leavers'])
    .where('area_code', '=', area)
    .where('month', '>=', dayOf(from))
    .where('month', '<=', dayOf(to))
    .orderBy('month')
    .execute();
}

export async function childTotals(tx: Tx, area: string, from: string, to: string) {
  return tx
    .selectFrom('coverage_rollup_area')
    .select(['area_code', 'month', 'persons'])
    .where('parent_code', '=', area)
    .where('month', '>=', dayOf(from))
    .where('month', '<=', dayOf(to))
    .orderBy('month')
    .orderBy('area_code')
    .execute();
}

export async function totalsBy(tx: Tx, area: string, from: string, to: string, column: 'segment' | 'category') {
  return tx
    .selectFrom('coverage_rollup')
    .select(['month', sql.ref<string>(column).as('key'), sql<number>`sum(persons)::integer`.as('persons')])
    .where('area_code', '=', area)
    .where('month', '>=', dayOf(from))
    .where('month', '<=', dayOf(to))
    .groupBy(['month', column])
    .orderBy('month')
    .orderBy(column)
    .execute();
}

export async function registeredWorkers(tx: Tx, region: string): Promise<number> {
  const row = await tx
    .selectFrom('worker_directory')
    .select(sql<number>`count(*)::integer`.as('n'))
    .where((eb) => eb.or([eb('village_code', '=', region), eb('village_code', 'like', `${region}.%`)]))
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  return row?.n ?? 0;
}

type PeopleFilter = { region: string; bit: number; segment?: string; category?: string; leavers: boolean };

/** coverage_person rows of a region active (or, with `leavers`, leaving) in the month of `bit`. */
function peopleIn(tx: Tx, q: PeopleFilter) {
  const bit = sql<string>`(1::bigint << ${q.bit})`;
  const prev = sql<string>`(1::bigint << ${Math.max(q.bit - 1, 0)})`;
  let query = tx
    .selectFrom('coverage_person as p')
    .leftJoin('worker_directory as w', 'w.id', 'p.worker_id')
    .where((eb) => eb.or([eb('p.region_code', '=', q.region), eb('p.region_code', 'like', `${q.region}.%`)]));
  query = q.leavers
    ? query.where(sql<boolean>`(p.months & ${bit}) = 0 AND ${q.bit > 0} AND (p.months & ${prev}) <> 0`)
    : query.where(sql<boolean>`(p.months & ${bit}) <> 0`);
  if (q.segment !== undefined) query = query.where('p.segment', '=', q.segment);
  if (q.category !== undefined) query = query.where('p.category', '=', q.category);
  return query;
}

const PERSON_COLUMNS = ['p.nik', 'p.region_code', 'p.segment', 'p.category', 'p.worker_id', 'w.full_name'] as const;

/** The persons behind a figure: one page of coverage_person rows in a region, active (or leaving) in a month. */
export async function people(tx: Tx, q: PeopleFilter & { offset: number; limit: number }) {
  const query = peopleIn(tx, q);
  const [rows, count] = await Promise.all([
    query.select(PERSON_COLUMNS).orderBy('p.region_code').orderBy('p.nik').offset(q.offset).limit(q.limit).execute(),
    query.select(sql<number>`count(*)::integer`.as('n')).executeTakeFirst(),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function peopleCount(tx: Tx, q: PeopleFilter): Promise<number> {
  const row = await peopleIn(tx, q)
    .select(sql<number>`count(*)::integer`.as('n'))
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** The next `limit` persons after (region_code, nik) in the list's order: keyset paging for the export. */
export async function peopleAfter(
  tx: Tx,
  q: PeopleFilter & { after: { region: string; nik: string } | null; limit: number },
) {
  let query = peopleIn(tx, q);
  if (q.after) {
    const { region, nik } = q.after;
    query = query.where(sql<boolean>`(p.region_code, p.nik) > (${region}, ${nik})`);
  }
  return query.select(PERSON_COLUMNS).orderBy('p.region_code').orderBy('p.nik').limit(q.limit).execute();
}

/** The data-quality counts of one area (migration 0014) and when they were computed. */
export async function qualityOf(tx: Tx, area: string) {
  const [rows, state] = await Promise.all([
    tx.selectFrom('coverage_quality').select(['metric', 'count']).where('area_code', '=', area).execute(),
    tx.selectFrom('coverage_quality_state').select('computed_at').executeTakeFirst(),
  ]);
  return { rows, computedAt: state?.computed_at ?? null };
}

export async function openSegments(db: Reader, month: string) {
  const { rows } = await sql<{ district_code: string; segment: string; persons: number | null }>`
    SELECT district_code, segment, persons FROM lindung_open_coverage(${dayOf(month)}::date)
    ORDER BY district_code, segment`.execute(db);
  return rows;
}

export async function openTotals(db: Reader, month: string) {
  const { rows } = await sql<{ district_code: string; persons: number | null; employed: number | null }>`
    SELECT district_code, persons, employed FROM lindung_open_coverage_totals(${dayOf(month)}::date)
    ORDER BY district_code`.execute(db);
  return rows;
}

/**
 * Brings the rollups up to date (see migration 0011). A full pass also recomputes the data-quality counts, unless
 * `quality` says otherwise; `quality: true` recomputes them after an incremental pass too.
 */
export async function refresh(
  db: Reader,
  options: { full?: boolean; today?: string; wait?: boolean; quality?: boolean } = {},
) {
  const { rows } = await sql<{ n: number }>`
    SELECT lindung_coverage_refresh(${options.full ?? false}, ${options.today ?? todayWib(systemClock())}::date,
                                    ${options.wait ?? true})
      AS n`.execute(db);
  if (options.quality ?? options.full ?? false) await refreshQuality(db, { wait: options.wait ?? true });
  return rows[0]?.n ?? 0;
}

/**
 * Recomputes the data-quality counts (migration 0014), set-based over the registry, enrollments and the current
 * snapshots. With `maxAgeSeconds`, only when the last computation is older; -1 when skipped.
 */
export async function refreshQuality(db: Reader, options: { maxAgeSeconds?: number; wait?: boolean } = {}) {
  const age = options.maxAgeSeconds === undefined ? null : `${options.maxAgeSeconds} seconds`;
  const { rows } = await sql<{ n: number }>`
    SELECT lindung_coverage_quality_refresh(${age}::interval, ${options.wait ?? true}) AS n`.execute(db);
  return rows[0]?.n ?? 0;
}
