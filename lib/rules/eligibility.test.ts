import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonths,
  ageOn,
  allocate,
  capacityFor,
  capacityReason,
  currentMonthWib,
  defaultFirstMonth,
  funderRegionOf,
  INELIGIBILITY_REASONS,
  lastMonthOf,
  monthAt,
  monthIndex,
  periodIndex,
  personReasons,
  programFigures,
  REASON_MESSAGES,
  type WorkerFacts,
} from './eligibility.ts';

const terms = { region: '34.02', targetSegments: ['farmer', 'fisher'], minAge: 18, maxAge: 65 };
const worker: WorkerFacts = {
  nikValid: true,
  deceased: false,
  village: '34.02.08.2004',
  segment: 'farmer',
  birthDate: '1985-09-05',
  enrolledHere: false,
  coveredElsewhere: false,
};

describe('months', () => {
  it('adds months across years and maps positions in a period', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(monthAt(monthIndex('2031-07'))).toBe('2031-07');
    const period = { startMonth: '2026-09', months: 6 };
    expect(lastMonthOf(period)).toBe('2027-02');
    expect(periodIndex(period, '2026-09')).toBe(0);
    expect(periodIndex(period, '2027-02')).toBe(5);
    expect(periodIndex(period, '2027-03')).toBe(-1);
    expect(periodIndex(period, '2026-08')).toBe(-1);
  });

  it('starts new enrollments this month, or at the start before the period, and not after it', () => {
    const period = { startMonth: '2026-01', months: 12 };
    expect(defaultFirstMonth(period, '2025-10')).toBe('2026-01');
    expect(defaultFirstMonth(period, '2026-06')).toBe('2026-06');
    expect(defaultFirstMonth(period, '2027-01')).toBeNull();
  });

  it('reads the month in WIB: 17:00 UTC on the last day is already the next month in Jakarta', () => {
    expect(currentMonthWib(new Date('2026-11-30T16:59:00Z'))).toBe('2026-11');
    expect(currentMonthWib(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
  });
});

describe('funderRegionOf', () => {
  it('takes the budget region from the programme region at the funder’s level', () => {
    expect(funderRegionOf('apbd_regency', '34.02.08')).toBe('34.02');
    expect(funderRegionOf('apbd_province', '34.02')).toBe('34');
    expect(funderRegionOf('apbdes', '34.02.08.2004')).toBe('34.02.08.2004');
    expect(funderRegionOf('apbdes', '34.02')).toBeNull();
    expect(funderRegionOf('apbn', '34.02')).toBeNull();
    expect(funderRegionOf('csr', '34.02')).toBeNull();
  });
});

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('1985-09-05', '2026-09-04')).toBe(40);
    expect(ageOn('1985-09-05', '2026-09-05')).toBe(41);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('personReasons', () => {
  it('accepts a worker who meets every rule', () => {
    expect(personReasons(worker, terms, '2027-01')).toEqual([]);
  });

  it('names every failing rule, in a stable order', () => {
    const everything: WorkerFacts = {
      nikValid: false,
      deceased: true,
      village: '34.04.01.2001',
      segment: 'driver',
      birthDate: '2012-01-01',
      enrolledHere: false,
      coveredElsewhere: true,
    };
    expect(personReasons(everything, terms, '2027-01')).toEqual([
      'NIK_INVALID',
      'DECEASED',
      'OUTSIDE_REGION',
      'NOT_TARGET_SEGMENT',
      'AGE_OUT_OF_RANGE',
      'ALREADY_COVERED',
    ]);
    expect(personReasons({ ...worker, enrolledHere: true, coveredElsewhere: true }, terms, '2027-01')).toEqual([
      'ALREADY_ENROLLED',
    ]);
  });

  it('checks the age on the first day of the first covered month, both ends inclusive', () => {
    expect(personReasons({ ...worker, birthDate: '2009-01-01' }, terms, '2027-01')).toEqual([]); // 18 that day
    expect(personReasons({ ...worker, birthDate: '2009-01-02' }, terms, '2027-01')).toEqual(['AGE_OUT_OF_RANGE']);
    expect(personReasons({ ...worker, birthDate: '1961-01-02' }, terms, '2027-01')).toEqual([]); // 65
    expect(personReasons({ ...worker, birthDate: '1961-01-01' }, terms, '2027-01')).toEqual(['AGE_OUT_OF_RANGE']);
  });

  it('has an Indonesian and an English message for every reason, each saying what to do', () => {
    for (const code of INELIGIBILITY_REASONS) {
      expect(REASON_MESSAGES[code].id.length, code).toBeGreaterThan(40);
      expect(REASON_MESSAGES[code].en.length, code).toBeGreaterThan(40);
    }
  });
});

describe('capacity and allocation', () => {
  const counters = {
    quota: 10,
    budgetCeiling: 16_800 * 12 * 10,
    prices: Array<number>(12).fill(16_800),
    persons: [9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8],
  };

  it('counts free slots in the fullest month of the range and the budget left for that range', () => {
    const whole = capacityFor(counters, 0, 11);
    expect(whole).toMatchObject({ freeSlots: 1, costPerPerson: 201_600, committed: (4 * 9 + 8 * 8) * 16_800 });
    expect(whole.budgetRemaining).toBe(2_016_000 - whole.committed);
    // From month 5 on, two slots are free (someone left after month 4): a refill for the remaining months.
    const rest = capacityFor(counters, 4, 11);
    expect(rest.freeSlots).toBe(2);
    expect(rest.costPerPerson).toBe(8 * 16_800);
  });

  it('takes the first candidates that fit; the rest fail on the quota, else on the budget', () => {
    const cap = { freeSlots: 5, costPerPerson: 100, committed: 0, budgetRemaining: 300, budgetSlots: 3 };
    expect(allocate(10, cap)).toEqual({ taken: 3, quotaFull: 5, budgetExceeded: 2, overLimit: 0 });
    expect(allocate(2, cap)).toEqual({ taken: 2, quotaFull: 0, budgetExceeded: 0, overLimit: 0 });
    expect(allocate(10, cap, 1)).toEqual({ taken: 1, quotaFull: 5, budgetExceeded: 2, overLimit: 2 });
    expect(allocate(4, { ...cap, budgetSlots: 9 })).toEqual({
      taken: 4,
      quotaFull: 0,
      budgetExceeded: 0,
      overLimit: 0,
    });
  });

  it('never takes more than the quota or the budget allows, and accounts for every candidate', () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.nat(100),
        fc.integer({ min: 1, max: 50_000 }),
        fc.nat(2_000_000),
        fc.option(fc.nat(200), { nil: undefined }),
        (eligible, freeSlots, costPerPerson, budgetRemaining, limit) => {
          const budgetSlots = Math.floor(budgetRemaining / costPerPerson);
          const a = allocate(eligible, { freeSlots, costPerPerson, committed: 0, budgetRemaining, budgetSlots }, limit);
          expect(a.taken).toBeLessThanOrEqual(freeSlots);
          expect(a.taken * costPerPerson).toBeLessThanOrEqual(budgetRemaining);
          expect(a.taken + a.quotaFull + a.budgetExceeded + a.overLimit).toBe(eligible);
          if (limit !== undefined) expect(a.taken).toBeLessThanOrEqual(limit);
          // The per-candidate reasons agree with the counts.
          const cap = { freeSlots, costPerPerson, committed: 0, budgetRemaining, budgetSlots };
          const named = Array.from({ length: eligible }, (_, i) => capacityReason(i, cap));
          expect(named.filter((r) => r === 'QUOTA_FULL').length).toBe(a.quotaFull);
          expect(named.filter((r) => r === 'BUDGET_EXCEEDED').length).toBe(a.budgetExceeded);
        },
      ),
    );
  });
});

describe('programFigures', () => {
  it('shows 15,000 persons × Rp16,800 × 12 months = Rp3,024,000,000', () => {
    const f = programFigures(
      {
        quota: 15_000,
        budgetCeiling: 3_024_000_000,
        prices: Array<number>(12).fill(16_800),
        persons: Array<number>(12).fill(0),
        startMonth: '2027-01',
        months: 12,
      },
      '2026-11',
    );
    expect(f).toMatchObject({
      pricePerPersonMonth: 16_800,
      priceVaries: false,
      monthlyCostForQuota: 252_000_000,
      periodCostForQuota: 3_024_000_000,
      committed: 0,
      budgetRemaining: 3_024_000_000,
      slotsFrom: '2027-01',
      quotaFilled: 0,
      quotaRemaining: 15_000,
    });
  });

  it('commits persons × price month by month and counts the filled quota from this month on', () => {
    const f = programFigures(
      {
        quota: 3,
        budgetCeiling: 1_000_000,
        prices: [16_800, 16_800, 8_400, 8_400],
        persons: [3, 3, 2, 2],
        startMonth: '2026-10',
        months: 4,
      },
      '2026-12',
    );
    expect(f.priceVaries).toBe(true);
    expect(f.byMonth.map((m) => [m.month, m.committed, m.cumulativeCommitted])).toEqual([
      ['2026-10', 50_400, 50_400],
      ['2026-11', 50_400, 100_800],
      ['2026-12', 16_800, 117_600],
      ['2027-01', 16_800, 134_400],
    ]);
    expect(f).toMatchObject({ committed: 134_400, slotsFrom: '2026-12', quotaFilled: 2, quotaRemaining: 1 });
  });
});
