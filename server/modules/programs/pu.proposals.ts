// PU proposals with a wage per person (issue 18 §1–§4): rosters, roll-over and the election guard all end here.
// The same eligibility rules as every proposal; persons are taken in the given order while slots and the budget,
// at each person's own price, last; one INSERT and one UPDATE (set-based), under the programme's row lock.
import type { IneligibilityReason, Month } from '../../../lib/rules/eligibility.ts';
import {
  currentMonthWib,
  defaultFirstMonth,
  firstDay,
  lastMonthOf,
  periodIndex,
} from '../../../lib/rules/eligibility.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidField } from '../../platform/validation.ts';
import { word } from '../../../lib/i18n/words.ts';
import { PU_WORDS } from './pu.words.ts';
import { checkPersons } from './enrollment.eligibility.ts';
import * as repo from './programs.repository.ts';
import { requireProposer } from './programs.policy.ts';
import { constraintError, countersOf, loadProgram, periodOf, systemClock, type Clock } from './programs.service.ts';
import { costOver, priceWages, setEnrollmentWages } from './pu.pricing.ts';
import * as workers from './programs.workers.ts';
import { committedOf } from '../../../lib/rules/eligibility.ts';

export type WageProposal = { workerId: string; wage: number };

export type WageProposalOutcome = {
  proposed: { workerId: string; enrollmentId: string; wage: number; cost: number }[];
  notProposed: { workerId: string; reasons: IneligibilityReason[] }[];
  firstMonth: Month;
  lastMonth: Month;
  /** Money the proposed persons hold over their months. */
  cost: number;
};

/** The months a proposal covers: from `from` (or this month / the first month) to `to` (or the period's end). */
export function wageProposalMonths(
  program: repo.ProgramRow,
  clock: Clock,
  from?: Month,
  to?: Month,
): { first: Month; last: Month; fromIndex: number; toIndex: number } {
  const period = periodOf(program);
  const last = to ?? lastMonthOf(period);
  const first = from ?? defaultFirstMonth(period, currentMonthWib(clock()));
  if (first === null || periodIndex(period, first) === -1 || periodIndex(period, last) === -1 || last < first) {
    throw new AppError('PROGRAM_CLOSED', { program: program.name, end: lastMonthOf(period) });
  }
  return { first, last, fromIndex: periodIndex(period, first), toIndex: periodIndex(period, last) };
}

/**
 * Proposes persons with their wages for `months` of a PU programme whose row the caller has locked (inside the
 * caller's withScope transaction). `dryRun`: the same answer, nothing written.
 */
export async function proposeWithWages(
  db: Db,
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  program: repo.ProgramRow,
  rows: readonly WageProposal[],
  months: { first: Month; last: Month; fromIndex: number; toIndex: number },
  options: { dryRun?: boolean; auditNote?: Record<string, unknown> } = {},
): Promise<WageProposalOutcome> {
  if (program.category !== 'pu') throw new Error(`programme ${program.id} is not a PU programme`);
  const wageOf = new Map(rows.map((r) => [r.workerId, r.wage]));
  const candidates = await workers.candidatesByIds(tx, actor.scope, [...wageOf.keys()]);
  const found = new Set(candidates.map((c) => c.id));
  const checked = await checkPersons(db, tx, program, candidates, months);
  const table = await priceWages(db, program, [...wageOf.values()]);
  const counters = countersOf(program);
  const held = program.persons_by_month.slice(months.fromIndex, months.toIndex + 1);
  let freeSlots = Math.max(0, program.quota - Math.max(0, ...held));
  let budgetLeft = Number(program.budget_ceiling) - committedOf(counters);
  const taken: { worker: workers.CandidateRow; wage: number; cost: number }[] = [];
  const notProposed: WageProposalOutcome['notProposed'] = [];
  // In the caller's order (a roster's row order), not the registry's name order.
  const order = new Map(rows.map((r, i) => [r.workerId, i]));
  checked.sort((a, b) => (order.get(a.worker.id) ?? 0) - (order.get(b.worker.id) ?? 0));
  for (const c of checked) {
    const wage = wageOf.get(c.worker.id) ?? 0;
    const cost = costOver(table.get(wage)!, months.fromIndex, months.toIndex);
    if (c.reasons.length === 0 && freeSlots <= 0) c.reasons.push('QUOTA_FULL');
    else if (c.reasons.length === 0 && cost > budgetLeft) c.reasons.push('BUDGET_EXCEEDED');
    if (c.reasons.length > 0) {
      notProposed.push({ workerId: c.worker.id, reasons: c.reasons });
      continue;
    }
    freeSlots -= 1;
    budgetLeft -= cost;
    taken.push({ worker: c.worker, wage, cost });
  }
  for (const r of rows)
    if (!found.has(r.workerId)) notProposed.push({ workerId: r.workerId, reasons: ['OUTSIDE_REGION'] });
  let inserted: { id: string; worker_id: string }[] = [];
  if (!options.dryRun && taken.length > 0) {
    try {
      inserted = await repo.insertEnrollments(
        tx,
        {
          programId: program.id,
          firstMonth: firstDay(months.first),
          lastMonth: firstDay(months.last),
          proposedBy: actor.username,
        },
        taken.map((t) => ({ id: t.worker.id, village: t.worker.village_code })),
      );
      await setEnrollmentWages(
        tx,
        program.id,
        inserted.map((r) => ({ enrollmentId: r.id, wage: wageOf.get(r.worker_id) ?? 0 })),
        table,
      );
    } catch (err) {
      throw constraintError(err, program.name, actor.locale);
    }
    await writeAudit(tx, ctx, {
      action: 'enrollment.propose',
      entity: 'program',
      entityId: program.id,
      region: program.region_code,
      after: {
        ...options.auditNote,
        firstMonth: months.first,
        lastMonth: months.last,
        matched: rows.length,
        proposed: inserted.map((r) => ({ enrollmentId: r.id, workerId: r.worker_id, wage: wageOf.get(r.worker_id) })),
        notProposed: notProposed.length,
      },
    });
  }
  const enrollmentOf = new Map(inserted.map((r) => [r.worker_id, r.id]));
  return {
    proposed: taken.map((t) => ({
      workerId: t.worker.id,
      enrollmentId: enrollmentOf.get(t.worker.id) ?? '',
      wage: t.wage,
      cost: t.cost,
    })),
    notProposed,
    firstMonth: months.first,
    lastMonth: months.last,
    cost: taken.reduce((s, t) => s + t.cost, 0),
  };
}

/** The request form of `proposeWithWages`: locks the programme, checks the manager, runs in the actor's scope. */
export async function proposeWages(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: { rows: readonly WageProposal[]; fromMonth?: Month; toMonth?: Month; dryRun?: boolean },
  clock: Clock = systemClock,
): Promise<WageProposalOutcome> {
  const actor = requireProposer(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await loadProgram(tx, actor, programId, { lock: !input.dryRun });
    if (program.category !== 'pu') {
      throw invalidField('programId', word(PU_WORDS.notPu, actor.locale, { program: program.name }), actor.locale);
    }
    const months = wageProposalMonths(program, clock, input.fromMonth, input.toMonth);
    return proposeWithWages(db, tx, ctx, actor, program, input.rows, months, { dryRun: input.dryRun ?? false });
  });
}
