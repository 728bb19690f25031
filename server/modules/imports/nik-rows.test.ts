import { describe, expect, it } from 'vitest';
import { NikRows } from './nik-rows.ts';

describe('NikRows', () => {
  it('keeps the first row of each NIK through many doublings, like a Map', () => {
    const rows = new NikRows(4);
    const reference = new Map<string, number>();
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
    for (let row = 2; row < 60_000; row++) {
      // Few distinct prefixes and serials, so keys share halves as real NIKs of one regency do.
      const nik = `3402${String(next() % 10_000).padStart(4, '0')}${String(next() % 100).padStart(4, '0')}${String(next() % 10_000).padStart(4, '0')}`;
      const first = reference.get(nik);
      expect(rows.get(nik)).toBe(first);
      if (first === undefined) {
        reference.set(nik, row);
        rows.set(nik, row);
      }
    }
    expect(rows.size).toBe(reference.size);
    for (const [nik, row] of reference) expect(rows.get(nik)).toBe(row);
    expect(rows.get('9999999999999999')).toBeUndefined();
    expect(rows.get('0000000000000000')).toBeUndefined();
  });

  it('tells NIKs apart that differ in one half only, and refuses row 0', () => {
    const rows = new NikRows();
    rows.set('3402084509850001', 2);
    rows.set('3402084509850002', 3);
    rows.set('3402084609850001', 4);
    expect([rows.get('3402084509850001'), rows.get('3402084509850002'), rows.get('3402084609850001')]).toEqual([
      2, 3, 4,
    ]);
    expect(() => rows.set('3402084509850003', 0)).toThrow(RangeError);
  });
});
