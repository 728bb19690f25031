// PU programmes (issue 18 §1): every person is priced on their own wage with the programme's risk class, employer
// size and programmes, month by month, by the contribution engine (the same `quote` as `lindung contribution
// --category pu`). Set-based: one quote per distinct wage and month, one UPDATE for all enrollments.
import { sql } from 'kysely';
import type { EmployerSize, Program, RiskClass } from '../../../lib/rules/contribution-types.ts';
import { addMonths, monthOf, type Month } from '../../../lib/rules/eligibility.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { quote } from '../contributions/index.ts';
import type {
  EmployerKind,
  ProgramCategory,
  ProgramCreate,
  PuTerms as PuContractTerms,
} from '../../../lib/contracts/programs.ts';
import type { ProgramRow } from './programs.repository.ts';

export type PuTerms = {
  riskClass: RiskClass;
  employerSize: EmployerSize;
  programs: Program[];
};

/** One person's price for each month of a period: what the Pemda budgets (employer + worker) and the worker's part. */
export type WagePrice = {
  /** Employer + worker per month (the central government's JKP share is not the Pemda's to pay). */
  prices: number[];
  employer: number[];
  worker: number[];
  ruleKeys: string[];
};

export function puTermsOf(row: ProgramRow): PuTerms | null {
  if (row.category !== 'pu' || row.risk_class === null || row.employer_size === null || row.pu_programs === null) {
    return null;
  }
  return {
    riskClass: row.risk_class as RiskClass,
    employerSize: row.employer_size as EmployerSize,
    programs: row.pu_programs as Program[],
  };
}

/** What a programme's terms add for PU pricing (a BPU programme has neither). */
export type PuPricedTerms = { category?: ProgramCategory | undefined; pu?: PuContractTerms | null | undefined };

/** The quota over 12 months from the first, at the reference wage. */
export async function puAnnualCost(db: Db, row: ProgramRow): Promise<number> {
  const terms = puTermsOf(row);
  if (!terms) throw new Error(`programme ${row.id} is not a PU programme`);
  const year = await priceWage(db, terms, Number(row.declared_income), {
    startMonth: monthOf(row.start_month),
    months: 12,
  });
  return year.prices.reduce((a, b) => a + b, 0) * row.quota;
}

/** The price of one wage for each month of the period, quoted on the first day of each month. */
export async function priceWage(
  db: Db,
  terms: PuTerms,
  wage: number,
  period: { startMonth: Month; months: number },
): Promise<WagePrice> {
  const out: WagePrice = { prices: [], employer: [], worker: [], ruleKeys: [] };
  const keys = new Set<string>();
  for (let i = 0; i < period.months; i += 1) {
    const q = await quote(db, {
      category: 'pu',
      wage,
      riskClass: terms.riskClass,
      employerSize: terms.employerSize,
      programs: terms.programs,
      date: `${addMonths(period.startMonth, i)}-01`,
    });
    out.employer.push(q.byPayer.employer);
    out.worker.push(q.byPayer.worker);
    out.prices.push(q.byPayer.employer + q.byPayer.worker);
    for (const r of q.rulesUsed) keys.add(r.key);
  }
  out.ruleKeys = [...keys];
  return out;
}

/** Prices every distinct wage once. */
export async function priceWages(db: Db, row: ProgramRow, wages: readonly number[]): Promise<Map<number, WagePrice>> {
  const terms = puTermsOf(row);
  if (!terms) throw new Error(`programme ${row.id} is not a PU programme`);
  const period = { startMonth: monthOf(row.start_month), months: row.months };
  const table = new Map<number, WagePrice>();
  for (const wage of new Set(wages)) table.set(wage, await priceWage(db, terms, wage, period));
  return table;
}

/** What one person at these prices costs over months `from`..`to` of the period (indexes, inclusive). */
export function costOver(price: WagePrice, from: number, to: number): number {
  return price.prices.slice(from, to + 1).reduce((a, b) => a + b, 0);
}

/**
 * Writes wages and prices on enrollments of one programme in one statement; the money triggers then hold the
 * money (or refuse it with program_budget_held).
 */
export async function setEnrollmentWages(
  tx: Tx,
  programId: string,
  rows: readonly { enrollmentId: string; wage: number }[],
  table: ReadonlyMap<number, WagePrice>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = rows.map((r) => {
    const p = table.get(r.wage);
    if (!p) throw new Error(`wage ${r.wage} not priced`);
    return { id: r.enrollmentId, wage: r.wage, prices: p.prices, worker: p.worker };
  });
  const result = await sql`
    UPDATE enrollment e
    SET wage = r.wage, price_by_month = r.prices, worker_by_month = r.worker, updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) AS r(id bigint, wage bigint, prices bigint[], worker bigint[])
    WHERE e.id = r.id AND e.program_id = ${programId}::bigint`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/** Persons proposed to a PU programme without a wage of their own are priced at its reference wage. */
export async function holdReferenceWage(
  db: Db,
  tx: Tx,
  row: ProgramRow,
  inserted: readonly { id: string }[],
): Promise<void> {
  const wage = Number(row.declared_income);
  const table = await priceWages(db, row, [wage]);
  await setEnrollmentWages(
    tx,
    row.id,
    inserted.map((r) => ({ enrollmentId: r.id, wage })),
    table,
  );
}

/** The PU terms of a programme row as the contract shows them (null for BPU programmes). */
export function puOf(row: ProgramRow): PuContractTerms | null {
  const terms = puTermsOf(row);
  if (!terms || row.employer_name === null || row.employer_kind === null) return null;
  return {
    employerName: row.employer_name,
    employerKind: row.employer_kind as EmployerKind,
    programs: terms.programs as PuContractTerms['programs'],
    riskClass: terms.riskClass,
    employerSize: terms.employerSize,
    ...(row.service_months && { serviceMonths: row.service_months.map((m) => monthOf(String(m))) }),
    ...(row.polling_day && { pollingDay: String(row.polling_day).slice(0, 10) }),
  };
}

/** The PU columns (all null for a BPU programme); a PU programme's package follows its programmes. */
export function puValuesOf(v: ProgramCreate) {
  const pu = v.category === 'pu' ? v.pu : null;
  return {
    ...(pu && { package: pu.programs.includes('jht') ? ('jkk_jkm_jht' as const) : ('jkk_jkm' as const) }),
    employer_name: pu?.employerName ?? null,
    employer_kind: pu?.employerKind ?? null,
    pu_programs: pu?.programs ?? null,
    risk_class: pu?.riskClass ?? null,
    employer_size: pu?.employerSize ?? null,
    service_months: pu?.serviceMonths?.length ? pu.serviceMonths.map((m) => `${m}-01`) : null,
    polling_day: pu?.pollingDay ?? null,
  };
}
