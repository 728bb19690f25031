// Splitting a collection quota across villages (issue 19 §1): by hand, evenly, or in proportion to a denominator
// (BPS workforce, the poverty list's count). Pure and shared by the server (saving a split) and the web (preview).
// Largest remainder (Hamilton): every village gets the floor of its exact share, then the villages with the largest
// remainders get one more until the total is met, so the parts always sum to the quota exactly. Ties go to the
// larger weight, then to the lower region code, so the same input always gives the same split.

export const SPLIT_METHODS = ['manual', 'even', 'proportional'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

export interface SplitVillage {
  code: string;
  /** The denominator (proportional), the amount typed by hand (manual); ignored when even. */
  value: number;
}

export interface SplitPart {
  code: string;
  quota: number;
}

export type SplitResult =
  | { ok: true; parts: SplitPart[]; fellBackToEven: boolean }
  | { ok: false; reason: 'no_villages' | 'bad_total' | 'bad_value' | 'manual_sum'; sum?: number };

function largestRemainder(total: number, villages: SplitVillage[], weights: number[]): SplitPart[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const shares = villages.map((v, i) => {
    // Integer arithmetic: total × weight fits well within 2^53 for quotas and BPS figures.
    const numerator = total * weights[i]!;
    const base = Math.floor(numerator / weightSum);
    return { code: v.code, weight: weights[i]!, base, remainder: numerator - base * weightSum, index: i };
  });
  let left = total - shares.reduce((a, s) => a + s.base, 0);
  const order = [...shares].sort(
    (a, b) => b.remainder - a.remainder || b.weight - a.weight || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  for (const s of order) {
    if (left <= 0) break;
    s.base += 1;
    left -= 1;
  }
  return shares.map((s) => ({ code: s.code, quota: s.base }));
}

export function splitQuota(total: number, villages: SplitVillage[], method: SplitMethod): SplitResult {
  if (!Number.isSafeInteger(total) || total < 0) return { ok: false, reason: 'bad_total' };
  if (villages.length === 0) return { ok: false, reason: 'no_villages' };
  if (villages.some((v) => !Number.isSafeInteger(v.value) || v.value < 0)) return { ok: false, reason: 'bad_value' };
  if (method === 'manual') {
    const sum = villages.reduce((a, v) => a + v.value, 0);
    if (sum !== total) return { ok: false, reason: 'manual_sum', sum };
    return { ok: true, parts: villages.map((v) => ({ code: v.code, quota: v.value })), fellBackToEven: false };
  }
  const weights = villages.map((v) => (method === 'even' ? 1 : v.value));
  // No denominator anywhere (no BPS figure, nobody on the poverty list): an even split, said so to the user.
  if (weights.every((w) => w === 0)) {
    return {
      ok: true,
      parts: largestRemainder(
        total,
        villages,
        weights.map(() => 1),
      ),
      fellBackToEven: true,
    };
  }
  return { ok: true, parts: largestRemainder(total, villages, weights), fellBackToEven: false };
}
