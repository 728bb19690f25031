// A worker's protection record (issue 12 §2): the person's programme enrollments in every status and their rows in
// the current BPJS snapshots, each participation judged by lindung_coverage_state and lindung_lapse_date through the
// billing module's one gathering, with the KPJ and where it came from (the branch's answer, or the snapshot).
import { systemClock } from '../../platform/clock.ts';
import type { Scope } from '../../../lib/access/roles.ts';
import type { EnrollmentStatus } from '../../../lib/contracts/programs.ts';
import type {
  KpjOrigin,
  ProtectionBadges,
  ProtectionParticipation,
  ProtectionSummary,
  WorkerProtection,
} from '../../../lib/contracts/protection.ts';
import { monthIndex, monthOf, todayWib } from '../../../lib/rules/eligibility.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { participationsOfNiks, type ParticipationRow } from '../billing/index.ts';
import { branchAnswers } from '../exchange/index.ts';
import { enrollmentsOfWorkers, enrollmentTrail, type WorkerEnrollmentRow } from '../programs/index.ts';
import { findWorkersInScope, requireWorkerReader, workerNotFound, type WorkerRow } from '../registry/index.ts';

export type ProtectionOptions = { today?: string };

/** Steps of an enrollment before the branch's answer: the person is on the way to protection. */
const PENDING: readonly EnrollmentStatus[] = ['proposed', 'verified', 'submitted'];

/** Which participation speaks for the person: covered first, then one about to start, then lapsed, then ended. */
const RANK = { covered: 4, not_started: 3, lapsed: 2, ended: 1 } as const;

const monthsBetween = (first: string, last: string) => Math.max(0, monthIndex(last) - monthIndex(first) + 1);

function better(a: ProtectionParticipation, b: ProtectionParticipation): boolean {
  const ra = a.state ? RANK[a.state] : 0;
  const rb = b.state ? RANK[b.state] : 0;
  if (ra !== rb) return ra > rb;
  // Not started: the one that starts first. Otherwise the one that lapses last (never lapsing is best).
  if (a.state === 'not_started') return (a.coverageStart ?? '9999') < (b.coverageStart ?? '9999');
  return (a.lapseDate ?? '9999') > (b.lapseDate ?? '9999');
}

function fromEnrollment(
  p: ParticipationRow | undefined,
  e: WorkerEnrollmentRow,
  answers: Map<string, KpjOrigin>,
): ProtectionParticipation {
  const kpj: KpjOrigin | null = e.kpj_number
    ? (answers.get(e.id) ?? {
        number: e.kpj_number,
        source: 'branch_answer',
        batchId: e.batch_id,
        date: null,
        fileName: null,
      })
    : null;
  return {
    source: 'program',
    enrollmentId: e.id,
    programId: e.program_id,
    programName: e.program_name,
    category: p?.category ?? null,
    status: e.status,
    state: p?.state ?? null,
    firstMonth: monthOf(e.first_month),
    lastMonth: monthOf(e.last_month),
    months: monthsBetween(monthOf(e.first_month), monthOf(e.last_month)),
    coverageStart: e.coverage_start,
    paidThrough: p?.paid_through ? monthOf(p.paid_through) : null,
    lapseDate: p?.lapse_date ?? null,
    kpj,
    rejectReason: e.reject_reason,
    endReason: e.end_reason,
  };
}

/** A current BPJS snapshot row, or a certified APBD project's Jakon (named after the project, no KPJ). */
function fromSnapshot(p: ParticipationRow): ProtectionParticipation {
  const first = monthOf(p.coverage_start);
  const last = p.coverage_end ? monthOf(p.coverage_end) : null;
  return {
    source: p.source,
    enrollmentId: null,
    programId: null,
    programName: p.source === 'project' ? p.program_name : null,
    category: p.category,
    status: null,
    state: p.state,
    firstMonth: first,
    lastMonth: last,
    months: last ? monthsBetween(first, last) : null,
    coverageStart: p.coverage_start,
    paidThrough: p.paid_through ? monthOf(p.paid_through) : null,
    lapseDate: p.lapse_date,
    kpj: p.kpj_number
      ? { number: p.kpj_number, source: 'snapshot', batchId: null, date: p.snapshot_as_of, fileName: null }
      : null,
    rejectReason: null,
    endReason: null,
  };
}

type Summary = Omit<WorkerProtection, 'trail'>;

function summarise(worker: WorkerRow, today: string, parts: ProtectionParticipation[]): Summary {
  let best: ProtectionParticipation | null = null;
  for (const p of parts) if (p.state && (best === null || better(p, best))) best = p;
  // The same rule as the coverage check: nobody is protected after their death.
  const alive = worker.death_date === null || today <= worker.death_date;
  let summary: ProtectionSummary = best?.state ?? 'none';
  if (summary === 'covered' && !alive) summary = 'ended';
  if (summary === 'none' && parts.some((p) => p.status !== null && PENDING.includes(p.status))) summary = 'pending';
  return {
    workerId: String(worker.id),
    at: today,
    covered: alive && parts.some((p) => p.state === 'covered'),
    summary,
    summaryFrom: summary === 'not_started' ? (best?.coverageStart ?? null) : null,
    kpj: best?.kpj ?? parts.find((p) => p.kpj)?.kpj ?? null,
    paidThrough: best?.paidThrough ?? null,
    // When the protection that speaks for the person (running or about to start) lapses if nothing more is paid.
    nextLapseDate: summary === 'covered' || summary === 'not_started' ? (best?.lapseDate ?? null) : null,
    participations: parts,
  };
}

/** The protection record of each of these workers (already found in scope), in a fixed number of statements. */
async function protectionOf(tx: Tx, scope: Scope, workers: WorkerRow[], today: string) {
  const ids = workers.map((w) => String(w.id));
  const [rows, enrollments] = await Promise.all([
    participationsOfNiks(
      tx,
      scope,
      workers.map((w) => w.nik),
      today,
    ),
    enrollmentsOfWorkers(tx, scope, ids),
  ]);
  const answered = enrollments.filter((e) => e.kpj_number !== null && e.batch_id !== null);
  const answers = new Map<string, KpjOrigin>();
  const kpjOf = new Map(answered.map((e) => [e.id, e.kpj_number!]));
  for (const a of await branchAnswers(
    tx,
    scope,
    answered.map((e) => e.id),
  )) {
    answers.set(a.enrollment_id, {
      number: kpjOf.get(a.enrollment_id)!,
      source: 'branch_answer',
      batchId: a.batch_id,
      date: todayWib(a.at),
      fileName: a.file_name,
    });
  }
  const judged = new Map(rows.filter((r) => r.enrollment_id !== null).map((r) => [r.enrollment_id!, r]));
  const result = new Map<string, Summary>();
  for (const w of workers) {
    const id = String(w.id);
    const parts = [
      ...enrollments.filter((e) => e.worker_id === id).map((e) => fromEnrollment(judged.get(e.id), e, answers)),
      ...rows.filter((r) => r.source !== 'program' && r.nik === w.nik).map(fromSnapshot),
    ];
    result.set(id, summarise(w, today, parts));
  }
  return result;
}

/**
 * `GET /api/workers/:id/protection`: the person's protection record today, with the trail of their enrollments.
 * Scoped like the worker itself (a worker outside the reader's region answers as one that does not exist). Shows no
 * NIK, so it is not audited as a view.
 */
export async function workerProtection(
  db: Db,
  ctx: RequestContext,
  id: string,
  options: ProtectionOptions = {},
): Promise<WorkerProtection> {
  const actor = requireWorkerReader(ctx);
  const today = options.today ?? todayWib(systemClock());
  return withScope(db, actor.scope, async (tx) => {
    const worker = (await findWorkersInScope(tx, actor.scope, [id])).get(id);
    if (!worker) throw workerNotFound(actor.locale);
    const record = (await protectionOf(tx, actor.scope, [worker], today)).get(id)!;
    const programOf = new Map(
      record.participations.flatMap((p) => (p.enrollmentId ? [[p.enrollmentId, p.programName ?? '']] : [])),
    );
    const trail = await enrollmentTrail(tx, actor.scope, [...programOf.keys()]);
    return {
      ...record,
      trail: trail.map((t) => ({
        id: `${t.audit_id}-${t.enrollment_id}`,
        at: t.at.toISOString(),
        action: t.action,
        actor: t.actor_username,
        enrollmentId: t.enrollment_id,
        programName: programOf.get(t.enrollment_id) ?? '',
      })),
    };
  });
}

/** `GET /api/workers/protection?ids=…`: the badge of each worker of a page of search results, set-based. */
export async function protectionBadges(
  db: Db,
  ctx: RequestContext,
  ids: readonly string[],
  options: ProtectionOptions = {},
): Promise<ProtectionBadges> {
  const actor = requireWorkerReader(ctx);
  const today = options.today ?? todayWib(systemClock());
  return withScope(db, actor.scope, async (tx) => {
    const workers = await findWorkersInScope(tx, actor.scope, [...new Set(ids)]);
    const records = await protectionOf(tx, actor.scope, [...workers.values()], today);
    return {
      items: [...records.values()].map((r) => ({
        workerId: r.workerId,
        summary: r.summary,
        summaryFrom: r.summaryFrom,
        nextLapseDate: r.nextLapseDate,
      })),
    };
  });
}
