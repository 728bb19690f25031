// The exchange module's reconciliation queries: Lindung's active enrollments (the programmes' enrollment_directory
// and program_directory, the registry's worker_directory) against the members of a snapshot, and the "minta desa
// cek" requests (village_check_request, this module's own).
import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { ReconciliationKind } from '../../../lib/contracts/exchange.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

const inRegion = regionInScope;

// ---------------------------------------------------------------------------------------------------------------
// Reconciliation: Lindung's active enrollments against the current snapshot covering the region

export type ReconciliationRow = {
  kind: ReconciliationKind;
  nik: string;
  full_name: string | null;
  program_name: string | null;
  lindung_kpj: string | null;
  bpjs_kpj: string | null;
  lindung_category: string | null;
  bpjs_category: string | null;
  coverage_start: string | null;
  bpjs_coverage_start: string | null;
  bpjs_coverage_end: string | null;
  bpjs_paid_through: string | null;
  bpjs_state: 'covered' | 'lapsed' | 'not_started' | 'ended' | null;
  village_code: string | null;
  enrollment_id: string | null;
  program_id: string | null;
  worker_id: string | null;
  check_open: boolean;
  kpj_differs: boolean;
  category_differs: boolean;
  start_differs: boolean;
  ends_early: boolean;
};

function reconciliationSql(region: string, snapshotId: string | null, today: string) {
  return sql<ReconciliationRow>`
    WITH lindung AS (
      SELECT DISTINCT ON (w.nik) w.nik, w.full_name, w.category, w.village_code, e.kpj_number, e.coverage_start,
             e.last_month, p.name AS program_name, e.id AS enrollment_id, e.program_id, w.id AS worker_id
      FROM enrollment_directory e
      JOIN worker_directory w ON w.id = e.worker_id
      JOIN program_directory p ON p.id = e.program_id
      WHERE e.status = 'active' AND ${inRegion('e.village_code', region)}
      ORDER BY w.nik, (e.last_month >= date_trunc('month', ${today}::date)::date) DESC, e.first_month DESC
    ),
    bpjs AS (
      SELECT m.nik, m.kpj_number, m.category, m.coverage_start, m.coverage_end, m.paid_through, m.worker_id,
             m.village_code, rw.full_name AS registry_name,
             lindung_coverage_state(m.category, m.coverage_start, m.coverage_end, m.paid_through,
                                    ${today}::date) AS state
      FROM bpjs_member m
      LEFT JOIN worker_directory rw ON rw.id = m.worker_id
      WHERE m.snapshot_id = ${snapshotId}::bigint
        AND (m.region_code = ${region} OR ${inRegion('m.village_code', region)})
    ),
    joined AS (
      SELECT coalesce(l.nik, b.nik) AS nik, coalesce(l.full_name, b.registry_name) AS full_name, l.program_name, l.kpj_number AS lindung_kpj,
             b.kpj_number AS bpjs_kpj, l.category AS lindung_category, b.category AS bpjs_category,
             l.coverage_start, b.coverage_start AS bpjs_coverage_start, b.coverage_end AS bpjs_coverage_end,
             b.paid_through AS bpjs_paid_through, b.state AS bpjs_state,
             coalesce(l.village_code, b.village_code) AS village_code, l.enrollment_id::text,
             l.program_id::text, coalesce(l.worker_id, b.worker_id)::text AS worker_id,
             EXISTS (SELECT 1 FROM village_check_request c
                     WHERE c.nik = coalesce(l.nik, b.nik) AND c.status = 'open') AS check_open,
             (l.nik IS NOT NULL AND b.nik IS NOT NULL AND b.kpj_number IS DISTINCT FROM l.kpj_number) AS kpj_differs,
             (l.nik IS NOT NULL AND b.nik IS NOT NULL AND b.category <> l.category) AS category_differs,
             (l.nik IS NOT NULL AND b.nik IS NOT NULL
               AND date_trunc('month', b.coverage_start) <> date_trunc('month', l.coverage_start)) AS start_differs,
             (l.nik IS NOT NULL AND b.nik IS NOT NULL
               AND (b.coverage_end < l.last_month OR b.state IN ('lapsed', 'ended'))) AS ends_early,
             l.nik IS NOT NULL AS in_lindung, b.nik IS NOT NULL AS in_bpjs
      FROM lindung l
      FULL JOIN bpjs b ON b.nik = l.nik
    )
    SELECT j.*, CASE
        WHEN NOT j.in_bpjs THEN 'missing'
        WHEN NOT j.in_lindung THEN 'outside'
        WHEN j.kpj_differs OR j.category_differs OR j.start_differs OR j.ends_early THEN 'mismatched'
        ELSE 'matched'
      END AS kind
    FROM joined j`;
}

/** One person's reconciliation row, found by the enrollment or the registry worker the page showed. */
export async function reconciliationRowOf(
  tx: Tx,
  q: { region: string; snapshotId: string | null; today: string; enrollmentId?: string; workerId?: string },
): Promise<ReconciliationRow | undefined> {
  const base = reconciliationSql(q.region, q.snapshotId, q.today);
  const which =
    q.enrollmentId !== undefined ? sql`r.enrollment_id = ${q.enrollmentId}` : sql`r.worker_id = ${q.workerId ?? ''}`;
  const r = await sql<ReconciliationRow>`SELECT * FROM (${base}) r WHERE ${which} LIMIT 1`.execute(tx);
  return r.rows[0];
}

export async function reconcile(
  tx: Tx,
  q: {
    region: string;
    snapshotId: string | null;
    today: string;
    kind: ReconciliationKind;
    page: number;
    pageSize: number;
  },
) {
  const base = reconciliationSql(q.region, q.snapshotId, q.today);
  const [counts, items] = await Promise.all([
    sql<{ kind: ReconciliationKind; n: number }>`
      SELECT kind, count(*)::int AS n FROM (${base}) r GROUP BY kind`.execute(tx),
    sql<ReconciliationRow>`
      SELECT * FROM (${base}) r WHERE kind = ${q.kind}
      ORDER BY full_name NULLS LAST, nik
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(tx),
  ]);
  const byKind = { matched: 0, mismatched: 0, missing: 0, outside: 0 };
  for (const c of counts.rows) byKind[c.kind] = c.n;
  return { counts: byKind, items: items.rows };
}

// ---------------------------------------------------------------------------------------------------------------
// "Minta desa cek": requests to a village's operator

export type VillageCheckRow = {
  id: string;
  village_code: string;
  nik: string;
  worker_id: string | null;
  full_name: string | null;
  enrollment_id: string | null;
  reason: string;
  note: string | null;
  status: 'open' | 'done';
  answer: string | null;
  requested_by: string;
  requested_at: Date;
  resolved_by: string | null;
  resolved_at: Date | null;
};

/** Adds an open request, or finds the one already open for the person (one open request per NIK). */
export async function insertVillageCheck(
  tx: Tx,
  v: {
    village_code: string;
    nik: string;
    worker_id: string | null;
    enrollment_id: string | null;
    snapshot_id: string | null;
    reason: string;
    note: string | null;
    requested_by: string;
  },
): Promise<{ id: string; created: boolean }> {
  const inserted = await tx
    .insertInto('village_check_request')
    .values(v)
    .onConflict((oc) => oc.column('nik').where('status', '=', 'open').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: String(inserted.id), created: true };
  const open = await tx
    .selectFrom('village_check_request')
    .select('id')
    .where('nik', '=', v.nik)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return { id: String(open.id), created: false };
}

export async function villageChecks(tx: Tx, scope: Scope, q: { status?: 'open' | 'done'; id?: string; limit: number }) {
  const status = q.status ? sql`c.status = ${q.status}` : sql`true`;
  const one = q.id !== undefined ? sql`c.id = ${q.id}::bigint` : sql`true`;
  const r = await sql<VillageCheckRow>`
    SELECT c.id::text, c.village_code, c.nik, c.worker_id::text, w.full_name, c.enrollment_id::text, c.reason, c.note,
           c.status, c.answer, c.requested_by, c.requested_at, c.resolved_by, c.resolved_at
    FROM village_check_request c
    LEFT JOIN worker_directory w ON w.id = c.worker_id
    WHERE ${inRegion('c.village_code', scope)} AND ${status} AND ${one}
    ORDER BY c.status, c.requested_at DESC, c.id DESC
    LIMIT ${q.limit}`.execute(tx);
  return r.rows;
}

export async function lockVillageCheck(tx: Tx, scope: Scope, id: string) {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  return tx
    .selectFrom('village_check_request')
    .selectAll()
    .where('id', '=', id)
    .where(() => regionInScope('village_code', scope))
    .forUpdate()
    .executeTakeFirst();
}

export async function resolveVillageCheck(tx: Tx, scope: Scope, id: string, by: string, answer: string | null) {
  await tx
    .updateTable('village_check_request')
    .set({ status: 'done', answer, resolved_by: by, resolved_at: sql`now()` })
    .where('id', '=', id)
    .where(() => regionInScope('village_code', scope))
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
