import { describe, expect, it } from 'vitest';
import { budgetCoverage } from './program-budget.ts';

describe('budgetCoverage', () => {
  it('covers the quota for the whole period when the ceiling is enough', () => {
    expect(budgetCoverage(Array(12).fill(16_800), 1_000, 201_600_000)).toEqual({
      costPerPerson: 201_600,
      quotaCost: 201_600_000,
      personsCovered: 1_000,
      monthsCovered: 12,
      shortfall: 0,
    });
  });

  it('says how many persons for the whole period, or for how many months the full quota, when it is not', () => {
    expect(budgetCoverage(Array(12).fill(16_800), 1_000, 100_800_000)).toEqual({
      costPerPerson: 201_600,
      quotaCost: 201_600_000,
      personsCovered: 500,
      monthsCovered: 6,
      shortfall: 100_800_000,
    });
  });

  it('follows a price that changes within the period', () => {
    const r = budgetCoverage([10_000, 10_000, 20_000], 10, 300_000);
    expect(r).toMatchObject({ quotaCost: 400_000, personsCovered: 7, monthsCovered: 2, shortfall: 100_000 });
  });
});
