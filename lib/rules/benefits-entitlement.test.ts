import { describe, expect, it } from 'vitest';
import { BENEFIT_RULE_SEED } from './benefit-rules.seed.ts';
import { JKK_BENEFITS, JKM_BENEFITS, benefitAmount, cashTotal } from './benefits.ts';
import {
  BenefitRuleGapError,
  EntitlementInputError,
  entitlement,
  stmbAmount,
  type BenefitRuleRow,
  type EntitlementInput,
} from './benefits-entitlement.ts';

const rules = BENEFIT_RULE_SEED;
const TODAY = '2026-03-15';
const amounts = (input: EntitlementInput, r: readonly BenefitRuleRow[] = rules) =>
  Object.fromEntries(entitlement(r, input).items.map((i) => [i.benefit, [i.amount, i.inTotal]]));

describe('JKM (domain.md §4.1)', () => {
  it('pays Rp42,000,000 in cash; with fewer than 36 months of contributions no scholarship', () => {
    const e = entitlement(rules, { type: 'jkm', date: TODAY, wage: 1_000_000, contributionMonths: 12 });
    expect(e.total).toBe(42_000_000);
    expect(e.items.map((i) => [i.benefit, i.amount, i.basis])).toEqual([
      ['jkm.lump_sum', 20_000_000, 'PP 82/2019'],
      ['jkm.periodic', 12_000_000, 'PP 82/2019'],
      ['jkm.funeral', 10_000_000, 'PP 82/2019'],
    ]);
  });

  it('with 36 months of contributions adds the scholarship ceiling Rp174,000,000, not in the total', () => {
    const e = entitlement(rules, { type: 'jkm', date: TODAY, wage: null, contributionMonths: 36 });
    expect(e.total).toBe(42_000_000);
    expect(e.items.at(-1)).toEqual({
      benefit: 'jkm.scholarship',
      amount: 174_000_000,
      basis: 'PP 82/2019',
      inTotal: false,
    });
    expect(amounts({ type: 'jkm', date: TODAY, wage: null, contributionMonths: 35 })['jkm.scholarship']).toBe(
      undefined,
    );
  });

  it('is the same for PU and BPU and needs no wage', () => {
    expect(entitlement(rules, { type: 'jkm', date: TODAY, wage: null, contributionMonths: 0 }).total).toBe(42_000_000);
    expect(entitlement(rules, { type: 'jkm', date: TODAY, wage: 9_000_000, contributionMonths: 0 }).total).toBe(
      42_000_000,
    );
  });
});

describe('JKK (domain.md §4.2)', () => {
  it('death at a BPU income of Rp1,000,000 = 48 M + 12 M + 10 M = Rp70,000,000, plus scholarship without a minimum period', () => {
    const e = entitlement(rules, {
      type: 'jkk',
      date: TODAY,
      wage: 1_000_000,
      contributionMonths: 1,
      outcome: 'death',
    });
    expect(e.total).toBe(70_000_000);
    expect(amounts({ type: 'jkk', date: TODAY, wage: 1_000_000, contributionMonths: 1, outcome: 'death' })).toEqual({
      'jkk.medical': [null, false],
      'jkk.death': [48_000_000, true],
      'jkk.death_periodic': [12_000_000, true],
      'jkk.death_funeral': [10_000_000, true],
      'jkk.scholarship': [174_000_000, false],
    });
  });

  it('total permanent disability = 56 × wage, with scholarship', () => {
    const e = entitlement(rules, {
      type: 'jkk',
      date: TODAY,
      wage: 2_000_000,
      contributionMonths: 0,
      outcome: 'total-disability',
    });
    expect(e.total).toBe(112_000_000);
    expect(e.items.map((i) => i.benefit)).toEqual(['jkk.medical', 'jkk.total_disability', 'jkk.scholarship']);
  });

  it('partial disability = % × 80 × wage (10 % at Rp1,000,000 = Rp8,000,000; 2.5 % = Rp2,000,000)', () => {
    const base = { type: 'jkk', date: TODAY, wage: 1_000_000, contributionMonths: 0 } as const;
    expect(entitlement(rules, { ...base, outcome: 'partial-disability', percent: 10 }).total).toBe(8_000_000);
    expect(entitlement(rules, { ...base, outcome: 'partial-disability', percent: 2.5 }).total).toBe(2_000_000);
  });

  it('STMB pays 100 % for 12 months then 50 % (15 months at Rp1,000,000 = Rp13,500,000)', () => {
    const base = { type: 'jkk', date: TODAY, wage: 1_000_000, contributionMonths: 0 } as const;
    expect(entitlement(rules, { ...base, outcome: 'stmb', months: 3 }).total).toBe(3_000_000);
    expect(entitlement(rules, { ...base, outcome: 'stmb', months: 15 }).total).toBe(13_500_000);
  });

  it('treatment: medical care without ceiling, nothing in the total', () => {
    const e = entitlement(rules, { type: 'jkk', date: TODAY, wage: null, contributionMonths: 0, outcome: 'treatment' });
    expect(e).toEqual({
      items: [{ benefit: 'jkk.medical', amount: null, basis: expect.any(String), inTotal: false }],
      total: 0,
    });
  });

  it('refuses an outcome that needs a wage, percent or months without them', () => {
    const base = { type: 'jkk', date: TODAY, contributionMonths: 0 } as const;
    expect(() => entitlement(rules, { ...base, wage: null, outcome: 'death' })).toThrow(EntitlementInputError);
    expect(() => entitlement(rules, { ...base, wage: 1, outcome: 'partial-disability' })).toThrow(/percent/);
    expect(() => entitlement(rules, { ...base, wage: 1, outcome: 'stmb' })).toThrow(/months/);
    expect(() => entitlement(rules, { ...base, wage: 1 })).toThrow(/outcome/);
  });
});

describe('effective dates', () => {
  it('the day before PP 82/2019 pays the PP 44/2015 amounts, the day of it the new ones', () => {
    const jkm = (date: string) => entitlement(rules, { type: 'jkm', date, wage: null, contributionMonths: 0 });
    expect(jkm('2019-12-01').total).toBe(24_000_000);
    expect(jkm('2019-12-01').items[0]?.basis).toBe('PP 44/2015 Pasal 34');
    expect(jkm('2019-12-02').total).toBe(42_000_000);
    const stmb = (date: string) =>
      entitlement(rules, { type: 'jkk', date, wage: 1_000_000, contributionMonths: 0, outcome: 'stmb', months: 12 });
    expect(stmb('2019-12-01').total).toBe(6 * 1_000_000 + 6 * 750_000);
    expect(stmb('2019-12-02').total).toBe(12_000_000);
  });

  it('an appended rule row takes over on its first day; the day before keeps the old row', () => {
    const ended = rules.map((r) =>
      r.key === 'jkm.funeral' && r.validTo === null ? { ...r, validTo: '2026-06-30' } : r,
    );
    const next: BenefitRuleRow[] = [
      ...ended,
      {
        key: 'jkm.funeral',
        validFrom: '2026-07-01',
        validTo: null,
        legalBasis: 'PP uji',
        note: '',
        certainty: 'uncertain',
        value: { kind: 'rupiah', rupiah: 15_000_000 },
      },
    ];
    const funeral = (date: string) =>
      entitlement(next, { type: 'jkm', date, wage: null, contributionMonths: 0 }).items.find(
        (i) => i.benefit === 'jkm.funeral',
      );
    expect(funeral('2026-06-30')).toMatchObject({ amount: 10_000_000, basis: 'PP 82/2019' });
    expect(funeral('2026-07-01')).toMatchObject({ amount: 15_000_000, basis: 'PP uji' });
  });

  it('a date without rules is an error, never zero', () => {
    expect(() => entitlement(rules, { type: 'jkm', date: '2015-06-30', wage: null, contributionMonths: 0 })).toThrow(
      BenefitRuleGapError,
    );
    expect(() => entitlement([], { type: 'jkm', date: TODAY, wage: null, contributionMonths: 0 })).toThrow(
      /jkm.lump_sum/,
    );
  });
});

describe('the seed', () => {
  it('agrees with the public calculator summary (benefits.ts) for today', () => {
    expect(entitlement(rules, { type: 'jkm', date: TODAY, wage: null, contributionMonths: 0 }).total).toBe(
      cashTotal(JKM_BENEFITS),
    );
    const death = JKK_BENEFITS.items.find((i) => i.key === 'jkk.death')!;
    expect(
      entitlement(rules, { type: 'jkk', date: TODAY, wage: 1_000_000, contributionMonths: 0, outcome: 'death' }).total,
    ).toBe(benefitAmount(death, 1_000_000));
  });

  it('never overlaps two rows of one key, and names a legal basis on each', () => {
    for (const r of rules) {
      expect(r.legalBasis.trim()).not.toBe('');
      const clash = rules.filter(
        (o) =>
          o !== r &&
          o.key === r.key &&
          o.validFrom <= (r.validTo ?? '9999-12-31') &&
          r.validFrom <= (o.validTo ?? '9999-12-31'),
      );
      expect(clash).toEqual([]);
    }
  });

  it('stmbAmount runs the last tier on', () => {
    expect(
      stmbAmount(
        [
          { months: 1, bp: 10_000 },
          { months: null, bp: 5_000 },
        ],
        1_000,
        3,
      ),
    ).toBe(2_000);
  });
});
