// Seed for the effective-dated contribution rule table, from /work/shared/domain.md §1–3 (research up to Feb 2026).
//
// Every figure carries its legal citation (`citation`: regulation and article only, the one text that is printed or
// shown to the public) and an internal note for administrators (`note`: sources and confidence, [V] checked in the
// regulation text, [S] secondary source, ⚠ uncertain, and what awaits verification). Dates marked "assumption" are not in the sources: most are the first day of the
// month in which a regulation took effect, because contributions are monthly. An administrator corrects these rows
// (with audit); the engine never hard-codes a figure.
//
// Amounts: integer rupiah. Percentages: integer basis points (1 % = 100 bp).

import type { ContributionRuleRow, EmployerSize, Program, RiskClass } from './contribution-types.ts';

/** PP 44/2015, 45/2015 and 46/2015 took effect on 1 July 2015, the start of BPJS Ketenagakerjaan's operation. */
const PP_2015_START = '2015-07-01';

// --- PU (penerima upah) ----------------------------------------------------------------------------------------

const JKK_CLASS_BP: Record<RiskClass, { bp: number; label: string }> = {
  1: { bp: 24, label: 'sangat rendah' },
  2: { bp: 54, label: 'rendah' },
  3: { bp: 89, label: 'sedang' },
  4: { bp: 127, label: 'tinggi' },
  5: { bp: 174, label: 'sangat tinggi' },
};

const puJkkRates: ContributionRuleRow[] = ([1, 2, 3, 4, 5] as const).map((riskClass) => ({
  key: `pu.jkk.rate.class${riskClass}`,
  scope: '',
  validFrom: PP_2015_START,
  validTo: null,
  citation: 'PP 44/2015 Lampiran I',
  note:
    `PP 44/2015 Lampiran I (JKK kelompok ${riskClass}, ${JKK_CLASS_BP[riskClass].label}); ` +
    'kelompok usaha per PP 82/2019 Lampiran I [S]',
  value: { kind: 'rate', bp: JKK_CLASS_BP[riskClass].bp },
}));

const puRates: ContributionRuleRow[] = [
  ...puJkkRates,
  {
    key: 'pu.jkm.rate',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 44/2015 Pasal 18',
    note: 'PP 44/2015 Pasal 18 (JKM 0,30% upah, pemberi kerja) [S]',
    value: { kind: 'rate', bp: 30 },
  },
  {
    key: 'pu.jht.rate',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 46/2015 jo. PP 60/2015',
    note: 'PP 46/2015 jo. PP 60/2015 (JHT 3,7% pemberi kerja + 2% pekerja) [S]',
    value: { kind: 'split', employerBp: 370, workerBp: 200 },
  },
  {
    key: 'pu.jp.rate',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 45/2015',
    note: 'PP 45/2015 (JP 2% pemberi kerja + 1% pekerja, atas upah berbatas) [S]',
    value: { kind: 'split', employerBp: 200, workerBp: 100 },
  },
];

// The JP wage cap is indexed every year and announced around March (PP 45/2015 Pasal 29 (3)–(4)). Caps before
// March 2023 are not in the sources, so PU quotes with JP before then are a RULE_GAP, not a guess. The 2026 row is
// open-ended: the 2027 cap is added as a new row when announced, which ends it.
const JP_CAP_CITATION = 'PP 45/2015 Pasal 29 ayat (3) dan (4)';

const jpWageCaps: ContributionRuleRow[] = [
  {
    key: 'pu.jp.wage_cap',
    scope: '',
    validFrom: '2023-03-01',
    validTo: '2024-02-29',
    citation: JP_CAP_CITATION,
    note: 'PP 45/2015 Pasal 29; batas upah JP Maret 2023 [S] (tanggal 1 Maret: asumsi)',
    value: { kind: 'cap', rupiah: 9_559_600 },
  },
  {
    key: 'pu.jp.wage_cap',
    scope: '',
    validFrom: '2024-03-01',
    validTo: '2025-02-28',
    citation: JP_CAP_CITATION,
    note: 'PP 45/2015 Pasal 29; batas upah JP Maret 2024 (PDB 2023 +5,05%) [S] (tanggal 1 Maret: asumsi)',
    value: { kind: 'cap', rupiah: 10_042_300 },
  },
  {
    key: 'pu.jp.wage_cap',
    scope: '',
    validFrom: '2025-03-01',
    validTo: '2026-02-28',
    citation: JP_CAP_CITATION,
    note:
      'PP 45/2015 Pasal 29; batas upah JP mulai 1 Maret 2025 = 2024 × 1,0503, surat BPJS Ketenagakerjaan ' +
      'B/726/022025 [S] banyak sumber (domain.md §3.1, §11.3); belum dicek pada surat aslinya',
    value: { kind: 'cap', rupiah: 10_547_400 },
  },
  {
    key: 'pu.jp.wage_cap',
    scope: '',
    validFrom: '2026-03-01',
    validTo: null,
    citation: JP_CAP_CITATION,
    note:
      'PP 45/2015 Pasal 29; batas upah JP mulai 1 Maret 2026 (PDB 2025 +5,11%), surat BPJS Ketenagakerjaan ' +
      'B/1226/022026 tanggal 25 Feb 2026 [M] beberapa sumber kode (domain.md §3.1, §11.3) ⚠ menunggu verifikasi ' +
      'pada surat aslinya',
    value: { kind: 'cap', rupiah: 11_086_300 },
  },
];

// Perpres 109/2013 Pasal 6 phased membership by employer size. The engine starts with the 2015 programme
// regulations, so 2015-07-01 is used (assumption: JP itself only exists from that date).
const MANDATORY_BY_SIZE: Record<EmployerSize, Program[]> = {
  micro: ['jkk', 'jkm'],
  small: ['jkk', 'jkm', 'jht'],
  medium: ['jkk', 'jkm', 'jht', 'jp'],
  large: ['jkk', 'jkm', 'jht', 'jp'],
};

const SIZES: EmployerSize[] = ['micro', 'small', 'medium', 'large'];

// BPU and Jakon must take JKK and JKM (domain.md §2): Permenaker 5/2021 (BPU), Permenakertrans 44/2015 (Jakon).
const otherMandatoryPrograms: ContributionRuleRow[] = [
  {
    key: 'bpu.mandatory_programs',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'PP 44/2015; Permenaker 5/2021',
    note: 'PP 44/2015; Permenaker 5/2021 (BPU wajib JKK dan JKM, JHT opsional) [S]',
    value: { kind: 'programs', programs: ['jkk', 'jkm'] },
  },
  {
    key: 'jakon.mandatory_programs',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    citation: 'Permenakertrans 44/2015; Permenaker 5/2021',
    note: 'Permenakertrans 44/2015; Permenaker 5/2021 (jasa konstruksi hanya JKK dan JKM) [S] databoks/Kemnaker',
    value: { kind: 'programs', programs: ['jkk', 'jkm'] },
  },
];

const puMandatoryPrograms: ContributionRuleRow[] = SIZES.map((size) => ({
  key: 'pu.mandatory_programs',
  scope: size,
  validFrom: PP_2015_START,
  validTo: null,
  citation: 'Perpres 109/2013 Pasal 6',
  note: `Perpres 109/2013 Pasal 6 (program wajib usaha ${size}) [S] (mulai 1 Juli 2015: asumsi)`,
  value: { kind: 'programs', programs: MANDATORY_BY_SIZE[size] },
}));

// JKP prerequisites: micro/small workers must also be in JHT, medium/large also in JP. Only "micro" adds
// something beyond the mandatory set. Verified wording of PP 6/2025 Pasal 4 (3) on pasal.id; PP 37/2021 had the
// same rule (assumption for the earlier period).
const jkpPrerequisites: ContributionRuleRow[] = SIZES.map((size) => ({
  key: 'pu.jkp.prerequisite',
  scope: size,
  validFrom: '2021-02-02',
  validTo: null,
  citation: 'PP 37/2021 Pasal 4 jo. PP 6/2025 Pasal 4 ayat (3)',
  note:
    'PP 6/2025 Pasal 4 (3) [V] pasal.id (peserta JKP wajib ikut JKK, JKM, JHT; usaha menengah/besar juga JP); ' +
    'PP 37/2021 Pasal 4 sebelumnya: asumsi sama',
  value: {
    kind: 'programs',
    programs: size === 'medium' || size === 'large' ? ['jkk', 'jkm', 'jht', 'jp'] : ['jkk', 'jkm', 'jht'],
  },
}));

// JKP contribution and the JKK/JKM recomposition that funds it (domain.md §3.1). PP 37/2021 took effect on its
// promulgation, 2 Feb 2021; PP 6/2025 on 7 Feb 2025. The parts must add up to the total rate (the engine checks).
//
// Reading of PP 6/2025 Pasal 11 (text seen on pasal.id, ayat (2)–(5)): 0.36 % = 0.22 % central government +
// 0.14 % recomposed from JKK, "sehingga iuran JKK ... menjadi" the reduced class rates. JKM is no longer
// recomposed, so JKM stays 0.30 % and the JKM recomposition row is 0 bp (a real zero, not a gap). ⚠ still to be
// confirmed against the official PDF (domain.md §11.2).
const PP37_2021_START = '2021-02-02';
const PP37_2021_END = '2025-02-06';
const PP6_2025_START = '2025-02-07';

const jkpRules: ContributionRuleRow[] = [
  {
    key: 'pu.jkp.rate',
    scope: '',
    validFrom: PP37_2021_START,
    validTo: PP37_2021_END,
    citation: 'PP 37/2021 Pasal 11',
    note: 'PP 37/2021 Pasal 11 (iuran JKP 0,46% upah) [S]',
    value: { kind: 'rate', bp: 46 },
  },
  {
    key: 'pu.jkp.rate',
    scope: '',
    validFrom: PP6_2025_START,
    validTo: null,
    citation: 'PP 6/2025 Pasal 11 ayat (2)',
    note: 'PP 6/2025 Pasal 11 ayat (2) (iuran JKP 0,36% upah) [V] pasal.id; [S] okezone',
    value: { kind: 'rate', bp: 36 },
  },
  {
    key: 'pu.jkp.government',
    scope: '',
    validFrom: PP37_2021_START,
    validTo: PP37_2021_END,
    citation: 'PP 37/2021 Pasal 11',
    note: 'PP 37/2021 Pasal 11 (bagian Pemerintah Pusat 0,22%) ⚠ pembagian [M] menurut domain.md',
    value: { kind: 'rate', bp: 22 },
  },
  {
    key: 'pu.jkp.government',
    scope: '',
    validFrom: PP6_2025_START,
    validTo: null,
    citation: 'PP 6/2025 Pasal 11 ayat (4)',
    note: 'PP 6/2025 Pasal 11 ayat (4) (bagian Pemerintah Pusat 0,22%) [V] pasal.id (teks OCR) ⚠ cek PDF resmi',
    value: { kind: 'rate', bp: 22 },
  },
  {
    key: 'pu.jkp.recomposition.jkk',
    scope: '',
    validFrom: PP37_2021_START,
    validTo: PP37_2021_END,
    citation: 'PP 37/2021 Pasal 11 jo. PP 49/2023 Pasal 16A',
    note: 'PP 37/2021 Pasal 11 jo. PP 49/2023 Pasal 16A (rekomposisi JKK 0,14%) [S]',
    value: { kind: 'rate', bp: 14 },
  },
  {
    key: 'pu.jkp.recomposition.jkk',
    scope: '',
    validFrom: PP6_2025_START,
    validTo: null,
    citation: 'PP 6/2025 Pasal 11 ayat (5)',
    note: 'PP 6/2025 Pasal 11 ayat (5) (rekomposisi JKK 0,14%) [V] pasal.id (teks OCR) ⚠ cek PDF resmi',
    value: { kind: 'rate', bp: 14 },
  },
  {
    key: 'pu.jkp.recomposition.jkm',
    scope: '',
    validFrom: PP37_2021_START,
    validTo: PP37_2021_END,
    citation: 'PP 37/2021 Pasal 11 jo. PP 49/2023 Pasal 18A',
    note: 'PP 37/2021 Pasal 11 jo. PP 49/2023 Pasal 18A (rekomposisi JKM 0,10%) [S]',
    value: { kind: 'rate', bp: 10 },
  },
  {
    key: 'pu.jkp.recomposition.jkm',
    scope: '',
    validFrom: PP6_2025_START,
    validTo: null,
    citation: 'PP 6/2025 Pasal 11 ayat (5)',
    note:
      'PP 6/2025 Pasal 11 ayat (5) hanya menyebut rekomposisi JKK; rekomposisi JKM dihapus (0%) ⚠ UNCERTAIN ' +
      '(domain.md §11.2, cek PDF resmi)',
    value: { kind: 'rate', bp: 0 },
  },
  {
    // domain.md lists the cap as the benefit base. The engine also applies it to the JKP contribution base
    // (see contributions.ts); for wages up to Rp5,000,000, the Pemda target group, both readings agree.
    key: 'pu.jkp.wage_cap',
    scope: '',
    validFrom: PP37_2021_START,
    validTo: null,
    citation: 'PP 37/2021',
    note: 'PP 37/2021 (batas atas upah JKP Rp5.000.000) [S] ⚠ dipakai juga sebagai dasar iuran JKP: tafsiran',
    value: { kind: 'cap', rupiah: 5_000_000 },
  },
];

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

const bpuRules: ContributionRuleRow[] = [
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

const jakonRules: ContributionRuleRow[] = [
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

const pmiRules: ContributionRuleRow[] = [
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

// --- Discounts ---------------------------------------------------------------------------------------------------

const discountRules: ContributionRuleRow[] = [
  {
    // Covers PU, BPU and Jakon JKK/JKM (BPU JKM Rp6,800 → Rp68). PMI packages in this seed start in 2023, after
    // the window, so the category list does not need PMI. The JP deferral of the same PP is not modelled.
    key: 'discount.pp49_2020',
    scope: '',
    validFrom: '2020-08-01',
    validTo: '2021-01-31',
    citation: 'PP 49/2020 Pasal 9 dan Pasal 12',
    note: 'PP 49/2020 Pasal 9, 12 (keringanan iuran JKK dan JKM 99%, Agustus 2020–Januari 2021) [V] pasal.id',
    value: {
      kind: 'discount',
      percentBp: 9_900,
      categories: ['pu', 'bpu', 'jakon'],
      programs: ['jkk', 'jkm'],
      excludedFundings: [],
    },
  },
  // PP 7/2025 applies only to "industri padat karya tertentu" (≥50 workers, listed sectors); a quote input does not
  // say whether an employer qualifies, so these rows are notes for the audit trail, not applied.
  {
    key: 'discount.pp7_2025.pu',
    scope: 'padat_karya',
    validFrom: '2025-02-01',
    validTo: '2025-07-31',
    citation: 'PP 7/2025',
    note: 'PP 7/2025 (diskon JKK 50% industri padat karya tertentu, Feb–Jul 2025) [S] (mulai 1 Feb: asumsi)',
    value: {
      kind: 'note',
      text: 'Diskon 50% JKK untuk industri padat karya tertentu; belum diterapkan otomatis oleh mesin.',
    },
  },
  {
    key: 'discount.pp7_2025.pu',
    scope: 'padat_karya',
    validFrom: '2025-08-01',
    validTo: '2026-01-31',
    citation: 'PP 7/2025 sebagaimana diubah',
    note: 'Revisi PP 7/2025 (perpanjangan diskon JKK 50% s.d. Januari 2026) [S] ⚠ nomor PP revisi belum diketahui',
    value: {
      kind: 'note',
      text: 'Perpanjangan diskon 50% JKK padat karya; belum diterapkan otomatis oleh mesin.',
    },
  },
  // PP 50/2025: APBDes is excluded too. The text excludes BPU paid "melalui APBN atau APBD"; village budgets are
  // largely APBN/APBD transfers (Dana Desa, ADD), and a budget must not assume a discount that may be refused.
  // ⚠ decision, to confirm with the BPJS branch.
  {
    key: 'discount.pp50_2025.bpu',
    scope: 'transport',
    validFrom: '2026-01-01',
    validTo: '2027-03-31',
    citation: 'PP 50/2025 Pasal 4',
    note: 'PP 50/2025 Pasal 4 (diskon 50% JKK+JKM BPU sektor transportasi, Jan 2026–Mar 2027; tidak untuk APBN/APBD) [S]',
    value: {
      kind: 'discount',
      percentBp: 5_000,
      categories: ['bpu'],
      programs: ['jkk', 'jkm'],
      excludedFundings: ['apbn', 'apbd', 'apbdes'],
    },
  },
  {
    key: 'discount.pp50_2025.bpu',
    scope: 'other',
    validFrom: '2026-04-01',
    validTo: '2026-12-31',
    citation: 'PP 50/2025 Pasal 4',
    note: 'PP 50/2025 Pasal 4 (diskon 50% JKK+JKM BPU sektor non-transportasi, Apr–Des 2026; tidak untuk APBN/APBD) [S]',
    value: {
      kind: 'discount',
      percentBp: 5_000,
      categories: ['bpu'],
      programs: ['jkk', 'jkm'],
      excludedFundings: ['apbn', 'apbd', 'apbdes'],
    },
  },
];

// --- Rounding ----------------------------------------------------------------------------------------------------

const roundingRules: ContributionRuleRow[] = [
  {
    key: 'rounding.mode',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    // No regulation states a rounding rule: the citation says so rather than citing one.
    citation: 'Tidak diatur dalam peraturan; kebijakan pembulatan Lindung',
    note:
      'Tidak ditemukan dalam regulasi (domain.md §11.9): kebijakan Lindung, pembulatan setengah ke atas ke rupiah ' +
      'penuh per baris iuran; dapat diubah admin setelah konfirmasi BPJS',
    value: { kind: 'rounding', mode: 'half_up' },
  },
];

export const CONTRIBUTION_RULE_SEED: ContributionRuleRow[] = [
  ...puRates,
  ...jpWageCaps,
  ...puMandatoryPrograms,
  ...otherMandatoryPrograms,
  ...jkpPrerequisites,
  ...jkpRules,
  ...bpuRules,
  ...jakonRules,
  ...pmiRules,
  ...discountRules,
  ...roundingRules,
];
