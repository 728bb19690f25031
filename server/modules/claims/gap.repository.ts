// SQL of the protection-gap ledger (issue 15 §6): the claims whose event date was not covered and the entries of
// imported lists (claim_gap_entry), as one relation for the list and its totals; the reads and the one-statement
// insert of a list import. Own tables and the registry's published worker_directory; the region in every WHERE.
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { GapQuery } from '../../../lib/contracts/claims.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

const inRegion = regionInScope;

export type GapRow = {
  source: 'claim' | 'list';
  id: string;
  worker_id: string | null;
  name: string;
  nik: string;
  village_code: string;
  type: 'jkm' | 'jkk';
  outcome: string | null;
  event_date: string;
  gap_reason: string;
  gap_since: string | null;
  segment: string | null;
  missed: string;
  list_name: string | null;
};

type Total = { key: string; events: string; missed: string };

/** Both kinds of ledger event in scope, filtered (one relation: claims not covered, and imported list entries). */
function ledger(scope: Scope, q: GapQuery): RawBuilder<GapRow> {
  const filters = (alias: 'c' | 'e') => {
    const parts: RawBuilder<boolean>[] = [inRegion(sql.ref(`${alias}.village_code`), scope)];
    if (q.region) parts.push(inRegion(sql.ref(`${alias}.village_code`), q.region));
    if (q.from) parts.push(sql<boolean>`${sql.ref(`${alias}.event_date`)} >= ${`${q.from}-01`}::date`);
    if (q.to) {
      parts.push(sql<boolean>`${sql.ref(`${alias}.event_date`)} < (${`${q.to}-01`}::date + interval '1 month')`);
    }
    return sql.join(parts, sql` AND `);
  };
  return sql<GapRow>`
    SELECT 'claim'::text AS source, c.id::text AS id, c.worker_id::text AS worker_id, w.full_name AS name, w.nik,
           c.village_code, c.type, c.outcome, to_char(c.event_date, 'YYYY-MM-DD') AS event_date, c.gap_reason,
           to_char(c.gap_since, 'YYYY-MM-DD') AS gap_since, c.segment, c.estimate_total::text AS missed,
           NULL::text AS list_name
    FROM claim c JOIN worker_directory w ON w.id = c.worker_id
    WHERE NOT c.covered AND ${filters('c')}
    UNION ALL
    SELECT 'list', e.id::text, e.worker_id::text, e.full_name, e.nik, e.village_code, e.type, e.outcome,
           to_char(e.event_date, 'YYYY-MM-DD'), e.gap_reason, to_char(e.gap_since, 'YYYY-MM-DD'), e.segment,
           e.estimate_total::text, e.list_name
    FROM claim_gap_entry e
    WHERE ${filters('e')}`;
}

export async function gapLedger(tx: Tx, scope: Scope, q: GapQuery) {
  const g = ledger(scope, q);
  const by = (key: RawBuilder<string>, order: 'asc' | 'desc') =>
    sql<Total>`SELECT ${key} AS key, count(*)::text AS events, sum(g.missed::bigint)::text AS missed
      FROM (${g}) g GROUP BY 1 ORDER BY 1 ${order === 'asc' ? sql`ASC` : sql`DESC`}`.execute(tx);
  const [rows, totals, byVillage, bySegment, byMonth] = await Promise.all([
    sql<GapRow>`SELECT g.* FROM (${g}) g ORDER BY g.event_date DESC, g.source, g.id::bigint DESC
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(tx),
    sql<{ events: string; missed: string }>`SELECT count(*)::text AS events,
      coalesce(sum(g.missed::bigint), 0)::text AS missed FROM (${g}) g`.execute(tx),
    by(sql<string>`g.village_code`, 'asc'),
    by(sql<string>`coalesce(g.segment, '')`, 'asc'),
    by(sql<string>`left(g.event_date, 7)`, 'desc'),
  ]);
  return {
    rows: rows.rows,
    totals: totals.rows[0]!,
    byVillage: byVillage.rows,
    bySegment: bySegment.rows,
    byMonth: byMonth.rows,
  };
}

/** Registry workers (not merged) with these NIKs in scope: what a list row takes from the registry. */
export function workersByNiks(tx: Tx, scope: Scope, niks: readonly string[]) {
  if (niks.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('worker_directory')
    .select(['id', 'nik', 'monthly_income', 'segment'])
    .where('nik', 'in', [...niks])
    .where('merged_into', 'is', null)
    .where(regionInScope('village_code', scope))
    .execute();
}

/** Which of these events are already recorded, as a list entry or as a claim of the same worker (`nik|type|date`). */
export async function recordedEvents(
  tx: Tx,
  scope: Scope,
  events: readonly { nik: string; type: string; date: string }[],
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const r = await sql<{ key: string }>`
    WITH q AS (SELECT * FROM unnest(${events.map((e) => e.nik)}::text[], ${events.map((e) => e.type)}::text[],
                                    ${events.map((e) => e.date)}::date[]) AS q (nik, type, at))
    SELECT q.nik || '|' || q.type || '|' || to_char(q.at, 'YYYY-MM-DD') AS key
    FROM q
    WHERE EXISTS (SELECT 1 FROM claim_gap_entry e
                  WHERE e.nik = q.nik AND e.type = q.type AND e.event_date = q.at
                    AND ${inRegion(sql.ref('e.village_code'), scope)})
       OR EXISTS (SELECT 1 FROM claim c JOIN worker_directory w ON w.id = c.worker_id
                  WHERE w.nik = q.nik AND c.type = q.type AND c.event_date = q.at
                    AND ${inRegion(sql.ref('c.village_code'), scope)})`.execute(tx);
  return new Set(r.rows.map((x) => x.key));
}

export type NewGapEntry = {
  kabkota_code: string;
  village_code: string;
  nik: string;
  full_name: string;
  worker_id: string | null;
  type: 'jkm' | 'jkk';
  outcome: string | null;
  disability_percent: number | null;
  stmb_months: number | null;
  event_date: string;
  note: string;
  coverage_reason: string;
  gap_reason: string;
  gap_since: string | null;
  segment: string | null;
  wage: number | null;
  contribution_months: number;
  estimate: unknown;
  estimate_total: number;
  list_name: string;
  list_sha256: string;
  list_row: number;
  created_by: string;
};

/**
 * Every entry of a list in one statement (the rows travel as one JSON parameter); an event already entered is
 * left as it is. Writes one audit row per entry written, set-based, in the same statement's transaction.
 */
export async function insertGapEntries(tx: Tx, rows: readonly NewGapEntry[]) {
  const r = await sql<{ id: string; village_code: string; nik: string; list_row: number }>`
    INSERT INTO claim_gap_entry (kabkota_code, village_code, nik, full_name, worker_id, type, outcome,
      disability_percent, stmb_months, event_date, note, coverage_reason, gap_reason, gap_since, segment, wage,
      contribution_months, estimate, estimate_total, list_name, list_sha256, list_row, created_by)
    SELECT r.kabkota_code, r.village_code, r.nik, r.full_name, r.worker_id, r.type, r.outcome, r.disability_percent,
      r.stmb_months, r.event_date, r.note, r.coverage_reason, r.gap_reason, r.gap_since, r.segment, r.wage,
      r.contribution_months, r.estimate, r.estimate_total, r.list_name, r.list_sha256, r.list_row, r.created_by
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r (kabkota_code text, village_code text, nik text,
      full_name text, worker_id bigint, type text, outcome text, disability_percent numeric, stmb_months int,
      event_date date, note text, coverage_reason text, gap_reason text, gap_since date, segment text, wage bigint,
      contribution_months int, estimate jsonb, estimate_total bigint, list_name text, list_sha256 text,
      list_row int, created_by text)
    ON CONFLICT ON CONSTRAINT claim_gap_entry_once DO NOTHING
    RETURNING id::text, village_code, nik, list_row`.execute(tx);
  return r.rows;
}
