// Proposals: workers chosen one by one or by the registry's filters, checked and enrolled while slots and budget
// last (issue 5 §1).
import type { ProposalRequest, ProposalResult } from '../../../lib/contracts/programs.ts';
import { PROPOSAL_PEOPLE_SHOWN } from '../../../lib/contracts/programs.ts';
import {
  allocate,
  capacityReason,
  currentMonthWib,
  defaultFirstMonth,
  firstDay,
  lastMonthOf,
  periodIndex,
  type Month,
} from '../../../lib/rules/eligibility.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidField } from '../../platform/validation.ts';
import { scopeLabels } from '../regions/index.ts';
import { checkPersons, countReasons, reasonText } from './enrollment.eligibility.ts';
import * as repo from './programs.repository.ts';
import { requireProposer } from './programs.policy.ts';
import { constraintError, loadProgram, periodOf, roomFrom, systemClock, type Clock } from './programs.service.ts';
import * as workers from './programs.workers.ts';
import { holdReferenceWage } from './pu.pricing.ts';

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
            channelId: input.channelId,
          },
          taken.map((c) => ({ id: c.worker.id, village: c.worker.village_code })),
        );
        // A PU programme (issue 18): persons proposed without a roster hold the price of its reference wage.
        if (program.category === 'pu') await holdReferenceWage(db, tx, program, inserted);
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
