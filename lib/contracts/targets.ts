import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { paging, pageOf, regionCode } from './common.ts';
import { employerSize, riskClass, ruleRow } from './contributions.ts';
import { segment } from './workers.ts';

// Coverage denominators and targets (issue 6 §1, §3). Denominators are BPS figures per region and year (penduduk
// bekerja, semesta PBPU), optionally per occupation segment; targets are a coverage percentage per region, year
// and indicator, with the planning document it comes from. Money is whole rupiah; months are 'YYYY-MM'.

/** Who reads denominators, targets and progress: the offices that plan and the leaders who answer for them. */
export const TARGET_READERS: readonly Role[] = ['admin', 'disnaker', 'pimpinan'];
/** Who imports and corrects denominators and sets targets (inside their own scope). */
export const TARGET_EDITORS: readonly Role[] = ['admin', 'disnaker'];

export const WORKFORCE_KINDS = ['employed', 'bpu_universe'] as const;
export type WorkforceKind = (typeof WORKFORCE_KINDS)[number];
export const TARGET_BASES = ['RPJMD', 'RKPD', 'RENSTRA', 'UCJ', 'other'] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

export const workforceKind = z
  .enum(WORKFORCE_KINDS)
  .describe('employed = penduduk bekerja (BPS Sakernas Agustus); bpu_universe = semesta PBPU');
export const targetBasis = z.enum(TARGET_BASES).describe('Dokumen perencanaan: RPJMD, RKPD, RENSTRA, UCJ atau other');
const year = z.coerce.number().int().min(2000).max(2100).describe('Tahun');
const id = z.string().regex(/^\d{1,18}$/, 'angka');
export const idParam = z.strictObject({ id });
const persons = z.int('jumlah orang tanpa desimal').min(0, 'tidak boleh negatif').max(300_000_000);
const source = z
  .string()
  .trim()
  .min(1, 'tulis sumber angka, mis. BPS Kab. Bantul, Sakernas Agustus 2025')
  .max(300)
  .describe('Sumber angka, mis. "BPS Kab. Bantul, Sakernas Agustus 2025"');
const segmentOrAll = z
  .union([z.literal(''), segment])
  .default('')
  .describe("Segmen pekerjaan; '' = semua segmen (angka wilayah)");

// ---------------------------------------------------------------------------------------------------------------
// Denominators (workforce)

export const workforceListQuery = z.strictObject({
  region: regionCode.optional().describe('Wilayah dan wilayah di bawahnya'),
  year: year.optional(),
  kind: workforceKind.optional(),
  ...paging,
});
export type WorkforceListQuery = z.infer<typeof workforceListQuery>;
export const workforceExportQuery = workforceListQuery.omit({ page: true, pageSize: true });
export type WorkforceExportQuery = z.infer<typeof workforceExportQuery>;
/** Rows in one export; a larger selection is narrowed with the filters. */
export const WORKFORCE_EXPORT_CAP = 10_000;

export const workforceRow = z.object({
  id: z.string(),
  region: z.string(),
  regionLabel: z.string().describe('Wilayah dengan tingkatnya, mis. "Kec. Sewon, Kab. Bantul"'),
  year: z.int(),
  kind: workforceKind,
  segment: z.string(),
  persons: z.int(),
  source: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type WorkforceRow = z.infer<typeof workforceRow>;
export const workforceList = pageOf(workforceRow);

export const workforceUpsert = z.strictObject({
  region: regionCode,
  year,
  kind: workforceKind,
  segment: segmentOrAll,
  persons,
  source,
});
export type WorkforceUpsert = z.infer<typeof workforceUpsert>;

export const workforceUpdate = z
  .strictObject({ persons: persons.optional(), source: source.optional() })
  .refine((v) => v.persons !== undefined || v.source !== undefined, 'isi jumlah orang atau sumber');
export type WorkforceUpdate = z.infer<typeof workforceUpdate>;

export const workforceImportQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(300).default('angkatan-kerja.csv'),
  sheet: z.string().trim().max(100).optional().describe('Lembar XLSX; bawaan lembar pertama'),
  year: year.optional().describe('Tahun bila berkas tidak punya kolom Tahun'),
  source: source.optional().describe('Sumber bila berkas tidak punya kolom Sumber'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: periksa saja, tidak menyimpan'),
});
export type WorkforceImportQuery = z.infer<typeof workforceImportQuery>;

export const workforceImportResult = z.object({
  fileName: z.string(),
  dryRun: z.boolean(),
  rows: z.int().describe('Baris data yang dibaca'),
  values: z.int().describe('Angka yang disimpan (satu baris berisi sampai dua angka)'),
  inserted: z.int(),
  updated: z.int(),
  unchanged: z.int(),
});
export type WorkforceImportResult = z.infer<typeof workforceImportResult>;

// ---------------------------------------------------------------------------------------------------------------
// Targets

export const targetListQuery = z.strictObject({
  region: regionCode.optional(),
  year: year.optional(),
  ...paging,
});
export type TargetListQuery = z.infer<typeof targetListQuery>;

/**
 * PU pricing of a worker-coverage target's gap (issue 18 §6): the gap is closed by wage earners the Pemda pays for
 * as employer (non-ASN staff, KPU/Bawaslu ad-hoc bodies, perangkat desa/BPD), priced on a reference wage, the JKK
 * risk class, the employer size and the programmes, as a PU programme is. Null: the cheapest BPU package.
 */
export const targetPu = z
  .strictObject({
    wage: z
      .int('upah dalam rupiah penuh')
      .min(1, 'upah acuan harus lebih dari 0')
      .max(10_000_000_000)
      .describe('Upah acuan sebulan per orang (upah pokok + tunjangan tetap)'),
    riskClass,
    employerSize,
    programs: z
      .array(z.enum(['jkk', 'jkm', 'jht', 'jp', 'jkp']))
      .min(2)
      .refine((p) => p.includes('jkk') && p.includes('jkm'), 'JKK dan JKM wajib')
      .refine((p) => new Set(p).size === p.length, 'program tidak boleh berulang')
      .describe('Program: JKK dan JKM wajib; JHT, JP, JKP menurut skala usaha (Perpres 109/2013)'),
  })
  .describe('Harga PU untuk selisih target (hanya indikator employed); null = paket BPU termurah');
export type TargetPu = z.infer<typeof targetPu>;
const puOnlyEmployed = {
  message: 'harga PU hanya untuk indikator cakupan pekerja (employed); semesta PBPU dihitung sebagai BPU',
  path: ['pu'],
};

const targetFields = {
  region: regionCode,
  year,
  kind: workforceKind.describe('Indikator: employed = cakupan pekerja; bpu_universe = cakupan PBPU (SDI 06.02.021)'),
  targetPercent: z
    .number()
    .gt(0, 'target harus lebih dari 0%')
    .max(100, 'target paling tinggi 100%')
    .refine((v) => Math.round(v * 100) === v * 100, 'paling banyak dua angka desimal, mis. 34,99')
    .describe('Target cakupan dalam persen, dua desimal'),
  basis: targetBasis,
  document: z
    .string()
    .trim()
    .max(300)
    .nullable()
    .default(null)
    .describe('Dokumen dan halamannya, mis. "Perda 5/2021 RPJMD 2021–2026, Bab VI"'),
  pu: targetPu.nullable().default(null),
};
export const targetCreate = z
  .strictObject(targetFields)
  .refine((v) => v.pu === null || v.kind === 'employed', puOnlyEmployed);
/** What the service takes: `pu` may be left out (callers from before PU pricing, the demo). */
export type TargetCreate = Omit<z.infer<typeof targetCreate>, 'pu'> & { pu?: TargetPu | null };
export const targetUpdate = z
  .strictObject({
    targetPercent: targetFields.targetPercent.optional(),
    basis: targetBasis.optional(),
    document: targetFields.document.optional(),
    pu: targetPu.nullable().optional().describe('Harga PU untuk selisih; null = kembali ke paket BPU termurah'),
  })
  .refine((v) => Object.keys(v).length > 0, 'isi minimal satu isian');
export type TargetUpdate = z.infer<typeof targetUpdate>;

export const monthPace = z.object({ month: z.string(), persons: z.int() });

export const targetCost = z
  .object({
    category: z.enum(['bpu', 'pu']).describe('bpu: paket BPU termurah; pu: harga PU target (upah acuan)'),
    package: z.string().describe('Paket yang dihitung, mis. "BPU JKK+JKM" atau "PU JKK+JKM+JHT+JP"'),
    declaredIncome: z.int().describe('BPU: penghasilan terendah dalam tabel BPU pada bulan itu; PU: upah acuan'),
    funding: z.literal('apbd'),
    perPersonMonth: z
      .int()
      .describe(
        'Iuran per orang pada bulan pertama dari mesin aturan (BPU tanpa diskon PP 50/2025; PU: pemberi kerja + pekerja)',
      ),
    byPayer: z
      .object({ employer: z.int(), worker: z.int() })
      .nullable()
      .describe('PU: bagian pemberi kerja (Pemda) dan pekerja dari total; null untuk BPU'),
    months: z.int().describe('Bulan tersisa dalam tahun target, dihitung dari bulan berikutnya; 12 bila tahun depan'),
    fromMonth: z.string(),
    total: z.int().describe('Orang × iuran × bulan (tiap bulan dihitung pada tanggal 1: batas upah JP Maret ikut)'),
    totalWords: z.string().describe('Terbilang'),
    rulesUsed: z.array(ruleRow).describe('Baris aturan iuran yang dipakai, dengan dasar hukumnya'),
    note: z.string(),
  })
  .describe('APBD yang dibutuhkan untuk menutup selisih');

export const targetProgress = z.object({
  id: z.string(),
  region: z.string(),
  regionLabel: z.string(),
  year: z.int(),
  kind: workforceKind,
  targetPercent: z.number(),
  basis: targetBasis,
  document: z.string().nullable(),
  pu: targetPu.nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  denominator: z
    .object({ persons: z.int(), year: z.int(), source: z.string() })
    .nullable()
    .describe('Penyebut yang dipakai: tahun target, atau tahun terakhir sebelumnya; null bila belum ada'),
  asOfMonth: z.string().describe('Bulan pengukuran (bulan terakhir yang lengkap)'),
  active: z.int().describe('Peserta aktif (orang berbeda) pada bulan itu'),
  targetPersons: z.int().nullable(),
  progressPercent: z.number().nullable().describe('Cakupan sekarang, persen dua desimal'),
  achievedOfTarget: z.number().nullable().describe('Capaian terhadap target, persen'),
  gapPersons: z.int().nullable().describe('Orang yang masih perlu dilindungi (0 bila target tercapai)'),
  pace: z.array(monthPace).describe('Peserta aktif tujuh bulan terakhir (enam kenaikan)'),
  monthlyIncrease: z.number().describe('Rata-rata kenaikan per bulan dalam enam bulan terakhir'),
  monthsToTarget: z
    .int()
    .nullable()
    .describe('Bulan sampai target dengan laju sekarang; null bila laju ≤ 0 (tidak tercapai dengan laju sekarang)'),
  cost: targetCost.nullable().describe('null bila target sudah tercapai, penyebut belum ada, atau aturan tidak ada'),
  costError: z.string().nullable().describe('Mengapa biaya tidak dapat dihitung, bila demikian'),
  activeSource: z.string().describe('Dari mana angka peserta aktif berasal'),
});
export type TargetProgress = z.infer<typeof targetProgress>;
export const targetList = pageOf(targetProgress);
