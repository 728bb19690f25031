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
  BpuQuoteInput,
  Category,
  ContributionRuleRow,
  CostOverMonths,
  CostOverMonthsInput,
  Funding,
  IsoDate,
  ItemProgram,
  JakonQuoteInput,
  JkpRecomposition,
  MonthCost,
  Payer,
  PmiQuoteInput,
  Program,
  PuQuoteInput,
  Quote,
  QuoteInput,
  QuoteItem,
  RuleErrorCode,
  RuleValue,
  RuleValueKind,
  SliceValue,
} from './contribution-types.ts';

export type * from './contribution-types.ts';

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

export class RuleError extends Error {
  override readonly name = 'RuleError';

  constructor(
    readonly code: RuleErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

const BP_PER_WHOLE = 10_000n;
const PROGRAMS: readonly Program[] = ['jkk', 'jkm', 'jht', 'jp', 'jkp'];
const PAYERS: readonly Payer[] = ['employer', 'worker', 'participant', 'government'];

/** Programmes each category can join at all (domain.md §2). Structural, not a rate, so it is code. */
const AVAILABLE_PROGRAMS: Record<Category, readonly Program[]> = {
  pu: PROGRAMS,
  bpu: ['jkk', 'jkm', 'jht'],
  jakon: ['jkk', 'jkm'],
  // PMI pays one JKK+JKM package; optional PMI JHT has no rate in the sources yet.
  pmi: ['jkk', 'jkm'],
};

// ---------------------------------------------------------------------------------------------------------------
// Input checks

function invalid(message: string, details: Record<string, unknown> = {}): RuleError {
  return new RuleError('INVALID_INPUT', message, details);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}

function requireDate(value: unknown): IsoDate {
  if (!isIsoDate(value)) throw invalid(`Tanggal tidak sah, gunakan YYYY-MM-DD / invalid date: ${String(value)}`);
  return value;
}

function requirePositiveRupiah(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw invalid(`${field} harus bilangan bulat rupiah > 0 / ${field} must be a whole rupiah amount > 0`, {
      field,
      value,
    });
  }
  return value;
}

function requirePrograms(value: unknown): Program[] {
  if (!Array.isArray(value)) throw invalid('programs harus berupa daftar / programs must be a list');
  const programs: Program[] = [];
  for (const entry of value) {
    const program = PROGRAMS.find((p) => p === entry);
    if (program === undefined) throw invalid(`Program tidak dikenal / unknown programme: ${String(entry)}`);
    if (programs.includes(program)) throw invalid(`Program ganda / duplicate programme: ${program}`);
    programs.push(program);
  }
  return programs;
}

function requireAvailable(category: Category, programs: readonly Program[]): void {
  const unavailable = programs.filter((p) => !AVAILABLE_PROGRAMS[category].includes(p));
  if (unavailable.length > 0) {
    throw new RuleError(
      'PROGRAM_NOT_AVAILABLE',
      `Program ${unavailable.join(', ').toUpperCase()} tidak tersedia untuk kategori ${category.toUpperCase()} / ` +
        `not available for this category`,
      { category, programs: unavailable },
    );
  }
}

function requireIncluded(required: readonly Program[], chosen: readonly Program[], reason: string): void {
  const missing = required.filter((p) => !chosen.includes(p));
  if (missing.length > 0) {
    throw new RuleError(
      'PROGRAM_REQUIRED',
      `Program wajib belum dipilih: ${missing.join(', ').toUpperCase()} (${reason}) / mandatory programme missing`,
      { missing, reason },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rule lookup

type ValueOf<K extends RuleValueKind> = Extract<RuleValue, { kind: K }>;

interface Found<K extends RuleValueKind> {
  row: ContributionRuleRow;
  value: ValueOf<K>;
}

function isValidOn(row: Pick<ContributionRuleRow, 'validFrom' | 'validTo'>, date: IsoDate): boolean {
  return row.validFrom <= date && (row.validTo === null || date <= row.validTo);
}

function hasKind<K extends RuleValueKind>(value: RuleValue, kind: K): value is ValueOf<K> {
  return value.kind === kind;
}

function asKind<K extends RuleValueKind>(row: ContributionRuleRow, kind: K): Found<K> {
  const { value } = row;
  if (!hasKind(value, kind)) {
    throw new RuleError(
      'RULE_CONFLICT',
      `Aturan ${row.key} berjenis ${value.kind}, seharusnya ${kind} / rule has the wrong value kind`,
      { key: row.key, scope: row.scope, expected: kind, actual: value.kind },
    );
  }
  return { row, value };
}

/**
 * The rules in force on one date, recording every row a computation uses. One lookup per quote; `used` becomes
 * Quote.rulesUsed.
 */
interface RuleLookup {
  readonly date: IsoDate;
  readonly used: ContributionRuleRow[];
  /** The single row for key+scope on the date; records it as used. */
  one<K extends RuleValueKind>(key: string, kind: K, scope?: string): Found<K>;
  /** All rows for key on the date, any scope (tables: income rows, slices). Not recorded: call use(). */
  table<K extends RuleValueKind>(key: string, kind: K): Found<K>[];
  /** Rows on the date whose key starts with prefix, any kind. Not recorded. */
  withPrefix(prefix: string): ContributionRuleRow[];
  use(row: ContributionRuleRow): void;
  /** numerator / denominator rounded to whole rupiah with the `rounding.mode` row. */
  round(numerator: bigint, denominator: bigint): bigint;
}

function createLookup(rules: readonly ContributionRuleRow[], date: IsoDate): RuleLookup {
  const inForce = rules.filter((row) => isValidOn(row, date));
  const used: ContributionRuleRow[] = [];
  const use = (row: ContributionRuleRow): void => {
    if (!used.includes(row)) used.push(row);
  };

  const one = <K extends RuleValueKind>(key: string, kind: K, scope = ''): Found<K> => {
    const matches = inForce.filter((row) => row.key === key && row.scope === scope);
    const [first, second] = matches;
    if (first === undefined) {
      throw new RuleError(
        'RULE_GAP',
        `Tidak ada aturan ${key}${scope ? ` (${scope})` : ''} yang berlaku pada ${date} / no rule in force on that date`,
        { key, scope, date },
      );
    }
    if (second !== undefined) {
      throw new RuleError(
        'RULE_CONFLICT',
        `Lebih dari satu aturan ${key}${scope ? ` (${scope})` : ''} berlaku pada ${date} / overlapping rules`,
        { key, scope, date },
      );
    }
    const found = asKind(first, kind);
    use(first);
    return found;
  };

  const table = <K extends RuleValueKind>(key: string, kind: K): Found<K>[] =>
    inForce.filter((row) => row.key === key).map((row) => asKind(row, kind));

  return {
    date,
    used,
    one,
    table,
    withPrefix: (prefix) => inForce.filter((row) => row.key.startsWith(prefix)),
    use,
    round(numerator, denominator) {
      const { mode } = one('rounding.mode', 'rounding').value;
      return roundDivide(numerator, denominator, mode);
    },
  };
}

function roundDivide(numerator: bigint, denominator: bigint, mode: 'half_up' | 'down' | 'up'): bigint {
  // Amounts here are never negative, so "half up" and "half away from zero" coincide.
  switch (mode) {
    case 'half_up':
      return (numerator * 2n + denominator) / (denominator * 2n);
    case 'down':
      return numerator / denominator;
    case 'up':
      return (numerator + denominator - 1n) / denominator;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Money helpers

function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw invalid(`${what} melebihi batas angka aman / exceeds the safe integer range: ${value}`, { what });
  }
  return n;
}

/** base × bp / 10 000, rounded by the rounding rule. */
function percentOf(lookup: RuleLookup, base: number, bp: number): bigint {
  return lookup.round(BigInt(base) * BigInt(bp), BP_PER_WHOLE);
}

/** Citations joined with '; ', each part once (a row may itself cite two regulations, `PP 44/2015; Permenaker 5/2021`). */
function joinBasis(citations: readonly string[]): string {
  const parts = citations.flatMap((c) => c.split(';').map((p) => p.trim()));
  return [...new Set(parts.filter((p) => p !== ''))].join('; ');
}

function basisOf(rows: readonly ContributionRuleRow[]): string {
  return joinBasis(rows.map((row) => row.citation));
}

function keysOf(rows: readonly ContributionRuleRow[]): string[] {
  return [...new Set(rows.map((row) => row.key))];
}

/** A line before discounts: what is due, who pays it, and the rows it came from. */
interface Line {
  program: ItemProgram;
  payer: Payer;
  amount: bigint;
  rows: ContributionRuleRow[];
}

function line(program: ItemProgram, payer: Payer, amount: bigint, rows: ContributionRuleRow[]): Line {
  return { program, payer, amount, rows };
}

function toItem(l: Line, grossAmount?: bigint): QuoteItem {
  const amount = toSafeNumber(l.amount, `Iuran ${l.program}`);
  const item: QuoteItem = {
    program: l.program,
    payer: l.payer,
    amount,
    basis: basisOf(l.rows),
    ruleKeys: keysOf(l.rows),
  };
  if (grossAmount !== undefined && grossAmount !== l.amount)
    item.grossAmount = toSafeNumber(grossAmount, 'Iuran bruto');
  return item;
}

// ---------------------------------------------------------------------------------------------------------------
// Discounts

interface DiscountContext {
  category: Category;
  funding: Funding;
  /** BPU sector; other categories have none and only take discounts with an empty scope. */
  sector: string | null;
}

type DiscountValue = ValueOf<'discount'>;

function discountCovers(value: DiscountValue, program: ItemProgram): boolean {
  // The PMI package is JKK and JKM together: discounted only by a row that covers both.
  if (program === 'jkk_jkm') return value.programs.includes('jkk') && value.programs.includes('jkm');
  return value.programs.includes(program);
}

function discountsInForce(lookup: RuleLookup, context: DiscountContext): Found<'discount'>[] {
  return lookup
    .withPrefix('discount.')
    .filter((row) => row.value.kind === 'discount')
    .map((row) => asKind(row, 'discount'))
    .filter(
      ({ row, value }) =>
        value.categories.includes(context.category) &&
        !value.excludedFundings.includes(context.funding) &&
        (row.scope === '' || row.scope === context.sector),
    );
}

/**
 * Applies the discount that covers the line, if any. The payable part is rounded (not the waived part), because
 * the regulations state what remains due ("membayar 1%", "Rp8.400"). Two discounts on one line would need a
 * stacking rule that no regulation gives, so that is a table conflict rather than a guess.
 */
function applyDiscount(
  lookup: RuleLookup,
  discounts: readonly Found<'discount'>[],
  l: Line,
): { line: Line; gross: bigint } {
  const covering = discounts.filter(({ value }) => discountCovers(value, l.program));
  const [discount, another] = covering;
  if (discount === undefined) return { line: l, gross: l.amount };
  if (another !== undefined) {
    throw new RuleError('RULE_CONFLICT', `Dua diskon berlaku bersamaan untuk ${l.program} / two discounts overlap`, {
      keys: covering.map(({ row }) => row.key),
    });
  }
  lookup.use(discount.row);
  const payableBp = BP_PER_WHOLE - BigInt(discount.value.percentBp);
  const amount = lookup.round(l.amount * payableBp, BP_PER_WHOLE);
  return {
    line: { ...l, amount, rows: [...l.rows, discount.row] },
    gross: l.amount,
  };
}

function discountedItem(lookup: RuleLookup, discounts: readonly Found<'discount'>[], l: Line): QuoteItem {
  const { line: after, gross } = applyDiscount(lookup, discounts, l);
  return toItem(after, gross);
}

function discounted(lookup: RuleLookup, discounts: readonly Found<'discount'>[], lines: Line[]): QuoteItem[] {
  return lines.map((l) => discountedItem(lookup, discounts, l));
}

// ---------------------------------------------------------------------------------------------------------------
// BPU

/**
 * Who pays a BPU contribution: the worker when self-paid; 'government' when a budget pays (APBD, APBN, APBDes);
 * 'employer' for CSR, because the paying company stands in the employer's place for the participant.
 */
function bpuPayer(funding: Funding): Payer {
  switch (funding) {
    case 'self':
      return 'participant';
    case 'apbd':
    case 'apbn':
    case 'apbdes':
      return 'government';
    case 'csr':
      return 'employer';
  }
}

const FUNDINGS: readonly Funding[] = ['self', 'apbd', 'apbn', 'apbdes', 'csr'];

function requireFunding(value: unknown): Funding {
  const funding = FUNDINGS.find((f) => f === (value ?? 'self'));
  if (funding === undefined) throw invalid(`Sumber dana tidak dikenal / unknown funding: ${String(value)}`);
  return funding;
}

function requireSector(value: unknown): string {
  const sector = value ?? 'other';
  if (sector !== 'transport' && sector !== 'other')
    throw invalid(`Sektor tidak dikenal / unknown sector: ${String(value)}`);
  return sector;
}

/**
 * The rows of one declared income on a date. A table recorded before Lampiran II was known may hold a second row
 * for the same income without `earningsFrom`; the row that carries its bracket is preferred, so a quote cites
 * one row.
 */
function rowsForIncome(found: Found<'income'>[], income: number): Found<'income'> | undefined {
  const matches = found.filter(({ value }) => value.rupiah === income);
  return matches.find(({ value }) => value.earningsFrom !== undefined) ?? matches[0];
}

/** The declared income must be a row of PP 44/2015 Lampiran II; no interpolation between rows. */
function incomeRow(lookup: RuleLookup, income: number): ContributionRuleRow {
  const rows = lookup.table('bpu.income.row', 'income');
  const match = rowsForIncome(rows, income);
  if (match !== undefined) {
    lookup.use(match.row);
    return match.row;
  }
  throw new RuleError(
    'INCOME_NOT_IN_TABLE',
    `Penghasilan Rp${income} tidak ada dalam tabel penghasilan BPU (PP 44/2015 Lampiran II) / ` +
      `income is not a row of the BPU income table`,
    { income, allowed: [...new Set(rows.map(({ value }) => value.rupiah))].sort((a, b) => a - b) },
  );
}

/** The parts of a rule row the income table needs (engine rows and API rows alike). */
type IncomeTableRow = Pick<ContributionRuleRow, 'key' | 'validFrom' | 'validTo' | 'value'>;

/** One row of the BPU income table with the real incomes it stands for (`earningsTo` null: no upper limit). */
export interface IncomeBracket<R extends IncomeTableRow = ContributionRuleRow> {
  row: R;
  /** The declared nominal: the base of 1 % JKK and 2 % JHT. */
  income: number;
  earningsFrom: number;
  earningsTo: number | null;
}

/**
 * The BPU income table in force on a date as brackets of real monthly income, lowest first. Each bracket runs
 * from its row's `earningsFrom` up to one rupiah below the next row's, so every real income has exactly one row
 * (Lampiran II prints bounds such as "1.100.000–1.299.000"; an income between two printed bounds belongs to the
 * lower row). Rows without `earningsFrom` are left out.
 */
export function incomeBrackets<R extends IncomeTableRow>(rules: readonly R[], date: IsoDate): IncomeBracket<R>[] {
  requireDate(date);
  const rows = rules
    .filter((row) => row.key === 'bpu.income.row' && isValidOn(row, date))
    .flatMap((row) =>
      row.value.kind === 'income' && row.value.earningsFrom !== undefined
        ? [{ row, income: row.value.rupiah, earningsFrom: row.value.earningsFrom }]
        : [],
    )
    .sort((a, b) => a.earningsFrom - b.earningsFrom);
  return rows.map((r, i) => ({ ...r, earningsTo: i + 1 < rows.length ? rows[i + 1]!.earningsFrom - 1 : null }));
}

/**
 * The declared income (PP 44/2015 Lampiran II) for a participant's real monthly income on a date: the row whose
 * bracket holds it. RULE_GAP when the table on that date has no brackets; INVALID_INPUT below the first bracket.
 */
export function incomeForEarnings<R extends IncomeTableRow>(
  earnings: number,
  date: IsoDate,
  rules: readonly R[],
): IncomeBracket<R> {
  if (!Number.isSafeInteger(earnings) || earnings < 0) {
    throw invalid(`Penghasilan harus bilangan bulat rupiah ≥ 0 / earnings must be a whole rupiah amount ≥ 0`, {
      field: 'earnings',
      value: earnings,
    });
  }
  const brackets = incomeBrackets(rules, date);
  if (brackets.length === 0) {
    throw new RuleError(
      'RULE_GAP',
      `Tidak ada aturan bpu.income.row dengan batas penghasilan pada ${date} / no income brackets in force`,
      { key: 'bpu.income.row', scope: '', date },
    );
  }
  const bracket = brackets.findLast((b) => b.earningsFrom <= earnings);
  if (bracket === undefined) {
    throw invalid(`Penghasilan di bawah baris pertama tabel / earnings below the first row`, { earnings });
  }
  return bracket;
}

function quoteBpu(input: BpuQuoteInput, lookup: RuleLookup): QuoteItem[] {
  const income = requirePositiveRupiah(input.income, 'income');
  const programs = requirePrograms(input.programs);
  const funding = requireFunding(input.funding);
  const sector = requireSector(input.sector);
  requireAvailable('bpu', programs);
  const mandatory = lookup.one('bpu.mandatory_programs', 'programs');
  requireIncluded(mandatory.value.programs, programs, mandatory.row.citation);

  const incomeUsed = incomeRow(lookup, income);
  const payer = bpuPayer(funding);
  const lines: Line[] = [];
  for (const program of PROGRAMS.filter((p) => programs.includes(p))) {
    if (program === 'jkk') {
      const rate = lookup.one('bpu.jkk.rate', 'rate');
      lines.push(line('jkk', payer, percentOf(lookup, income, rate.value.bp), [incomeUsed, rate.row]));
    } else if (program === 'jkm') {
      const flat = lookup.one('bpu.jkm.flat', 'amount');
      lines.push(line('jkm', payer, BigInt(flat.value.rupiah), [flat.row]));
    } else if (program === 'jht') {
      const rate = lookup.one('bpu.jht.rate', 'rate');
      lines.push(line('jht', payer, percentOf(lookup, income, rate.value.bp), [incomeUsed, rate.row]));
    }
  }
  return discounted(lookup, discountsInForce(lookup, { category: 'bpu', funding, sector }), lines);
}

// ---------------------------------------------------------------------------------------------------------------
// PU

const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;

function requireRiskClass(value: unknown): number {
  if (value !== 1 && value !== 2 && value !== 3 && value !== 4 && value !== 5) {
    throw invalid(`Kelas risiko harus 1–5 / risk class must be 1–5: ${String(value)}`);
  }
  return value;
}

function requireEmployerSize(value: unknown): (typeof EMPLOYER_SIZES)[number] {
  const size = EMPLOYER_SIZES.find((s) => s === value);
  if (size === undefined) throw invalid(`Skala usaha tidak dikenal / unknown employer size: ${String(value)}`);
  return size;
}

/** Employer and worker lines of a split rate (JHT, JP). */
function splitLines(
  lookup: RuleLookup,
  program: Program,
  base: number,
  found: Found<'split'>,
  extra: ContributionRuleRow[],
): Line[] {
  const rows = [found.row, ...extra];
  return [
    line(program, 'employer', percentOf(lookup, base, found.value.employerBp), rows),
    line(program, 'worker', percentOf(lookup, base, found.value.workerBp), rows),
  ];
}

interface Recomposed {
  jkk: QuoteItem;
  jkm: QuoteItem;
  jkpItems: QuoteItem[];
  recomposition: JkpRecomposition;
}

/** Moves `by` rupiah of a JKK/JKM line into JKP, keeping the gross figure and citing the recomposition row. */
function reduceBy(item: QuoteItem, by: number, row: ContributionRuleRow): QuoteItem {
  if (by === 0) return item;
  return {
    ...item,
    amount: item.amount - by,
    grossAmount: item.grossAmount ?? item.amount,
    basis: joinBasis([item.basis, row.citation]),
    ruleKeys: [...new Set([...item.ruleKeys, row.key])],
  };
}

/**
 * JKP recomposition (PP 37/2021 Pasal 11; PP 49/2023 Pasal 16A, 18A; PP 6/2025 Pasal 11).
 *
 * Reading, documented because the sources are incomplete (domain.md §3.1, §11.2):
 * - The JKP contribution is not an extra charge. Part of what the employer already pays for JKK (0.14 %) and,
 *   until 6 Feb 2025, JKM (0.10 %) is re-labelled as JKP; central government adds 0.22 %. The employer's total is
 *   therefore identical with or without JKP; only the labels move.
 * - PP 6/2025 (from 7 Feb 2025): 0.36 % = 0.22 % government + 0.14 % from JKK. Its Pasal 11 (5) names only JKK,
 *   so the JKM recomposition row is 0 bp from that date and JKM stays 0.30 %. ⚠ to confirm on the official PDF.
 * - Base: the wage capped at the JKP wage cap (Rp5,000,000). domain.md states the cap for benefits; we also apply
 *   it to the contribution (PP 37/2021 caps the wage used for "iuran" too, as far as we can tell). For wages up to
 *   the cap, the usual case for Pemda non-ASN, both readings give the same figures. ⚠
 * - The recomposed part comes out of the JKK/JKM actually due (after any discount) and never exceeds it, so a
 *   discount can never make a line negative or raise the employer's total.
 * The parts must add up to the JKP rate row, otherwise the table is inconsistent (RULE_CONFLICT).
 */
function recompose(lookup: RuleLookup, wage: number, jkk: QuoteItem, jkm: QuoteItem): Recomposed {
  const rate = lookup.one('pu.jkp.rate', 'rate');
  const government = lookup.one('pu.jkp.government', 'rate');
  const fromJkkRate = lookup.one('pu.jkp.recomposition.jkk', 'rate');
  const fromJkmRate = lookup.one('pu.jkp.recomposition.jkm', 'rate');
  const cap = lookup.one('pu.jkp.wage_cap', 'cap');
  if (government.value.bp + fromJkkRate.value.bp + fromJkmRate.value.bp !== rate.value.bp) {
    throw new RuleError('RULE_CONFLICT', 'Komponen iuran JKP tidak sama dengan tarif JKP / JKP parts do not add up', {
      date: lookup.date,
    });
  }
  const wageBase = Math.min(wage, cap.value.rupiah);
  const fromJkk = Math.min(toSafeNumber(percentOf(lookup, wageBase, fromJkkRate.value.bp), 'JKP'), jkk.amount);
  const fromJkm = Math.min(toSafeNumber(percentOf(lookup, wageBase, fromJkmRate.value.bp), 'JKP'), jkm.amount);
  const governmentAmount = toSafeNumber(percentOf(lookup, wageBase, government.value.bp), 'JKP');

  const jkpRows = [rate.row, fromJkkRate.row, fromJkmRate.row, cap.row];
  return {
    jkk: reduceBy(jkk, fromJkk, fromJkkRate.row),
    jkm: reduceBy(jkm, fromJkm, fromJkmRate.row),
    jkpItems: [
      toItem(line('jkp', 'employer', BigInt(fromJkk + fromJkm), jkpRows)),
      toItem(line('jkp', 'government', BigInt(governmentAmount), [rate.row, government.row, cap.row])),
    ],
    recomposition: {
      wageBase,
      jkkGross: jkk.amount,
      jkmGross: jkm.amount,
      fromJkk,
      fromJkm,
      government: governmentAmount,
      jkpTotal: fromJkk + fromJkm + governmentAmount,
    },
  };
}

function quotePu(input: PuQuoteInput, lookup: RuleLookup): { items: QuoteItem[]; recomposition?: JkpRecomposition } {
  const wage = requirePositiveRupiah(input.wage, 'wage');
  const riskClass = requireRiskClass(input.riskClass);
  const size = requireEmployerSize(input.employerSize);
  const programs = requirePrograms(input.programs);
  requireAvailable('pu', programs);
  const mandatory = lookup.one('pu.mandatory_programs', 'programs', size);
  requireIncluded(mandatory.value.programs, programs, mandatory.row.citation);
  if (programs.includes('jkp')) {
    const prerequisite = lookup.one('pu.jkp.prerequisite', 'programs', size);
    requireIncluded(prerequisite.value.programs, programs, prerequisite.row.citation);
  }

  const discounts = discountsInForce(lookup, { category: 'pu', funding: 'self', sector: null });
  const jkkRate = lookup.one(`pu.jkk.rate.class${riskClass}`, 'rate');
  const jkmRate = lookup.one('pu.jkm.rate', 'rate');
  const jkk = discountedItem(
    lookup,
    discounts,
    line('jkk', 'employer', percentOf(lookup, wage, jkkRate.value.bp), [jkkRate.row]),
  );
  const jkm = discountedItem(
    lookup,
    discounts,
    line('jkm', 'employer', percentOf(lookup, wage, jkmRate.value.bp), [jkmRate.row]),
  );

  const others: Line[] = [];
  if (programs.includes('jht')) others.push(...splitLines(lookup, 'jht', wage, lookup.one('pu.jht.rate', 'split'), []));
  if (programs.includes('jp')) {
    const cap = lookup.one('pu.jp.wage_cap', 'cap');
    const base = Math.min(wage, cap.value.rupiah);
    others.push(...splitLines(lookup, 'jp', base, lookup.one('pu.jp.rate', 'split'), [cap.row]));
  }
  const rest = discounted(lookup, discounts, others);

  if (!programs.includes('jkp')) return { items: [jkk, jkm, ...rest] };
  const recomposed = recompose(lookup, wage, jkk, jkm);
  return {
    items: [recomposed.jkk, recomposed.jkm, ...rest, ...recomposed.jkpItems],
    recomposition: recomposed.recomposition,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Jakon

/** Slices must start at 0, follow each other without gaps and end open; otherwise the table is broken. */
function orderedSlices(found: Found<'slice'>[], key: string): Found<'slice'>[] {
  const slices = [...found].sort((a, b) => a.value.lower - b.value.lower);
  let expectedLower = 0;
  slices.forEach(({ value }, index) => {
    const isLast = index === slices.length - 1;
    const endsRight = isLast ? value.upper === null : value.upper !== null && value.upper > value.lower;
    if (value.lower !== expectedLower || !endsRight) {
      throw new RuleError('RULE_CONFLICT', `Lapisan ${key} tidak bersambung / slices are not contiguous`, { key });
    }
    expectedLower = value.upper ?? expectedLower;
  });
  return slices;
}

function sliceShare(base: number, slice: SliceValue): number {
  const top = slice.upper === null ? base : Math.min(base, slice.upper);
  return Math.max(0, top - slice.lower);
}

/** Progressive contribution on a contract value: each slice's rate on the part inside it, rounded once. */
function progressiveLine(lookup: RuleLookup, program: 'jkk' | 'jkm', contractValue: number): Line {
  const key = `jakon.${program}.slice`;
  const found = lookup.table(key, 'slice');
  if (found.length === 0) {
    throw new RuleError('RULE_GAP', `Tidak ada aturan ${key} pada ${lookup.date} / no rule in force on that date`, {
      key,
      date: lookup.date,
    });
  }
  let numerator = 0n;
  const rows: ContributionRuleRow[] = [];
  for (const { row, value } of orderedSlices(found, key)) {
    const share = sliceShare(contractValue, value);
    if (share === 0) continue;
    numerator += BigInt(share) * BigInt(value.bp);
    rows.push(row);
    lookup.use(row);
  }
  return line(program, 'employer', lookup.round(numerator, BP_PER_WHOLE), rows);
}

/** Jakon is paid by the contractor (penyedia jasa), hence 'employer'. */
function quoteJakon(input: JakonQuoteInput, lookup: RuleLookup): QuoteItem[] {
  const mandatory = lookup.one('jakon.mandatory_programs', 'programs');
  const programs = input.programs === undefined ? mandatory.value.programs : requirePrograms(input.programs);
  requireAvailable('jakon', programs);
  requireIncluded(mandatory.value.programs, programs, mandatory.row.citation);

  let lines: Line[];
  if (input.contractValue !== undefined && input.wage === undefined) {
    const contractValue = requirePositiveRupiah(input.contractValue, 'contractValue');
    lines = [progressiveLine(lookup, 'jkk', contractValue), progressiveLine(lookup, 'jkm', contractValue)];
  } else if (input.wage !== undefined && input.contractValue === undefined) {
    const wage = requirePositiveRupiah(input.wage, 'wage');
    const jkk = lookup.one('jakon.jkk.rate', 'rate');
    const jkm = lookup.one('jakon.jkm.rate', 'rate');
    lines = [
      line('jkk', 'employer', percentOf(lookup, wage, jkk.value.bp), [jkk.row]),
      line('jkm', 'employer', percentOf(lookup, wage, jkm.value.bp), [jkm.row]),
    ];
  } else {
    throw invalid('Jakon memerlukan tepat satu dari contractValue atau wage / give exactly one of contractValue, wage');
  }
  return discounted(lookup, discountsInForce(lookup, { category: 'jakon', funding: 'self', sector: null }), lines);
}

// ---------------------------------------------------------------------------------------------------------------
// PMI

function quotePmi(input: PmiQuoteInput, lookup: RuleLookup): QuoteItem[] {
  if (input.package !== 6 && input.package !== 12 && input.package !== 24) {
    throw invalid(`Paket PMI harus 6, 12 atau 24 bulan / package must be 6, 12 or 24: ${String(input.package)}`);
  }
  const extraMonths = input.extraMonths ?? 0;
  if (!Number.isSafeInteger(extraMonths) || extraMonths < 0) {
    throw invalid(`extraMonths harus bilangan bulat ≥ 0 / must be a whole number ≥ 0: ${String(extraMonths)}`);
  }
  const lines: Line[] = [];
  if (input.preEmployment !== false) {
    const pre = lookup.one('pmi.package.pre', 'amount');
    lines.push(line('jkk_jkm', 'participant', BigInt(pre.value.rupiah), [pre.row]));
  }
  const pkg = lookup.one(`pmi.package.${input.package}`, 'amount');
  lines.push(line('jkk_jkm', 'participant', BigInt(pkg.value.rupiah), [pkg.row]));
  if (extraMonths > 0) {
    const perMonth = lookup.one('pmi.extra_month', 'amount');
    lines.push(line('jkk_jkm', 'participant', BigInt(perMonth.value.rupiah) * BigInt(extraMonths), [perMonth.row]));
  }
  return discounted(lookup, discountsInForce(lookup, { category: 'pmi', funding: 'self', sector: null }), lines);
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
