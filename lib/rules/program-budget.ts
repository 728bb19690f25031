// What a programme's budget ceiling pays for, against its quota (issue 12 §4): the form previews it and warns before
// a programme is saved with a budget that cannot cover the quota for the whole period.

export type BudgetCoverage = {
  /** Contribution per person over the whole period (the sum of the monthly prices). */
  costPerPerson: number;
  /** The full quota over the whole period. */
  quotaCost: number;
  /** How many persons the ceiling pays for over the whole period (at most the quota). */
  personsCovered: number;
  /** For how many months, from the first, the ceiling pays for the full quota (at most the period). */
  monthsCovered: number;
  /** What the ceiling lacks to pay for the full quota over the whole period; 0 when it is enough. */
  shortfall: number;
};

/** `prices`: the price per person for each month of the period, as the contribution rules give it. */
export function budgetCoverage(prices: readonly number[], quota: number, ceiling: number): BudgetCoverage {
  const costPerPerson = prices.reduce((s, p) => s + p, 0);
  const quotaCost = costPerPerson * quota;
  const personsCovered = costPerPerson > 0 ? Math.min(quota, Math.floor(ceiling / costPerPerson)) : quota;
  let monthsCovered = 0;
  let spent = 0;
  for (const price of prices) {
    spent += price * quota;
    if (spent > ceiling) break;
    monthsCovered += 1;
  }
  return { costPerPerson, quotaCost, personsCovered, monthsCovered, shortfall: Math.max(0, quotaCost - ceiling) };
}
