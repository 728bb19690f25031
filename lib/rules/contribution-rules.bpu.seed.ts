// Contribution rule seed, part 2: BPU (bukan penerima upah), PP 44/2015 Lampiran II. See contribution-rules.seed.ts.
import type { ContributionRuleRow } from './contribution-types.ts';
import { PP_2015_START } from './contribution-rules.pu.seed.ts';

// --- BPU (bukan penerima upah) -----------------------------------------------------------------------------------

// PP 44/2015 Lampiran II: real monthly income → declared nominal, the base of 1 % JKK and 2 % JHT (domain.md §3.2).
// The 33 rows come from one open-source BPU simulator; the first and last rows are confirmed by news (JKK
// Rp10,000 and Rp207,000). Each row's scope is its number in the Lampiran; `earningsFrom` is the lower bound of its
// bracket of real income (row 1 from 0). Databases seeded before the table was known keep their Rp1,000,000 row
// without a number next to these (append-only history); the engine prefers the numbered row.
const LAMPIRAN_II: readonly (readonly [earningsFrom: number, nominal: number])[] = [
  [0, 1_000_000],
  [1_100_000, 1_200_000],
  [1_300_000, 1_400_000],
  [1_500_000, 1_600_000],
  [1_700_000, 1_800_000],
  [1_900_000, 2_000_000],
  [2_100_000, 2_200_000],
  [2_300_000, 2_400_000],
  [2_500_000, 2_600_000],
  [2_700_000, 2_950_000],
  [3_200_000, 3_450_000],
  [3_700_000, 3_950_000],
  [4_200_000, 4_450_000],
  [4_700_000, 4_950_000],
  [5_200_000, 5_450_000],
  [5_700_000, 5_950_000],
  [6_200_000, 6_450_000],
  [6_700_000, 6_950_000],
  [7_200_000, 7_450_000],
  [7_700_000, 7_950_000],
  [8_200_000, 8_700_000],
  [9_200_000, 9_700_000],
  [10_200_000, 10_700_000],
  [11_200_000, 11_700_000],
  [12_200_000, 12_700_000],
  [13_200_000, 13_700_000],
  [14_200_000, 14_700_000],
  [15_200_000, 15_700_000],
  [16_200_000, 16_700_000],
  [17_200_000, 17_700_000],
  [18_200_000, 18_700_000],
  [19_200_000, 19_700_000],
  [20_200_000, 20_700_000],
];

const bpuIncomeRows: ContributionRuleRow[] = LAMPIRAN_II.map(([earningsFrom, nominal], index) => {
  const number = index + 1;
  const confirmed = number === 1 || number === LAMPIRAN_II.length;
  return {
    key: 'bpu.income.row',
    scope: String(number),
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 44/2015 Lampiran II',
    note:
      `PP 44/2015 Lampiran II baris ${number} [M] satu simulator BPU sumber terbuka (domain.md §3.2)` +
      (confirmed
        ? number === 1
          ? '; baris terendah Rp1.000.000 dikonfirmasi berita [S] kaltimkita.com, star.grid.id'
          : '; baris tertinggi (JKK Rp207.000) dikonfirmasi berita [S] radarmukomuko'
        : '') +
      ' ⚠ menunggu verifikasi pada Lampiran II resmi (peraturan.bpk.go.id/Download/28929)',
    value: { kind: 'income', rupiah: nominal, earningsFrom },
  };
});

export const bpuRules: ContributionRuleRow[] = [
  {
    key: 'bpu.jkk.rate',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 44/2015 Lampiran II; Permenaker 5/2021',
    note: 'PP 44/2015 (JKK BPU 1% penghasilan nominal Lampiran II); Permenaker 5/2021 [S]',
    value: { kind: 'rate', bp: 100 },
  },
  {
    key: 'bpu.jkm.flat',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 44/2015; Permenaker 5/2021',
    note: 'PP 44/2015 (JKM BPU Rp6.800 per bulan); Permenaker 5/2021 [S]',
    value: { kind: 'amount', rupiah: 6_800 },
  },
  {
    key: 'bpu.jht.rate',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 46/2015',
    note: 'PP 46/2015 (JHT BPU 2% penghasilan nominal, opsional) [S]',
    value: { kind: 'rate', bp: 200 },
  },
  ...bpuIncomeRows,
  {
    key: 'bpu.income.bounds',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 44/2015 Lampiran II',
    note:
      'PP 44/2015 Lampiran II: minimum Rp1.000.000 [S]; maksimum Rp20.700.000 ⚠ UNCERTAIN (hanya radarmukomuko, ' +
      'JKK Rp207.000)',
    value: { kind: 'range', min: 1_000_000, max: 20_700_000 },
  },
];
