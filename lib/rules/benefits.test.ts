import { describe, expect, it } from 'vitest';
import {
  BENEFIT_PROGRAMS,
  JKK_BENEFITS,
  JKM_BENEFITS,
  SCHOLARSHIP,
  benefitAmount,
  benefitSummary,
  cashTotal,
  scholarshipCeiling,
} from './benefits.ts';
import { hasResearchMarkers } from './contributions.ts';

const item = (program: typeof JKM_BENEFITS, key: string) => {
  const found = program.items.find((i) => i.key === key);
  if (found === undefined) throw new Error(`no item ${key}`);
  return found;
};

describe('JKM benefits (domain.md §4.1, PP 82/2019)', () => {
  it('pays Rp42,000,000 in cash: 20 M lump sum + 12 M periodic + 10 M funeral', () => {
    expect(item(JKM_BENEFITS, 'jkm.lump_sum').amount).toBe(20_000_000);
    expect(item(JKM_BENEFITS, 'jkm.periodic').amount).toBe(24 * 500_000);
    expect(item(JKM_BENEFITS, 'jkm.funeral').amount).toBe(10_000_000);
    expect(cashTotal(JKM_BENEFITS)).toBe(42_000_000);
  });

  it('caps the scholarship at Rp174,000,000 for two children, which the levels add up to', () => {
    expect(item(JKM_BENEFITS, 'jkm.scholarship').maxAmount).toBe(174_000_000);
    expect(scholarshipCeiling(SCHOLARSHIP)).toBe(SCHOLARSHIP.maxTotal);
    expect(SCHOLARSHIP.maxTotal).toBe(174_000_000);
    expect(item(JKM_BENEFITS, 'jkm.scholarship').rule.id).toContain('3 tahun');
  });
});

describe('JKK benefits (domain.md §4.2)', () => {
  it('death from a work accident of a minimum BPU (Rp1,000,000) = 48 M + 12 M + 10 M = Rp70,000,000', () => {
    expect(benefitAmount(item(JKK_BENEFITS, 'jkk.death'), 1_000_000)).toBe(70_000_000);
  });

  it('total permanent disability is 56 × the wage; medical care has no ceiling', () => {
    expect(benefitAmount(item(JKK_BENEFITS, 'jkk.total_disability'), 5_000_000)).toBe(280_000_000);
    const medical = item(JKK_BENEFITS, 'jkk.medical');
    expect([medical.amount, medical.maxAmount, benefitAmount(medical, 5_000_000)]).toEqual([null, null, null]);
    expect(item(JKK_BENEFITS, 'jkk.home_care').maxAmount).toBe(20_000_000);
  });

  it('gives no figure for a wage-based benefit when no wage is given', () => {
    expect(benefitAmount(item(JKK_BENEFITS, 'jkk.death'), null)).toBeNull();
    expect(benefitAmount(item(JKM_BENEFITS, 'jkm.funeral'), null)).toBe(10_000_000);
  });
});

describe('the data', () => {
  it('gives every item a unique key, a citation fit for print, both languages and whole rupiah', () => {
    const keys = BENEFIT_PROGRAMS.flatMap((p) => p.items.map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(hasResearchMarkers(SCHOLARSHIP.citation)).toBe(false);
    for (const p of BENEFIT_PROGRAMS) {
      expect(p.citation).not.toBe('');
      expect(hasResearchMarkers(p.citation)).toBe(false);
      for (const i of p.items) {
        expect(i.key.startsWith(`${p.program}.`)).toBe(true);
        expect(i.citation.trim()).not.toBe('');
        expect(hasResearchMarkers(i.citation), i.citation).toBe(false);
        expect(`${i.label.id} ${i.label.en} ${i.rule.id} ${i.rule.en}`).not.toMatch(/⚠|§|\[[SVM]\]/);
        expect(i.label.id && i.label.en && i.rule.id && i.rule.en).toBeTruthy();
        for (const n of [i.amount, i.maxAmount, i.wageMultiple]) {
          if (n !== null) expect(Number.isSafeInteger(n) && n > 0).toBe(true);
        }
      }
    }
  });

  it('marks figures domain.md flags as uncertain', () => {
    expect(item(JKK_BENEFITS, 'jkk.transport.air').certainty).toBe('uncertain');
    expect(item(JKK_BENEFITS, 'jkk.total_disability').certainty).toBe('uncertain');
    expect(SCHOLARSHIP.certainty).toBe('uncertain');
  });

  it('sends no research notes to the public', () => {
    // `certainty` is a field of its own ('uncertain' is one of its values), not text.
    const text = JSON.stringify(benefitSummary(1_000_000), (key, value: unknown) =>
      key === 'certainty' ? undefined : value,
    );
    expect(hasResearchMarkers(text)).toBe(false);
    expect(text).not.toContain('"note"');
  });

  it('summarises with and without a wage, and refuses a bad wage', () => {
    const none = benefitSummary();
    expect(none.wage).toBeNull();
    expect(none.programs.map((p) => p.program)).toEqual(['jkm', 'jkk']);
    expect(none.programs[0]?.cashTotal).toBe(42_000_000);
    const withWage = benefitSummary(1_000_000);
    const death = withWage.programs[1]?.items.find((i) => i.key === 'jkk.death');
    expect(death?.amountForWage).toBe(70_000_000);
    expect(() => benefitSummary(0)).toThrow(RangeError);
    expect(() => benefitSummary(1.5)).toThrow(RangeError);
  });
});
