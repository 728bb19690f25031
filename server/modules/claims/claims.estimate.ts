// Estimate of the benefit of one event (issue 15 §3, §9): from the benefit rule rows in force on the event date.
// With a NIK the coverage check at that date (billing's checkCoverage: lindung_coverage_state, lapse-aware) decides
// `covered`, and the worker's declared income and months of contributions feed the rules; with an income it is a
// hypothetical estimate (covered null). The same function serves the API, the CLI and the intake.
import type { CoverageCheckResult, CoverageSource } from '../../../lib/contracts/billing.ts';
import type { EstimateRequest, EstimateResult, GapReason } from '../../../lib/contracts/claims.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import {
  BenefitRuleGapError,
  EntitlementInputError,
  entitlement,
  type Entitlement,
  type EntitlementInput,
} from '../../../lib/rules/benefits-entitlement.ts';
import { monthIndex, monthOf } from '../../../lib/rules/eligibility.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { checkCoverage } from '../billing/index.ts';
import { requireClaimReader } from './claims.policy.ts';
import * as repo from './claims.repository.ts';

const FIELD_WORDS: Record<EntitlementInputError['field'], { id: string; en: string }> = {
  wage: {
    id: 'upah/penghasilan pekerja belum tercatat, jadi manfaat berbasis upah tidak dapat dihitung; isi penghasilan di data pekerja',
    en: "the worker's wage/income is not recorded, so wage-based benefits cannot be computed; fill in the income on the worker record",
  },
  percent: { id: 'cacat sebagian perlu persentase', en: 'partial disability needs a percentage' },
  months: { id: 'STMB perlu jumlah bulan', en: 'STMB needs a number of months' },
  outcome: { id: 'JKK perlu akibat kecelakaan', en: 'JKK needs an outcome' },
};

/** The entitlement from the rules in the database, with rule gaps and missing inputs as AppErrors. */
export async function entitlementFromRules(db: Db, input: EntitlementInput, locale: Locale): Promise<Entitlement> {
  const rules = await repo.benefitRules(db);
  try {
    return entitlement(rules, input);
  } catch (err) {
    if (err instanceof BenefitRuleGapError) throw new AppError('BENEFIT_RULE_GAP', { rule: err.rule, date: err.date });
    if (err instanceof EntitlementInputError) {
      throw new AppError('VALIDATION_FAILED', { detail: FIELD_WORDS[err.field][locale] });
    }
    throw err;
  }
}

/**
 * Months of contributions (masa iur) up to the event: the longest participation, counted from its first month to
 * the last month paid (or the event month, if earlier). Participations are not added up: they may overlap.
 */
export function contributionMonthsAt(programs: readonly CoverageSource[], date: string): number {
  const event = monthIndex(monthOf(date));
  let best = 0;
  for (const p of programs) {
    const first = monthIndex(monthOf(p.coverageStart));
    const last = Math.min(event, p.paidThrough ? monthIndex(p.paidThrough) : event);
    best = Math.max(best, last - first + 1);
  }
  return best;
}

/** Why a person was not covered on the date, as a code and the date since when (for the gap ledger). */
export function gapOf(
  check: CoverageCheckResult,
  deathDate: string | null,
  date: string,
  registered = true,
): { reason: GapReason; since: string | null } | null {
  if (check.covered) return null;
  // Someone of an imported list whom neither the registry in scope nor any participation knows.
  if (!registered && check.programs.length === 0) return { reason: 'not_registered', since: null };
  if (deathDate !== null && deathDate < date) return { reason: 'after_death', since: deathDate };
  const p = check.programs;
  const lapsed = p
    .filter((x) => x.state === 'lapsed')
    .sort((a, b) => (b.lapseDate ?? '').localeCompare(a.lapseDate ?? ''));
  if (lapsed[0]) return { reason: 'lapsed', since: lapsed[0].lapseDate };
  const starting = p.find((x) => x.state === 'not_started');
  if (starting) return { reason: 'not_started', since: starting.coverageStart };
  if (p.some((x) => x.state === 'ended')) return { reason: 'ended', since: null };
  return { reason: 'not_enrolled', since: null };
}

/** The participation that speaks for the person on the date: covered first, then the latest one. */
export function speakingParticipation(check: CoverageCheckResult): CoverageSource | null {
  return check.programs.find((p) => p.state === 'covered') ?? check.programs[0] ?? null;
}

/** `POST /api/claims/estimate` and `lindung claims estimate`. */
export async function estimate(
  db: Db,
  ctx: RequestContext,
  req: EstimateRequest,
  options: { locale?: Locale } = {},
): Promise<EstimateResult> {
  const actor = requireClaimReader(ctx);
  const locale = options.locale ?? actor.locale;
  const outcome = { outcome: req.outcome ?? null, percent: req.percent ?? null, months: req.months ?? null };
  if (req.nik === undefined) {
    const e = await entitlementFromRules(
      db,
      {
        type: req.type,
        date: req.date,
        wage: req.income ?? null,
        contributionMonths: req.contributionMonths ?? 0,
        ...outcome,
      },
      locale,
    );
    return { covered: null, reason: null, ...e };
  }
  const nik = req.nik;
  const check = await checkCoverage(db, ctx, { nik, date: req.date }, { locale });
  const worker = await withScope(db, actor.scope, (tx) => repo.workerByNik(tx, actor.scope, nik));
  const wage = worker?.monthly_income == null ? null : Number(worker.monthly_income);
  const e = await entitlementFromRules(
    db,
    {
      type: req.type,
      date: req.date,
      wage,
      contributionMonths: req.contributionMonths ?? contributionMonthsAt(check.programs, req.date),
      ...outcome,
    },
    locale,
  );
  return { covered: check.covered, reason: check.reason, ...e };
}
