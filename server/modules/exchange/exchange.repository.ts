// The exchange module's queries. Its own tables are exchange_template and exchange_log; membership_snapshot and
// bpjs_member (migration 0008) are written only here. It READS, never writes, the programmes module's batches and
// enrollments and the registry's workers: a batch file, a response check and a reconciliation are set-based joins
// that the other modules' paged APIs cannot compose (the same arrangement as programs.workers.ts; writes to
// enrollments go through programs/index.ts recordBatchAnswer). Every query carries the region scope in its WHERE.
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { ReconciliationKind, TemplateColumn } from '../../../lib/contracts/exchange.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

const inRegion = regionInScope;

/** The region and every region above it: 34.02.08 → [34, 34.02, 34.02.08]. */
export function regionAndAbove(region: string): string[] {
  if (region === '*') return [];
  const parts = region.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

// ---------------------------------------------------------------------------------------------------------------
// Templates

export type TemplateRow = {
  id: string;
  region_code: string | null;
  name: string;
  columns: TemplateColumn[];
  updated_by: string;
  updated_at: Date;
};

/** The template of a region: its own, else the nearest region above it, else the national one. */
export async function templateFor(tx: Tx, region: string): Promise<TemplateRow> {
  const above = regionAndAbove(region);
  const r = await sql<TemplateRow>`
    SELECT id, region_code, name, columns, updated_by, updated_at
    FROM exchange_template
    WHERE region_code IS NULL OR region_code = ANY (${above}::text[])
    ORDER BY length(coalesce(region_code, '')) DESC
    LIMIT 1`.execute(tx);
  const row = r.rows[0];
  if (!row) throw new Error('the national exchange template is missing (migration 0009 seeds it)');
  return row;
}

export async function saveTemplate(
  tx: Tx,
  t: { region: string | null; name: string; columns: TemplateColumn[]; by: string },
): Promise<TemplateRow> {
  const r = await sql<TemplateRow>`
    INSERT INTO exchange_template (region_code, name, columns, updated_by)
    VALUES (${t.region}, ${t.name}, ${JSON.stringify(t.columns)}::jsonb, ${t.by})
    ON CONFLICT ON CONSTRAINT exchange_template_one_per_region
    DO UPDATE SET name = EXCLUDED.name, columns = EXCLUDED.columns, updated_by = EXCLUDED.updated_by,
                  updated_at = now()
    RETURNING id, region_code, name, columns, updated_by, updated_at`.execute(tx);
  return r.rows[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Batches (enrollment_batch and enrollment belong to the programmes module: read only)

export type BatchRow = {
  id: string;
  program_id: string;
  program_name: string;
  region_code: string;
  persons: number;
  submitted_by: string;
  submitted_at: Date;
  waiting: number;
  active: number;
  rejected: number;
  ended: number;
  last_export_at: Date | null;
  last_response_at: Date | null;
};

function batchQuery(scope: Scope, extra: RawBuilder<boolean>) {
  return sql<BatchRow>`
    SELECT b.id, b.program_id, p.name AS program_name, b.region_code, b.persons, b.submitted_by, b.submitted_at,
           coalesce(c.waiting, 0) AS waiting, coalesce(c.active, 0) AS active,
           coalesce(c.rejected, 0) AS rejected, coalesce(c.ended, 0) AS ended,
           (SELECT max(l.at) FROM exchange_log l WHERE l.batch_id = b.id AND l.kind = 'export') AS last_export_at,
           (SELECT max(l.at) FROM exchange_log l WHERE l.batch_id = b.id AND l.kind = 'response') AS last_response_at
    FROM enrollment_batch b
    JOIN program p ON p.id = b.program_id
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE e.status = 'submitted')::int AS waiting,
             count(*) FILTER (WHERE e.status = 'active')::int AS active,
             count(*) FILTER (WHERE e.status = 'rejected')::int AS rejected,
             count(*) FILTER (WHERE e.status = 'ended')::int AS ended
      FROM enrollment e
      WHERE e.batch_id = b.id AND ${regionInScope('e.village_code', scope)}
    ) c ON true
    WHERE ${regionInScope('b.region_code', scope)} AND ${extra}`;
}

const STATE_SQL = {
  waiting: sql<boolean>`coalesce(c.waiting, 0) = b.persons`,
  partly_answered: sql<boolean>`coalesce(c.waiting, 0) > 0 AND coalesce(c.waiting, 0) < b.persons`,
  answered: sql<boolean>`coalesce(c.waiting, 0) = 0`,
} as const;

export async function listBatches(
  tx: Tx,
  scope: Scope,
  q: { state?: keyof typeof STATE_SQL | undefined; page: number; pageSize: number },
) {
  const filter = q.state ? STATE_SQL[q.state] : sql<boolean>`true`;
  const base = batchQuery(scope, filter);
  const [items, total] = await Promise.all([
    sql<BatchRow>`${base} ORDER BY b.submitted_at DESC, b.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(
      tx,
    ),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (${base}) x`.execute(tx),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function findBatch(tx: Tx, scope: Scope, id: string): Promise<BatchRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const r = await batchQuery(scope, sql<boolean>`b.id = ${id}::bigint`).execute(tx);
  return r.rows[0];
}

/** One person of a batch with what the batch file and the response check need. */
export type MemberRow = {
  enrollment_id: string;
  status: string;
  kpj_number: string | null;
  coverage_start: string | null;
  reject_reason: string | null;
  first_month: string;
  last_month: string;
  nik: string;
  full_name: string;
  birth_place: string | null;
  birth_date: string;
  sex: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  village_code: string;
  phone: string | null;
  segment: string;
  category: string;
  package: string;
  declared_income: string;
  funder: string;
  funder_region_code: string | null;
  dpa_reference: string | null;
};

export async function batchMembers(tx: Tx, scope: Scope, batchId: string): Promise<MemberRow[]> {
  const r = await sql<MemberRow>`
    SELECT e.id AS enrollment_id, e.status, e.kpj_number, e.coverage_start, e.reject_reason, e.first_month,
           e.last_month, w.nik, w.full_name, w.birth_place, w.birth_date, w.sex, w.address, w.rt, w.rw,
           w.village_code, w.phone, w.segment, w.category, p.package, p.declared_income, p.funder,
           p.funder_region_code, p.dpa_reference
    FROM enrollment e
    JOIN worker w ON w.id = e.worker_id
    JOIN program p ON p.id = e.program_id
    WHERE e.batch_id = ${batchId}::bigint AND ${inRegion('e.village_code', scope)}
    ORDER BY w.full_name, e.id`.execute(tx);
  return r.rows;
}

export async function insertLog(
  tx: Tx,
  l: {
    batchId: string;
    region: string;
    kind: 'export' | 'response';
    source: 'file' | 'simulator';
    format: 'xlsx' | 'csv' | null;
    fileName: string | null;
    sha256: string | null;
    templateId: string | null;
    rows: number;
    accepted: number;
    rejected: number;
    unchanged: number;
    actor: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('exchange_log')
    .values({
      batch_id: l.batchId,
      region_code: l.region,
      kind: l.kind,
      source: l.source,
      format: l.format,
      file_name: l.fileName,
      file_sha256: l.sha256,
      template_id: l.templateId,
      rows_total: l.rows,
      accepted: l.accepted,
      rejected: l.rejected,
      unchanged: l.unchanged,
      actor: l.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// ---------------------------------------------------------------------------------------------------------------
// Snapshots

export const SNAPSHOT_STAGE_COLUMNS = [
  'row',
  'nik',
  'kpj_number',
  'category',
  'coverage_start',
  'coverage_end',
  'paid_through',
  'village_code',
] as const;

export async function createSnapshotStage(tx: Tx): Promise<void> {
  await sql`CREATE TEMP TABLE snapshot_stage (
      "row" integer, nik text COLLATE "C", kpj_number text, category text, coverage_start date, coverage_end date,
      paid_through date, village_code text
    ) ON COMMIT DROP`.execute(tx);
}

/** Staged rows whose village code is unknown or outside the snapshot's region (set-based, after the COPY). */
export async function stagedVillageProblems(tx: Tx, region: string) {
  const r = await sql<{ row: number; village_code: string; known: boolean }>`
    SELECT s."row", s.village_code, (r.code IS NOT NULL) AS known
    FROM snapshot_stage s
    LEFT JOIN region r ON r.code = s.village_code AND r.level = 'village'
    WHERE s.village_code IS NOT NULL
      AND (r.code IS NULL OR NOT ${regionInScope('s.village_code', region)})
    ORDER BY s."row"
    LIMIT 1000`.execute(tx);
  return r.rows;
}

/**
 * The snapshot row, then every staged person in one INSERT … SELECT, matched to the registry by NIK (the
 * registry's worker id, village and segment when the NIK is registered in the uploader's scope).
 */
export async function insertSnapshot(
  tx: Tx,
  s: {
    region: string;
    asOf: string;
    source: 'file' | 'simulator';
    fileName: string | null;
    sha256: string | null;
    by: string;
  },
): Promise<{ id: string; persons: number; inRegistry: number }> {
  const snap = await tx
    .insertInto('membership_snapshot')
    .values({
      region_code: s.region,
      as_of: s.asOf,
      source: s.source,
      file_name: s.fileName,
      file_sha256: s.sha256,
      imported_by: s.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const r = await sql<{ persons: number; in_registry: number }>`
    WITH inserted AS (
      INSERT INTO bpjs_member (snapshot_id, region_code, nik, kpj_number, category, coverage_start, coverage_end,
                               paid_through, worker_id, village_code, segment)
      SELECT ${snap.id}::bigint, ${s.region}, st.nik, st.kpj_number, st.category, st.coverage_start, st.coverage_end,
             st.paid_through, w.id, coalesce(w.village_code, st.village_code), w.segment
      FROM snapshot_stage st
      LEFT JOIN worker w ON w.nik = st.nik AND w.merged_into IS NULL
      RETURNING worker_id
    )
    SELECT count(*)::int AS persons, count(worker_id)::int AS in_registry FROM inserted`.execute(tx);
  const persons = r.rows[0]?.persons ?? 0;
  await tx.updateTable('membership_snapshot').set({ persons }).where('id', '=', snap.id).execute();
  return { id: snap.id, persons, inRegistry: r.rows[0]?.in_registry ?? 0 };
}

export type SnapshotRow = {
  id: string;
  region_code: string;
  as_of: string;
  source: 'file' | 'simulator';
  file_name: string | null;
  persons: number;
  in_registry: number;
  current: boolean;
  imported_by: string;
  imported_at: Date;
};

export async function listSnapshots(tx: Tx, scope: Scope, q: { page: number; pageSize: number }) {
  const base = sql`
    FROM membership_snapshot s
    WHERE ${regionInScope('s.region_code', scope)}`;
  const [items, total] = await Promise.all([
    sql<SnapshotRow>`
      SELECT s.id, s.region_code, s.as_of, s.source, s.file_name, s.persons, s.imported_by, s.imported_at,
             (SELECT count(*)::int FROM bpjs_member m WHERE m.snapshot_id = s.id AND m.worker_id IS NOT NULL)
               AS in_registry,
             EXISTS (SELECT 1 FROM membership_snapshot_current c WHERE c.id = s.id) AS current
      ${base}
      ORDER BY s.as_of DESC, s.id DESC
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(tx),
    sql<{ n: number }>`SELECT count(*)::int AS n ${base}`.execute(tx),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function findSnapshot(tx: Tx, id: string): Promise<SnapshotRow | undefined> {
  const r = await sql<SnapshotRow>`
    SELECT s.id, s.region_code, s.as_of, s.source, s.file_name, s.persons, s.imported_by, s.imported_at,
           (SELECT count(*)::int FROM bpjs_member m WHERE m.snapshot_id = s.id AND m.worker_id IS NOT NULL)
             AS in_registry,
           EXISTS (SELECT 1 FROM membership_snapshot_current c WHERE c.id = s.id) AS current
    FROM membership_snapshot s WHERE s.id = ${id}::bigint`.execute(tx);
  return r.rows[0];
}

// ---------------------------------------------------------------------------------------------------------------
// Reconciliation: Lindung's active enrollments against the current snapshot covering the region

/** The current snapshot of the region, else of the nearest region above it. */
export async function currentSnapshotFor(tx: Tx, region: string) {
  const r = await sql<{ id: string; region_code: string; as_of: string; persons: number }>`
    SELECT id, region_code, as_of, persons FROM membership_snapshot_current
    WHERE region_code = ANY (${regionAndAbove(region)}::text[])
    ORDER BY length(region_code) DESC
    LIMIT 1`.execute(tx);
  return r.rows[0];
}

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
      FROM enrollment e
      JOIN worker w ON w.id = e.worker_id
      JOIN program p ON p.id = e.program_id
      WHERE e.status = 'active' AND ${inRegion('e.village_code', region)}
      ORDER BY w.nik, (e.last_month >= date_trunc('month', ${today}::date)::date) DESC, e.first_month DESC
    ),
    bpjs AS (
      SELECT m.nik, m.kpj_number, m.category, m.coverage_start, m.coverage_end, m.paid_through, m.worker_id,
             m.village_code, rw.full_name AS registry_name,
             lindung_coverage_state(m.category, m.coverage_start, m.coverage_end, m.paid_through,
                                    ${today}::date) AS state
      FROM bpjs_member m
      LEFT JOIN worker rw ON rw.id = m.worker_id
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
    LEFT JOIN worker w ON w.id = c.worker_id
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
// What the simulated branch knows of a region (demo): Lindung's active participants and other registered workers

export async function activeParticipants(tx: Tx, region: string) {
  const r = await sql<{
    nik: string;
    kpj_number: string;
    category: string;
    coverage_start: string;
    last_month: string;
    paid_through: string | null;
    village_code: string;
  }>`
    SELECT DISTINCT ON (w.nik) w.nik, e.kpj_number, w.category, e.coverage_start, e.last_month, e.paid_through,
           w.village_code
    FROM enrollment e JOIN worker w ON w.id = e.worker_id
    WHERE e.status = 'active' AND ${inRegion('e.village_code', region)}
    ORDER BY w.nik, e.first_month DESC`.execute(tx);
  return r.rows;
}

/** Registered workers of the region with no enrollment at all: candidates for "self-paid" in a simulated snapshot. */
export async function unenrolledWorkers(tx: Tx, region: string, limit: number) {
  const r = await sql<{ nik: string; category: string; village_code: string }>`
    SELECT w.nik, w.category, w.village_code
    FROM worker w
    WHERE ${inRegion('w.village_code', region)} AND w.merged_into IS NULL AND w.life_status = 'alive'
      AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.worker_id = w.id)
    ORDER BY w.nik
    LIMIT ${limit}`.execute(tx);
  return r.rows;
}

export type BranchAnswerRow = {
  enrollment_id: string;
  batch_id: string;
  at: Date;
  source: string | null;
  file_name: string | null;
};

/**
 * When the branch's answer that activated each of these enrollments was applied: the first `exchange.response.apply`
 * audit row of its batch listing the enrollment among `activated` (this module writes that row with the exchange_log
 * row). Through lindung_enrollment_answers (migration 0018), for the enrollments the reader may see, so a village
 * operator learns the date too although the batch's rows carry the programme's region.
 */
export async function branchAnswers(
  tx: Tx,
  scope: Scope,
  enrollmentIds: readonly string[],
): Promise<BranchAnswerRow[]> {
  if (enrollmentIds.length === 0) return [];
  const r = await sql<BranchAnswerRow>`
    SELECT a.enrollment_id::text AS enrollment_id, a.batch_id::text AS batch_id, a.answered_at AS at, a.source,
           a.file_name
    FROM lindung_enrollment_answers(${enrollmentIds}::bigint[]) AS a
    JOIN enrollment e ON e.id = a.enrollment_id
    WHERE ${regionInScope('e.village_code', scope)}`.execute(tx);
  return r.rows;
}

/** Which of these NIKs BPJS lists as members in any snapshot (self-paid or employer-registered participants). */
export async function memberNiks(tx: Tx, niks: readonly string[]): Promise<Set<string>> {
  if (niks.length === 0) return new Set();
  const r = await sql<{ nik: string }>`
    SELECT DISTINCT m.nik FROM bpjs_member m WHERE m.nik = ANY (${niks}::text[])`.execute(tx);
  return new Set(r.rows.map((row) => row.nik));
}
