import { describe, expect, it } from 'vitest';
import { rupiahWithWords, terbilang, terbilangRupiah, terbilangRupiahSentence } from './terbilang.ts';

describe('terbilang', () => {
  it('spells the worked APBD figure (15.000 × Rp16.800 × 12)', () => {
    expect(terbilangRupiah(15_000 * 16_800 * 12)).toBe('tiga miliar dua puluh empat juta rupiah');
    expect(terbilangRupiah(3_024_000_000)).toBe('tiga miliar dua puluh empat juta rupiah');
  });

  it('spells zero and the "se-" forms', () => {
    expect(terbilang(0)).toBe('nol');
    expect(terbilangRupiah(0)).toBe('nol rupiah');
    expect(terbilang(10)).toBe('sepuluh');
    expect(terbilang(11)).toBe('sebelas');
    expect(terbilang(100)).toBe('seratus');
    expect(terbilang(1_000)).toBe('seribu');
    expect(terbilang(1_100_000)).toBe('satu juta seratus ribu');
    expect(terbilang(101_000)).toBe('seratus satu ribu');
  });

  it('spells teens, tens and hundreds', () => {
    expect(terbilang(12)).toBe('dua belas');
    expect(terbilang(19)).toBe('sembilan belas');
    expect(terbilang(21)).toBe('dua puluh satu');
    expect(terbilang(115)).toBe('seratus lima belas');
    expect(terbilang(999)).toBe('sembilan ratus sembilan puluh sembilan');
    expect(terbilang(16_800)).toBe('enam belas ribu delapan ratus');
    expect(terbilang(1_000_000)).toBe('satu juta');
    expect(terbilang(1_000_000_000)).toBe('satu miliar');
  });

  it('spells trillions and refuses what it cannot', () => {
    expect(terbilang(1_000_000_000_000)).toBe('satu triliun');
    expect(terbilang(2_500_000_000_001)).toBe('dua triliun lima ratus miliar satu');
    expect(terbilang(999_999_999_999_999n)).toBe(
      'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar ' +
        'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu ' +
        'sembilan ratus sembilan puluh sembilan',
    );
    expect(() => terbilang(1_000_000_000_000_000n)).toThrow(RangeError);
    expect(() => terbilang(1.5)).toThrow(RangeError);
  });

  it('writes the forms a letter needs', () => {
    expect(terbilangRupiahSentence(201_600)).toBe('Dua ratus satu ribu enam ratus rupiah');
    expect(rupiahWithWords(3_024_000_000)).toBe('Rp3.024.000.000 (tiga miliar dua puluh empat juta rupiah)');
  });
});
