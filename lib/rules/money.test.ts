import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRupiah, formatRupiahShort, terbilang } from './money.ts';

describe('formatRupiah', () => {
  it.each([
    [0, 'Rp0'],
    [500, 'Rp500'],
    [16_800, 'Rp16.800'],
    [1_000_000, 'Rp1.000.000'],
    [3_024_000_000, 'Rp3.024.000.000'],
    [-2_500, '-Rp2.500'],
    [-0, 'Rp0'],
  ])('%d → %s', (n, expected) => {
    expect(formatRupiah(n)).toBe(expected);
  });

  it('accepts bigint beyond the safe-integer range', () => {
    expect(formatRupiah(12_345_678_901_234_567_890n)).toBe('Rp12.345.678.901.234.567.890');
    expect(formatRupiah(-1_000n)).toBe('-Rp1.000');
  });

  it('rounds stray fractions half away from zero instead of printing decimals', () => {
    expect(formatRupiah(1_234.5)).toBe('Rp1.235');
    expect(formatRupiah(-1_234.5)).toBe('-Rp1.235');
    expect(formatRupiah(99.4)).toBe('Rp99');
  });

  it('rejects NaN and infinity', () => {
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => formatRupiah(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('round-trips: removing "Rp" and dots gives the number back', () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: -Number.MAX_SAFE_INTEGER,
          max: Number.MAX_SAFE_INTEGER,
        }),
        (n) => {
          const text = formatRupiah(n).replace('Rp', '').replaceAll('.', '');
          expect(Number(text)).toBe(n === 0 ? 0 : n);
        },
      ),
    );
  });
});

describe('formatRupiahShort', () => {
  it.each([
    [3_024_000_000, 'Rp3,02 miliar'],
    [201_600_000, 'Rp201,6 juta'],
    [16_800, 'Rp16.800'],
    [999_999, 'Rp999.999'],
    [1_000_000, 'Rp1 juta'],
    [1_500_000, 'Rp1,5 juta'],
    [1_005_000, 'Rp1,01 juta'],
    [1_004_999, 'Rp1 juta'],
    [999_995_000, 'Rp1 miliar'],
    [2_500_000_000_000, 'Rp2,5 triliun'],
    [1_500_000_000_000_000, 'Rp1.500 triliun'],
    [-201_600_000, '-Rp201,6 juta'],
  ])('%d → %s', (n, expected) => {
    expect(formatRupiahShort(n)).toBe(expected);
  });

  it('accepts bigint', () => {
    expect(formatRupiahShort(3_024_000_000n)).toBe('Rp3,02 miliar');
  });
});

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1_000, 'seribu'],
    [1_001, 'seribu satu'],
    [1_100, 'seribu seratus'],
    [2_000, 'dua ribu'],
    [11_000, 'sebelas ribu'],
    [16_800, 'enam belas ribu delapan ratus'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [6_800, 'enam ribu delapan ratus'],
    [1_000_000_000, 'satu miliar'],
    [3_024_000_000, 'tiga miliar dua puluh empat juta'],
    [1_000_000_000_000, 'satu triliun'],
    [
      999_999_999_999_999,
      'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar ' +
        'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu ' +
        'sembilan ratus sembilan puluh sembilan',
    ],
    [-5, 'minus lima'],
  ])('%d → %s', (n, expected) => {
    expect(terbilang(n)).toBe(expected);
  });

  it('spells the Penajam Paser Utara budget for a kuitansi', () => {
    expect(`${terbilang(3_024_000_000)} rupiah`).toBe('tiga miliar dua puluh empat juta rupiah');
  });

  it('accepts bigint', () => {
    expect(terbilang(1_000_000_000_000n)).toBe('satu triliun');
  });

  it('rejects fractions and magnitudes beyond triliun', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(1_000_000_000_000_000n)).toThrow(RangeError);
  });

  it('never produces double spaces or a stray "satu ribu"', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 999_999_999_999_999n }), (n) => {
        const words = terbilang(n);
        expect(words).not.toMatch(/\s{2}|^\s|\s$/);
        expect(words).not.toMatch(/(^|\s)satu (ratus|puluh|belas)/);
        // "dua puluh satu ribu" is right; a thousands group of exactly one is "seribu".
        expect(words).not.toMatch(/(^|(triliun|miliar|juta) )satu ribu/);
      }),
    );
  });
});
