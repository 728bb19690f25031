// Contribution (iuran) engine: pure, effective-dated, and explicit about every rule row it uses.
//
// quoteContribution() prices one participant (or one Jakon project, or one PMI contract) on one date from a rule
// table (CONTRIBUTION_RULE_SEED, or the administrator-edited copy from the database). costOverMonths() prices a
// group over a period month by month, so a rule change in the middle of a budget year is crossed correctly.
//
// Principles:
// - No figure lives in this file; every rate, amount, cap and discount comes from a row, and the quote lists the
//   rows it used (rulesUsed) so that an invoice or a budget can cite them.
// - A missing rule is an error (RULE_GAP), never a zero.
// - Money is whole rupiah. Products are computed in bigint and rounded once per line with the `rounding.mode` row
//   (the regulations do not state a rounding rule; domain.md §11.9).
import type {
  ContributionRuleRow,
  CostOverMonths,
  CostOverMonthsInput,
  JkpRecomposition,
  MonthCost,
  Payer,
  Quote,
  QuoteInput,
  QuoteItem,
} from './contribution-types.ts';
import { PAYERS, invalid, isIsoDate, requireDate, createLookup, toSafeNumber, keysOf } from './contribution-engine.ts';
import { quoteBpu, quotePu, quoteJakon, quotePmi } from './contribution-categories.ts';

export type * from './contribution-types.ts';
export { RuleError, isIsoDate } from './contribution-engine.ts';
export { incomeBrackets, incomeForEarnings, type IncomeBracket } from './contribution-categories.ts';

/**
 * Marks of research notes that must never reach printed, public or exported text: section signs and `.md` file
 * names of the research file, confidence tags ([S], [V], [M]), ⚠ and "UNCERTAIN", web addresses and news sites.
 * The database refuses the same in `contribution_rule.citation` (migration 0017).
 */
export const RESEARCH_MARKERS = /§|\.md\b|\[[SVM]\]|⚠|uncertain|https?:\/\/|\b[a-z0-9-]+\.(?:com|id|net|org)\b/i;

export function hasResearchMarkers(text: string): boolean {
  return RESEARCH_MARKERS.test(text);
}

/**
 * Whether a rule's internal note marks its figure as not yet confirmed (⚠, UNCERTAIN, [M], awaiting
 * verification). The public sees this as a flag, never the note itself.
 */
export function isUnconfirmed(note: string): boolean {
  return /⚠|uncertain|\[M\]|menunggu verifikasi/i.test(note);
}
// ---------------------------------------------------------------------------------------------------------------
// Public API

function emptyByPayer(): Record<Payer, number> {
  return { employer: 0, worker: 0, participant: 0, government: 0 };
}

function summarise(items: readonly QuoteItem[]): {
  total: number;
  byPayer: Record<Payer, number>;
} {
  const byPayer = emptyByPayer();
  let total = 0n;
  for (const payer of PAYERS) {
    const sum = items.filter((i) => i.payer === payer).reduce((acc, i) => acc + BigInt(i.amount), 0n);
    byPayer[payer] = toSafeNumber(sum, 'Jumlah');
    total += sum;
  }
  return { total: toSafeNumber(total, 'Total'), byPayer };
}

/**
 * Prices one participant for the month containing `input.date` (BPU, PU, Jakon with wage), one Jakon project
 * (contract value), or one PMI contract. Throws RuleError; never returns a zero for a missing rule.
 */
export function quoteContribution(input: QuoteInput, rules: readonly ContributionRuleRow[]): Quote {
  const date = requireDate(input.date);
  const category: unknown = input.category;
  const lookup = createLookup(rules, date);
  let items: QuoteItem[];
  let recomposition: JkpRecomposition | undefined;
  switch (input.category) {
    case 'bpu':
      items = quoteBpu(input, lookup);
      break;
    case 'pu':
      ({ items, recomposition } = quotePu(input, lookup));
      break;
    case 'jakon':
      items = quoteJakon(input, lookup);
      break;
    case 'pmi':
      items = quotePmi(input, lookup);
      break;
    default:
      throw invalid(`Kategori tidak dikenal / unknown category: ${String(category)}`);
  }
  const quote: Quote = {
    category: input.category,
    date,
    items,
    ...summarise(items),
    rulesUsed: [...lookup.used],
  };
  if (recomposition !== undefined) quote.recomposition = recomposition;
  return quote;
}

const MAX_MONTHS = 1_200;

function requireMonth(value: unknown): { year: number; month: number } {
  if (typeof value !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    throw invalid(`Bulan harus YYYY-MM / month must be YYYY-MM: ${String(value)}`);
  }
  const [year, month] = value.split('-').map(Number) as [number, number];
  return { year, month };
}

function monthLabel(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * Cost of `persons` identical participants over `months` consecutive months from `startMonth`. Each month is
 * quoted on its first day, so a rule that changes mid-period (PP 50/2025 from April, a JP cap in March) is
 * crossed correctly. Only monthly contributions make sense here: a Jakon contract value or a PMI package is paid
 * once, so those inputs are rejected rather than multiplied by the months.
 */
export function costOverMonths(
  { input, persons, months, startMonth }: CostOverMonthsInput,
  rules: readonly ContributionRuleRow[],
): CostOverMonths {
  if (!Number.isSafeInteger(persons) || persons <= 0) throw invalid(`persons harus > 0 / must be > 0: ${persons}`);
  if (!Number.isSafeInteger(months) || months <= 0 || months > MAX_MONTHS) {
    throw invalid(`months harus 1–${MAX_MONTHS} / must be 1–${MAX_MONTHS}: ${months}`);
  }
  if (input.category === 'pmi' || (input.category === 'jakon' && input.contractValue !== undefined)) {
    throw invalid('Iuran sekali bayar (PMI, Jakon per kontrak) tidak dihitung per bulan / one-off, not monthly');
  }
  const start = requireMonth(startMonth);
  const result: MonthCost[] = [];
  const byPayer = emptyByPayer();
  let total = 0n;
  for (let i = 0; i < months; i += 1) {
    const index = start.month - 1 + i;
    const month = monthLabel(start.year + Math.floor(index / 12), (index % 12) + 1);
    const quote = quoteContribution({ ...input, date: `${month}-01` }, rules);
    const amount = BigInt(quote.total) * BigInt(persons);
    for (const payer of PAYERS) {
      byPayer[payer] = toSafeNumber(BigInt(byPayer[payer]) + BigInt(quote.byPayer[payer]) * BigInt(persons), 'Jumlah');
    }
    total += amount;
    result.push({
      month,
      perPerson: quote.total,
      amount: toSafeNumber(amount, `Biaya ${month}`),
      ruleKeys: keysOf(quote.rulesUsed),
    });
  }
  return { total: toSafeNumber(total, 'Total'), byPayer, months: result };
}

// ---------------------------------------------------------------------------------------------------------------
// Table check for administrators

/**
 * Problems an edited rule table would cause at quote time, for the admin screen and the seed test: invalid dates,
 * validTo before validFrom, and overlapping rows for the same key and scope (except income rows, which form a
 * table under one key).
 */
export function checkRuleTable(rules: readonly ContributionRuleRow[]): string[] {
  const problems: string[] = [];
  rules.forEach((row) => {
    if (!isIsoDate(row.validFrom) || (row.validTo !== null && !isIsoDate(row.validTo))) {
      problems.push(`${row.key} (${row.scope}): tanggal tidak sah / invalid date`);
    } else if (row.validTo !== null && row.validTo < row.validFrom) {
      problems.push(`${row.key} (${row.scope}): validTo sebelum validFrom / validTo before validFrom`);
    }
    if (row.citation.trim() === '') problems.push(`${row.key} (${row.scope}): sitasi kosong / no legal citation`);
    if (hasResearchMarkers(row.citation)) {
      problems.push(`${row.key} (${row.scope}): sitasi memuat catatan riset / citation holds research notes`);
    }
  });
  rules.forEach((a, i) => {
    rules.slice(i + 1).forEach((b) => {
      if (a.key !== b.key || a.scope !== b.scope || a.value.kind === 'income') return;
      const overlap = a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');
      if (overlap) problems.push(`${a.key} (${a.scope}): ${a.validFrom} dan ${b.validFrom} tumpang tindih / overlap`);
    });
  });
  return problems;
}
