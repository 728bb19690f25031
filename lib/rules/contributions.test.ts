import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONTRIBUTION_RULE_SEED as SEED } from './contribution-rules.seed.ts';
import {
  checkRuleTable,
  costOverMonths,
  hasResearchMarkers,
  incomeBrackets,
  incomeForEarnings,
  quoteContribution,
  RuleError,
  type BpuQuoteInput,
  type ContributionRuleRow,
  type EmployerSize,
  type Program,
  type PuQuoteInput,
  type Quote,
  type QuoteInput,
  type RuleErrorCode,
} from './contributions.ts';

// ----------------------------------------------------------------------------------------------------------------
// Helpers

const bpu = (date: string, extra: Partial<BpuQuoteInput> = {}): BpuQuoteInput => ({
  category: 'bpu',
  income: 1_000_000,
  programs: ['jkk', 'jkm'],
  date,
  ...extra,
});

const pu = (date: string, extra: Partial<PuQuoteInput> = {}): PuQuoteInput => ({
  category: 'pu',
  wage: 5_000_000,
  riskClass: 1,
  employerSize: 'medium',
  programs: ['jkk', 'jkm', 'jht', 'jp'],
  date,
  ...extra,
});

const total = (input: QuoteInput, rules: readonly ContributionRuleRow[] = SEED): number =>
  quoteContribution(input, rules).total;

/** The single item for a programme and payer. */
function itemOf(quote: Quote, program: string, payer?: string) {
  const matches = quote.items.filter((i) => i.program === program && (payer === undefined || i.payer === payer));
  expect(matches).toHaveLength(1);
  const [item] = matches;
  if (item === undefined) throw new Error('unreachable');
  return item;
}

/** Asserts a RuleError with the given code; untyped input simulates JSON from outside. */
function expectRuleError(run: () => unknown, code: RuleErrorCode): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RuleError);
  expect((caught as RuleError).code).toBe(code);
}

/** Input as it might arrive from an untyped client. */
const untyped = (value: unknown): QuoteInput => value as QuoteInput;

const ruleRow = (key: string, scope = ''): ContributionRuleRow => {
  const row = SEED.find((r) => r.key === key && r.scope === scope);
  if (row === undefined) throw new Error(`seed has no ${key}`);
  return row;
};

// ----------------------------------------------------------------------------------------------------------------

describe('seed table', () => {
  it('has no overlapping rows, bad dates, empty citations or research notes in a citation', () => {
    expect(checkRuleTable(SEED)).toEqual([]);
    for (const row of SEED) {
      expect(row.citation.trim()).not.toBe('');
      expect(hasResearchMarkers(row.citation), `${row.key} (${row.scope}): ${row.citation}`).toBe(false);
      expect(row.note.trim()).not.toBe('');
    }
  });

  it('marks uncertain figures in their internal note, not in the citation', () => {
    const uncertain = ['pu.jp.wage_cap', 'bpu.income.bounds', 'pu.jkp.recomposition.jkm', 'rounding.mode'];
    for (const key of uncertain) {
      const rows = SEED.filter((r) => r.key === key);
      expect(rows.some((r) => /⚠|Tidak ditemukan/.test(r.note))).toBe(true);
    }
    // The Lampiran II rows await verification against the official text.
    const incomeRows = SEED.filter((r) => r.key === 'bpu.income.row');
    expect(incomeRows).toHaveLength(33);
    for (const r of incomeRows) {
      expect(r.citation).toBe('PP 44/2015 Lampiran II');
      expect(r.note).toMatch(/menunggu verifikasi/);
    }
  });

  it('checkRuleTable refuses a citation that carries research notes', () => {
    const jkm = ruleRow('bpu.jkm.flat');
    for (const citation of ['PP 44/2015 [S]', 'domain.md §3.2', 'PP 1/2025 ⚠', 'kaltimkita.com', 'x UNCERTAIN']) {
      expect(checkRuleTable([{ ...jkm, citation }])).toHaveLength(1);
    }
  });

  it('checkRuleTable reports overlaps and reversed dates', () => {
    const jkm = ruleRow('bpu.jkm.flat');
    const problems = checkRuleTable([
      jkm,
      { ...jkm, validFrom: '2020-01-01' },
      { ...jkm, key: 'x', validFrom: '2021-01-01', validTo: '2020-01-01' },
    ]);
    expect(problems).toHaveLength(2);
  });
});

describe('BPU (domain.md §3.2)', () => {
  it('Rp1,000,000 with JKK + JKM costs Rp16,800 (JKK 10,000 + JKM 6,800)', () => {
    const quote = quoteContribution(bpu('2025-06-01'), SEED);
    expect(quote.total).toBe(16_800);
    expect(itemOf(quote, 'jkk').amount).toBe(10_000);
    expect(itemOf(quote, 'jkm').amount).toBe(6_800);
    expect(quote.byPayer).toEqual({ employer: 0, worker: 0, participant: 16_800, government: 0 });
  });

  it('with JHT costs Rp36,800', () => {
    const quote = quoteContribution(bpu('2025-06-01', { programs: ['jkk', 'jkm', 'jht'] }), SEED);
    expect(quote.total).toBe(36_800);
    expect(itemOf(quote, 'jht').amount).toBe(20_000);
  });

  it('charges budget-funded participants to the government and CSR to the employer', () => {
    for (const funding of ['apbd', 'apbn', 'apbdes'] as const) {
      expect(quoteContribution(bpu('2025-06-01', { funding }), SEED).byPayer.government).toBe(16_800);
    }
    expect(quoteContribution(bpu('2025-06-01', { funding: 'csr' }), SEED).byPayer.employer).toBe(16_800);
  });

  it('cites the exact rows used, and only those', () => {
    const quote = quoteContribution(bpu('2025-06-01'), SEED);
    expect(quote.rulesUsed).toContain(ruleRow('bpu.jkm.flat'));
    expect(quote.rulesUsed).toContain(ruleRow('bpu.jkk.rate'));
    expect(quote.rulesUsed).toContain(ruleRow('bpu.income.row', '1'));
    expect(quote.rulesUsed).toContain(ruleRow('rounding.mode'));
    expect(quote.rulesUsed.map((r) => r.key)).not.toContain('bpu.jht.rate');
    expect(quote.rulesUsed.map((r) => r.key)).not.toContain('bpu.income.bounds');
    expect(itemOf(quote, 'jkk').basis).toContain('PP 44/2015');
    expect(itemOf(quote, 'jkk').ruleKeys).toEqual(['bpu.income.row', 'bpu.jkk.rate']);
  });

  it('offers all 33 rows of PP 44/2015 Lampiran II, each with the bracket of real income it stands for', () => {
    const brackets = incomeBrackets(SEED, '2026-05-01');
    expect(brackets).toHaveLength(33);
    expect(brackets[0]).toMatchObject({ income: 1_000_000, earningsFrom: 0, earningsTo: 1_099_999 });
    expect(brackets[7]).toMatchObject({ income: 2_400_000, earningsFrom: 2_300_000, earningsTo: 2_499_999 });
    expect(brackets[9]).toMatchObject({ income: 2_950_000, earningsFrom: 2_700_000, earningsTo: 3_199_999 });
    expect(brackets[32]).toMatchObject({ income: 20_700_000, earningsFrom: 20_200_000, earningsTo: null });
    expect(brackets.map((b) => b.row.scope)).toEqual(brackets.map((_, i) => String(i + 1)));
    expect(incomeBrackets(SEED, '2015-06-30')).toEqual([]);
  });

  it.each([
    [0, 1_000_000, '1'],
    [1_099_999, 1_000_000, '1'],
    [1_100_000, 1_200_000, '2'],
    [2_345_678, 2_400_000, '8'],
    [3_199_999, 2_950_000, '10'],
    [20_199_999, 19_700_000, '32'],
    [55_000_000, 20_700_000, '33'],
  ])('maps a real income of Rp%d to the declared income Rp%d (row %s)', (earnings, income, row) => {
    const bracket = incomeForEarnings(earnings, '2026-05-01', SEED);
    expect(bracket.income).toBe(income);
    expect(bracket.row.scope).toBe(row);
  });

  it('quotes every Lampiran II row: Rp2,345,678 of real income pays JKK 1 % of Rp2,400,000', () => {
    const { income } = incomeForEarnings(2_345_678, '2025-06-01', SEED);
    const quote = quoteContribution(bpu('2025-06-01', { income, programs: ['jkk', 'jkm', 'jht'] }), SEED);
    expect(itemOf(quote, 'jkk').amount).toBe(24_000);
    expect(itemOf(quote, 'jht').amount).toBe(48_000);
    expect(quote.total).toBe(24_000 + 6_800 + 48_000);
    expect(quote.rulesUsed).toContain(ruleRow('bpu.income.row', '8'));
    for (const b of incomeBrackets(SEED, '2025-06-01')) {
      expect(quoteContribution(bpu('2025-06-01', { income: b.income }), SEED).total).toBe(b.income / 100 + 6_800);
    }
    expectRuleError(() => incomeForEarnings(-1, '2025-06-01', SEED), 'INVALID_INPUT');
    expectRuleError(() => incomeForEarnings(1_000_000, '2015-06-30', SEED), 'RULE_GAP');
  });

  it('prefers the numbered Lampiran II row over an older row of the same income without a bracket', () => {
    const old: ContributionRuleRow = {
      ...ruleRow('bpu.income.row', '1'),
      scope: '',
      note: 'PP 44/2015 Lampiran II (penghasilan Rp1.000.000, terendah) [S]',
      value: { kind: 'income', rupiah: 1_000_000 },
    };
    const quote = quoteContribution(bpu('2025-06-01'), [old, ...SEED]);
    expect(quote.total).toBe(16_800);
    expect(quote.rulesUsed).toContain(ruleRow('bpu.income.row', '1'));
    expect(quote.rulesUsed).not.toContain(old);
    // The old row alone still quotes, and maps no real income.
    const onlyOld = [old, ...SEED.filter((r) => r.key !== 'bpu.income.row')];
    expect(total(bpu('2025-06-01'), onlyOld)).toBe(16_800);
    expect(incomeBrackets(onlyOld, '2025-06-01')).toEqual([]);
  });

  it('rejects an income that is not a Lampiran II row (INCOME_NOT_IN_TABLE)', () => {
    expectRuleError(() => quoteContribution(bpu('2025-06-01', { income: 1_500_000 }), SEED), 'INCOME_NOT_IN_TABLE');
    expectRuleError(() => quoteContribution(bpu('2025-06-01', { income: 25_000_000 }), SEED), 'INCOME_NOT_IN_TABLE');
  });

  it('offers no JP or JKP (PROGRAM_NOT_AVAILABLE) and requires JKK and JKM (PROGRAM_REQUIRED)', () => {
    expectRuleError(
      () => quoteContribution(bpu('2025-06-01', { programs: ['jkk', 'jkm', 'jp'] }), SEED),
      'PROGRAM_NOT_AVAILABLE',
    );
    expectRuleError(
      () => quoteContribution(bpu('2025-06-01', { programs: ['jkk', 'jkm', 'jkp'] }), SEED),
      'PROGRAM_NOT_AVAILABLE',
    );
    expectRuleError(() => quoteContribution(bpu('2025-06-01', { programs: ['jkk'] }), SEED), 'PROGRAM_REQUIRED');
    expectRuleError(() => quoteContribution(bpu('2025-06-01', { programs: ['jkm', 'jht'] }), SEED), 'PROGRAM_REQUIRED');
  });

  it('is a RULE_GAP before PP 44/2015 took effect, never zero', () => {
    expect(total(bpu('2015-07-01'))).toBe(16_800);
    expectRuleError(() => quoteContribution(bpu('2015-06-30'), SEED), 'RULE_GAP');
  });
});

describe('PP 49/2020: 99 % JKK/JKM relief, Aug 2020 – Jan 2021', () => {
  it.each([
    ['2020-07-31', 16_800],
    ['2020-08-01', 168],
    ['2021-01-31', 168],
    ['2021-02-01', 16_800],
  ])('BPU on %s pays %d (JKM Rp6,800 → Rp68)', (date, expected) => {
    expect(total(bpu(date))).toBe(expected);
  });

  it('applies to budget-funded BPU as well, but never to JHT', () => {
    const quote = quoteContribution(bpu('2020-10-01', { funding: 'apbd', programs: ['jkk', 'jkm', 'jht'] }), SEED);
    expect(itemOf(quote, 'jkm').amount).toBe(68);
    expect(itemOf(quote, 'jkm').grossAmount).toBe(6_800);
    expect(itemOf(quote, 'jht').amount).toBe(20_000);
    expect(itemOf(quote, 'jkm').ruleKeys).toContain('discount.pp49_2020');
  });

  it('applies to PU JKK and JKM only', () => {
    const input = pu('2020-08-01', { employerSize: 'small', programs: ['jkk', 'jkm', 'jht'] });
    const quote = quoteContribution(input, SEED);
    expect(itemOf(quote, 'jkk').amount).toBe(120);
    expect(itemOf(quote, 'jkm').amount).toBe(150);
    expect(itemOf(quote, 'jht', 'employer').amount).toBe(185_000);
    expect(quote.byPayer).toMatchObject({ employer: 185_270, worker: 100_000 });
    expect(total({ ...input, date: '2020-07-31' })).toBe(12_000 + 15_000 + 285_000);
  });

  it('applies to Jakon', () => {
    expect(total({ category: 'jakon', contractValue: 2_000_000_000, date: '2020-12-15' })).toBe(26_400 + 3_100);
  });
});

describe('PP 50/2025: 50 % BPU JKK/JKM discount', () => {
  it.each([
    ['2025-12-31', 16_800],
    ['2026-01-01', 8_400],
    ['2027-03-31', 8_400],
    ['2027-04-01', 16_800],
  ])('transport sector on %s pays %d', (date, expected) => {
    expect(total(bpu(date, { sector: 'transport' }))).toBe(expected);
  });

  it.each([
    ['2026-03-31', 16_800],
    ['2026-04-01', 8_400],
    ['2026-12-31', 8_400],
    ['2027-01-01', 16_800],
  ])('other sectors on %s pay %d', (date, expected) => {
    expect(total(bpu(date, { sector: 'other' }))).toBe(expected);
    expect(total(bpu(date))).toBe(expected); // sector defaults to "other"
  });

  it('is withheld from APBD/APBN-funded workers (Rp16,800 stays) and applied to self-paid (Rp8,400)', () => {
    expect(total(bpu('2026-06-01', { funding: 'apbd' }))).toBe(16_800);
    expect(total(bpu('2026-06-01', { funding: 'apbn' }))).toBe(16_800);
    expect(total(bpu('2026-06-01', { funding: 'apbdes' }))).toBe(16_800);
    expect(total(bpu('2026-06-01', { funding: 'self' }))).toBe(8_400);
    expect(total(bpu('2026-02-01', { funding: 'apbd', sector: 'transport' }))).toBe(16_800);
  });

  it('applies to CSR-funded workers, paid by the employer', () => {
    const quote = quoteContribution(bpu('2026-06-01', { funding: 'csr' }), SEED);
    expect(quote.byPayer.employer).toBe(8_400);
  });

  it('never discounts JHT', () => {
    const quote = quoteContribution(bpu('2026-06-01', { programs: ['jkk', 'jkm', 'jht'] }), SEED);
    expect(quote.total).toBe(8_400 + 20_000);
    expect(itemOf(quote, 'jht').grossAmount).toBeUndefined();
    expect(itemOf(quote, 'jkk').basis).toContain('PP 50/2025');
    expect(quote.rulesUsed).toContain(ruleRow('discount.pp50_2025.bpu', 'other'));
  });
});

describe('PU (domain.md §3.1)', () => {
  it('worked example: Rp5,000,000, class 1, medium employer, 2025 → employer Rp312,000, worker Rp150,000', () => {
    const quote = quoteContribution(pu('2025-06-01'), SEED);
    expect(itemOf(quote, 'jkk').amount).toBe(12_000);
    expect(itemOf(quote, 'jkm').amount).toBe(15_000);
    expect(itemOf(quote, 'jht', 'employer').amount).toBe(185_000);
    expect(itemOf(quote, 'jht', 'worker').amount).toBe(100_000);
    expect(itemOf(quote, 'jp', 'employer').amount).toBe(100_000);
    expect(itemOf(quote, 'jp', 'worker').amount).toBe(50_000);
    expect(quote.byPayer).toEqual({ employer: 312_000, worker: 150_000, participant: 0, government: 0 });
    expect(quote.total).toBe(462_000);
  });

  it.each([
    [1, 12_000],
    [2, 27_000],
    [3, 44_500],
    [4, 63_500],
    [5, 87_000],
  ] as const)('JKK risk class %d on Rp5,000,000 is %d', (riskClass, expected) => {
    expect(itemOf(quoteContribution(pu('2025-06-01', { riskClass }), SEED), 'jkk').amount).toBe(expected);
  });

  it.each([
    ['2024-02-29', 191_192, 95_596],
    ['2024-03-01', 200_846, 100_423],
    ['2025-02-28', 200_846, 100_423],
    ['2025-03-01', 210_948, 105_474],
    ['2026-02-28', 210_948, 105_474],
    ['2026-03-01', 221_726, 110_863],
    ['2026-04-01', 221_726, 110_863],
  ])('applies the JP wage cap on %s (wage Rp15,000,000 above the cap)', (date, employer, worker) => {
    const quote = quoteContribution(pu(date, { wage: 15_000_000 }), SEED);
    expect(itemOf(quote, 'jp', 'employer').amount).toBe(employer);
    expect(itemOf(quote, 'jp', 'worker').amount).toBe(worker);
    // JHT has no cap.
    expect(itemOf(quote, 'jht', 'employer').amount).toBe(555_000);
  });

  it('quotes PU after March 2026 with the 2026 JP cap (Rp11,086,300) and cites it', () => {
    const quote = quoteContribution(pu('2026-04-15', { wage: 12_000_000 }), SEED);
    const cap = quote.rulesUsed.find((r) => r.key === 'pu.jp.wage_cap');
    expect(cap?.value).toEqual({ kind: 'cap', rupiah: 11_086_300 });
    expect(cap?.validFrom).toBe('2026-03-01');
    expect(itemOf(quote, 'jp', 'worker')).toMatchObject({
      amount: 110_863,
      basis: 'PP 45/2015; PP 45/2015 Pasal 29 ayat (3) dan (4)',
    });
    // Below the cap the wage itself is the base.
    expect(itemOf(quoteContribution(pu('2026-04-15'), SEED), 'jp', 'worker').amount).toBe(50_000);
  });

  it('is a RULE_GAP for JP where no cap is known (before March 2023)', () => {
    expectRuleError(() => quoteContribution(pu('2023-02-28'), SEED), 'RULE_GAP');
    // Without JP the same employer-size rules still quote.
    expect(total(pu('2019-01-01', { employerSize: 'small', programs: ['jkk', 'jkm', 'jht'] }))).toBe(312_000);
  });

  it('requires the programmes of Perpres 109/2013 by employer size', () => {
    expectRuleError(
      () => quoteContribution(pu('2025-06-01', { programs: ['jkk', 'jkm', 'jht'] }), SEED),
      'PROGRAM_REQUIRED',
    );
    expectRuleError(
      () => quoteContribution(pu('2025-06-01', { employerSize: 'small', programs: ['jkk', 'jkm'] }), SEED),
      'PROGRAM_REQUIRED',
    );
    expect(total(pu('2025-06-01', { employerSize: 'micro', programs: ['jkk', 'jkm'] }))).toBe(27_000);
  });

  it('rejects malformed input (INVALID_INPUT)', () => {
    expectRuleError(() => quoteContribution(pu('2025-02-30'), SEED), 'INVALID_INPUT');
    expectRuleError(() => quoteContribution(pu('2025-06-01', { wage: 0 }), SEED), 'INVALID_INPUT');
    expectRuleError(() => quoteContribution(pu('2025-06-01', { wage: 1_000.5 }), SEED), 'INVALID_INPUT');
    expectRuleError(() => quoteContribution(untyped({ ...pu('2025-06-01'), riskClass: 6 }), SEED), 'INVALID_INPUT');
    expectRuleError(
      () => quoteContribution(untyped({ ...pu('2025-06-01'), employerSize: 'huge' }), SEED),
      'INVALID_INPUT',
    );
    expectRuleError(
      () => quoteContribution(untyped({ ...pu('2025-06-01'), programs: ['jkk', 'jkk'] }), SEED),
      'INVALID_INPUT',
    );
    expectRuleError(
      () => quoteContribution(untyped({ ...pu('2025-06-01'), programs: ['jkn'] }), SEED),
      'INVALID_INPUT',
    );
    expectRuleError(() => quoteContribution(untyped({ category: 'asn', date: '2025-06-01' }), SEED), 'INVALID_INPUT');
  });
});

describe('JKP recomposition (PP 37/2021 → PP 6/2025)', () => {
  const withJkp = (date: string, extra: Partial<PuQuoteInput> = {}) =>
    quoteContribution(pu(date, { programs: ['jkk', 'jkm', 'jht', 'jp', 'jkp'], ...extra }), SEED);

  it('PP 6/2025 (0.36 %): JKK 0.24 % splits into 0.10 % JKK + 0.14 % JKP, JKM stays, government adds 0.22 %', () => {
    const quote = withJkp('2025-06-01');
    expect(itemOf(quote, 'jkk')).toMatchObject({ amount: 5_000, grossAmount: 12_000 });
    expect(itemOf(quote, 'jkm').amount).toBe(15_000);
    expect(itemOf(quote, 'jkm').grossAmount).toBeUndefined();
    expect(itemOf(quote, 'jkp', 'employer').amount).toBe(7_000);
    expect(itemOf(quote, 'jkp', 'government').amount).toBe(11_000);
    expect(quote.byPayer).toEqual({ employer: 312_000, worker: 150_000, participant: 0, government: 11_000 });
    expect(quote.recomposition).toEqual({
      wageBase: 5_000_000,
      jkkGross: 12_000,
      jkmGross: 15_000,
      fromJkk: 7_000,
      fromJkm: 0,
      government: 11_000,
      jkpTotal: 18_000,
    });
  });

  it('PP 37/2021 (0.46 %): JKM also gives 0.10 %', () => {
    const quote = withJkp('2024-06-01');
    expect(itemOf(quote, 'jkk').amount).toBe(5_000);
    expect(itemOf(quote, 'jkm')).toMatchObject({ amount: 10_000, grossAmount: 15_000 });
    expect(itemOf(quote, 'jkp', 'employer').amount).toBe(12_000);
    expect(itemOf(quote, 'jkp', 'government').amount).toBe(11_000);
    expect(quote.byPayer.employer).toBe(312_000);
    expect(quote.recomposition?.jkpTotal).toBe(23_000);
  });

  it('switches from 0.46 % to 0.36 % on 7 Feb 2025', () => {
    expect(withJkp('2025-02-06').recomposition?.jkpTotal).toBe(23_000);
    expect(withJkp('2025-02-07').recomposition?.jkpTotal).toBe(18_000);
    expect(withJkp('2025-02-06').rulesUsed.some((r) => r.citation.startsWith('PP 37/2021'))).toBe(true);
    expect(withJkp('2025-02-07').rulesUsed.some((r) => r.citation.startsWith('PP 6/2025'))).toBe(true);
  });

  it('never raises the employer total, and caps the JKP base at Rp5,000,000', () => {
    const without = quoteContribution(pu('2025-06-01', { wage: 10_000_000, riskClass: 3 }), SEED);
    const quote = withJkp('2025-06-01', { wage: 10_000_000, riskClass: 3 });
    expect(quote.byPayer.employer).toBe(without.byPayer.employer);
    expect(quote.recomposition).toMatchObject({ wageBase: 5_000_000, jkkGross: 89_000, fromJkk: 7_000 });
    expect(itemOf(quote, 'jkk').amount).toBe(82_000);
  });

  it('requires JHT for a micro employer (PP 6/2025 Pasal 4)', () => {
    const micro = { employerSize: 'micro' as EmployerSize };
    expectRuleError(() => withJkp('2025-06-01', { ...micro, programs: ['jkk', 'jkm', 'jkp'] }), 'PROGRAM_REQUIRED');
    expect(withJkp('2025-06-01', { ...micro, programs: ['jkk', 'jkm', 'jht', 'jkp'] }).byPayer.employer).toBe(212_000);
  });

  it('does not exist before PP 37/2021', () => {
    const input = pu('2020-06-01', { employerSize: 'small', programs: ['jkk', 'jkm', 'jht', 'jkp'] });
    expectRuleError(() => quoteContribution(input, SEED), 'RULE_GAP');
  });
});

describe('Jakon (domain.md §3.3)', () => {
  it('contract Rp2,000,000,000 → JKK Rp2,640,000 + JKM Rp310,000 = Rp2,950,000, paid by the contractor', () => {
    const quote = quoteContribution({ category: 'jakon', contractValue: 2_000_000_000, date: '2025-06-01' }, SEED);
    expect(itemOf(quote, 'jkk').amount).toBe(2_640_000);
    expect(itemOf(quote, 'jkm').amount).toBe(310_000);
    expect(quote.total).toBe(2_950_000);
    expect(quote.byPayer.employer).toBe(2_950_000);
    // Slices 1–4 are used; the open top slice (> Rp5 B) is not.
    expect(itemOf(quote, 'jkk').ruleKeys).toEqual(['jakon.jkk.slice']);
    expect(quote.rulesUsed.filter((r) => r.key === 'jakon.jkk.slice').map((r) => r.scope)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it.each([
    [100_000_000, 210_000 + 30_000],
    [
      10_000_000_000,
      210_000 + 680_000 + 650_000 + 4_400_000 + 4_500_000 + 30_000 + 80_000 + 100_000 + 400_000 + 500_000,
    ],
  ])('contract %d costs %d', (contractValue, expected) => {
    expect(total({ category: 'jakon', contractValue, date: '2025-06-01' })).toBe(expected);
  });

  it('with a known wage: JKK 1.74 % + JKM 0.30 %', () => {
    const quote = quoteContribution({ category: 'jakon', wage: 5_000_000, date: '2025-06-01' }, SEED);
    expect(itemOf(quote, 'jkk').amount).toBe(87_000);
    expect(itemOf(quote, 'jkm').amount).toBe(15_000);
  });

  it('offers no JHT (PROGRAM_NOT_AVAILABLE) and needs exactly one basis', () => {
    const input = { category: 'jakon' as const, contractValue: 1_000_000_000, date: '2025-06-01' };
    expectRuleError(
      () => quoteContribution({ ...input, programs: ['jkk', 'jkm', 'jht'] }, SEED),
      'PROGRAM_NOT_AVAILABLE',
    );
    expectRuleError(() => quoteContribution({ ...input, programs: ['jkk'] }, SEED), 'PROGRAM_REQUIRED');
    expectRuleError(() => quoteContribution(untyped({ ...input, wage: 5_000_000 }), SEED), 'INVALID_INPUT');
  });

  it('reports broken slices as RULE_CONFLICT', () => {
    const rules = SEED.filter((r) => !(r.key === 'jakon.jkm.slice' && r.scope === '2'));
    expectRuleError(
      () => quoteContribution({ category: 'jakon', contractValue: 50_000_000, date: '2025-06-01' }, rules),
      'RULE_CONFLICT',
    );
  });
});

describe('PMI (Permenaker 4/2023 Pasal 18)', () => {
  it('pre-employment + 24-month package = Rp370,000, paid by the participant', () => {
    const quote = quoteContribution({ category: 'pmi', package: 24, date: '2025-06-01' }, SEED);
    expect(quote.total).toBe(370_000);
    expect(quote.byPayer.participant).toBe(370_000);
    expect(quote.items.every((i) => i.program === 'jkk_jkm')).toBe(true);
  });

  it('prices the 6- and 12-month packages and extra months', () => {
    expect(total({ category: 'pmi', package: 12, preEmployment: false, date: '2025-06-01' })).toBe(189_000);
    expect(total({ category: 'pmi', package: 6, extraMonths: 3, date: '2025-06-01' })).toBe(37_500 + 108_000 + 40_500);
    expectRuleError(
      () => quoteContribution(untyped({ category: 'pmi', package: 9, date: '2025-06-01' }), SEED),
      'INVALID_INPUT',
    );
    expectRuleError(
      () => quoteContribution({ category: 'pmi', package: 6, extraMonths: -1, date: '2025-06-01' }, SEED),
      'INVALID_INPUT',
    );
  });

  it('is a RULE_GAP before the seeded Permenaker 4/2023 rows', () => {
    expectRuleError(() => quoteContribution({ category: 'pmi', package: 24, date: '2023-02-28' }, SEED), 'RULE_GAP');
  });
});

describe('rule table behaviour', () => {
  it('is a RULE_GAP without a rounding row, never a silent default', () => {
    const rules = SEED.filter((r) => r.key !== 'rounding.mode');
    expectRuleError(() => quoteContribution(bpu('2025-06-01'), rules), 'RULE_GAP');
  });

  it('rounds with the rounding row', () => {
    const withMode = (mode: 'half_up' | 'down' | 'up') =>
      SEED.map((r) => (r.key === 'rounding.mode' ? { ...r, value: { kind: 'rounding' as const, mode } } : r));
    const input = pu('2025-06-01', { wage: 5_000_250, employerSize: 'micro', programs: ['jkk', 'jkm'] });
    // 0.24 % × 5,000,250 = 12,000.6; 0.30 % × 5,000,250 = 15,000.75
    expect(total(input, withMode('half_up'))).toBe(12_001 + 15_001);
    expect(total(input, withMode('down'))).toBe(12_000 + 15_000);
    expect(total(input, withMode('up'))).toBe(12_001 + 15_001);
    expect(total({ ...input, wage: 5_000_050 }, withMode('up'))).toBe(12_001 + 15_001);
    expect(total({ ...input, wage: 5_000_050 }, withMode('half_up'))).toBe(12_000 + 15_000);
  });

  it('reports overlapping rows and wrong value kinds as RULE_CONFLICT', () => {
    const jkm = ruleRow('bpu.jkm.flat');
    expectRuleError(() => quoteContribution(bpu('2025-06-01'), [...SEED, { ...jkm, note: 'copy' }]), 'RULE_CONFLICT');
    const wrongKind = SEED.map((r) => (r === jkm ? { ...r, value: { kind: 'rate' as const, bp: 680 } } : r));
    expectRuleError(() => quoteContribution(bpu('2025-06-01'), wrongKind), 'RULE_CONFLICT');
  });

  it('refuses to stack two discounts on one line', () => {
    const extra: ContributionRuleRow = {
      ...ruleRow('discount.pp50_2025.bpu', 'other'),
      key: 'discount.other',
      scope: '',
    };
    expectRuleError(() => quoteContribution(bpu('2026-06-01'), [...SEED, extra]), 'RULE_CONFLICT');
  });

  it('reports JKP parts that do not add up as RULE_CONFLICT', () => {
    const rules = SEED.map((r) =>
      r.key === 'pu.jkp.rate' && r.validTo === null ? { ...r, value: { kind: 'rate' as const, bp: 40 } } : r,
    );
    const input = pu('2025-06-01', { programs: ['jkk', 'jkm', 'jht', 'jp', 'jkp'] });
    expectRuleError(() => quoteContribution(input, rules), 'RULE_CONFLICT');
  });
});

describe('costOverMonths', () => {
  it('Penajam Paser Utara 2025: 15,000 persons × Rp16,800 × 12 months = Rp3,024,000,000', () => {
    const cost = costOverMonths(
      {
        input: { category: 'bpu', income: 1_000_000, programs: ['jkk', 'jkm'], funding: 'apbd' },
        persons: 15_000,
        months: 12,
        startMonth: '2025-01',
      },
      SEED,
    );
    expect(cost.total).toBe(3_024_000_000);
    expect(cost.byPayer.government).toBe(3_024_000_000);
    expect(cost.months).toHaveLength(12);
    expect(cost.months[0]).toMatchObject({ month: '2025-01', perPerson: 16_800, amount: 252_000_000 });
    expect(cost.months[11]?.month).toBe('2025-12');
    expect(cost.months[0]?.ruleKeys).toEqual([
      'bpu.mandatory_programs',
      'bpu.income.row',
      'bpu.jkk.rate',
      'rounding.mode',
      'bpu.jkm.flat',
    ]);
  });

  it('APBD-funded in 2026 still costs Rp3,024,000,000 (PP 50/2025 excludes APBD)', () => {
    const cost = costOverMonths(
      {
        input: { category: 'bpu', income: 1_000_000, programs: ['jkk', 'jkm'], funding: 'apbd' },
        persons: 15_000,
        months: 12,
        startMonth: '2026-01',
      },
      SEED,
    );
    expect(cost.total).toBe(3_024_000_000);
  });

  it('crosses the PP 50/2025 start in April 2026 for self-paid non-transport workers', () => {
    const cost = costOverMonths(
      {
        input: { category: 'bpu', income: 1_000_000, programs: ['jkk', 'jkm'] },
        persons: 10,
        months: 4,
        startMonth: '2026-02',
      },
      SEED,
    );
    expect(cost.months.map((m) => m.perPerson)).toEqual([16_800, 16_800, 8_400, 8_400]);
    expect(cost.months[2]?.ruleKeys).toContain('discount.pp50_2025.bpu');
    expect(cost.months[1]?.ruleKeys).not.toContain('discount.pp50_2025.bpu');
    expect(cost.total).toBe((16_800 * 2 + 8_400 * 2) * 10);
    expect(cost.byPayer.participant).toBe(cost.total);
  });

  it('crosses the March JP cap change', () => {
    const input = {
      category: 'pu' as const,
      wage: 15_000_000,
      riskClass: 1 as const,
      employerSize: 'medium' as const,
      programs: ['jkk', 'jkm', 'jht', 'jp'] as Program[],
    };
    const cost = costOverMonths({ input, persons: 1, months: 4, startMonth: '2024-01' }, SEED);
    // JKK 36,000 + JKM 45,000 + JHT 855,000 = 936,000; JP 3 % of 9,559,600 = 286,788, then of 10,042,300 = 301,269.
    expect(cost.months.map((m) => m.perPerson)).toEqual([1_222_788, 1_222_788, 1_237_269, 1_237_269]);
    expect(cost.total).toBe(4_920_114);
    expect(cost.byPayer.employer + cost.byPayer.worker).toBe(cost.total);
  });

  it('rolls over the year', () => {
    const cost = costOverMonths(
      { input: { category: 'jakon', wage: 3_000_000 }, persons: 2, months: 3, startMonth: '2025-11' },
      SEED,
    );
    expect(cost.months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('rejects one-off contributions, bad counts, bad months and unsafe totals', () => {
    const monthly = { category: 'bpu' as const, income: 1_000_000, programs: ['jkk', 'jkm'] as Program[] };
    const run = (over: Partial<Parameters<typeof costOverMonths>[0]>) => () =>
      costOverMonths({ input: monthly, persons: 1, months: 1, startMonth: '2025-01', ...over }, SEED);
    expectRuleError(run({ input: { category: 'pmi', package: 24 } }), 'INVALID_INPUT');
    expectRuleError(run({ input: { category: 'jakon', contractValue: 1_000_000_000 } }), 'INVALID_INPUT');
    expectRuleError(run({ persons: 0 }), 'INVALID_INPUT');
    expectRuleError(run({ months: 0 }), 'INVALID_INPUT');
    expectRuleError(run({ startMonth: '2025-13' }), 'INVALID_INPUT');
    expectRuleError(run({ persons: Number.MAX_SAFE_INTEGER }), 'INVALID_INPUT');
    expectRuleError(run({ startMonth: '2015-06' }), 'RULE_GAP');
  });
});

// ----------------------------------------------------------------------------------------------------------------
// Properties over random valid inputs

const DAY_MS = 86_400_000;

function dateBetween(from: string, to: string): fc.Arbitrary<string> {
  return fc
    .integer({ min: Date.parse(`${from}T00:00:00Z`) / DAY_MS, max: Date.parse(`${to}T00:00:00Z`) / DAY_MS })
    .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
}

const MANDATORY: Record<EmployerSize, Program[]> = {
  micro: ['jkk', 'jkm'],
  small: ['jkk', 'jkm', 'jht'],
  medium: ['jkk', 'jkm', 'jht', 'jp'],
  large: ['jkk', 'jkm', 'jht', 'jp'],
};

const bpuArb: fc.Arbitrary<QuoteInput> = fc.record({
  category: fc.constant('bpu' as const),
  income: fc.constant(1_000_000),
  programs: fc.constantFrom<Program[]>(['jkk', 'jkm'], ['jkm', 'jkk', 'jht'], ['jht', 'jkk', 'jkm']),
  date: dateBetween('2015-07-01', '2030-12-31'),
  funding: fc.constantFrom('self', 'apbd', 'apbn', 'apbdes', 'csr'),
  sector: fc.constantFrom('transport', 'other'),
});

const puArb: fc.Arbitrary<PuQuoteInput> = fc
  .record({
    wage: fc.integer({ min: 1, max: 500_000_000 }),
    riskClass: fc.constantFrom(1, 2, 3, 4, 5),
    employerSize: fc.constantFrom<EmployerSize>('micro', 'small', 'medium', 'large'),
    jht: fc.boolean(),
    jp: fc.boolean(),
    jkp: fc.boolean(),
    date: dateBetween('2023-03-01', '2026-02-28'),
  })
  .map(({ employerSize, jht, jp, jkp, ...rest }) => {
    const programs = new Set<Program>(MANDATORY[employerSize]);
    if (jht || jkp) programs.add('jht');
    if (jp) programs.add('jp');
    if (jkp) programs.add('jkp');
    return { category: 'pu', employerSize, programs: [...programs], ...rest };
  });

const jakonArb: fc.Arbitrary<QuoteInput> = fc.oneof(
  fc.record({
    category: fc.constant('jakon' as const),
    contractValue: fc.integer({ min: 1, max: 1_000_000_000_000_000 }),
    date: dateBetween('2015-07-01', '2030-12-31'),
  }),
  fc.record({
    category: fc.constant('jakon' as const),
    wage: fc.integer({ min: 1, max: 1_000_000_000 }),
    date: dateBetween('2015-07-01', '2030-12-31'),
  }),
);

const pmiArb: fc.Arbitrary<QuoteInput> = fc.record({
  category: fc.constant('pmi' as const),
  package: fc.constantFrom<6 | 12 | 24>(6, 12, 24),
  extraMonths: fc.integer({ min: 0, max: 60 }),
  preEmployment: fc.boolean(),
  date: dateBetween('2023-03-01', '2030-12-31'),
});

const anyInput = fc.oneof(bpuArb, puArb, jakonArb, pmiArb);

describe('properties', () => {
  it('total = sum of items = sum by payer; nothing negative; every line cites its rules', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const quote = quoteContribution(input, SEED);
        const itemSum = quote.items.reduce((sum, i) => sum + i.amount, 0);
        const payerSum = Object.values(quote.byPayer).reduce((sum, n) => sum + n, 0);
        expect(quote.total).toBe(itemSum);
        expect(payerSum).toBe(quote.total);
        for (const item of quote.items) {
          expect(Number.isSafeInteger(item.amount)).toBe(true);
          expect(item.amount).toBeGreaterThanOrEqual(0);
          expect(item.amount).toBeLessThanOrEqual(item.grossAmount ?? item.amount);
          expect(item.basis).not.toBe('');
          expect(hasResearchMarkers(item.basis)).toBe(false);
          expect(item.ruleKeys.length).toBeGreaterThan(0);
        }
        for (const row of quote.rulesUsed) expect(SEED).toContain(row);
      }),
      { numRuns: 500 },
    );
  });

  it('JKP never changes what the employer or the worker pays', () => {
    fc.assert(
      fc.property(puArb, (input) => {
        // JKP needs JHT, so compare "with JHT" against "with JHT and JKP".
        const without = new Set<Program>([...input.programs.filter((p) => p !== 'jkp'), 'jht']);
        const withJkp = quoteContribution({ ...input, programs: [...without, 'jkp'] }, SEED);
        const withoutJkp = quoteContribution({ ...input, programs: [...without] }, SEED);
        expect(withJkp.byPayer.employer).toBe(withoutJkp.byPayer.employer);
        expect(withJkp.byPayer.worker).toBe(withoutJkp.byPayer.worker);
        expect(withJkp.byPayer.government).toBe(withJkp.recomposition?.government);
      }),
    );
  });

  it('a discount never raises a BPU contribution', () => {
    fc.assert(
      fc.property(bpuArb, (input) => {
        const quote = quoteContribution(input, SEED);
        const undiscounted = quoteContribution(
          input,
          SEED.filter((r) => !r.key.startsWith('discount.')),
        );
        expect(quote.total).toBeLessThanOrEqual(undiscounted.total);
      }),
    );
  });
});
