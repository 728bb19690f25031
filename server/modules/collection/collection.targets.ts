// Collection targets (issue 19 §1): a quota split across every village of a region (by hand, evenly, or in
// proportion to the BPS workforce or the poverty list), and each village's progress — registered since the start,
// proposed, active — counted from the published views with the one definition of covered.
import { sql } from 'kysely';
import { inScope, levelOfCode } from '../../../lib/access/roles.ts';
import type { TargetCreate, TargetDetail, TargetSummary, VillageProgress } from '../../../lib/contracts/collection.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { word } from '../../../lib/i18n/words.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { splitQuota, type SplitVillage } from '../../../lib/rules/quota-split.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { regionInScope, regionOverlapsScope } from '../../platform/scope-sql.ts';
import { scopeLabel } from '../regions/index.ts';
import { denominatorFor } from '../workforce/index.ts';
import { requireCollector, requirePlanner } from './collection.policy.ts';
import { SPLIT_WORDS } from './collection.words.ts';

type TargetRow = {
  id: string;
  name: string;
  region_code: string;
  program_id: string | null;
  quota: number;
  method: TargetSummary['method'];
  basis: TargetSummary['basis'];
  starts_on: string;
  due_on: string;
};

/** Every current village under `region` (all of them, with or without workers), from the published directory. */
export async function villagesOf(tx: Tx, region: string): Promise<{ code: string; name: string }[]> {
  return tx
    .selectFrom('region_directory')
    .select(['code', 'name'])
    .where('level', '=', 'village')
    .where('valid_to', 'is', null)
    .where((eb) => eb.or([eb('code', '=', region), sql<boolean>`starts_with(code, ${`${region}.`})`]))
    .orderBy('code')
    .execute();
}

/** The villages a planner splits a quota across (the manual split's form lists them all). */
export async function villagesInRegion(db: Db, ctx: RequestContext, region: string) {
  const actor = requirePlanner(ctx);
  if (!inScope(actor.scope, region)) throw new AppError('OUT_OF_SCOPE', { region });
  return withScope(db, actor.scope, async (tx) => ({ items: await villagesOf(tx, region) }));
}

async function denominators(tx: Tx, basis: TargetCreate['basis'], villages: string[], year: number) {
  const values = new Map<string, number>();
  if (basis === 'workforce') {
    // The BPS figure of each village (latest year up to the target's); a village without one counts 0.
    for (const v of villages) values.set(v, (await denominatorFor(tx, v, 'employed', year))?.persons ?? 0);
  } else if (basis === 'candidates') {
    const rows = await tx
      .selectFrom('collection_candidate')
      .select(['village_code', sql<number>`count(DISTINCT nik)::int`.as('n')])
      .where('village_code', 'in', villages.length ? villages : [''])
      .groupBy('village_code')
      .execute();
    for (const r of rows) values.set(r.village_code, r.n);
  }
  return values;
}

function splitProblem(key: keyof typeof SPLIT_WORDS, params: Record<string, string | number> = {}) {
  return new AppError('COLLECTION_SPLIT_INVALID', {
    detailId: word(SPLIT_WORDS[key], 'id', params),
    detailEn: word(SPLIT_WORDS[key], 'en', params),
  });
}

export async function createTarget(
  db: Db,
  ctx: RequestContext,
  input: TargetCreate,
): Promise<TargetSummary & { fellBackToEven: boolean }> {
  const actor = requirePlanner(ctx);
  if (!inScope(actor.scope, input.region)) throw new AppError('OUT_OF_SCOPE', { region: input.region });
  return withScope(db, actor.scope, async (tx) => {
    const villages = await villagesOf(tx, input.region);
    const codes = villages.map((v) => v.code);
    let splitInput: SplitVillage[];
    if (input.method === 'manual') {
      const given = new Map((input.manual ?? []).map((m) => [m.village, m.quota]));
      const unknown = [...given.keys()].find((c) => !codes.includes(c));
      if (unknown) throw splitProblem('unknown_village', { village: unknown });
      splitInput = codes.map((code) => ({ code, value: given.get(code) ?? 0 }));
    } else {
      const values = await denominators(tx, input.basis, codes, Number(input.startsOn.slice(0, 4)));
      splitInput = codes.map((code) => ({ code, value: values.get(code) ?? 0 }));
    }
    const split = splitQuota(input.quota, splitInput, input.method);
    if (!split.ok) throw splitProblem(split.reason, { sum: split.sum ?? 0, quota: input.quota });
    const row = await tx
      .insertInto('collection_target')
      .values({
        region_code: input.region,
        name: input.name,
        program_id: input.programId ?? null,
        target_id: input.targetId ?? null,
        quota: input.quota,
        method: input.method,
        basis: input.basis,
        starts_on: input.startsOn,
        due_on: input.dueOn,
        created_by: actor.username,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const denominator = new Map(splitInput.map((v) => [v.code, v.value]));
    // One statement for every village's part (a regency has tens to hundreds of villages).
    await tx
      .insertInto('collection_quota')
      .values(
        split.parts.map((p) => ({
          target_id: row.id,
          village_code: p.code,
          quota: p.quota,
          denominator: input.method === 'proportional' ? (denominator.get(p.code) ?? 0) : null,
        })),
      )
      .execute();
    await writeAudit(tx, ctx, {
      action: 'collection_target.create',
      entity: 'collection_target',
      entityId: row.id,
      region: row.region_code,
      after: { ...input, villages: split.parts.length, fellBackToEven: split.fellBackToEven },
    });
    const today = todayWib(systemClock());
    return { ...(await summary(tx, row, actor.locale, today)), fellBackToEven: split.fellBackToEven };
  });
}

async function summary(tx: Tx, row: TargetRow, locale: Locale, today: string): Promise<TargetSummary> {
  return {
    id: row.id,
    name: row.name,
    region: row.region_code,
    regionLabel: await scopeLabel(tx, row.region_code, locale),
    programId: row.program_id,
    quota: row.quota,
    method: row.method,
    basis: row.basis,
    startsOn: row.starts_on,
    dueOn: row.due_on,
    overdue: row.due_on < today,
  };
}

export async function listTargets(db: Db, ctx: RequestContext, clock: Clock = systemClock) {
  const actor = requireCollector(ctx);
  const today = todayWib(clock());
  return withScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .selectFrom('collection_target')
      .selectAll()
      .where(() => regionOverlapsScope('region_code', actor.scope))
      .orderBy('due_on')
      .orderBy('id')
      .execute();
    const items = [];
    for (const r of rows) items.push(await summary(tx, r, actor.locale, today));
    return { items };
  });
}

/**
 * A target with every village of its region in the reader's scope: an operator sees their own village, Disnaker
 * every village. Progress per village: registered (workers of the village registered since the start), proposed
 * (enrollments waiting: proposed, verified, submitted) and active (covered today by lindung_coverage_state over
 * enrollment_coverage), for the target's programme or, without one, any programme.
 */
export async function targetDetail(
  db: Db,
  ctx: RequestContext,
  id: string,
  clock: Clock = systemClock,
): Promise<TargetDetail> {
  const actor = requireCollector(ctx);
  const today = todayWib(clock());
  return withScope(db, actor.scope, async (tx) => {
    const target = await tx
      .selectFrom('collection_target')
      .selectAll()
      .where('id', '=', id)
      .where(() => regionOverlapsScope('region_code', actor.scope))
      .executeTakeFirst();
    if (!target) throw new AppError('COLLECTION_TARGET_NOT_FOUND');
    const programId = target.program_id;
    const rows = await sql<{
      village: string;
      name: string;
      quota: number;
      registered: number;
      proposed: number;
      active: number;
    }>`
      SELECT q.village_code AS village, r.name, q.quota,
             (SELECT count(*)::int FROM worker_directory w
               WHERE w.village_code = q.village_code AND w.merged_into IS NULL
                 AND w.created_at >= ${target.starts_on}::date) AS registered,
             (SELECT count(DISTINCT e.worker_id)::int FROM enrollment_directory e
               WHERE e.village_code = q.village_code AND e.status IN ('proposed', 'verified', 'submitted')
                 AND (${programId}::bigint IS NULL OR e.program_id = ${programId}::bigint)) AS proposed,
             (SELECT count(DISTINCT e.worker_id)::int FROM enrollment_coverage e
               WHERE e.village_code = q.village_code
                 AND (${programId}::bigint IS NULL OR e.program_id = ${programId}::bigint)
                 AND lindung_coverage_state(e.category, e.coverage_start, e.coverage_end, e.paid_through,
                                            ${today}::date) = 'covered') AS active
      FROM collection_quota q
      JOIN region_directory r ON r.code = q.village_code
      WHERE q.target_id = ${target.id} AND ${regionInScope('q.village_code', actor.scope)}
      ORDER BY q.village_code
    `.execute(tx);
    const overdueTarget = target.due_on < today;
    const villages: VillageProgress[] = rows.rows.map((r) => {
      const left = Math.max(0, r.quota - r.registered);
      return {
        village: r.village,
        villageLabel: r.name,
        quota: r.quota,
        registered: r.registered,
        proposed: r.proposed,
        active: r.active,
        left,
        overdue: overdueTarget && left > 0,
      };
    });
    const sum = (k: 'quota' | 'registered' | 'proposed' | 'active' | 'left') => villages.reduce((a, v) => a + v[k], 0);
    return {
      ...(await summary(tx, target, actor.locale, today)),
      villages,
      totals: {
        quota: sum('quota'),
        registered: sum('registered'),
        proposed: sum('proposed'),
        active: sum('active'),
        left: sum('left'),
      },
    };
  });
}

/** Whether a code names a village (the worklist and field page take one). */
export function isVillage(code: string): boolean {
  return levelOfCode(code) === 'village';
}
