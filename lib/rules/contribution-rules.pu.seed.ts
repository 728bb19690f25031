// Contribution rule seed, part 1: PU (penerima upah) rates, JP wage caps, mandatory programmes and JKP, with the
// 2015 start shared by every part. The full seed, its conventions and sources: contribution-rules.seed.ts.
import type { ContributionRuleRow, EmployerSize, Program, RiskClass } from './contribution-types.ts';

/** PP 44/2015, 45/2015 and 46/2015 took effect on 1 July 2015, the start of BPJS Ketenagakerjaan's operation. */
export const PP_2015_START = '2015-07-01';

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

export const puRates: ContributionRuleRow[] = [
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

export const jpWageCaps: ContributionRuleRow[] = [
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
export const otherMandatoryPrograms: ContributionRuleRow[] = [
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

export const puMandatoryPrograms: ContributionRuleRow[] = SIZES.map((size) => ({
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
export const jkpPrerequisites: ContributionRuleRow[] = SIZES.map((size) => ({
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

export const jkpRules: ContributionRuleRow[] = [
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
