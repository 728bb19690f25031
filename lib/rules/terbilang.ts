// Rupiah amounts in words (terbilang) for letters and reports: "tiga miliar dua puluh empat juta rupiah".
//
// The number words themselves live in money.ts (one implementation, used by invoices too); this file adds the
// forms a letter needs: the "rupiah" suffix, the capitalised sentence form and the bracketed figure-plus-words
// phrase "Rp3.024.000.000 (tiga miliar dua puluh empat juta rupiah)". Our own code: no package.
import { formatRupiah, terbilang } from './money.ts';

export { terbilang };

/** Whole rupiah in words with the currency: 16800 → "enam belas ribu delapan ratus rupiah"; 0 → "nol rupiah". */
export function terbilangRupiah(n: number | bigint): string {
  return `${terbilang(n)} rupiah`;
}

/** The same, first letter capitalised, as it starts a line in a letter: "Tiga miliar … rupiah". */
export function terbilangRupiahSentence(n: number | bigint): string {
  const words = terbilangRupiah(n);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Rp3.024.000.000 (tiga miliar dua puluh empat juta rupiah)": the figure and its words, as a letter writes it. */
export function rupiahWithWords(n: number | bigint): string {
  return `${formatRupiah(n)} (${terbilangRupiah(n)})`;
}
