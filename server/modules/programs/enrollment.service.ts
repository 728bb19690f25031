import type {
  Enrollment,
  EnrollmentListQuery,
  EnrollmentStatus,
  EndReason,
  GapList,
  ProposalRequest,
  ProposalResult,
  VerifyResult,
} from '../../../lib/contracts/programs.ts';
import { PROPOSAL_PEOPLE_SHOWN } from '../../../lib/contracts/programs.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import {
  allocate,
  addMonths,
  capacityReason,
  currentMonthWib,
  defaultFirstMonth,
  firstDay,
  INELIGIBILITY_REASONS,
  lastMonthOf,
  monthAt,
  monthIndex,
  monthOf,
  periodIndex,
  personReasons,
  REASON_MESSAGES,
  type IneligibilityReason,
  type Month,
  todayWib,
  type ProgramTerms,
} from '../../../lib/rules/eligibility.ts';
import { maskNik, validateNik } from '../../../lib/rules/nik.ts';
import type { SegmentCode } from '../../../lib/rules/segments.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidField } from '../../platform/validation.ts';
import { regionCodeSets, scopeLabels, type RegionCodeSets } from '../regions/index.ts';
import * as repo from './programs.repository.ts';
import {
  assertManages,
  requireEnrollmentReader,
  requireProgramManager,
  requireProgramReader,
  requireProposer,
} from './programs.policy.ts';
import {
  constraintError,
  countersOf,
  loadProgram,
  periodOf,
  roomFrom,
  systemClock,
  type Clock,
} from './programs.service.ts';
import * as workers from './programs.workers.ts';

// ---------------------------------------------------------------------------------------------------------------
// Eligibility facts

const reasonText = (code: IneligibilityReason, locale: Locale) => ({ code, message: REASON_MESSAGES[code][locale] });

function termsOf(row: repo.ProgramRow): ProgramTerms {
  return { region: row.region_code, targetSegments: row.target_segments, minAge: row.min_age, maxAge: row.max_age };
}

function nikIsValid(sets: RegionCodeSets, nik: string): boolean {
  const result = validateNik(nik, {
    provinceExists: (c) => sets.provinces.has(c),
    districtExists: (c) => sets.districts.has(c),
  });
  return result.nik !== null && !result.issues.some((i) => i.severity === 'error');
}

type Checked = { worker: workers.CandidateRow; reasons: IneligibilityReason[] };

/**
 * Person-level reasons for each candidate over one run of months. Coverage by other programmes is looked up in
 * every region (the worker may have moved), ids only; `except` leaves out the enrollments being re-checked.
 */
async function checkPersons(
  db: Db,
  tx: Tx,
  program: repo.ProgramRow,
  candidates: readonly workers.CandidateRow[],
  months: { first: Month; last: Month },
  except: string[] = [],
): Promise<Checked[]> {
  const sets = await regionCodeSets(db);
  const covered = await repo.coveredWorkers(
    tx,
    candidates.map((c) => c.id),
    firstDay(months.first),
    firstDay(months.last),
    except,
  );
  // BPJS data: covered on the first day of the first month, or today if the months have begun.
  const firstDate = firstDay(months.first);
  const today = todayWib();
  const inBpjs = await repo.bpjsCoveredWorkers(
    tx,
    candidates.map((c) => c.id),
    firstDate > today ? firstDate : today,
  );
  const here = new Set(covered.filter((c) => c.program_id === program.id).map((c) => c.worker_id));
  const elsewhere = new Set(covered.filter((c) => c.program_id !== program.id).map((c) => c.worker_id));
  const terms = termsOf(program);
  return candidates.map((w) => ({
    worker: w,
    reasons: personReasons(
      {
        nikValid: nikIsValid(sets, w.nik),
        deceased: w.life_status === 'deceased',
        village: w.village_code,
        segment: w.segment,
        birthDate: w.birth_date,
        enrolledHere: here.has(w.id),
        coveredElsewhere: elsewhere.has(w.id),
        activeInBpjs: inBpjs.has(w.id),
      },
      terms,
      months.first,
    ),
  }));
}

function countReasons(checked: readonly { reasons: IneligibilityReason[] }[], locale: Locale) {
  const counts = new Map<IneligibilityReason, number>();
  for (const c of checked) for (const r of c.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return INELIGIBILITY_REASONS.filter((code) => counts.has(code)).map((code) => ({
    ...reasonText(code, locale),
    count: counts.get(code) ?? 0,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Proposals

function proposalMonths(program: repo.ProgramRow, actor: Actor, from: Month | undefined, clock: Clock) {
  const period = periodOf(program);
  const last = lastMonthOf(period);
  if (from !== undefined && periodIndex(period, from) === -1) {
    const message =
      actor.locale === 'en'
        ? `choose a month from ${period.startMonth} to ${last}`
        : `pilih bulan ${period.startMonth} sampai ${last}`;
    throw invalidField('fromMonth', message, actor.locale);
  }
  const first = from ?? defaultFirstMonth(period, currentMonthWib(clock()));
  if (first === null) throw new AppError('PROGRAM_CLOSED', { program: program.name, end: last });
  return { first, last, fromIndex: periodIndex(period, first) };
}

/**
 * Proposes workers, chosen one by one or by the registry's filters, for the months from `fromMonth` to the end of
 * the period. Every candidate is checked; the eligible ones are taken in the list's order (name) while slots and
 * budget last, in one INSERT, under the programme's row lock. `dryRun` answers the same question without writing
 * or locking: how many match, how many are eligible, and why the others are not.
 */
export async function proposeWorkers(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: ProposalRequest,
  options: { dryRun?: boolean; clock?: Clock } = {},
): Promise<ProposalResult> {
  const actor = requireProposer(ctx);
  const dryRun = options.dryRun ?? false;
  return withScope(db, actor.scope, async (tx) => {
    const program = await loadProgram(tx, actor, programId, { lock: !dryRun });
    const months = proposalMonths(program, actor, input.fromMonth, options.clock ?? systemClock);
    const candidates = input.workerIds
      ? await workers.candidatesByIds(tx, actor.scope, input.workerIds)
      : await workers.candidatesByFilter(tx, actor.scope, input.filter ?? {});
    const checked = await checkPersons(db, tx, program, candidates, months);
    const eligible = checked.filter((c) => c.reasons.length === 0);
    const room = roomFrom(program, months.fromIndex);
    const allocation = allocate(eligible.length, room, input.limit);
    eligible.forEach((c, i) => {
      const reason = capacityReason(i, room);
      if (reason) c.reasons.push(reason);
    });
    const taken = eligible.slice(0, allocation.taken);
    const takenIds = new Set(taken.map((c) => c.worker.id));
    let inserted: { id: string; worker_id: string }[] = [];
    if (!dryRun && taken.length > 0) {
      try {
        inserted = await repo.insertEnrollments(
          tx,
          {
            programId: program.id,
            firstMonth: firstDay(months.first),
            lastMonth: firstDay(months.last),
            proposedBy: actor.username,
          },
          taken.map((c) => ({ id: c.worker.id, village: c.worker.village_code })),
        );
      } catch (err) {
        throw constraintError(err, program.name, actor.locale);
      }
    }
    const reasons = countReasons(checked, actor.locale);
    const shown = taken.slice(0, PROPOSAL_PEOPLE_SHOWN).map((c) => c.worker);
    const shownLabels = await scopeLabels(tx, [...new Set(shown.map((w) => w.village_code))], actor.locale);
    if (!dryRun) {
      await writeAudit(tx, ctx, {
        action: 'enrollment.propose',
        entity: 'program',
        entityId: program.id,
        region: program.region_code,
        after: {
          ...(input.filter ? { filter: input.filter } : { workerIds: input.workerIds }),
          ...(input.limit !== undefined && { limit: input.limit }),
          firstMonth: months.first,
          lastMonth: months.last,
          matched: candidates.length,
          proposed: inserted.map((r) => ({ enrollmentId: r.id, workerId: r.worker_id })),
          reasons: Object.fromEntries(reasons.map((r) => [r.code, r.count])),
        },
      });
    }
    return {
      matched: candidates.length,
      eligible: eligible.length,
      proposed: inserted.length,
      wouldPropose: allocation.taken,
      overLimit: allocation.overLimit,
      reasons,
      firstMonth: months.first,
      lastMonth: months.last,
      costPerPerson: room.costPerPerson,
      freeSlots: room.freeSlots,
      budgetRemaining: room.budgetRemaining,
      workers: input.workerIds
        ? checked.map((c) => ({
            workerId: c.worker.id,
            fullName: c.worker.full_name,
            proposed: !dryRun && takenIds.has(c.worker.id),
            reasons: c.reasons.map((r) => reasonText(r, actor.locale)),
          }))
        : [],
      people: shown.map((w) => ({
        workerId: w.id,
        fullName: w.full_name,
        nikMasked: maskNik(w.nik),
        village: w.village_code,
        villageLabel: shownLabels.get(w.village_code) ?? w.village_code,
      })),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions: verify, reject, end, submit

const STATUS_WORDS: Record<Locale, Record<EnrollmentStatus, string>> = {
  id: {
    proposed: 'diusulkan',
    verified: 'terverifikasi',
    rejected: 'ditolak',
    submitted: 'dikirim ke BPJS',
    active: 'aktif',
    ended: 'berakhir',
  },
  en: {
    proposed: 'proposed',
    verified: 'verified',
    rejected: 'rejected',
    submitted: 'submitted to BPJS',
    active: 'active',
    ended: 'ended',
  },
};

const ACTION_WORDS = {
  verify: { id: 'diverifikasi', en: 'verified' },
  reject: { id: 'ditolak', en: 'rejected' },
  end: { id: 'diakhiri', en: 'ended' },
} as const;

/** All chosen enrollments must exist in scope and be in one of `expected`; otherwise nothing changes. */
function assertStates(
  actor: Actor,
  ids: readonly string[],
  rows: readonly { id: string; status: string; full_name: string }[],
  expected: readonly EnrollmentStatus[],
  action: keyof typeof ACTION_WORDS,
): void {
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.find((id) => !found.has(id));
  if (missing) {
    throw new AppError('NOT_FOUND', {
      entity: actor.locale === 'en' ? `Enrollment ${missing}` : `Kepesertaan ${missing}`,
    });
  }
  const wrong = rows.find((r) => !expected.includes(r.status as EnrollmentStatus));
  if (wrong) {
    const words = STATUS_WORDS[actor.locale];
    throw new AppError('ENROLLMENT_STATE', {
      worker: wrong.full_name,
      status: words[wrong.status as EnrollmentStatus],
      action: ACTION_WORDS[action][actor.locale],
      expected: expected.map((s) => words[s]).join(actor.locale === 'en' ? ' or ' : ' atau '),
    });
  }
}

async function managedProgram(tx: Tx, actor: Actor, programId: string) {
  const program = await loadProgram(tx, actor, programId, { lock: true });
  assertManages(actor, program.region_code);
  return program;
}

/**
 * Disnaker verifies proposals: each worker is checked again on today's record (moved, died, segment or NIK
 * corrected, covered meanwhile by another programme). Those who pass become verified; the others stay proposed and
 * come back with their reasons, for a rejection with a reason or a correction.
 */
export async function verifyEnrollments(
  db: Db,
  ctx: RequestContext,
  programId: string,
  ids: readonly string[],
): Promise<VerifyResult> {
  const actor = requireProgramManager(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await managedProgram(tx, actor, programId);
    const rows = await workers.enrollmentsForCheck(tx, actor.scope, program.id, ids);
    assertStates(actor, ids, rows, ['proposed'], 'verify');
    const failed: VerifyResult['notVerified'] = [];
    const passed: string[] = [];
    // Usually one run of months; proposals made in different months are checked per run.
    const runs = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r.first_month}|${r.last_month}`;
      runs.set(key, [...(runs.get(key) ?? []), r]);
    }
    for (const group of runs.values()) {
      const first = monthOf(group[0]!.first_month);
      const last = monthOf(group[0]!.last_month);
      const candidates = group.map((r) => ({ ...r, id: r.worker_id }));
      const checked = await checkPersons(
        db,
        tx,
        program,
        candidates,
        { first, last },
        group.map((r) => r.id),
      );
      checked.forEach((c, i) => {
        const row = group[i]!;
        if (c.reasons.length === 0) passed.push(row.id);
        else
          failed.push({
            id: row.id,
            fullName: row.full_name,
            reasons: c.reasons.map((r) => reasonText(r, actor.locale)),
          });
      });
    }
    const verified = await repo.transition(tx, actor.scope, program.id, {
      ids: passed,
      from: ['proposed'],
      to: 'verified',
      set: { decided_by: actor.username, decided_at: new Date() },
    });
    await writeAudit(tx, ctx, {
      action: 'enrollment.verify',
      entity: 'program',
      entityId: program.id,
      region: program.region_code,
      after: {
        verified,
        notVerified: failed.map((f) => ({ enrollmentId: f.id, reasons: f.reasons.map((r) => r.code) })),
      },
    });
    return { verified: verified.length, notVerified: failed };
  });
}

/** Rejects proposals (or verified enrollments not yet submitted) with a reason; their slots free at once. */
export async function rejectEnrollments(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: { ids: readonly string[]; reason: string },
): Promise<{ rejected: number }> {
  const actor = requireProgramManager(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await managedProgram(tx, actor, programId);
    const rows = await workers.enrollmentsForCheck(tx, actor.scope, program.id, input.ids);
    assertStates(actor, input.ids, rows, ['proposed', 'verified'], 'reject');
    const rejected = await repo.transition(tx, actor.scope, program.id, {
      ids: input.ids,
      from: ['proposed', 'verified'],
      to: 'rejected',
      set: { decided_by: actor.username, decided_at: new Date(), reject_reason: input.reason },
    });
    await writeAudit(tx, ctx, {
      action: 'enrollment.reject',
      entity: 'program',
      entityId: program.id,
      region: program.region_code,
      after: { rejected, reason: input.reason },
    });
    return { rejected: rejected.length };
  });
}

/**
 * Ends enrollments (death, withdrawal, moving away, replacement, end of period). The last covered month defaults
 * to this month; the months after it are freed, so the slot and its remaining budget can be refilled.
 */
export async function endEnrollments(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: { ids: readonly string[]; reason: EndReason; lastMonth?: Month | undefined; note?: string | undefined },
  clock: Clock = systemClock,
): Promise<{ ended: number; lastMonth: string }> {
  const actor = requireProgramManager(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await managedProgram(tx, actor, programId);
    const period = periodOf(program);
    const before = addMonths(period.startMonth, -1);
    const end = lastMonthOf(period);
    const within = (m: Month) => Math.min(Math.max(monthIndex(m), monthIndex(before)), monthIndex(end));
    if (input.lastMonth !== undefined && within(input.lastMonth) !== monthIndex(input.lastMonth)) {
      const message =
        actor.locale === 'en' ? `choose a month from ${before} to ${end}` : `pilih bulan ${before} sampai ${end}`;
      throw invalidField('lastMonth', message, actor.locale);
    }
    // By default this month, kept inside the period: before it begins, ending frees every month.
    const lastMonth = input.lastMonth ?? monthAt(within(currentMonthWib(clock())));
    const rows = await workers.enrollmentsForCheck(tx, actor.scope, program.id, input.ids);
    assertStates(actor, input.ids, rows, ['verified', 'submitted', 'active'], 'end');
    const ended = await repo.endEnrollments(tx, actor.scope, program.id, {
      ids: input.ids,
      lastMonth: firstDay(lastMonth),
      reason: input.reason,
      note: input.note ?? null,
      by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'enrollment.end',
      entity: 'program',
      entityId: program.id,
      region: program.region_code,
      after: { ended, reason: input.reason, lastMonth, note: input.note ?? null },
    });
    return { ended: ended.length, lastMonth };
  });
}

/**
 * Puts every verified enrollment of the programme (in the actor's scope) into one registration batch for BPJS TK:
 * status submitted. The exchange module exports the batch file and records the branch's answer.
 */
export async function submitBatch(
  db: Db,
  ctx: RequestContext,
  programId: string,
): Promise<{ batchId: string; persons: number }> {
  const actor = requireProgramManager(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await managedProgram(tx, actor, programId);
    const ids = await repo.verifiedIds(tx, actor.scope, program.id);
    if (ids.length === 0) throw new AppError('NOTHING_TO_SUBMIT', { program: program.name });
    const batchId = await repo.insertBatch(tx, {
      programId: program.id,
      region: program.region_code,
      persons: ids.length,
      by: actor.username,
    });
    const submitted = await repo.transition(tx, actor.scope, program.id, {
      ids,
      from: ['verified'],
      to: 'submitted',
      set: { batch_id: batchId },
    });
    await writeAudit(tx, ctx, {
      action: 'enrollment.submit',
      entity: 'enrollment_batch',
      entityId: batchId,
      region: program.region_code,
      after: { programId: program.id, submitted },
    });
    return { batchId, persons: submitted.length };
  });
}

/**
 * Records the BPJS branch's answer for submitted enrollments: membership number (KPJ) and coverage start. No
 * HTTP route yet: the exchange module (issue 5, part 2) calls it with the response file, the demo with its own.
 */
export async function activateEnrollments(
  db: Db,
  ctx: RequestContext,
  programId: string,
  rows: readonly { enrollmentId: string; kpjNumber: string; coverageStart: string }[],
): Promise<{ activated: number }> {
  const actor = requireProgramManager(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await managedProgram(tx, actor, programId);
    const activated = await repo.activate(tx, actor.scope, program.id, rows);
    await writeAudit(tx, ctx, {
      action: 'enrollment.activate',
      entity: 'program',
      entityId: program.id,
      region: program.region_code,
      after: { activated },
    });
    return { activated: activated.length };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

function presentEnrollment(
  row: workers.ListedEnrollment,
  program: repo.ProgramRow,
  labels: Map<string, string>,
): Enrollment {
  const counters = countersOf(program);
  const from = periodIndex(periodOf(program), monthOf(row.first_month));
  const months = Math.max(0, monthIndex(monthOf(row.last_month)) - monthIndex(monthOf(row.first_month)) + 1);
  const cost = counters.prices.slice(from, from + months).reduce((a, b) => a + b, 0);
  return {
    id: row.id,
    programId: row.program_id,
    workerId: row.worker_id,
    fullName: row.full_name,
    nikMasked: maskNik(row.nik),
    village: row.village_code,
    villageLabel: labels.get(row.village_code) ?? row.village_code,
    segment: row.segment as SegmentCode,
    status: row.status as EnrollmentStatus,
    firstMonth: monthOf(row.first_month),
    lastMonth: monthOf(row.last_month),
    months,
    cost,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at.toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    rejectReason: row.reject_reason,
    endReason: row.end_reason as EndReason | null,
    endNote: row.end_note,
    batchId: row.batch_id,
    kpjNumber: row.kpj_number,
    coverageStart: row.coverage_start,
    coverageState: row.coverage_state,
  };
}

export async function listEnrollments(
  db: Db,
  ctx: RequestContext,
  programId: string,
  query: EnrollmentListQuery,
  clock: Clock = systemClock,
) {
  const actor = requireEnrollmentReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await loadProgram(tx, actor, programId);
    const { items, total } = await workers.listEnrollments(tx, actor.scope, program.id, query, todayWib(clock()));
    const labels = await scopeLabels(tx, [...new Set(items.map((i) => i.village_code))], actor.locale);
    return {
      items: items.map((i) => presentEnrollment(i, program, labels)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

/** Registered workers of the target segments not yet enrolled, per village (aggregates only). */
export async function programGaps(db: Db, ctx: RequestContext, programId: string): Promise<GapList> {
  const actor = requireProgramReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await loadProgram(tx, actor, programId);
    const rows = await workers.gapsByVillage(tx, actor.scope, {
      id: program.id,
      region: program.region_code,
      targetSegments: program.target_segments,
    });
    const labels = await scopeLabels(
      tx,
      rows.map((r) => r.village_code),
      actor.locale,
    );
    const items = rows.map((r) => {
      const registered = Number(r.registered);
      const enrolled = Number(r.enrolled);
      return {
        village: r.village_code,
        villageLabel: labels.get(r.village_code) ?? r.village_code,
        registered,
        enrolled,
        gap: registered - enrolled,
      };
    });
    const sum = (k: 'registered' | 'enrolled' | 'gap') => items.reduce((a, i) => a + i[k], 0);
    return { items, totals: { registered: sum('registered'), enrolled: sum('enrolled'), gap: sum('gap') } };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The BPJS branch's answer (exchange module)

/**
 * Records the branch's answer to a registration batch inside the caller's transaction (the exchange module's log
 * row and audit commit with it): accepted → active with KPJ and coverage start, rejected → rejected with the
 * branch's reason, which frees the slot. The caller checks roles and scope; the programme row is locked first so
 * the slot counters change in turn with proposals.
 */
export async function recordBatchAnswer(
  tx: Tx,
  actor: Actor,
  batch: { id: string; programId: string },
  answer: Parameters<typeof repo.recordBatchAnswer>[4],
): Promise<{ activated: string[]; rejected: string[] }> {
  await repo.lockProgram(tx, batch.programId);
  return repo.recordBatchAnswer(tx, actor.scope, batch.id, actor.username, answer);
}

/** Every enrollment of one worker in the actor's scope, with its programme's name (the "Data saya" export). */
export async function workerEnrollments(db: Db, ctx: RequestContext, workerId: string) {
  const actor = requireEnrollmentReader(ctx);
  return withScope(db, actor.scope, (tx) =>
    tx
      .selectFrom('enrollment as e')
      .innerJoin('program as p', 'p.id', 'e.program_id')
      .where(() => regionInScope('e.village_code', actor.scope))
      .where('e.worker_id', '=', workerId)
      .select([
        'p.name as program',
        'e.status',
        'e.first_month as firstMonth',
        'e.last_month as lastMonth',
        'e.kpj_number as kpj',
        'e.coverage_start as coverageStart',
        'e.paid_through as paidThrough',
        'e.proposed_at as proposedAt',
        'e.decided_at as decidedAt',
        'e.reject_reason as rejectReason',
        'e.end_reason as endReason',
        'e.batch_id as batchId',
      ])
      .orderBy('e.first_month')
      .execute(),
  );
}
