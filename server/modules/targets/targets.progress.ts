// A target's progress: active persons over the last seven months (the coverage module's count), the target in
// persons against the workforce denominator, the gap, the months to close it at the current pace, and the APBD
// needed to close it, priced by the contribution engine.
import type { RuleRow } from '../../../lib/contracts/contributions.ts';
import type { TargetProgress, TargetPu, WorkforceKind } from '../../../lib/contracts/targets.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { formatNumberIn } from '../../../lib/i18n/numbers.ts';
import { addMonths, currentMonthWib, monthIndex } from '../../../lib/rules/eligibility.ts';
import { terbilangRupiah } from '../../../lib/rules/terbilang.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { cost, listRules, quote } from '../contributions/index.ts';
import { ACTIVE_SOURCE, activeCounts } from './targets.active.ts';
import { canEdit } from './targets.policy.ts';
import type * as repo from './targets.repository.ts';
import { word } from '../../../lib/i18n/words.ts';
import { TARGET_WORDS } from './targets.words.ts';

const BASIS_PACKAGE = 'BPU JKK+JKM';

export function percentOf(row: repo.TargetDbRow): number {
  return Number(row.target_percent);
}

/**
 * The months the gap would be paid for: from the month after the current one to December of the target year;
 * when the target year is ahead, its twelve months; when no month of it is left, twelve months from next month.
 */
export function costPeriod(
  targetYear: number,
  current: string,
  locale: Locale = 'id',
): { fromMonth: string; months: number; note: string } {
  const next = addMonths(current, 1);
  const nextYear = Number(next.slice(0, 4));
  if (targetYear > nextYear) {
    return {
      fromMonth: `${targetYear}-01`,
      months: 12,
      note: word(TARGET_WORDS.yearAhead, locale, { year: targetYear }),
    };
  }
  if (targetYear === nextYear) {
    const months = monthIndex(`${targetYear}-12`) - monthIndex(next) + 1;
    return {
      fromMonth: next,
      months,
      note: word(TARGET_WORDS.monthsLeft, locale, { months, year: targetYear }),
    };
  }
  return {
    fromMonth: next,
    months: 12,
    note: word(TARGET_WORDS.yearOver, locale, { year: targetYear }),
  };
}

/** The target's PU pricing terms (issue 18 §6), or null: its gap is priced as the cheapest BPU package. */
export function puOfTarget(row: repo.TargetDbRow): TargetPu | null {
  if (row.pu_wage === null || row.pu_risk_class === null || row.pu_employer_size === null || !row.pu_programs) {
    return null;
  }
  return {
    wage: Number(row.pu_wage),
    riskClass: row.pu_risk_class as TargetPu['riskClass'],
    employerSize: row.pu_employer_size as TargetPu['employerSize'],
    programs: row.pu_programs as TargetPu['programs'],
  };
}

const PROGRAM_ORDER = ['jkk', 'jkm', 'jht', 'jp', 'jkp'] as const;

/**
 * APBD needed to close a gap of wage earners (PU): persons × their price at the reference wage × months, each month
 * quoted on its first day by the contribution engine (so a JP wage cap change inside the period counts), as a PU
 * programme is priced: the employer's and the worker's parts, not the central government's JKP part.
 */
async function puGapCost(
  db: Db,
  persons: number,
  pu: TargetPu,
  period: { fromMonth: string; months: number; note: string },
  locale: Locale,
) {
  const programs = PROGRAM_ORDER.filter((p) => pu.programs.includes(p));
  const input = {
    category: 'pu' as const,
    wage: pu.wage,
    riskClass: pu.riskClass,
    employerSize: pu.employerSize,
    programs: [...programs],
  };
  const date = `${period.fromMonth}-01`;
  const [priced, first] = await Promise.all([
    cost(db, { input, persons, months: period.months, startMonth: period.fromMonth }),
    quote(db, { ...input, date }),
  ]);
  const { employer, worker } = priced.byPayer;
  const total = employer + worker;
  const wage = formatNumberIn(pu.wage, locale);
  return {
    category: 'pu' as const,
    package: `PU ${programs.map((p) => p.toUpperCase()).join('+')}`,
    declaredIncome: pu.wage,
    funding: 'apbd' as const,
    perPersonMonth: first.byPayer.employer + first.byPayer.worker,
    byPayer: { employer, worker },
    months: period.months,
    fromMonth: period.fromMonth,
    total,
    totalWords: terbilangRupiah(total),
    rulesUsed: first.rulesUsed,
    note:
      locale === 'en'
        ? `${formatNumberIn(persons, 'en')} wage earners (PU) at a reference wage of Rp${wage}, JKK risk class ` +
          `${pu.riskClass}, ${pu.employerSize} employer × contribution per month × ${period.note}. The Pemda pays as ` +
          "employer: the employer's and the worker's parts are both counted."
        : `${formatNumberIn(persons, 'id')} penerima upah (PU) dengan upah acuan Rp${wage}, kelas risiko JKK ` +
          `${pu.riskClass}, skala usaha ${SIZE_ID[pu.employerSize]} × iuran per bulan × ${period.note}. Pemda membayar ` +
          'sebagai pemberi kerja: bagian pemberi kerja dan bagian pekerja sama-sama dihitung.',
  };
}

const SIZE_ID: Record<TargetPu['employerSize'], string> = {
  micro: 'mikro',
  small: 'kecil',
  medium: 'menengah',
  large: 'besar',
};

/**
 * APBD needed to close a gap: persons × the cheapest eligible package × months (or, for a target priced as PU, at
 * its reference wage and PU terms: puGapCost). The package is BPU JKK+JKM at the
 * lowest declared income in the BPU income table, funded by APBD, priced month by month by the contribution
 * engine (which leaves the PP 50/2025 discount out for APBD-funded participants).
 */
export async function gapCost(
  db: Db,
  persons: number,
  period: { fromMonth: string; months: number; note: string },
  locale: Locale = 'id',
  pu: TargetPu | null = null,
) {
  if (pu) return puGapCost(db, persons, pu, period, locale);
  const date = `${period.fromMonth}-01`;
  const incomes = (await listRules(db, { key: 'bpu.income.row', date })).items
    .map((r) => (r.value.kind === 'income' ? r.value.rupiah : null))
    .filter((n): n is number => n !== null);
  if (incomes.length === 0) throw new AppError('RULE_GAP', { rule: 'bpu.income.row', date });
  const income = Math.min(...incomes);
  const input = {
    category: 'bpu' as const,
    income,
    programs: ['jkk' as const, 'jkm' as const],
    funding: 'apbd' as const,
    sector: 'other' as const,
  };
  const [priced, first] = await Promise.all([
    cost(db, { input, persons, months: period.months, startMonth: period.fromMonth }),
    quote(db, { ...input, date }),
  ]);
  // The income row first: the engine's rows say which one it used (a table may hold two rows of one income).
  const isIncome = (r: RuleRow) => r.key === 'bpu.income.row';
  const rulesUsed: RuleRow[] = [...first.rulesUsed.filter(isIncome), ...first.rulesUsed.filter((r) => !isIncome(r))];
  return {
    category: 'bpu' as const,
    package: BASIS_PACKAGE,
    declaredIncome: income,
    funding: 'apbd' as const,
    perPersonMonth: priced.months[0]?.perPerson ?? first.total,
    byPayer: null,
    months: period.months,
    fromMonth: period.fromMonth,
    total: priced.total,
    totalWords: terbilangRupiah(priced.total),
    rulesUsed,
    note:
      locale === 'en'
        ? `${formatNumberIn(persons, 'en')} persons × contribution per month × ${period.note}. Funded by the APBD, so ` +
          'the PP 50/2025 discount does not apply (contributions paid by the APBN/APBD are excluded).'
        : `${formatNumberIn(persons, 'id')} orang × iuran per bulan × ${period.note}. Dibiayai APBD, jadi diskon ` +
          'PP 50/2025 tidak berlaku (dikecualikan untuk iuran yang dibayar APBN/APBD).',
  };
}

/** Active persons for the indicator over the last seven months (six increases), oldest first. */
export async function activeSeries(
  db: Db,
  ctx: RequestContext,
  region: string,
  kind: WorkforceKind,
  asOf: string,
): Promise<{ month: string; persons: number }[]> {
  const fromMonth = addMonths(asOf, -6);
  const rows = await activeCounts(db, ctx, {
    region,
    fromMonth,
    toMonth: asOf,
    by: kind === 'bpu_universe' ? 'category' : 'total',
  });
  const series: { month: string; persons: number }[] = [];
  for (let i = 0; i <= 6; i++) {
    const month = addMonths(fromMonth, i);
    const inMonth = rows.filter((r) => r.month === month && (kind !== 'bpu_universe' || r.key.toUpperCase() === 'BPU'));
    series.push({ month, persons: inMonth.reduce((s, r) => s + r.persons, 0) });
  }
  return series;
}

/** Months to close the gap at the average monthly increase; null when the pace is zero or falling. */
export function monthsToTarget(gap: number, monthlyIncrease: number): number | null {
  if (gap <= 0) return 0;
  if (monthlyIncrease <= 0) return null;
  return Math.ceil(gap / monthlyIncrease);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function progressOf(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  row: repo.TargetDbRow,
  labels: Map<string, string>,
  denominator: { persons: number; year: number; source: string } | undefined,
  clock: Clock,
): Promise<TargetProgress> {
  const current = currentMonthWib(clock());
  const lastComplete = addMonths(current, -1);
  const asOf = lastComplete < `${row.year}-12` ? lastComplete : `${row.year}-12`;
  const pace = await activeSeries(db, ctx, row.region_code, row.kind, asOf);
  const active = pace[pace.length - 1]?.persons ?? 0;
  const monthlyIncrease = round2((active - (pace[0]?.persons ?? 0)) / 6);
  const target = percentOf(row);
  const base = {
    id: String(row.id),
    region: row.region_code,
    regionLabel: labels.get(row.region_code) ?? row.region_code,
    year: row.year,
    kind: row.kind,
    targetPercent: target,
    basis: row.basis,
    document: row.document,
    pu: puOfTarget(row),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
    canEdit: canEdit(actor, row.region_code),
    asOfMonth: asOf,
    active,
    pace,
    monthlyIncrease,
    activeSource: ACTIVE_SOURCE[actor.locale],
  };
  if (!denominator || denominator.persons === 0) {
    return {
      ...base,
      denominator: denominator ?? null,
      targetPersons: null,
      progressPercent: null,
      achievedOfTarget: null,
      gapPersons: null,
      monthsToTarget: null,
      cost: null,
      costError:
        actor.locale === 'en'
          ? 'No workforce figure for this region and year yet: import the BPS figures first.'
          : 'Belum ada angka angkatan kerja untuk wilayah dan tahun ini: impor angka BPS lebih dulu.',
    };
  }
  const targetPersons = Math.ceil((denominator.persons * Math.round(target * 100)) / 10_000);
  const gap = Math.max(0, targetPersons - active);
  const progress = round2((active / denominator.persons) * 100);
  let costValue: TargetProgress['cost'] = null;
  let costError: string | null = null;
  if (gap > 0) {
    try {
      const period = costPeriod(row.year, current, actor.locale);
      costValue = await gapCost(db, gap, period, actor.locale, puOfTarget(row));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      costError = err.message;
    }
  }
  return {
    ...base,
    denominator,
    targetPersons,
    progressPercent: progress,
    achievedOfTarget: round2((progress / target) * 100),
    gapPersons: gap,
    monthsToTarget: monthsToTarget(gap, monthlyIncrease),
    cost: costValue,
    costError,
  };
}
