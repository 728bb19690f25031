import { levelOfCode, type RegionLevel } from '../../../lib/access/roles.ts';
import type {
  ProgramCategory,
  EnrollmentStatus,
  ProgramCostPreview,
  ProgramCostPreviewRequest,
  ProgramCreate,
  ProgramDetail,
  ProgramListQuery,
  ProgramSummary,
  ProgramUpdate,
} from '../../../lib/contracts/programs.ts';
import { COVERAGE_STATES, type CoverageState } from '../../../lib/contracts/common.ts';
import { ENROLLMENT_STATUSES } from '../../../lib/contracts/programs.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import {
  capacityFor,
  committedOf,
  currentMonthWib,
  todayWib,
  ENGINE_FUNDING,
  lastMonthOf,
  monthOf,
  PACKAGE_PROGRAMS,
  programFigures,
  REGIONAL_FUNDERS,
  type Counters,
  type Funder,
  type Month,
  type Package,
} from '../../../lib/rules/eligibility.ts';
import { formatRupiah } from '../../../lib/rules/money.ts';
import { budgetCoverage } from '../../../lib/rules/program-budget.ts';
import type { SegmentCode } from '../../../lib/rules/segments.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidField } from '../../platform/validation.ts';
import { cost } from '../contributions/index.ts';
import { findRegion, scopeLabels } from '../regions/index.ts';
import * as repo from './programs.repository.ts';
import { assertManages, canManage, requireProgramManager, requireProgramReader } from './programs.policy.ts';

// ---------------------------------------------------------------------------------------------------------------
// Shared with the enrollment service

export type Period = { startMonth: Month; months: number };

export const programEntity = (locale: Locale) => word(PROGRAM_WORDS.programme, locale);

export function periodOf(row: repo.ProgramRow): Period {
  return { startMonth: monthOf(row.start_month), months: row.months };
}

export function countersOf(row: repo.ProgramRow): Counters {
  return {
    quota: row.quota,
    budgetCeiling: Number(row.budget_ceiling),
    prices: row.price_by_month.map(Number),
    persons: row.persons_by_month,
    ...(row.category === 'pu' && { money: row.money_by_month.map(Number) }),
  };
}

/** "This month" for the services: injectable so tests and the demo can pin it. */
import { systemClock, type Clock } from '../../platform/clock.ts';
import { word } from '../../../lib/i18n/words.ts';
import { PROGRAM_WORDS } from './programs.words.ts';
import { priceWage, puAnnualCost, puOf, puValuesOf, type PuPricedTerms } from './pu.pricing.ts';
export { systemClock, type Clock };

/** Finds a programme visible in the actor's scope (and locks its row for the transaction when asked). */
export async function loadProgram(
  tx: Tx,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<repo.ProgramRow> {
  if (options.lock && !(await repo.lockProgram(tx, id))) {
    throw new AppError('NOT_FOUND', { entity: programEntity(actor.locale) });
  }
  const row = await repo.findProgram(tx, actor.scope, id);
  if (!row) throw new AppError('NOT_FOUND', { entity: programEntity(actor.locale) });
  return row;
}

/**
 * Maps the database's last guards (migration 0006) to the catalogue: a CHECK on the programme's counters, or the
 * exclusion constraint against double coverage. With the programme row locked first these are not expected; they
 * protect every other writer.
 */
export function constraintError(err: unknown, program: string, locale: Locale): unknown {
  const e = err as { code?: string; constraint?: string };
  if (e.code === '23514' && e.constraint === 'program_quota_held') {
    return new AppError('QUOTA_FULL', {
      program,
      detail: word(PROGRAM_WORDS.quotaHeld, locale),
    });
  }
  if (e.code === '23514' && e.constraint === 'program_budget_held') {
    return new AppError('BUDGET_EXCEEDED', {
      program,
      detail: word(PROGRAM_WORDS.budgetHeld, locale),
    });
  }
  if (e.code === '23P01' || e.code === '23505') {
    return new AppError('CONFLICT', {
      detail: word(PROGRAM_WORDS.enrolledMeanwhile, locale),
    });
  }
  return err;
}

// ---------------------------------------------------------------------------------------------------------------
// Pricing with the contribution rules

type PricedTerms = { funder: Funder; package: Package; declaredIncome: number; startMonth: Month; months: number };

/**
 * The price per person for each month of the period, from the contribution engine (never a constant here). A PU
 * programme's own price is that of its reference wage (`declaredIncome`); each enrollment carries its own.
 */
export async function priceProgram(
  db: Db,
  p: PricedTerms & PuPricedTerms,
): Promise<{ prices: number[]; ruleKeys: string[] }> {
  if (p.category === 'pu' && p.pu) return priceWage(db, p.pu, p.declaredIncome, p);
  const result = await cost(db, {
    input: {
      category: 'bpu',
      income: p.declaredIncome,
      programs: PACKAGE_PROGRAMS[p.package],
      funding: ENGINE_FUNDING[p.funder],
      sector: 'other',
    },
    persons: 1,
    months: p.months,
    startMonth: p.startMonth,
  });
  return {
    prices: result.months.map((m) => m.perPerson),
    ruleKeys: [...new Set(result.months.flatMap((m) => m.ruleKeys))],
  };
}

async function annualCost(db: Db, row: repo.ProgramRow): Promise<number | null> {
  try {
    if (row.category === 'pu') return await puAnnualCost(db, row);
    const result = await cost(db, {
      input: {
        category: 'bpu',
        income: Number(row.declared_income),
        programs: PACKAGE_PROGRAMS[row.package as Package],
        funding: ENGINE_FUNDING[row.funder as Funder],
        sector: 'other',
      },
      persons: row.quota,
      months: 12,
      startMonth: monthOf(row.start_month),
    });
    return result.total;
  } catch (err) {
    if (err instanceof AppError) return null; // a month beyond the period without a rule row
    throw err;
  }
}

async function pricesCurrent(db: Db, row: repo.ProgramRow): Promise<boolean> {
  try {
    const fresh = await priceProgram(db, termsOf(row));
    return fresh.prices.every((p, i) => p === Number(row.price_by_month[i]));
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}

function termsOf(row: repo.ProgramRow): PricedTerms & PuPricedTerms {
  return {
    funder: row.funder as Funder,
    package: row.package as Package,
    declaredIncome: Number(row.declared_income),
    startMonth: monthOf(row.start_month),
    months: row.months,
    category: row.category as ProgramCategory,
    pu: puOf(row),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Presenting

function summary(row: repo.ProgramRow, actor: Actor, labels: Map<string, string>, current: Month): ProgramSummary {
  const figures = programFigures({ ...countersOf(row), ...periodOf(row) }, current);
  return {
    id: row.id,
    name: row.name,
    funder: row.funder as Funder,
    funderRegion: row.funder_region_code,
    funderRegionLabel: row.funder_region_code ? (labels.get(row.funder_region_code) ?? row.funder_region_code) : null,
    region: row.region_code,
    regionLabel: labels.get(row.region_code) ?? row.region_code,
    targetSegments: row.target_segments as SegmentCode[],
    package: row.package as Package,
    declaredIncome: Number(row.declared_income),
    quota: row.quota,
    startMonth: monthOf(row.start_month),
    endMonth: lastMonthOf(periodOf(row)),
    months: row.months,
    budgetCeiling: Number(row.budget_ceiling),
    dpaReference: row.dpa_reference,
    minAge: row.min_age,
    maxAge: row.max_age,
    committed: figures.committed,
    quotaFilled: figures.quotaFilled,
    pricePerPersonMonth: figures.pricePerPersonMonth,
    category: row.category as ProgramCategory,
    pu: puOf(row),
    canManage: canManage(actor, row.region_code),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function labelsFor(tx: Tx, rows: repo.ProgramRow[], locale: Locale) {
  const codes = rows.flatMap((r) => [r.region_code, ...(r.funder_region_code ? [r.funder_region_code] : [])]);
  return scopeLabels(tx, [...new Set(codes)], locale);
}

async function detail(db: Db, tx: Tx, actor: Actor, row: repo.ProgramRow, clock: Clock): Promise<ProgramDetail> {
  const current = currentMonthWib(clock());
  const figures = programFigures({ ...countersOf(row), ...periodOf(row) }, current);
  const counts = Object.fromEntries(ENROLLMENT_STATUSES.map((s) => [s, 0])) as Record<EnrollmentStatus, number>;
  for (const c of await repo.statusCounts(tx, actor.scope, row.id)) counts[c.status as EnrollmentStatus] = Number(c.n);
  const coverage = Object.fromEntries(COVERAGE_STATES.map((s) => [s, 0])) as Record<CoverageState, number>;
  for (const c of await repo.coverageCounts(tx, actor.scope, row.id, todayWib(clock())))
    coverage[c.state] = Number(c.n);
  const { byMonth, ...totals } = figures;
  return {
    ...summary(row, actor, await labelsFor(tx, [row], actor.locale), current),
    figures: {
      ...totals,
      annualCostForQuota: await annualCost(db, row),
      pricesCurrent: await pricesCurrent(db, row),
    },
    byMonth,
    priceRuleKeys: row.price_rule_keys,
    split: row.category === 'pu' ? await repo.committedSplit(tx, row.id) : null,
    statusCounts: counts,
    coverageCounts: coverage,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Validation of the terms

function invalid(path: string, message: string, locale: Locale): AppError {
  return invalidField(path, message, locale);
}

const LEVEL_NAME: Record<RegionLevel, { id: string; en: string }> = {
  province: { id: 'provinsi', en: 'a province' },
  regency: { id: 'kabupaten/kota', en: 'a regency or city' },
  district: { id: 'kecamatan', en: 'a district' },
  village: { id: 'desa/kelurahan', en: 'a village' },
};

/**
 * The region must exist and be in the actor's scope; a regional funder (APBD, APBDes) names its own region, at the
 * funder's level, and the programme's region must lie inside it (a budget pays for its own residents).
 */
async function checkRegions(tx: Tx, actor: Actor, v: ProgramCreate): Promise<void> {
  const en = actor.locale === 'en';
  if (!(await findRegion(tx, v.region))) throw new AppError('REGION_UNKNOWN', { region: v.region });
  assertManages(actor, v.region);
  const level = REGIONAL_FUNDERS[v.funder];
  const funderRegion = v.funderRegion ?? null;
  if (!level) {
    if (funderRegion) {
      throw invalid('funderRegion', word(PROGRAM_WORDS.funderRegionEmpty, actor.locale), actor.locale);
    }
    return;
  }
  if (!funderRegion) {
    throw invalid('funderRegion', word(PROGRAM_WORDS.funderRegionNeeded, actor.locale), actor.locale);
  }
  if (levelOfCode(funderRegion) !== level || !(await findRegion(tx, funderRegion))) {
    const levelName = word(LEVEL_NAME[level], actor.locale);
    throw invalid(
      'funderRegion',
      word(PROGRAM_WORDS.funderRegionLevel, actor.locale, { level: levelName }),
      actor.locale,
    );
  }
  if (!(v.region === funderRegion || v.region.startsWith(`${funderRegion}.`))) {
    throw invalid(
      'region',
      en
        ? 'the target region must lie inside the funding region'
        : 'wilayah sasaran harus berada di dalam wilayah pemilik anggaran',
      actor.locale,
    );
  }
}

function valuesOf(v: ProgramCreate, priced: { prices: number[]; ruleKeys: string[] }): repo.ProgramValues {
  return {
    region_code: v.region,
    name: v.name,
    funder: v.funder,
    funder_region_code: v.funderRegion ?? null,
    target_segments: v.targetSegments,
    package: v.package,
    declared_income: v.declaredIncome,
    quota: v.quota,
    start_month: `${v.startMonth}-01`,
    months: v.months,
    budget_ceiling: v.budgetCeiling,
    dpa_reference: v.dpaReference ?? null,
    min_age: v.minAge,
    max_age: v.maxAge,
    price_by_month: priced.prices,
    price_rule_keys: priced.ruleKeys,
    ...puValuesOf(v),
  };
}

function inputOf(row: repo.ProgramRow): ProgramCreate {
  return {
    name: row.name,
    funder: row.funder as Funder,
    funderRegion: row.funder_region_code,
    region: row.region_code,
    targetSegments: row.target_segments as SegmentCode[],
    package: row.package as Package,
    declaredIncome: Number(row.declared_income),
    quota: row.quota,
    startMonth: monthOf(row.start_month),
    months: row.months,
    budgetCeiling: Number(row.budget_ceiling),
    dpaReference: row.dpa_reference,
    minAge: row.min_age,
    maxAge: row.max_age,
    category: row.category as ProgramCategory,
    pu: puOf(row),
  };
}

/** The audit view: the terms and the counters (no persons). */
function auditView(row: repo.ProgramRow) {
  const { created_at: _c, updated_at: _u, ...rest } = row;
  return rest;
}

// ---------------------------------------------------------------------------------------------------------------
// Verbs

export async function listPrograms(db: Db, ctx: RequestContext, query: ProgramListQuery, clock: Clock = systemClock) {
  const actor = requireProgramReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listPrograms(tx, actor.scope, query);
    const labels = await labelsFor(tx, items, actor.locale);
    const current = currentMonthWib(clock());
    return {
      items: items.map((r) => summary(r, actor, labels, current)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

/**
 * The form's preview: the quota priced with the rules in force and what the ceiling pays for (persons over the
 * whole period, or months of the full quota). A calculation only: nothing is saved, so nothing is audited.
 */
export async function previewProgramCost(
  db: Db,
  ctx: RequestContext,
  input: ProgramCostPreviewRequest,
): Promise<ProgramCostPreview> {
  requireProgramManager(ctx);
  const priced = await priceProgram(db, input);
  return {
    prices: priced.prices,
    priceRuleKeys: priced.ruleKeys,
    ...budgetCoverage(priced.prices, input.quota, input.budgetCeiling),
  };
}

export async function getProgram(db: Db, ctx: RequestContext, id: string, clock: Clock = systemClock) {
  const actor = requireProgramReader(ctx);
  return withScope(db, actor.scope, async (tx) => detail(db, tx, actor, await loadProgram(tx, actor, id), clock));
}

export async function createProgram(
  db: Db,
  ctx: RequestContext,
  input: ProgramCreate,
  clock: Clock = systemClock,
): Promise<ProgramDetail> {
  const actor = requireProgramManager(ctx);
  const priced = await priceProgram(db, input);
  return withScope(db, actor.scope, async (tx) => {
    await checkRegions(tx, actor, input);
    const values = { ...valuesOf(input, priced), category: input.category ?? 'bpu', created_by: actor.username };
    const row = await repo.insertProgram(tx, values);
    await writeAudit(tx, ctx, {
      action: 'program.create',
      entity: 'program',
      entityId: row.id,
      region: row.region_code,
      after: auditView(row),
    });
    return detail(db, tx, actor, row, clock);
  });
}

/**
 * Saves new terms and prices the period again with the rules in force. Slots already held stay: the quota may
 * not drop below them, the ceiling not below what they commit at the new prices, and the period cannot move.
 */
export async function updateProgram(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: ProgramUpdate,
  clock: Clock = systemClock,
): Promise<ProgramDetail> {
  const actor = requireProgramManager(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await loadProgram(tx, actor, id, { lock: true });
    assertManages(actor, before.region_code);
    const next: ProgramCreate = { ...inputOf(before), ...patch };
    if (next.minAge > next.maxAge) {
      const message =
        actor.locale === 'en'
          ? 'the minimum age cannot be above the maximum age'
          : 'usia terendah tidak boleh di atas usia tertinggi';
      throw invalid('maxAge', message, actor.locale);
    }
    await checkRegions(tx, actor, next);
    const held = Math.max(0, ...before.persons_by_month);
    const periodMoves = next.startMonth !== monthOf(before.start_month) || next.months !== before.months;
    if (periodMoves && held > 0) throw new AppError('PROGRAM_PERIOD_LOCKED', { program: before.name, held });
    if (next.quota < held) {
      throw new AppError('QUOTA_FULL', {
        program: before.name,
        detail: word(PROGRAM_WORDS.quotaBelowHeld, actor.locale, { quota: next.quota, held }),
      });
    }
    const priced = await priceProgram(db, next);
    const basis = periodMoves ? { ...countersOf(before), persons: [], money: undefined } : countersOf(before);
    const committed = committedOf({ ...basis, prices: priced.prices });
    if (next.budgetCeiling < committed) {
      throw new AppError('BUDGET_EXCEEDED', {
        program: before.name,
        detail: word(PROGRAM_WORDS.ceilingBelowCommitted, actor.locale, {
          ceiling: formatRupiah(next.budgetCeiling),
          committed: formatRupiah(committed),
        }),
      });
    }
    let after: repo.ProgramRow;
    try {
      const { region_code: _fixed, ...values } = valuesOf(next, priced);
      after = await repo.updateProgram(tx, actor.scope, id, values);
    } catch (err) {
      throw constraintError(err, before.name, actor.locale);
    }
    await writeAudit(tx, ctx, {
      action: 'program.update',
      entity: 'program',
      entityId: id,
      region: after.region_code,
      before: auditView(before),
      after: auditView(after),
    });
    return detail(db, tx, actor, after, clock);
  });
}

/** Free slots and budget for new enrollments over `from`..the end of the period. */
export function roomFrom(row: repo.ProgramRow, fromIndex: number) {
  return capacityFor(countersOf(row), fromIndex, row.months - 1);
}
