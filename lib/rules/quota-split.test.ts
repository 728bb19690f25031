import { describe, expect, it } from 'vitest';
import { splitQuota, type SplitVillage } from './quota-split.ts';

// 75 villages like Kab. Bantul's, with uneven denominators (some zero), as the BPS table would give them.
const villages: SplitVillage[] = Array.from({ length: 75 }, (_, i) => ({
  code: `34.02.${String(1 + (i % 17)).padStart(2, '0')}.${String(2001 + i).padStart(4, '0')}`,
  value: i % 9 === 0 ? 0 : 1_000 + ((i * 7_919) % 6_301),
}));

function sum(parts: { quota: number }[]): number {
  return parts.reduce((a, p) => a + p.quota, 0);
}

describe('splitting a quota across villages', () => {
  it('a split of 1,000 across a regency’s villages sums to exactly 1,000 for each method', () => {
    const even = splitQuota(1_000, villages, 'even');
    const proportional = splitQuota(1_000, villages, 'proportional');
    const manualValues = villages.map((v, i) => ({ code: v.code, value: i < 25 ? 20 : i < 50 ? 14 : 6 }));
    const manual = splitQuota(1_000, manualValues, 'manual');
    for (const result of [even, proportional, manual]) {
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.parts).toHaveLength(75);
      expect(sum(result.parts)).toBe(1_000);
    }
    if (!even.ok || !proportional.ok) return;
    // Even: 1,000 / 75 = 13 rest 25, so 25 villages get 14 and 50 get 13.
    expect(even.parts.filter((p) => p.quota === 14)).toHaveLength(25);
    expect(even.parts.filter((p) => p.quota === 13)).toHaveLength(50);
    // Proportional: no figure, no quota; each part within one of its exact share.
    const weightSum = villages.reduce((a, v) => a + v.value, 0);
    proportional.parts.forEach((p, i) => {
      const exact = (1_000 * villages[i]!.value) / weightSum;
      expect(Math.abs(p.quota - exact)).toBeLessThan(1);
      if (villages[i]!.value === 0) expect(p.quota).toBe(0);
    });
  });

  it('refuses a hand split that does not add up, and says by how much', () => {
    const result = splitQuota(
      1_000,
      villages.map((v) => ({ code: v.code, value: 13 })),
      'manual',
    );
    expect(result).toEqual({ ok: false, reason: 'manual_sum', sum: 975 });
  });

  it('falls back to an even split when no village has a denominator, and says so', () => {
    const result = splitQuota(
      10,
      villages.slice(0, 4).map((v) => ({ code: v.code, value: 0 })),
      'proportional',
    );
    expect(result).toMatchObject({ ok: true, fellBackToEven: true });
    if (result.ok) expect(result.parts.map((p) => p.quota)).toEqual([3, 3, 2, 2]);
  });

  it('gives the same split for the same input and refuses what cannot be split', () => {
    expect(splitQuota(7, villages.slice(0, 3), 'proportional')).toEqual(
      splitQuota(7, villages.slice(0, 3), 'proportional'),
    );
    expect(splitQuota(-1, villages, 'even')).toEqual({ ok: false, reason: 'bad_total' });
    expect(splitQuota(5, [], 'even')).toEqual({ ok: false, reason: 'no_villages' });
    expect(splitQuota(5, [{ code: 'a', value: 1.5 }], 'proportional')).toEqual({ ok: false, reason: 'bad_value' });
  });
});
