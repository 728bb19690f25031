// Contribution rule seed, part 3: jasa konstruksi (Jakon) and pekerja migran Indonesia (PMI). See
// contribution-rules.seed.ts.
import type { ContributionRuleRow } from './contribution-types.ts';
import { PP_2015_START } from './contribution-rules.pu.seed.ts';

// --- Jasa konstruksi ---------------------------------------------------------------------------------------------

// Rates from PP 44/2015, procedure in Permenakertrans 44/2015 (merged into Permenaker 5/2021). 2015-07-01 is an
// assumption (the PP's start; Permenakertrans 44/2015 came later in 2015 but did not set rates).
const JAKON_SLICES: {
  lower: number;
  upper: number | null;
  jkkBp: number;
  jkmBp: number;
}[] = [
  { lower: 0, upper: 100_000_000, jkkBp: 21, jkmBp: 3 },
  { lower: 100_000_000, upper: 500_000_000, jkkBp: 17, jkmBp: 2 },
  { lower: 500_000_000, upper: 1_000_000_000, jkkBp: 13, jkmBp: 2 },
  { lower: 1_000_000_000, upper: 5_000_000_000, jkkBp: 11, jkmBp: 1 },
  { lower: 5_000_000_000, upper: null, jkkBp: 9, jkmBp: 1 },
];

function jakonSliceRows(program: 'jkk' | 'jkm'): ContributionRuleRow[] {
  const basis =
    program === 'jkk'
      ? 'PP 44/2015; Permenakertrans 44/2015 (JKK jasa konstruksi per nilai kontrak) [S] star.grid.id, Kemnaker'
      : 'PP 44/2015; PP 49/2020 Pasal 12 ayat (2) (JKM jasa konstruksi per nilai kontrak) [V]';
  return JAKON_SLICES.map((slice, index) => ({
    key: `jakon.${program}.slice`,
    scope: String(index + 1),
    validFrom: PP_2015_START,
    validTo: null,
    citation: program === 'jkk' ? 'PP 44/2015; Permenakertrans 44/2015' : 'PP 44/2015; PP 49/2020 Pasal 12 ayat (2)',
    note: `${basis}; lapisan ${index + 1}`,
    value: {
      kind: 'slice',
      lower: slice.lower,
      upper: slice.upper,
      bp: program === 'jkk' ? slice.jkkBp : slice.jkmBp,
    },
  }));
}

export const jakonRules: ContributionRuleRow[] = [
  {
    key: 'jakon.jkk.rate',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 44/2015; Permenakertrans 44/2015',
    note: 'PP 44/2015; Permenakertrans 44/2015 (JKK 1,74% upah bila upah diketahui) [S] star.grid.id',
    value: { kind: 'rate', bp: 174 },
  },
  {
    key: 'jakon.jkm.rate',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 44/2015; PP 49/2020 Pasal 12 ayat (1)',
    note: 'PP 44/2015; PP 49/2020 Pasal 12 ayat (1) (JKM 0,30% upah bila upah diketahui) [V]',
    value: { kind: 'rate', bp: 30 },
  },
  ...jakonSliceRows('jkk'),
  ...jakonSliceRows('jkm'),
];

// --- Pekerja migran Indonesia ------------------------------------------------------------------------------------

// Permenaker 4/2023 replaced Permenaker 18/2018 with the same amounts (Kemnaker: "iuran tetap"). 2023-03-01 is an
// assumption for its start; earlier rows (Permenaker 18/2018) are not seeded, so earlier PMI quotes are a RULE_GAP.
const PMI_START = '2023-03-01';
const PMI_BASIS = 'Permenaker 4/2023 Pasal 18 [V] pasal.id (tanggal berlaku 1 Maret 2023: asumsi)';

export const pmiRules: ContributionRuleRow[] = [
  { key: 'pmi.package.pre', label: 'sebelum bekerja', rupiah: 37_500 },
  {
    key: 'pmi.package.6',
    label: 'selama dan setelah bekerja, kontrak 6 bulan',
    rupiah: 108_000,
  },
  {
    key: 'pmi.package.12',
    label: 'selama dan setelah bekerja, kontrak 12 bulan',
    rupiah: 189_000,
  },
  {
    key: 'pmi.package.24',
    label: 'selama dan setelah bekerja, kontrak 24 bulan',
    rupiah: 332_500,
  },
  {
    key: 'pmi.extra_month',
    label: 'per bulan perpanjangan, dibayar sekaligus',
    rupiah: 13_500,
  },
].map(({ key, label, rupiah }) => ({
  key,
  scope: '',
  validFrom: PMI_START,
  validTo: null,
  citation: 'Permenaker 4/2023 Pasal 18',
  note: `${PMI_BASIS}; ${label}`,
  value: { kind: 'amount', rupiah },
}));
