import type { CoverageState } from '../../../lib/contracts/common.ts';
import { sql, type Selectable } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { EndReason, EnrollmentStatus } from '../../../lib/contracts/programs.ts';
import type { EnrollmentTable, ProgramTable } from '../../db/schema.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope, regionOverlapsScope } from '../../platform/scope-sql.ts';

export type ProgramRow = Selectable<ProgramTable>;
export type EnrollmentRow = Selectable<EnrollmentTable>;

export type ProgramValues = {
  region_code: string;
  name: string;
  funder: string;
  funder_region_code: string | null;
  target_segments: string[];
  package: string;
  declared_income: number;
  quota: number;
  start_month: string;
  months: number;
  budget_ceiling: number;
  dpa_reference: string | null;
  min_age: number;
  max_age: number;
  price_by_month: number[];
  price_rule_keys: string[];
};

/**
 * The same rule as the policy program_read: a programme is visible inside its region and from above it, and also
 * from below it (an operator of one village sees the regency's programme and proposes to it).
 */
export function programInView(scope: Scope) {
  return regionOverlapsScope('region_code', scope);
}

export async function findProgram(tx: Tx, scope: Scope, id: string): Promise<ProgramRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  return tx
    .selectFrom('program')
    .selectAll()
    .where('id', '=', id)
    .where(() => programInView(scope))
    .executeTakeFirst();
}

/**
 * Locks the programme row until the transaction ends, so proposals, verifications and edits of one programme run
 * one after another (see migration 0006). False when the programme is not visible in the transaction's scope.
 */
export async function lockProgram(tx: Tx, id: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`SELECT lindung_lock_program(${id}::bigint) AS ok`.execute(tx);
  return r.rows[0]?.ok ?? false;
}

export async function listPrograms(tx: Tx, scope: Scope, q: { q?: string; page: number; pageSize: number }) {
  let base = tx.selectFrom('program').where(() => programInView(scope));
  if (q.q) base = base.where(sql<string>`lower(name)`, 'like', `%${q.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`);
  const [items, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('start_month', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** PU terms of a programme (issue 18); all null for BPU programmes. */
export type ProgramPuValues = {
  employer_name?: string | null;
  employer_kind?: string | null;
  pu_programs?: string[] | null;
  risk_class?: number | null;
  employer_size?: string | null;
  service_months?: string[] | null;
  polling_day?: string | null;
};

export async function insertProgram(
  tx: Tx,
  values: ProgramValues & ProgramPuValues & { created_by: string; category?: string },
): Promise<ProgramRow> {
  return tx.insertInto('program').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateProgram(
  tx: Tx,
  scope: Scope,
  id: string,
  values: Omit<ProgramValues, 'region_code'> & ProgramPuValues,
): Promise<ProgramRow> {
  return tx
    .updateTable('program')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .where(() => regionInScope('region_code', scope))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function statusCounts(tx: Tx, scope: Scope, programId: string) {
  return tx
    .selectFrom('enrollment')
    .select(['status', sql<string>`count(*)`.as('n')])
    .where('program_id', '=', programId)
    .where(() => regionInScope('village_code', scope))
    .groupBy('status')
    .execute();
}

/** Enrollments the branch accepted, by their protection on `today` (lindung_coverage_state, the one definition). */
export async function coverageCounts(tx: Tx, scope: Scope, programId: string, today: string) {
  return tx
    .selectFrom('enrollment_coverage as c')
    .select([
      sql<CoverageState>`lindung_coverage_state(c.category, c.coverage_start, c.coverage_end, c.paid_through,
                                                 ${today}::date)`.as('state'),
      sql<string>`count(*)`.as('n'),
    ])
    .where('c.program_id', '=', programId)
    .where(() => regionInScope('c.village_code', scope))
    .groupBy('state')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Enrollments

/** Which of these workers hold a programme in any of the months, in any region (SECURITY DEFINER, ids only). */
export async function coveredWorkers(
  tx: Tx,
  workerIds: string[],
  firstMonth: string,
  lastMonth: string,
  exceptEnrollmentIds: string[] = [],
): Promise<{ worker_id: string; program_id: string }[]> {
  if (workerIds.length === 0) return [];
  const r = await sql<{ worker_id: string; program_id: string }>`
    SELECT worker_id, program_id
    FROM lindung_covered_workers(${workerIds}::bigint[], ${firstMonth}::date, ${lastMonth}::date,
                                 ${exceptEnrollmentIds}::bigint[])`.execute(tx);
  return r.rows;
}

/** Workers the current BPJS snapshot shows covered on `at` through another channel (ids only). */
export async function bpjsCoveredWorkers(tx: Tx, workerIds: string[], at: string): Promise<Set<string>> {
  if (workerIds.length === 0) return new Set();
  const r = await sql<{ worker_id: string }>`
    SELECT worker_id FROM lindung_bpjs_covered_workers(${workerIds}::bigint[], ${at}::date)`.execute(tx);
  return new Set(r.rows.map((x) => x.worker_id));
}

/** One set-based INSERT for the whole proposal; the triggers take the slots. */
export async function insertEnrollments(
  tx: Tx,
  p: { programId: string; firstMonth: string; lastMonth: string; proposedBy: string; channelId?: string | null },
  workers: readonly { id: string; village: string }[],
): Promise<{ id: string; worker_id: string }[]> {
  if (workers.length === 0) return [];
  const r = await sql<{ id: string; worker_id: string }>`
    INSERT INTO enrollment (kabkota_code, program_id, worker_id, village_code, status, first_month, last_month,
                            proposed_by, channel_id)
    SELECT left(u.village, 5), ${p.programId}::bigint, u.worker_id, u.village, 'proposed', ${p.firstMonth}::date,
           ${p.lastMonth}::date, ${p.proposedBy}, lindung_channel_for(${p.channelId ?? null}::bigint, ${p.proposedBy})
    FROM unnest(${workers.map((w) => w.id)}::bigint[], ${workers.map((w) => w.village)}::text[])
      AS u(worker_id, village)
    RETURNING id, worker_id`.execute(tx);
  return r.rows;
}

export async function enrollmentsByIds(tx: Tx, scope: Scope, programId: string, ids: readonly string[]) {
  return tx
    .selectFrom('enrollment')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', 'in', ids)
    .where(() => regionInScope('village_code', scope))
    .execute();
}

type Transition = {
  ids: readonly string[];
  from: readonly EnrollmentStatus[];
  to: EnrollmentStatus;
  set: Record<string, unknown>;
};

/** Moves the given enrollments from one of `from` to `to`; returns the ids actually moved. */
export async function transition(tx: Tx, scope: Scope, programId: string, t: Transition): Promise<string[]> {
  if (t.ids.length === 0) return [];
  const rows = await tx
    .updateTable('enrollment')
    .set({ ...t.set, status: t.to, updated_at: sql`now()` })
    .where('program_id', '=', programId)
    .where('id', 'in', t.ids)
    .where('status', 'in', t.from)
    .where(() => regionInScope('village_code', scope))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Ends enrollments with `lastMonth` as their last covered month, never later than they were to end nor earlier
 * than the month before they began (an enrollment ended before it starts covers nothing and frees every month).
 */
export async function endEnrollments(
  tx: Tx,
  scope: Scope,
  programId: string,
  e: { ids: readonly string[]; lastMonth: string; reason: string; note: string | null; by: string },
): Promise<string[]> {
  const rows = await tx
    .updateTable('enrollment')
    .set({
      status: 'ended',
      last_month: sql<string>`GREATEST(LEAST(${e.lastMonth}::date, last_month), (first_month - interval '1 month')::date)`,
      end_reason: e.reason,
      end_note: e.note,
      ended_by: e.by,
      ended_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('program_id', '=', programId)
    .where('id', 'in', e.ids)
    .where('status', 'in', ['verified', 'submitted', 'active'])
    .where(() => regionInScope('village_code', scope))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertBatch(
  tx: Tx,
  b: { programId: string; region: string; persons: number; by: string },
): Promise<string> {
  const row = await tx
    .insertInto('enrollment_batch')
    .values({ program_id: b.programId, region_code: b.region, persons: b.persons, submitted_by: b.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function verifiedIds(tx: Tx, scope: Scope, programId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('enrollment')
    .select('id')
    .where('program_id', '=', programId)
    .where('status', '=', 'verified')
    .where(() => regionInScope('village_code', scope))
    .execute();
  return rows.map((r) => r.id);
}

/** Records BPJS's answer for submitted enrollments: KPJ and coverage start, set-based. Returns the ids activated. */
export async function activate(
  tx: Tx,
  scope: Scope,
  programId: string,
  rows: readonly { enrollmentId: string; kpjNumber: string; coverageStart: string }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const r = await sql<{ id: string }>`
    UPDATE enrollment e
    SET status = 'active', kpj_number = u.kpj, coverage_start = u.start, updated_at = now()
    FROM unnest(${rows.map((x) => x.enrollmentId)}::bigint[], ${rows.map((x) => x.kpjNumber)}::text[],
                ${rows.map((x) => x.coverageStart)}::date[]) AS u(id, kpj, start)
    WHERE e.id = u.id AND e.program_id = ${programId}::bigint AND e.status = 'submitted'
      AND ${regionInScope('e.village_code', scope)}
    RETURNING e.id`.execute(tx);
  return r.rows.map((x) => x.id);
}

// ---------------------------------------------------------------------------------------------------------------
// The BPJS branch's answer to a batch (called by the exchange module through index.ts)

/**
 * Accepted rows of a batch become active with their KPJ and coverage start; rejected rows become rejected with the
 * branch's reason (their slots free at once through the triggers). Only submitted enrollments of that batch move;
 * returns the ids moved by each statement.
 */
export async function recordBatchAnswer(
  tx: Tx,
  scope: Scope,
  batchId: string,
  by: string,
  answer: {
    accepted: readonly { enrollmentId: string; kpjNumber: string; coverageStart: string }[];
    rejected: readonly { enrollmentId: string; reason: string }[];
  },
): Promise<{ activated: string[]; rejected: string[] }> {
  let activated: string[] = [];
  let rejected: string[] = [];
  if (answer.accepted.length > 0) {
    const a = answer.accepted;
    const r = await sql<{ id: string }>`
      UPDATE enrollment e
      SET status = 'active', kpj_number = u.kpj, coverage_start = u.start, updated_at = now()
      FROM unnest(${a.map((x) => x.enrollmentId)}::bigint[], ${a.map((x) => x.kpjNumber)}::text[],
                  ${a.map((x) => x.coverageStart)}::date[]) AS u(id, kpj, start)
      WHERE e.id = u.id AND e.batch_id = ${batchId}::bigint AND e.status = 'submitted'
        AND ${regionInScope('e.village_code', scope)}
      RETURNING e.id`.execute(tx);
    activated = r.rows.map((x) => x.id);
  }
  if (answer.rejected.length > 0) {
    const j = answer.rejected;
    const r = await sql<{ id: string }>`
      UPDATE enrollment e
      SET status = 'rejected', reject_reason = u.reason, decided_by = ${by}, decided_at = now(), updated_at = now()
      FROM unnest(${j.map((x) => x.enrollmentId)}::bigint[], ${j.map((x) => x.reason)}::text[]) AS u(id, reason)
      WHERE e.id = u.id AND e.batch_id = ${batchId}::bigint AND e.status = 'submitted'
        AND ${regionInScope('e.village_code', scope)}
      RETURNING e.id`.execute(tx);
    rejected = r.rows.map((x) => x.id);
  }
  return { activated, rejected };
}

// ---------------------------------------------------------------------------------------------------------------
// A person's enrollments in every status (called by the coverage module through index.ts for the protection record)

export type WorkerEnrollmentRow = {
  id: string;
  worker_id: string;
  program_id: string;
  program_name: string;
  status: EnrollmentStatus;
  first_month: string;
  last_month: string;
  batch_id: string | null;
  kpj_number: string | null;
  coverage_start: string | null;
  reject_reason: string | null;
  end_reason: EndReason | null;
};

/** Every enrollment of these workers in scope, newest first; set-based for a page of workers. */
export async function enrollmentsOfWorkers(
  tx: Tx,
  scope: Scope,
  workerIds: readonly string[],
): Promise<WorkerEnrollmentRow[]> {
  if (workerIds.length === 0) return [];
  const r = await sql<WorkerEnrollmentRow>`
    SELECT e.id::text AS id, e.worker_id::text AS worker_id, e.program_id::text AS program_id, p.name AS program_name,
           e.status, e.first_month, e.last_month, e.batch_id::text AS batch_id, e.kpj_number, e.coverage_start,
           e.reject_reason, e.end_reason
    FROM enrollment e
    JOIN program p ON p.id = e.program_id
    WHERE e.worker_id = ANY (${workerIds}::bigint[]) AND ${regionInScope('e.village_code', scope)}
    ORDER BY e.first_month DESC, e.id DESC`.execute(tx);
  return r.rows;
}

export type EnrollmentTrailRow = {
  enrollment_id: string;
  audit_id: string;
  at: Date;
  action: string;
  actor_username: string | null;
};

/**
 * The audit rows that moved these enrollments, oldest first, through lindung_enrollment_trail (migration 0018): the
 * rows carry the programme's region, so a village operator who may see the enrollment learns when, what and who.
 */
export async function enrollmentTrail(
  tx: Tx,
  scope: Scope,
  enrollmentIds: readonly string[],
): Promise<EnrollmentTrailRow[]> {
  if (enrollmentIds.length === 0) return [];
  const r = await sql<EnrollmentTrailRow>`
    SELECT t.enrollment_id::text AS enrollment_id, t.audit_id::text AS audit_id, t.at, t.action, t.actor_username
    FROM lindung_enrollment_trail(${enrollmentIds}::bigint[]) AS t
    JOIN enrollment e ON e.id = t.enrollment_id
    WHERE ${regionInScope('e.village_code', scope)}
    ORDER BY t.at, t.audit_id`.execute(tx);
  return r.rows;
}

/** PU programmes: the money held, split into the employer's (Pemda's) and the workers' parts (issue 18 §1). */
export async function committedSplit(tx: Tx, programId: string): Promise<{ employer: number; worker: number }> {
  const r = await sql<{ total: string; worker: string }>`
    SELECT coalesce(sum(e.price_by_month[i]), 0)::text AS total, coalesce(sum(e.worker_by_month[i]), 0)::text AS worker
    FROM enrollment e
    JOIN program p ON p.id = e.program_id,
         generate_subscripts(e.price_by_month, 1) AS i
    WHERE e.program_id = ${programId}::bigint AND e.status <> 'rejected' AND e.price_by_month IS NOT NULL
      AND (p.start_month + make_interval(months => i - 1))::date BETWEEN e.first_month AND e.last_month`.execute(tx);
  const row = r.rows[0];
  const total = Number(row?.total ?? 0);
  const worker = Number(row?.worker ?? 0);
  return { employer: total - worker, worker };
}
