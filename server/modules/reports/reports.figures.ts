// The figures one monthly report is drawn from, gathered through other modules' public APIs (coverage, targets,
// programmes, regions). The PDF and the XLSX are pure layouts of this object, and it is stored with the report.
import { PROGRAM_CATEGORIES, type ProgramCategory, type ProgramSummary } from '../../../lib/contracts/programs.ts';
import type { TargetProgress } from '../../../lib/contracts/targets.ts';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { billingByMonth } from '../billing/index.ts';
import { claimsFigures, lastDayOf } from '../claims/index.ts';
import type { ClaimFigures } from '../../../lib/contracts/claims-figures.ts';
import { activeCounts, coverageSummary } from '../coverage/index.ts';
import { listPrograms } from '../programs/index.ts';
import { listChildren, regionWithPath } from '../regions/index.ts';
import { ACTIVE_SOURCE, regionTargets } from '../targets/index.ts';
import { AppError } from '../../platform/errors.ts';
import { MONTH_NAMES } from '../../../lib/i18n/months.ts';

export type DistrictFigure = {
  region: string;
  label: string;
  active: number;
  employed: number | null;
  bpuUniverse: number | null;
  coveragePercent: number | null;
  /**
   * The reconciling row, not a region: active participants the headline counts but no child region holds (BPJS rows
   * whose village is unknown), or, negative, persons counted under more than one child region.
   */
  unlocated?: true;
};

/** The label of the reconciling row (see DistrictFigure.unlocated). */
export function unlocatedLabel(persons: number): string {
  return persons >= 0
    ? 'Desa/kelurahan tidak diketahui'
    : 'Dikurangi: peserta yang tercatat di lebih dari satu wilayah';
}

export type ReportFigures = {
  region: string;
  regionLabel: string;
  /** "Kabupaten Bantul": the heading's form. */
  regionTitle: string;
  childLevelLabel: string;
  month: string;
  monthLabel: string;
  generatedAt: string;
  active: number;
  activeBpu: number;
  denominators: {
    employed: { persons: number; year: number; source: string } | null;
    bpuUniverse: { persons: number; year: number; source: string } | null;
  };
  coveragePercent: number | null;
  bpuCoveragePercent: number | null;
  formulas: { total: string; bpu: string };
  trend: { month: string; active: number }[];
  districts: DistrictFigure[];
  targets: TargetProgress[];
  programs: (Pick<
    ProgramSummary,
    'name' | 'funder' | 'quota' | 'quotaFilled' | 'committed' | 'budgetCeiling' | 'startMonth' | 'endMonth'
  > & { category?: ProgramCategory })[];
  /** Programmes' ceilings and committed money; billed and paid from January to the month (null: not readable). */
  budget: {
    ceiling: number;
    committed: number;
    billed: number | null;
    paid: number | null;
    /**
     * The same split by programme category (issue 18 §6): BPU programmes hold persons × package price, PU programmes
     * the sum of each person's price on their wage. Absent in reports made before the split existed.
     */
    byCategory?: Record<ProgramCategory, CategoryBudget>;
  };
  activeSource: string;
  /** Claims from January to the month (issue 15 §8); absent in reports made before claims figures existed. */
  claims?: ClaimFigures;
};

export type CategoryBudget = { programs: number; ceiling: number; committed: number };

/** Ceilings and committed money of the programmes of each category (the programmes' own figures, summed). */
export function budgetByCategory(
  programs: readonly Pick<ProgramSummary, 'category' | 'budgetCeiling' | 'committed'>[],
): Record<ProgramCategory, CategoryBudget> {
  const out = Object.fromEntries(
    PROGRAM_CATEGORIES.map((c) => [c, { programs: 0, ceiling: 0, committed: 0 }]),
  ) as Record<ProgramCategory, CategoryBudget>;
  for (const p of programs) {
    const row = out[p.category];
    row.programs += 1;
    row.ceiling += p.budgetCeiling;
    row.committed += p.committed;
  }
  return out;
}

/** "2026-10" → "Oktober 2026". */
export function monthLabelId(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES.id[m - 1]} ${y}`;
}

const TITLE_KIND: Record<string, string> = {
  provinsi: 'Provinsi',
  kabupaten: 'Kabupaten',
  kota: 'Kota',
  kecamatan: 'Kecamatan',
  desa: 'Desa',
  kelurahan: 'Kelurahan',
};
const CHILD_LEVEL: Record<string, string> = {
  province: 'Kabupaten/Kota',
  regency: 'Kecamatan',
  district: 'Desa/Kelurahan',
  village: '-',
};

const percent = (part: number, whole: number | null) =>
  whole && whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null;

/** A clock in the month after `month`, so targets are measured as of the reported month. */
function clockFor(month: string): () => Date {
  const next = addMonths(month, 1);
  return () => new Date(`${next}-15T03:00:00Z`);
}

export async function collectFigures(
  db: Db,
  ctx: RequestContext,
  region: string,
  month: string,
  now: Date,
): Promise<ReportFigures> {
  const place = await regionWithPath(db, region);
  if (!place) throw new AppError('REGION_UNKNOWN', { region });
  const year = Number(month.slice(0, 4));
  const [summary, trendRows, childRows, children, planned, programs] = await Promise.all([
    coverageSummary(db, ctx, { region, month }),
    activeCounts(db, ctx, { region, fromMonth: addMonths(month, -11), toMonth: month, by: 'total' }),
    activeCounts(db, ctx, { region, fromMonth: month, toMonth: month, by: 'child' }),
    listChildren(db, region),
    regionTargets(db, ctx, region, year, clockFor(month)),
    listPrograms(db, ctx, { page: 1, pageSize: 200 }),
  ]);
  // Bills and payments of the year so far, when the role may read them (billing refuses the pimpinan role).
  const bills = await billingByMonth(db, ctx, { region, fromMonth: `${month.slice(0, 4)}-01`, toMonth: month }).catch(
    (err: unknown) => {
      if (err instanceof AppError) return null;
      throw err;
    },
  );
  const { rows: _claimRows, ...claims } = await claimsFigures(db, region, {
    from: `${month.slice(0, 4)}-01-01`,
    to: lastDayOf(month),
  });
  const trend: { month: string; active: number }[] = [];
  for (let i = 11; i >= 0; i--) {
    const m = addMonths(month, -i);
    trend.push({ month: m, active: trendRows.find((r) => r.month === m)?.persons ?? 0 });
  }
  const denominatorsOfChild = new Map(planned.children.map((c) => [c.region, c]));
  const districts: DistrictFigure[] = children.map((c) => {
    const active = childRows.filter((r) => r.key === c.code).reduce((s, r) => s + r.persons, 0);
    const d = denominatorsOfChild.get(c.code);
    return {
      region: c.code,
      label: c.label,
      active,
      employed: d?.employed ?? null,
      bpuUniverse: d?.bpuUniverse ?? null,
      coveragePercent: percent(active, d?.employed ?? null),
    };
  });
  // The table must add up to the headline: what no child region holds gets a row of its own, never left out.
  const rest = summary.active - districts.reduce((s, d) => s + d.active, 0);
  if (rest !== 0 && districts.length > 0) {
    districts.push({
      region: '',
      label: unlocatedLabel(rest),
      active: rest,
      employed: null,
      bpuUniverse: null,
      coveragePercent: null,
      unlocated: true,
    });
  }
  const mine = programs.items.filter((p) => p.region === region || p.region.startsWith(`${region}.`));
  const own = place.path[place.path.length - 1]!;
  return {
    region,
    regionLabel: place.fullLabel,
    regionTitle: `${TITLE_KIND[own.kind] ?? ''} ${own.name}`.trim(),
    childLevelLabel: CHILD_LEVEL[own.level] ?? '-',
    month,
    monthLabel: monthLabelId(month),
    generatedAt: now.toISOString(),
    active: summary.active,
    activeBpu: summary.activeBpu,
    denominators: planned.denominators,
    coveragePercent: percent(summary.active, planned.denominators.employed?.persons ?? null),
    bpuCoveragePercent: percent(summary.activeBpu, planned.denominators.bpuUniverse?.persons ?? null),
    formulas: summary.formulas,
    trend,
    districts,
    targets: planned.targets,
    programs: mine.map((p) => ({
      name: p.name,
      funder: p.funder,
      quota: p.quota,
      quotaFilled: p.quotaFilled,
      committed: p.committed,
      budgetCeiling: p.budgetCeiling,
      startMonth: p.startMonth,
      endMonth: p.endMonth,
      category: p.category,
    })),
    budget: {
      ceiling: mine.reduce((s, p) => s + p.budgetCeiling, 0),
      committed: mine.reduce((s, p) => s + p.committed, 0),
      billed: bills ? bills.reduce((s, b) => s + b.billed, 0) : null,
      paid: bills ? bills.reduce((s, b) => s + b.paid, 0) : null,
      byCategory: budgetByCategory(mine),
    },
    activeSource: ACTIVE_SOURCE.id,
    claims,
  };
}
