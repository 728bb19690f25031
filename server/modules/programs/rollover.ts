// "Lanjutkan ke tahun berikutnya" (issue 18 §4): a programme is copied to the period after its own, priced with the
// rules in force for those months, with a new DPA reference, and its members who remain eligible are proposed in
// one set-based step. The preview runs the very same transaction and rolls it back, so what it shows is what a
// roll-over would do.
import type { IneligibilityReason, Month } from '../../../lib/rules/eligibility.ts';
import {
  addMonths,
  capacityFor,
  firstDay,
  lastMonthOf,
  monthOf,
  type Funder,
  type Package,
} from '../../../lib/rules/eligibility.ts';
import type { RolloverView } from '../../../lib/contracts/programs.ts';
import { word } from '../../../lib/i18n/words.ts';
import { REASON_MESSAGES } from '../../../lib/rules/eligibility.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { checkPersons } from './enrollment.eligibility.ts';
import * as repo from './programs.repository.ts';
import { assertManages, requireProgramManager } from './programs.policy.ts';
import { constraintError, countersOf, loadProgram, priceProgram, periodOf } from './programs.service.ts';
import { proposeWithWages } from './pu.proposals.ts';
import { puOf } from './pu.pricing.ts';
import * as workers from './programs.workers.ts';
import { PU_WORDS } from './pu.words.ts';
import { sql } from 'kysely';

/** Why a member is not carried: an ending that closes the membership, or an eligibility reason for the new period. */
export type NotCarriedReason =
  IneligibilityReason | 'ENDED_DEATH' | 'ENDED_MOVED' | 'ENDED_REPLACED' | 'ENDED_WITHDRAWN';

export type RolloverInput = { dpaReference: string; budgetCeiling: number; quota?: number; name?: string };

export type RolloverResult = {
  programId: string | null;
  startMonth: Month;
  months: number;
  prices: number[];
  carried: { workerId: string }[];
  notCarried: { workerId: string; reason: NotCarriedReason }[];
  /** What the carried members cost over the new period. */
  budgetNeeded: number;
};

class Preview extends Error {
  constructor(readonly result: RolloverResult) {
    super('preview');
  }
}

/** The source's members: every enrollment that was active at the end, or ended (with the reason). */
async function members(tx: Parameters<typeof repo.findProgram>[0], programId: string) {
  const r = await sql<{ worker_id: string; status: string; end_reason: string | null; wage: string | null }>`
    SELECT DISTINCT ON (worker_id) worker_id, status, end_reason, wage
    FROM enrollment
    WHERE program_id = ${programId}::bigint AND status IN ('active', 'ended')
    ORDER BY worker_id, last_month DESC, id DESC`.execute(tx);
  return r.rows;
}

export async function rollOver(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: RolloverInput,
  options: { dryRun?: boolean } = {},
): Promise<RolloverResult> {
  const actor = requireProgramManager(ctx);
  try {
    return await withScope(db, actor.scope, async (tx) => {
      const source = await loadProgram(tx, actor, programId);
      assertManages(actor, source.region_code);
      const startMonth = addMonths(lastMonthOf(periodOf(source)), 1);
      const pu = puOf(source);
      const priced = await priceProgram(db, {
        funder: source.funder as Funder,
        package: source.package as Package,
        declaredIncome: Number(source.declared_income),
        startMonth,
        months: source.months,
        category: source.category === 'pu' ? 'pu' : 'bpu',
        pu,
      });
      const { id: _i, created_at: _c, updated_at: _u, persons_by_month: _p, money_by_month: _m, ...terms } = source;
      const next = await repo.insertProgram(tx, {
        ...terms,
        declared_income: Number(source.declared_income),
        budget_ceiling: input.budgetCeiling,
        quota: input.quota ?? source.quota,
        name: input.name ?? `${source.name} (lanjutan ${startMonth.slice(0, 4)})`,
        start_month: firstDay(startMonth),
        dpa_reference: input.dpaReference,
        price_by_month: priced.prices,
        price_rule_keys: priced.ruleKeys,
        service_months: null,
        created_by: actor.username,
      });
      await writeAudit(tx, ctx, {
        action: 'program.create',
        entity: 'program',
        entityId: next.id,
        region: next.region_code,
        after: { rolledOverFrom: source.id, startMonth, dpaReference: input.dpaReference },
      });
      const all = await members(tx, source.id);
      const notCarried: RolloverResult['notCarried'] = [];
      const stay = all.filter((m) => {
        if (m.status === 'ended' && m.end_reason !== 'period_end') {
          notCarried.push({
            workerId: m.worker_id,
            reason: `ENDED_${String(m.end_reason).toUpperCase()}` as NotCarriedReason,
          });
          return false;
        }
        return true;
      });
      const months = { first: startMonth, last: lastMonthOf({ startMonth, months: next.months }) };
      const range = { ...months, fromIndex: 0, toIndex: next.months - 1 };
      let carried: string[] = [];
      let budgetNeeded = 0;
      if (next.category === 'pu') {
        const out = await proposeWithWages(
          db,
          tx,
          ctx,
          actor,
          next,
          stay.map((m) => ({ workerId: m.worker_id, wage: Number(m.wage ?? next.declared_income) })),
          range,
          { auditNote: { rolledOverFrom: source.id } },
        );
        carried = out.proposed.map((p) => p.workerId);
        budgetNeeded = out.cost;
        for (const n of out.notProposed) notCarried.push({ workerId: n.workerId, reason: n.reasons[0]! });
      } else {
        const candidates = await workers.candidatesByIds(
          tx,
          actor.scope,
          stay.map((m) => m.worker_id),
        );
        const found = new Set(candidates.map((c) => c.id));
        for (const m of stay)
          if (!found.has(m.worker_id)) notCarried.push({ workerId: m.worker_id, reason: 'OUTSIDE_REGION' });
        const checked = await checkPersons(db, tx, next, candidates, months);
        const room = capacityFor(countersOf(next), 0, next.months - 1);
        const fits = Math.min(room.freeSlots, room.budgetSlots);
        const taken: typeof candidates = [];
        for (const c of checked) {
          if (c.reasons.length === 0 && taken.length >= room.freeSlots) c.reasons.push('QUOTA_FULL');
          else if (c.reasons.length === 0 && taken.length >= fits) c.reasons.push('BUDGET_EXCEEDED');
          if (c.reasons.length > 0) notCarried.push({ workerId: c.worker.id, reason: c.reasons[0]! });
          else taken.push(c.worker);
        }
        try {
          const inserted = await repo.insertEnrollments(
            tx,
            {
              programId: next.id,
              firstMonth: firstDay(months.first),
              lastMonth: firstDay(months.last),
              proposedBy: actor.username,
            },
            taken.map((w) => ({ id: w.id, village: w.village_code })),
          );
          await writeAudit(tx, ctx, {
            action: 'enrollment.propose',
            entity: 'program',
            entityId: next.id,
            region: next.region_code,
            after: {
              rolledOverFrom: source.id,
              proposed: inserted.map((r) => ({ enrollmentId: r.id, workerId: r.worker_id })),
            },
          });
        } catch (err) {
          throw constraintError(err, next.name, actor.locale);
        }
        carried = taken.map((w) => w.id);
        budgetNeeded = taken.length * room.costPerPerson;
      }
      const result: RolloverResult = {
        programId: options.dryRun ? null : next.id,
        startMonth: monthOf(next.start_month),
        months: next.months,
        prices: priced.prices,
        carried: carried.map((workerId) => ({ workerId })),
        notCarried,
        budgetNeeded,
      };
      if (options.dryRun) throw new Preview(result);
      return result;
    });
  } catch (err) {
    if (err instanceof Preview) return err.result;
    throw err;
  }
}

/** The roll-over as the page shows it: each person named (masked NIK) and each "not carried" with its reason. */
export async function rollOverView(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: RolloverInput,
  options: { dryRun?: boolean } = {},
): Promise<RolloverView> {
  const result = await rollOver(db, ctx, programId, input, options);
  const actor = requireProgramManager(ctx);
  const ids = [...result.carried, ...result.notCarried].map((p) => p.workerId);
  const named = await withScope(db, actor.scope, (tx) => workers.candidatesByIds(tx, actor.scope, ids));
  const byId = new Map(named.map((w) => [w.id, w]));
  const person = (workerId: string) => {
    const w = byId.get(workerId);
    return { workerId, fullName: w?.full_name ?? '—', nikMasked: w ? maskNik(w.nik) : '—' };
  };
  const byName = (a: { fullName: string }, b: { fullName: string }) => a.fullName.localeCompare(b.fullName, 'id');
  return {
    programId: result.programId,
    startMonth: result.startMonth,
    endMonth: lastMonthOf(result),
    months: result.months,
    prices: result.prices,
    budgetNeeded: result.budgetNeeded,
    budgetCeiling: input.budgetCeiling,
    carried: result.carried.map((c) => person(c.workerId)).sort(byName),
    notCarried: result.notCarried
      .map((n) => ({
        ...person(n.workerId),
        reason: n.reason,
        message: n.reason.startsWith('ENDED_')
          ? word(PU_WORDS[n.reason as keyof typeof PU_WORDS], actor.locale)
          : REASON_MESSAGES[n.reason as IneligibilityReason][actor.locale],
      }))
      .sort(byName),
  };
}
