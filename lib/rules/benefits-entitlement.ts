// Entitlement (hak manfaat) of one JKM or JKK event from effective-dated benefit rule rows: pure, no I/O.
//
// The rows come from the benefit_rule table (seed: benefit-rules.seed.ts, from domain.md §4.1–4.2). Each estimate
// line names the legal basis of the row it used. A date for which a needed row is missing is an error
// (BenefitRuleGapError), never zero. "Wage" for a BPU participant is the declared income (PP 44/2015 Lampiran II).
// The public calculator's summary (benefits.ts) shows the same figures as today's rows; a test checks they agree.

import type { Certainty } from './benefits.ts';
import type { IsoDate } from './contribution-types.ts';

export const CLAIM_TYPES = ['jkm', 'jkk'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const JKK_OUTCOMES = ['treatment', 'stmb', 'partial-disability', 'total-disability', 'death'] as const;
export type JkkOutcome = (typeof JKK_OUTCOMES)[number];

export type BenefitRuleValue =
  | { kind: 'rupiah'; rupiah: number }
  | { kind: 'multiple'; times: number }
  | { kind: 'months'; months: number }
  /** Shares of the wage (basis points) for consecutive months; the last tier (months null) runs on. */
  | { kind: 'tiers'; tiers: { months: number | null; bp: number }[] }
  /** A service paid by BPJS as needed (no figure). */
  | { kind: 'care' }
  /** A service-level deadline (sla.*): working days, or calendar days when `working` is false. */
  | { kind: 'days'; days: number; working: boolean };

export interface BenefitRuleRow {
  key: string;
  validFrom: IsoDate;
  /** Inclusive last day; null while in force. */
  validTo: IsoDate | null;
  legalBasis: string;
  note: string;
  certainty: Certainty;
  value: BenefitRuleValue;
}

export interface EntitlementInput {
  type: ClaimType;
  /** Date of the death or accident. */
  date: IsoDate;
  /** Monthly wage in rupiah (BPU: declared income); null when unknown. */
  wage: number | null;
  /** Months of contributions (masa iur) up to the event. */
  contributionMonths: number;
  /** JKK only. */
  outcome?: JkkOutcome | null;
  /** Partial disability: percentage from the table (0 < P ≤ 100). */
  percent?: number | null;
  /** STMB: months unable to work. */
  months?: number | null;
}

export interface EntitlementItem {
  /** Stable key of the benefit line (the page names it). */
  benefit: string;
  /** Rupiah; null for care "as needed". */
  amount: number | null;
  /** The legal basis of the rule row used. */
  basis: string;
  /** True for cash paid out; the scholarship ceiling and care are shown but not summed. */
  inTotal: boolean;
}

export interface Entitlement {
  items: EntitlementItem[];
  total: number;
}

/** No rule row for `rule` in force on `date`: the estimate cannot be made (it is not zero). */
export class BenefitRuleGapError extends Error {
  constructor(
    readonly rule: string,
    readonly date: IsoDate,
  ) {
    super(`no benefit rule ${rule} in force on ${date}`);
  }
}

/** The input lacks what the outcome needs (a wage, a percentage, a number of months). */
export class EntitlementInputError extends Error {
  constructor(readonly field: 'wage' | 'percent' | 'months' | 'outcome') {
    super(`entitlement needs ${field}`);
  }
}

/** The row of `key` in force on `date`. */
export function ruleAt(rules: readonly BenefitRuleRow[], key: string, date: IsoDate): BenefitRuleRow {
  const row = rules.find((r) => r.key === key && r.validFrom <= date && (r.validTo === null || date <= r.validTo));
  if (!row) throw new BenefitRuleGapError(key, date);
  return row;
}

function valueOf<K extends BenefitRuleValue['kind']>(
  row: BenefitRuleRow,
  kind: K,
): Extract<BenefitRuleValue, { kind: K }> {
  if (row.value.kind !== kind) throw new Error(`benefit rule ${row.key} is ${row.value.kind}, expected ${kind}`);
  return row.value as Extract<BenefitRuleValue, { kind: K }>;
}

/** What the STMB tiers pay for `months` months at `wage`, each month rounded to whole rupiah. */
export function stmbAmount(tiers: readonly { months: number | null; bp: number }[], wage: number, months: number) {
  let left = months;
  let total = 0;
  for (const t of tiers) {
    const n = t.months === null ? left : Math.min(left, t.months);
    total += n * Math.round((wage * t.bp) / 10_000);
    left -= n;
    if (left <= 0) break;
  }
  return total;
}

function need<T>(value: T | null | undefined, field: EntitlementInputError['field']): T {
  if (value === null || value === undefined) throw new EntitlementInputError(field);
  return value;
}

/** The benefit lines for one event, from the rows in force on the event date. */
export function entitlement(rules: readonly BenefitRuleRow[], input: EntitlementInput): Entitlement {
  const at = (key: string) => ruleAt(rules, key, input.date);
  const items: EntitlementItem[] = [];
  const cash = (benefit: string, row: BenefitRuleRow, amount: number) =>
    items.push({ benefit, amount, basis: row.legalBasis, inTotal: true });
  const fixed = (benefit: string, key: string) => {
    const row = at(key);
    cash(benefit, row, valueOf(row, 'rupiah').rupiah);
  };
  const multiple = (benefit: string, key: string, wage: number, bp = 10_000) => {
    const row = at(key);
    cash(benefit, row, Math.round((wage * valueOf(row, 'multiple').times * bp) / 10_000));
  };
  const scholarship = (benefit: string, key: string) => {
    const row = at(key);
    items.push({ benefit, amount: valueOf(row, 'rupiah').rupiah, basis: row.legalBasis, inTotal: false });
  };

  if (input.type === 'jkm') {
    fixed('jkm.lump_sum', 'jkm.lump_sum');
    fixed('jkm.periodic', 'jkm.periodic');
    fixed('jkm.funeral', 'jkm.funeral');
    const minMonths = valueOf(at('jkm.scholarship_min_months'), 'months').months;
    if (input.contributionMonths >= minMonths) scholarship('jkm.scholarship', 'jkm.scholarship');
  } else {
    const outcome = need(input.outcome, 'outcome');
    const medical = at('jkk.medical');
    items.push({ benefit: 'jkk.medical', amount: null, basis: medical.legalBasis, inTotal: false });
    if (outcome === 'stmb') {
      const row = at('jkk.stmb');
      const months = need(input.months, 'months');
      cash('jkk.stmb', row, stmbAmount(valueOf(row, 'tiers').tiers, need(input.wage, 'wage'), months));
    } else if (outcome === 'partial-disability') {
      const bp = Math.round(need(input.percent, 'percent') * 100);
      multiple('jkk.partial_disability', 'jkk.partial_disability_multiple', need(input.wage, 'wage'), bp);
    } else if (outcome === 'total-disability') {
      multiple('jkk.total_disability', 'jkk.total_disability_multiple', need(input.wage, 'wage'));
      scholarship('jkk.scholarship', 'jkk.scholarship');
    } else if (outcome === 'death') {
      multiple('jkk.death', 'jkk.death_multiple', need(input.wage, 'wage'));
      fixed('jkk.death_periodic', 'jkk.death_periodic');
      fixed('jkk.death_funeral', 'jkk.death_funeral');
      scholarship('jkk.scholarship', 'jkk.scholarship');
    }
  }
  const total = items.reduce((sum, i) => sum + (i.inTotal ? (i.amount ?? 0) : 0), 0);
  return { items, total };
}
