// The contribution engine's plumbing (contributions.ts is the public API): input checks, the rule lookup for one
// date, money helpers (bigint products, one rounding per line) and discounts.
import type {
  Category,
  ContributionRuleRow,
  Funding,
  IsoDate,
  ItemProgram,
  Payer,
  Program,
  QuoteItem,
  RuleErrorCode,
  RuleValue,
  RuleValueKind,
} from './contribution-types.ts';

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

export const BP_PER_WHOLE = 10_000n;
export const PROGRAMS: readonly Program[] = ['jkk', 'jkm', 'jht', 'jp', 'jkp'];
export const PAYERS: readonly Payer[] = ['employer', 'worker', 'participant', 'government'];

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

export function invalid(message: string, details: Record<string, unknown> = {}): RuleError {
  return new RuleError('INVALID_INPUT', message, details);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}

export function requireDate(value: unknown): IsoDate {
  if (!isIsoDate(value)) throw invalid(`Tanggal tidak sah, gunakan YYYY-MM-DD / invalid date: ${String(value)}`);
  return value;
}

export function requirePositiveRupiah(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw invalid(`${field} harus bilangan bulat rupiah > 0 / ${field} must be a whole rupiah amount > 0`, {
      field,
      value,
    });
  }
  return value;
}

export function requirePrograms(value: unknown): Program[] {
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

export function requireAvailable(category: Category, programs: readonly Program[]): void {
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

export function requireIncluded(required: readonly Program[], chosen: readonly Program[], reason: string): void {
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

export interface Found<K extends RuleValueKind> {
  row: ContributionRuleRow;
  value: ValueOf<K>;
}

export function isValidOn(row: Pick<ContributionRuleRow, 'validFrom' | 'validTo'>, date: IsoDate): boolean {
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
export interface RuleLookup {
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

export function createLookup(rules: readonly ContributionRuleRow[], date: IsoDate): RuleLookup {
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

export function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw invalid(`${what} melebihi batas angka aman / exceeds the safe integer range: ${value}`, { what });
  }
  return n;
}

/** base × bp / 10 000, rounded by the rounding rule. */
export function percentOf(lookup: RuleLookup, base: number, bp: number): bigint {
  return lookup.round(BigInt(base) * BigInt(bp), BP_PER_WHOLE);
}

/** Citations joined with '; ', each part once (a row may itself cite two regulations, `PP 44/2015; Permenaker 5/2021`). */
export function joinBasis(citations: readonly string[]): string {
  const parts = citations.flatMap((c) => c.split(';').map((p) => p.trim()));
  return [...new Set(parts.filter((p) => p !== ''))].join('; ');
}

function basisOf(rows: readonly ContributionRuleRow[]): string {
  return joinBasis(rows.map((row) => row.citation));
}

export function keysOf(rows: readonly ContributionRuleRow[]): string[] {
  return [...new Set(rows.map((row) => row.key))];
}

/** A line before discounts: what is due, who pays it, and the rows it came from. */
export interface Line {
  program: ItemProgram;
  payer: Payer;
  amount: bigint;
  rows: ContributionRuleRow[];
}

export function line(program: ItemProgram, payer: Payer, amount: bigint, rows: ContributionRuleRow[]): Line {
  return { program, payer, amount, rows };
}

export function toItem(l: Line, grossAmount?: bigint): QuoteItem {
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

export function discountsInForce(lookup: RuleLookup, context: DiscountContext): Found<'discount'>[] {
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

export function discountedItem(lookup: RuleLookup, discounts: readonly Found<'discount'>[], l: Line): QuoteItem {
  const { line: after, gross } = applyDiscount(lookup, discounts, l);
  return toItem(after, gross);
}

export function discounted(lookup: RuleLookup, discounts: readonly Found<'discount'>[], lines: Line[]): QuoteItem[] {
  return lines.map((l) => discountedItem(lookup, discounts, l));
}
