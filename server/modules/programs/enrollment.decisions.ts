// Decisions on enrollments by the programme's managers: verify (each worker checked again), reject, end, submit
// a batch to BPJS TK, activate with the branch's answer.
import type { EndReason, EnrollmentStatus, VerifyResult } from '../../../lib/contracts/programs.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import {
  addMonths,
  currentMonthWib,
  firstDay,
  lastMonthOf,
  monthAt,
  monthIndex,
  monthOf,
  type Month,
} from '../../../lib/rules/eligibility.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidField } from '../../platform/validation.ts';
import { checkPersons, reasonText } from './enrollment.eligibility.ts';
import * as repo from './programs.repository.ts';
import { assertManages, requireProgramManager } from './programs.policy.ts';
import { loadProgram, periodOf, systemClock, type Clock } from './programs.service.ts';
import * as workers from './programs.workers.ts';
import { word } from '../../../lib/i18n/words.ts';
import { PROGRAM_WORDS } from './programs.words.ts';

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
      entity: word(PROGRAM_WORDS.enrollment, actor.locale, { id: missing }),
    });
  }
  const wrong = rows.find((r) => !expected.includes(r.status as EnrollmentStatus));
  if (wrong) {
    const words = STATUS_WORDS[actor.locale];
    throw new AppError('ENROLLMENT_STATE', {
      worker: wrong.full_name,
      status: words[wrong.status as EnrollmentStatus],
      action: ACTION_WORDS[action][actor.locale],
      expected: expected.map((s) => words[s]).join(word(PROGRAM_WORDS.or, actor.locale)),
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
      const message = word(PROGRAM_WORDS.chooseMonth, actor.locale, { from: before, to: end });
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
