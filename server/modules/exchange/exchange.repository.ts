// The exchange module's queries. Its own tables are exchange_template and exchange_log; membership_snapshot and
// bpjs_member (migration 0008) are written only here. Batches, enrollments and programmes it reads through the
// views the programmes module publishes (enrollment_batch_directory, enrollment_directory, program_directory),
// workers through the registry's worker_directory and villages through region_directory (server/db/ownership.ts):
// a batch file, a response check and a reconciliation are set-based joins that the other modules' paged APIs
// cannot compose. Writes to enrollments go through programs/index.ts (recordBatchAnswer, takeBranchKpj). Every
// query carries the region scope in its WHERE.
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { TemplateColumn } from '../../../lib/contracts/exchange.ts';
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
// Batches (the programmes module's batches and enrollments, through its published views)

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
    FROM enrollment_batch_directory b
    JOIN program_directory p ON p.id = b.program_id
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE e.status = 'submitted')::int AS waiting,
             count(*) FILTER (WHERE e.status = 'active')::int AS active,
             count(*) FILTER (WHERE e.status = 'rejected')::int AS rejected,
             count(*) FILTER (WHERE e.status = 'ended')::int AS ended
      FROM enrollment_directory e
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
    FROM enrollment_directory e
    JOIN worker_directory w ON w.id = e.worker_id
    JOIN program_directory p ON p.id = e.program_id
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
// The branch's answers

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
    JOIN enrollment_directory e ON e.id = a.enrollment_id
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
