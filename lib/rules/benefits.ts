// JKM and JKK benefits (manfaat) as data, for the public calculator: what a contribution buys, with legal basis.
//
// Source: /work/shared/domain.md §4.1 (JKM) and §4.2 (JKK), research up to Feb 2026. Certainty follows domain.md:
// 'verified' = checked in the regulation text, 'secondary' = [S] secondary source, 'uncertain' = ⚠ or [M].
// These are benefit summaries for information; a claim is decided by BPJS Ketenagakerjaan. Amounts are whole
// rupiah. "Wage" for a BPU participant is the declared income (PP 44/2015 Lampiran II).

import type { Bilingual } from '../i18n/locale.ts';
import type { IsoDate } from './contribution-types.ts';

export type Certainty = 'verified' | 'secondary' | 'uncertain';

/** cash = paid in money; care = a service paid by BPJS; scholarship = education benefit for children. */
export type BenefitKind = 'cash' | 'care' | 'scholarship';

export interface BenefitItem {
  key: string;
  kind: BenefitKind;
  label: Bilingual;
  /** Fixed rupiah part, or null. */
  amount: number | null;
  /** Multiple of the monthly wage added to `amount`, or null. */
  wageMultiple: number | null;
  /** Ceiling in rupiah when the benefit is "up to", or null. */
  maxAmount: number | null;
  /** The rule in words, including conditions. */
  rule: Bilingual;
  /** Regulation and article only: the text the public calculator shows. */
  citation: string;
  /** Sources and confidence, for maintainers; never sent to the public. */
  note?: string;
  certainty: Certainty;
}

export interface BenefitProgram {
  program: 'jkm' | 'jkk';
  title: Bilingual;
  citation: string;
  /**
   * PP 82/2019 took effect when promulgated, 2 Dec 2019 (date not in domain.md: [M], to verify); earlier deaths and
   * accidents had the lower PP 44/2015 amounts.
   */
  validFrom: IsoDate;
  items: BenefitItem[];
}

export interface ScholarshipLevel {
  level: 'tk_sd' | 'smp' | 'sma' | 'higher';
  label: Bilingual;
  perYear: number;
  maxYears: number;
}

export interface Scholarship {
  maxChildren: number;
  /** For all children together. */
  maxTotal: number;
  levels: ScholarshipLevel[];
  citation: string;
  /** Sources and confidence, for maintainers; never sent to the public. */
  note?: string;
  certainty: Certainty;
}

const PP82_2019_START = '2019-12-02';
const SCHOLARSHIP_MAX = 174_000_000;

export const SCHOLARSHIP: Scholarship = {
  maxChildren: 2,
  maxTotal: SCHOLARSHIP_MAX,
  levels: [
    { level: 'tk_sd', label: { id: 'TK/SD', en: 'Kindergarten/primary' }, perYear: 1_500_000, maxYears: 8 },
    { level: 'smp', label: { id: 'SMP', en: 'Junior secondary' }, perYear: 2_000_000, maxYears: 3 },
    { level: 'sma', label: { id: 'SMA', en: 'Senior secondary' }, perYear: 3_000_000, maxYears: 3 },
    {
      level: 'higher',
      label: { id: 'Perguruan tinggi (S1) atau pelatihan', en: 'University (bachelor) or training' },
      perYear: 12_000_000,
      maxYears: 5,
    },
  ],
  citation: 'PP 82/2019',
  note:
    'PP 82/2019 (beasiswa paling banyak 2 anak, total Rp174.000.000) [S]; rincian per jenjang dan lama: kode ' +
    'simulator [S] dan [M] ⚠ cek Permenaker 5/2021 (dibayar per tahun sesuai jenjang, anak bersekolah, belum menikah, ' +
    'batas usia 23 tahun [M])',
  certainty: 'uncertain',
};

export const JKM_BENEFITS: BenefitProgram = {
  program: 'jkm',
  title: { id: 'Jaminan Kematian (JKM)', en: 'Death benefit (JKM)' },
  citation: 'PP 44/2015 jo. PP 82/2019',
  validFrom: PP82_2019_START,
  items: [
    {
      key: 'jkm.lump_sum',
      kind: 'cash',
      label: { id: 'Santunan sekaligus', en: 'Lump-sum compensation' },
      amount: 20_000_000,
      wageMultiple: null,
      maxAmount: null,
      rule: {
        id: 'Rp20.000.000 kepada ahli waris (sebelumnya Rp16.200.000 menurut PP 44/2015); sama untuk PU dan BPU.',
        en: 'Rp20,000,000 to the heirs (Rp16,200,000 under PP 44/2015); the same for PU and BPU.',
      },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] reportasepapua.com, pasundan.jabarekspres.com, suarakarya.id',
      certainty: 'secondary',
    },
    {
      key: 'jkm.periodic',
      kind: 'cash',
      label: { id: 'Santunan berkala', en: 'Periodic compensation' },
      amount: 12_000_000,
      wageMultiple: null,
      maxAmount: null,
      rule: {
        id: '24 bulan × Rp500.000, dibayar sekaligus (sebelumnya Rp4.800.000).',
        en: '24 months × Rp500,000, paid at once (previously Rp4,800,000).',
      },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S]',
      certainty: 'secondary',
    },
    {
      key: 'jkm.funeral',
      kind: 'cash',
      label: { id: 'Biaya pemakaman', en: 'Funeral costs' },
      amount: 10_000_000,
      wageMultiple: null,
      maxAmount: null,
      rule: { id: 'Rp10.000.000 (sebelumnya Rp3.000.000).', en: 'Rp10,000,000 (previously Rp3,000,000).' },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S]',
      certainty: 'secondary',
    },
    {
      key: 'jkm.scholarship',
      kind: 'scholarship',
      label: { id: 'Beasiswa anak', en: "Children's scholarship" },
      amount: null,
      wageMultiple: null,
      maxAmount: SCHOLARSHIP_MAX,
      rule: {
        id: 'Paling banyak 2 anak, total paling banyak Rp174.000.000, bila masa iur paling sedikit 3 tahun (36 bulan).',
        en: 'At most 2 children, at most Rp174,000,000 in total, if contributions were paid for at least 3 years (36 months).',
      },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 (syarat masa iur minimal 3 tahun) [S]',
      certainty: 'secondary',
    },
  ],
};

export const JKK_BENEFITS: BenefitProgram = {
  program: 'jkk',
  title: { id: 'Jaminan Kecelakaan Kerja (JKK)', en: 'Work accident benefit (JKK)' },
  citation: 'PP 44/2015 jo. PP 82/2019 jo. PP 49/2023',
  validFrom: PP82_2019_START,
  items: [
    {
      key: 'jkk.medical',
      kind: 'care',
      label: { id: 'Perawatan dan pengobatan', en: 'Medical care' },
      amount: null,
      wageMultiple: null,
      maxAmount: null,
      rule: {
        id: 'Sesuai kebutuhan medis tanpa batas biaya, rawat inap kelas I; termasuk penyakit penyerta, komplikasi, rehabilitasi dan implan. Juga kecelakaan dalam perjalanan pergi/pulang kerja.',
        en: 'As medically needed with no cost ceiling, class I hospital ward; includes comorbidities, complications, rehabilitation and implants. Also covers commuting accidents.',
      },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] ehukum.com',
      certainty: 'secondary',
    },
    {
      key: 'jkk.home_care',
      kind: 'care',
      label: { id: 'Perawatan di rumah (homecare)', en: 'Home care' },
      amount: null,
      wageMultiple: null,
      maxAmount: 20_000_000,
      rule: { id: 'Paling lama 1 tahun, paling banyak Rp20.000.000.', en: 'Up to 1 year, at most Rp20,000,000.' },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] ehukum.com',
      certainty: 'secondary',
    },
    {
      key: 'jkk.transport.land',
      kind: 'cash',
      label: { id: 'Penggantian biaya transportasi darat/sungai/danau', en: 'Transport refund, land/river/lake' },
      amount: null,
      wageMultiple: null,
      maxAmount: 5_000_000,
      rule: { id: 'Paling banyak Rp5.000.000.', en: 'At most Rp5,000,000.' },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] kode simulator ⚠',
      certainty: 'uncertain',
    },
    {
      key: 'jkk.transport.sea',
      kind: 'cash',
      label: { id: 'Penggantian biaya transportasi laut', en: 'Transport refund, sea' },
      amount: null,
      wageMultiple: null,
      maxAmount: 2_000_000,
      rule: { id: 'Paling banyak Rp2.000.000.', en: 'At most Rp2,000,000.' },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] kode simulator ⚠',
      certainty: 'uncertain',
    },
    {
      key: 'jkk.transport.air',
      kind: 'cash',
      label: { id: 'Penggantian biaya transportasi udara', en: 'Transport refund, air' },
      amount: null,
      wageMultiple: null,
      maxAmount: 10_000_000,
      rule: { id: 'Paling banyak Rp10.000.000.', en: 'At most Rp10,000,000.' },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] kode simulator ⚠',
      certainty: 'uncertain',
    },
    {
      key: 'jkk.stmb',
      kind: 'cash',
      label: {
        id: 'Santunan sementara tidak mampu bekerja (STMB)',
        en: 'Temporary incapacity benefit (STMB)',
      },
      amount: null,
      wageMultiple: null,
      maxAmount: null,
      rule: {
        id: '100% upah selama 12 bulan pertama, lalu 50% upah sampai sembuh (PP 44/2015 semula 100% 6 bulan, 75% 6 bulan, lalu 50%).',
        en: '100% of the wage for the first 12 months, then 50% until recovery (PP 44/2015 originally 100% 6 months, 75% 6 months, then 50%).',
      },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] jateng.antaranews.com, reportasepapua.com',
      certainty: 'secondary',
    },
    {
      key: 'jkk.death',
      kind: 'cash',
      label: { id: 'Meninggal dunia akibat kecelakaan kerja', en: 'Death from a work accident' },
      // 48 × wage plus the JKM-like periodic compensation (Rp12,000,000) and funeral costs (Rp10,000,000).
      amount: 22_000_000,
      wageMultiple: 48,
      maxAmount: null,
      rule: {
        id: '48 × upah, ditambah santunan berkala Rp12.000.000 (sekaligus) dan biaya pemakaman Rp10.000.000.',
        en: '48 × the wage, plus periodic compensation of Rp12,000,000 (paid at once) and funeral costs of Rp10,000,000.',
      },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] suarakarya.id, antaranews',
      certainty: 'secondary',
    },
    {
      key: 'jkk.total_disability',
      kind: 'cash',
      label: { id: 'Cacat total tetap', en: 'Total permanent disability' },
      amount: null,
      wageMultiple: 56,
      maxAmount: null,
      rule: {
        id: '70% × 80 × upah = 56 × upah sekaligus (ditambah santunan berkala yang belum pasti).',
        en: '70% × 80 × the wage = 56 × the wage as a lump sum (plus a periodic component, unconfirmed).',
      },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] antaranews ("cacat total hingga 56x upah") ⚠ komponen berkala',
      certainty: 'uncertain',
    },
    {
      key: 'jkk.partial_disability',
      kind: 'cash',
      label: { id: 'Cacat sebagian anatomis', en: 'Partial anatomical disability' },
      amount: null,
      wageMultiple: null,
      maxAmount: null,
      rule: {
        id: 'Persentase sesuai tabel × 80 × upah.',
        en: 'Percentage from the table × 80 × the wage.',
      },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] reportasepapua.com',
      certainty: 'secondary',
    },
    {
      key: 'jkk.functional_disability',
      kind: 'cash',
      label: { id: 'Cacat sebagian fungsi', en: 'Partial functional disability' },
      amount: null,
      wageMultiple: null,
      maxAmount: null,
      rule: {
        id: 'Persentase berkurangnya fungsi × persentase sesuai tabel × 80 × upah.',
        en: 'Percentage of lost function × percentage from the table × 80 × the wage.',
      },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S]',
      certainty: 'secondary',
    },
    {
      key: 'jkk.scholarship',
      kind: 'scholarship',
      label: { id: 'Beasiswa anak', en: "Children's scholarship" },
      amount: null,
      wageMultiple: null,
      maxAmount: SCHOLARSHIP_MAX,
      rule: {
        id: 'Paling banyak 2 anak, total paling banyak Rp174.000.000, bila peserta meninggal dunia atau cacat total tetap akibat kecelakaan kerja; tanpa syarat masa iur.',
        en: 'At most 2 children, at most Rp174,000,000 in total, on death or total permanent disability from a work accident; no minimum contribution period.',
      },
      citation: 'PP 82/2019',
      note: 'PP 82/2019 [S] reportasepapua.com, radarkaur.disway.id',
      certainty: 'secondary',
    },
    {
      key: 'jkk.return_to_work',
      kind: 'care',
      label: { id: 'Program kembali bekerja (return to work)', en: 'Return-to-work programme' },
      amount: null,
      wageMultiple: null,
      maxAmount: null,
      rule: {
        id: 'Pendampingan sampai peserta dapat bekerja kembali; penyakit akibat kerja menurut Perpres 7/2019.',
        en: 'Support until the participant can work again; occupational diseases as listed in Perpres 7/2019.',
      },
      citation: 'PP 44/2015 jo. PP 82/2019; Perpres 7/2019',
      note: 'PP 44/2015 jo. PP 82/2019; Perpres 7/2019 [S]',
      certainty: 'secondary',
    },
    {
      key: 'jkk.suspected_accident',
      kind: 'care',
      label: { id: 'Dugaan kecelakaan kerja', en: 'Suspected work accident' },
      amount: null,
      wageMultiple: null,
      maxAmount: null,
      rule: {
        id: 'Perawatan dibayar lebih dulu; BPJS menetapkan kecelakaan kerja atau bukan paling lama 30 hari setelah laporan tahap I.',
        en: 'Care is paid first; BPJS decides whether it was a work accident within 30 days of the stage-I report.',
      },
      citation: 'PP 49/2023 Pasal 25A, 25B',
      note: 'PP 49/2023 Pasal 25A, 25B [S] ptgasi.co.id',
      certainty: 'secondary',
    },
  ],
};

export const BENEFIT_PROGRAMS: readonly BenefitProgram[] = [JKM_BENEFITS, JKK_BENEFITS];

/**
 * What one item pays for a monthly wage: the fixed part plus the wage multiple. Null when the benefit has no single
 * figure (care "as needed", percentages of a table) or when it depends on a wage that was not given.
 */
export function benefitAmount(item: BenefitItem, wage: number | null): number | null {
  if (item.wageMultiple === null) return item.amount;
  if (wage === null) return null;
  return (item.amount ?? 0) + item.wageMultiple * wage;
}

/** Sum of the fixed cash items of a programme: Rp42,000,000 for JKM (same for PU and BPU). */
export function cashTotal(program: BenefitProgram): number {
  return program.items
    .filter((i) => i.kind === 'cash' && i.wageMultiple === null && i.amount !== null)
    .reduce((sum, i) => sum + (i.amount ?? 0), 0);
}

/** The most the scholarship levels can pay for the maximum number of children; must equal the stated maximum. */
export function scholarshipCeiling(s: Scholarship): number {
  return s.maxChildren * s.levels.reduce((sum, l) => sum + l.perYear * l.maxYears, 0);
}

export interface BenefitSummaryItem extends Omit<BenefitItem, 'note'> {
  /** benefitAmount() for the requested wage. */
  amountForWage: number | null;
}

export interface BenefitSummary {
  wage: number | null;
  programs: (Omit<BenefitProgram, 'items'> & { items: BenefitSummaryItem[]; cashTotal: number })[];
  scholarship: Omit<Scholarship, 'note'>;
}

function withoutNote<T extends { note?: string }>(value: T): Omit<T, 'note'> {
  const { note: _note, ...rest } = value;
  return rest;
}

/** The JKM and JKK summary (citations only, no research notes); with a wage (BPU: declared income) the wage-based items get a figure. */
export function benefitSummary(wage: number | null = null): BenefitSummary {
  if (wage !== null && (!Number.isSafeInteger(wage) || wage <= 0)) {
    throw new RangeError(`Upah harus bilangan bulat rupiah > 0 / wage must be a whole rupiah amount > 0: ${wage}`);
  }
  return {
    wage,
    programs: BENEFIT_PROGRAMS.map((p) => ({
      ...p,
      items: p.items.map(({ note: _note, ...i }) => ({ ...i, amountForWage: benefitAmount(i, wage) })),
      cashTotal: cashTotal(p),
    })),
    scholarship: withoutNote(SCHOLARSHIP),
  };
}
