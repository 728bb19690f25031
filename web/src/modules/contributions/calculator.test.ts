import { describe, expect, it } from 'vitest';
import { useContributionsText, type ContributionsT } from './contributions-text.ts';
import { buildRequests, initialForm, positiveInt } from './calculator-form.ts';
import { compactBasis, formatMonth, formatRuleValue, groupMonths, ruleStatus, todayInJakarta } from './rule-format.ts';

const tId: ContributionsT = (key, params) => useContributionsText.translate('id', key, params);
const tEn: ContributionsT = (key, params) => useContributionsText.translate('en', key, params);

describe('buildRequests', () => {
  it('opens on one BPU worker at Rp1,000,000, JKK + JKM, APBD, for a year', () => {
    const built = buildRequests(initialForm('2026-05-01'));
    expect(built.quote).toEqual({
      category: 'bpu',
      income: 1_000_000,
      programs: ['jkk', 'jkm'],
      funding: 'apbd',
      sector: 'other',
      date: '2026-05-01',
    });
    expect(built.cost).toEqual({
      input: { category: 'bpu', income: 1_000_000, programs: ['jkk', 'jkm'], funding: 'apbd', sector: 'other' },
      persons: 1,
      months: 12,
      startMonth: '2026-05',
    });
    expect(built.missing).toBeNull();
  });

  it('names the missing field instead of asking the server', () => {
    const pu = { ...initialForm('2026-05-01'), category: 'pu' as const };
    expect(buildRequests(pu)).toMatchObject({ quote: null, missing: 'wage' });
    expect(buildRequests({ ...pu, wage: 4_000_000, puPrograms: [] })).toMatchObject({ missing: 'programs' });
    expect(buildRequests({ ...initialForm('2026-05-01'), date: '' })).toMatchObject({ missing: 'date' });
    expect(buildRequests({ ...initialForm('2026-05-01'), persons: '' })).toMatchObject({
      cost: null,
      costMissing: 'persons',
    });
  });

  it('prices Jakon by contract value and PMI once, without a monthly cost', () => {
    const jakon = buildRequests({
      ...initialForm('2026-05-01'),
      category: 'jakon',
      contractValue: 2_000_000_000,
    });
    expect(jakon.quote).toEqual({ category: 'jakon', contractValue: 2_000_000_000, date: '2026-05-01' });
    expect(jakon.cost).toBeNull();
    expect(jakon.recurring).toBe(false);

    const pmi = buildRequests({ ...initialForm('2026-05-01'), category: 'pmi' });
    expect(pmi.quote).toEqual({
      category: 'pmi',
      package: 12,
      extraMonths: 0,
      preEmployment: true,
      date: '2026-05-01',
    });
    expect(pmi.cost).toBeNull();
  });

  it('keeps programmes in the usual order', () => {
    const built = buildRequests({ ...initialForm('2026-05-01'), bpuPrograms: ['jht', 'jkm', 'jkk'] });
    expect(built.quote).toMatchObject({ programs: ['jkk', 'jkm', 'jht'] });
  });

  it('reads whole positive numbers only', () => {
    expect(positiveInt(15_000)).toBe(15_000);
    expect(positiveInt('15.000')).toBe(15_000);
    expect(positiveInt('')).toBeNull();
    expect(positiveInt(0)).toBeNull();
    expect(positiveInt(1.5)).toBeNull();
  });
});

describe('rule values for people', () => {
  it('shows basis points as percentages and rupiah as Rp', () => {
    expect(formatRuleValue({ kind: 'rate', bp: 24 }, tId, 'id')).toBe('0,24%');
    expect(formatRuleValue({ kind: 'rate', bp: 24 }, tEn, 'en')).toBe('0.24%');
    expect(formatRuleValue({ kind: 'split', employerBp: 370, workerBp: 200 }, tId, 'id')).toBe(
      'pemberi kerja 3,7% + pekerja 2%',
    );
    expect(formatRuleValue({ kind: 'amount', rupiah: 6_800 }, tId, 'id')).toBe('Rp6.800');
    expect(formatRuleValue({ kind: 'cap', rupiah: 10_547_400 }, tId, 'id')).toBe('batas upah Rp10.547.400');
    expect(formatRuleValue({ kind: 'slice', lower: 5_000_000_000, upper: null, bp: 9 }, tId, 'id')).toBe(
      'bagian di atas Rp5.000.000.000: 0,09%',
    );
    expect(
      formatRuleValue(
        {
          kind: 'discount',
          percentBp: 5_000,
          categories: ['bpu'],
          programs: ['jkk', 'jkm'],
          excludedFundings: ['apbn', 'apbd', 'apbdes'],
        },
        tId,
        'id',
      ),
    ).toBe('keringanan 50% untuk BPU (JKK, JKM); tidak untuk APBN, APBD, APBDes');
  });

  it('shows a repeated legal basis once', () => {
    expect(
      compactBasis('PP 44/2015; Permenakertrans 44/2015; lapisan 1; PP 44/2015; Permenakertrans 44/2015; lapisan 2'),
    ).toBe('PP 44/2015; Permenakertrans 44/2015; lapisan 1; lapisan 2');
  });

  it('knows where a row stands on a day', () => {
    const row = { validFrom: '2026-04-01', validTo: '2026-12-31' };
    expect(ruleStatus(row, '2026-03-31')).toBe('future');
    expect(ruleStatus(row, '2026-12-31')).toBe('active');
    expect(ruleStatus(row, '2027-01-01')).toBe('ended');
    expect(ruleStatus({ validFrom: '2015-07-01', validTo: null }, '2030-01-01')).toBe('active');
  });
});

describe('months and days', () => {
  it('groups the months with the same amount', () => {
    const months = ['2026-11', '2026-12', '2027-01'].map((month, i) => ({
      month,
      perPerson: i < 2 ? 8_400 : 16_800,
      amount: i < 2 ? 8_400 : 16_800,
    }));
    expect(groupMonths(months)).toEqual([
      { from: '2026-11', to: '2026-12', count: 2, perPerson: 8_400, amount: 8_400 },
      { from: '2027-01', to: '2027-01', count: 1, perPerson: 16_800, amount: 16_800 },
    ]);
  });

  it('names months in the reader’s language and takes today in Jakarta', () => {
    expect(formatMonth('2026-05', 'id')).toBe('Mei 2026');
    expect(formatMonth('2026-05', 'en')).toBe('May 2026');
    // 20:00 UTC on 30 April is already 1 May in Jakarta (UTC+7).
    expect(todayInJakarta(new Date('2026-04-30T20:00:00Z'))).toBe('2026-05-01');
  });
});
