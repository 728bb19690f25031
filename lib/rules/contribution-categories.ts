// The contribution engine per participation category (contributions.ts is the public API): BPU, PU, Jakon and PMI
// lines from the rule rows in force on the quote date.
import type {
  BpuQuoteInput,
  ContributionRuleRow,
  Funding,
  IsoDate,
  JakonQuoteInput,
  JkpRecomposition,
  Payer,
  PmiQuoteInput,
  Program,
  PuQuoteInput,
  QuoteItem,
  SliceValue,
} from './contribution-types.ts';
import {
  RuleError,
  BP_PER_WHOLE,
  PROGRAMS,
  invalid,
  requireDate,
  requirePositiveRupiah,
  requirePrograms,
  requireAvailable,
  requireIncluded,
  Found,
  isValidOn,
  RuleLookup,
  toSafeNumber,
  percentOf,
  joinBasis,
  Line,
  line,
  toItem,
  discountsInForce,
  discountedItem,
  discounted,
} from './contribution-engine.ts';

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

export function quoteBpu(input: BpuQuoteInput, lookup: RuleLookup): QuoteItem[] {
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

export function quotePu(
  input: PuQuoteInput,
  lookup: RuleLookup,
): { items: QuoteItem[]; recomposition?: JkpRecomposition } {
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
export function quoteJakon(input: JakonQuoteInput, lookup: RuleLookup): QuoteItem[] {
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

export function quotePmi(input: PmiQuoteInput, lookup: RuleLookup): QuoteItem[] {
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
