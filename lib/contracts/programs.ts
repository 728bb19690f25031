import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { addMonths, FUNDERS, INELIGIBILITY_REASONS, PACKAGES } from '../rules/eligibility.ts';
import { SEGMENT_CODES } from '../rules/segments.ts';
import { COVERAGE_STATES, isoDate, isoMonth, paging, pageOf, regionCode } from './common.ts';
import { category, segment, vulnerabilityFlag } from './workers.ts';

// Protection programmes and enrollment (issue 5, part 1). Money is whole rupiah (JSON numbers, safe integers);
// months are 'YYYY-MM'.

/** Who reads programmes (figures only, no persons): every role that plans or funds. */
export const PROGRAM_READERS: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs', 'pimpinan'];
/** Who creates and edits programmes, verifies, rejects and ends enrollments, and submits batches. */
export const PROGRAM_MANAGERS: readonly Role[] = ['admin', 'disnaker'];
/** Who proposes workers: operators for their villages, Disnaker for the regency. */
export const ENROLLMENT_PROPOSERS: readonly Role[] = ['admin', 'disnaker', 'operator'];
/** Who sees enrolled persons (names, masked NIKs): the roles that read worker records. */
export const ENROLLMENT_READERS: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs'];

export const ENROLLMENT_STATUSES = ['proposed', 'verified', 'rejected', 'submitted', 'active', 'ended'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const END_REASONS = ['period_end', 'death', 'withdrawn', 'moved', 'replaced'] as const;
export type EndReason = (typeof END_REASONS)[number];

export const month = isoMonth;
const rupiah = z.int('rupiah tanpa desimal').positive('harus lebih dari 0').max(1_000_000_000_000_000);
const age = z.int().min(0).max(120);
export const funder = z.enum(FUNDERS);
export const pkg = z.enum(PACKAGES);
export const enrollmentStatus = z.enum(ENROLLMENT_STATUSES);
export const endReason = z.enum(END_REASONS);
export const reasonCode = z.enum(INELIGIBILITY_REASONS);
const id = z.string().regex(/^\d{1,18}$/, 'angka');
export const idParam = z.strictObject({ id });

// ---------------------------------------------------------------------------------------------------------------
// Programmes

export const PROGRAM_CATEGORIES = ['bpu', 'pu'] as const;
export type ProgramCategory = (typeof PROGRAM_CATEGORIES)[number];
export const EMPLOYER_KINDS = ['opd', 'kpu', 'bawaslu', 'desa'] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
const PU_PROGRAMS = ['jkk', 'jkm', 'jht', 'jp', 'jkp'] as const;

/** PU terms (issue 18 §1): the employer, its risk class and size, and the programmes paid on each person's wage. */
export const puTerms = z.strictObject({
  employerName: z
    .string()
    .trim()
    .min(2, 'minimal 2 huruf')
    .max(200)
    .describe('OPD, sekretariat KPU/Bawaslu, atau desa'),
  employerKind: z.enum(EMPLOYER_KINDS).describe('opd, kpu, bawaslu atau desa'),
  programs: z
    .array(z.enum(PU_PROGRAMS))
    .refine((l) => l.includes('jkk') && l.includes('jkm'), 'JKK dan JKM wajib')
    .refine((l) => new Set(l).size === l.length, 'program tidak boleh ganda')
    .describe('JKK+JKM wajib; JHT, JP, JKP menurut skala usaha atau pilihan Pemda'),
  riskClass: z.literal([1, 2, 3, 4, 5]).describe('Kelompok tingkat risiko JKK'),
  employerSize: z.enum(['micro', 'small', 'medium', 'large']).describe('Skala usaha pemberi kerja'),
  serviceMonths: z
    .array(isoMonth)
    .max(60)
    .refine(
      (l) => l.every((m, i) => i === 0 || m === addMonths(l[i - 1]!, 1)),
      'bulan masa tugas harus berurutan tanpa celah, dari yang paling awal',
    )
    .optional()
    .describe('Penyelenggara pemilu: bulan masa tugas badan ad hoc yang ditanggung usulan dari daftar'),
  pollingDay: isoDate.optional().describe('Penyelenggara pemilu: hari pemungutan suara (hitung mundur di Beranda)'),
});
export type PuTerms = z.infer<typeof puTerms>;

const programFields = {
  name: z.string().trim().min(3, 'minimal 3 huruf').max(200),
  funder: funder.describe('Sumber dana: apbd_regency, apbd_province, apbdes, apbn, csr, baznas atau self (mandiri)'),
  funderRegion: regionCode
    .nullable()
    .optional()
    .describe('Wilayah APBD/APBDes yang membayar (kab/kota, provinsi atau desa); kosong untuk APBN, CSR, mandiri'),
  region: regionCode.describe('Wilayah sasaran: domisili pekerja harus di dalamnya'),
  targetSegments: z
    .array(segment)
    .min(1, 'pilih minimal satu pekerjaan sasaran')
    .max(SEGMENT_CODES.length)
    .refine((l) => new Set(l).size === l.length, 'pekerjaan tidak boleh ganda'),
  package: pkg.describe('jkk_jkm (JKK+JKM) atau jkk_jkm_jht (JKK+JKM+JHT)'),
  declaredIncome: rupiah.describe('Penghasilan BPU yang dilaporkan, salah satu baris PP 44/2015 Lampiran II'),
  quota: z.int().min(1, 'minimal 1 orang').max(10_000_000).describe('Kuota dalam orang'),
  startMonth: month.describe('Bulan pertama periode'),
  months: z.int().min(1, 'minimal 1 bulan').max(60, 'paling lama 60 bulan').describe('Lama periode dalam bulan'),
  budgetCeiling: rupiah.describe('Pagu anggaran (Rp)'),
  dpaReference: z.string().trim().max(200).nullable().optional().describe('Nomor DPA atau dokumen anggaran'),
  minAge: age.describe('Usia terendah pada bulan pertama kepesertaan'),
  maxAge: age.describe('Usia tertinggi pada bulan pertama kepesertaan'),
  category: z
    .enum(PROGRAM_CATEGORIES)
    .optional()
    .describe('bpu (paket BPU, bawaan) atau pu (iuran dari upah tiap orang; declaredIncome = upah acuan)'),
  pu: puTerms.nullable().optional(),
};
const puMatches = {
  message: 'program PU memerlukan data pemberi kerja (pu); program BPU tidak',
  path: ['pu'],
};

const ageOrder = { message: 'usia terendah tidak boleh di atas usia tertinggi', path: ['maxAge'] };

const serviceInPeriod = {
  message: 'bulan masa tugas harus berada di dalam periode program',
  path: ['pu', 'serviceMonths'],
};
const servesInPeriod = (v: { startMonth: string; months: number; pu?: PuTerms | null | undefined }) =>
  (v.pu?.serviceMonths ?? []).every((m) => m >= v.startMonth && m <= addMonths(v.startMonth, v.months - 1));

export const programCreate = z
  .strictObject(programFields)
  .refine((v) => v.minAge <= v.maxAge, ageOrder)
  .refine((v) => (v.category === 'pu') === (v.pu != null), puMatches)
  .refine(servesInPeriod, serviceInPeriod);
export type ProgramCreate = z.infer<typeof programCreate>;

/** The region is fixed once created: enrollments and their row-level security hang on it. */
export const programUpdate = z
  .strictObject(programFields)
  .omit({ region: true, category: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'tidak ada perubahan')
  .refine((v) => v.minAge === undefined || v.maxAge === undefined || v.minAge <= v.maxAge, ageOrder);
export type ProgramUpdate = z.infer<typeof programUpdate>;

export const monthFigure = z.object({
  month: z.string(),
  pricePerPerson: z.int(),
  persons: z.int().describe('Slot terisi pada bulan itu'),
  committed: z.int().describe('persons × pricePerPerson'),
  cumulativeCommitted: z.int(),
});

export const programFiguresSchema = z.object({
  pricePerPersonMonth: z.int().describe('Iuran per orang per bulan (bulan pertama)'),
  priceVaries: z.boolean().describe('Iuran per bulan berbeda di dalam periode (aturan berubah)'),
  monthlyCostForQuota: z.int(),
  periodCostForQuota: z.int().describe('Kuota × iuran setiap bulan periode'),
  annualCostForQuota: z
    .int()
    .nullable()
    .describe('Kuota × 12 bulan dari bulan pertama, dihitung mesin iuran; null bila aturannya belum ada'),
  committed: z.int().describe('Σ slot terisi × iuran per bulan'),
  budgetRemaining: z.int(),
  slotsFrom: z.string().describe('Bulan mulai usulan baru: bulan ini, atau bulan pertama bila periode belum mulai'),
  quotaFilled: z.int(),
  quotaRemaining: z.int(),
  pricesCurrent: z
    .boolean()
    .describe('false bila aturan iuran berubah sejak program disimpan: simpan ulang program untuk memperbarui'),
});

export const programSummary = z.object({
  id: z.string(),
  name: z.string(),
  funder,
  funderRegion: z.string().nullable(),
  funderRegionLabel: z.string().nullable(),
  region: z.string(),
  regionLabel: z.string(),
  targetSegments: z.array(segment),
  package: pkg,
  declaredIncome: z.int(),
  quota: z.int(),
  startMonth: z.string(),
  endMonth: z.string(),
  months: z.int(),
  budgetCeiling: z.int(),
  dpaReference: z.string().nullable(),
  minAge: z.int(),
  maxAge: z.int(),
  committed: z.int(),
  quotaFilled: z.int(),
  pricePerPersonMonth: z.int(),
  category: z.enum(PROGRAM_CATEGORIES),
  pu: puTerms.nullable(),
  /** The actor may edit it, verify, reject, end and submit (the programme's region is in their scope). */
  canManage: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProgramSummary = z.infer<typeof programSummary>;

export const statusCounts = z
  .record(enrollmentStatus, z.int())
  .describe('Kepesertaan per status di wilayah kerja Anda');

export const coverageCounts = z
  .record(z.enum(COVERAGE_STATES), z.int())
  .describe('Kepesertaan yang diterima BPJS menurut perlindungannya hari ini, di wilayah kerja Anda');

export const programDetail = programSummary.extend({
  figures: programFiguresSchema,
  byMonth: z.array(monthFigure),
  priceRuleKeys: z.array(z.string()),
  /** PU programmes: the committed money split between the employer (Pemda) and the workers; null for BPU. */
  split: z.object({ employer: z.int(), worker: z.int() }).nullable(),
  statusCounts,
  coverageCounts,
});
export type ProgramDetail = z.infer<typeof programDetail>;

/** The form's preview (issue 12 §4): what the quota costs at the rules' prices and what the ceiling pays for. */
export const programCostPreviewRequest = z.strictObject({
  funder: programFields.funder,
  package: programFields.package,
  declaredIncome: programFields.declaredIncome,
  quota: programFields.quota,
  startMonth: programFields.startMonth,
  months: programFields.months,
  budgetCeiling: programFields.budgetCeiling,
  category: programFields.category,
  pu: programFields.pu,
});
export type ProgramCostPreviewRequest = z.infer<typeof programCostPreviewRequest>;
export const programCostPreview = z.object({
  prices: z.array(z.int()).describe('Iuran per orang untuk tiap bulan periode'),
  priceRuleKeys: z.array(z.string()),
  costPerPerson: z.int().describe('Iuran per orang selama seluruh periode'),
  quotaCost: z.int().describe('Biaya kuota penuh selama seluruh periode'),
  personsCovered: z.int().describe('Orang yang dibiayai pagu selama seluruh periode (paling banyak kuota)'),
  monthsCovered: z.int().describe('Bulan pertama yang dibiayai pagu untuk kuota penuh'),
  shortfall: z.int().describe('Kekurangan pagu untuk kuota penuh; 0 bila cukup'),
});
export type ProgramCostPreview = z.infer<typeof programCostPreview>;

export const programListQuery = z.strictObject({
  q: z.string().trim().max(80).optional().describe('Bagian nama program'),
  ...paging,
});
export type ProgramListQuery = z.infer<typeof programListQuery>;
export const programList = pageOf(programSummary);

// ---------------------------------------------------------------------------------------------------------------
// Enrollments

export const enrollment = z.object({
  id: z.string(),
  programId: z.string(),
  workerId: z.string(),
  fullName: z.string(),
  nikMasked: z.string(),
  village: z.string(),
  villageLabel: z.string(),
  segment,
  status: enrollmentStatus,
  firstMonth: z.string(),
  lastMonth: z.string().describe('Bulan terakhir yang ditanggung; sebelum firstMonth bila berakhir sebelum mulai'),
  months: z.int(),
  cost: z.int().describe('Iuran seluruh bulan yang ditanggung'),
  wage: z.int().nullable().describe('Program PU: upah yang dilaporkan orang ini; null untuk program BPU'),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  endReason: endReason.nullable(),
  endNote: z.string().nullable(),
  batchId: z.string().nullable(),
  kpjNumber: z.string().nullable(),
  coverageStart: z.string().nullable().describe('Mulai perlindungan (TMT) dari jawaban BPJS, YYYY-MM-DD'),
  coverageState: z
    .enum(COVERAGE_STATES)
    .nullable()
    .describe('Perlindungan hari ini menurut lindung_coverage_state; null sebelum diterima BPJS'),
});
export type Enrollment = z.infer<typeof enrollment>;

export const enrollmentListQuery = z.strictObject({
  status: enrollmentStatus.optional(),
  name: z.string().trim().min(1).max(80).optional().describe('Awal nama pekerja'),
  ...paging,
});
export type EnrollmentListQuery = z.infer<typeof enrollmentListQuery>;
export const enrollmentList = pageOf(enrollment);

/** The registry's worker filters (GET /api/workers), without paging. */
export const workerFilter = z.strictObject({
  nik: z
    .string()
    .trim()
    .regex(/^\d{16}$/, '16 angka')
    .optional(),
  nikEnd: z
    .string()
    .trim()
    .regex(/^\d{4}$/, '4 angka terakhir NIK')
    .optional(),
  name: z.string().trim().min(1).max(80).optional(),
  region: regionCode.optional(),
  segment: segment.optional(),
  category: category.optional(),
  vulnerability: vulnerabilityFlag.optional(),
});
export type WorkerFilter = z.infer<typeof workerFilter>;

export const proposalRequest = z
  .strictObject({
    workerIds: z.array(id).min(1).max(1_000).optional().describe('Pekerja yang diusulkan satu per satu'),
    filter: workerFilter.optional().describe('Semua pekerja yang cocok dengan filter daftar pekerja'),
    fromMonth: month
      .optional()
      .describe('Bulan mulai; bawaan bulan ini, atau bulan pertama bila periode belum mulai. Sampai akhir periode.'),
    limit: z.int().min(1).max(1_000_000).optional().describe('Paling banyak sekian orang yang diusulkan'),
    channelId: id.nullable().optional().describe('Saluran usulan (organisasi); bawaan organisasi pengguna'),
  })
  .refine((v) => (v.workerIds === undefined) !== (v.filter === undefined), {
    message: 'isi tepat satu: workerIds atau filter',
    path: ['filter'],
  });
export type ProposalRequest = z.infer<typeof proposalRequest>;

export const reasonCount = z.object({ code: reasonCode, count: z.int(), message: z.string() });
export const reasonText = z.object({ code: reasonCode, message: z.string() });

/** The preview lists at most this many of the persons a proposal adds (the counts give the rest). */
export const PROPOSAL_PEOPLE_SHOWN = 500;

export const proposalResult = z.object({
  matched: z.int().describe('Pekerja yang cocok dengan filter di wilayah kerja Anda'),
  eligible: z.int().describe('Yang memenuhi syarat orang (sebelum kuota dan pagu)'),
  proposed: z.int().describe('Yang diusulkan (0 pada pratinjau)'),
  wouldPropose: z.int().describe('Yang akan diusulkan bila dikonfirmasi'),
  overLimit: z.int(),
  reasons: z.array(reasonCount).describe('Alasan tidak memenuhi syarat; satu pekerja dapat punya beberapa alasan'),
  firstMonth: z.string(),
  lastMonth: z.string(),
  costPerPerson: z.int(),
  freeSlots: z.int(),
  budgetRemaining: z.int(),
  workers: z
    .array(
      z.object({ workerId: z.string(), fullName: z.string(), proposed: z.boolean(), reasons: z.array(reasonText) }),
    )
    .describe('Hasil per pekerja (hanya untuk workerIds)'),
  people: z
    .array(
      z.object({
        workerId: z.string(),
        fullName: z.string(),
        nikMasked: z.string(),
        village: z.string(),
        villageLabel: z.string(),
      }),
    )
    .describe(
      `Orang yang akan diusulkan (pratinjau) atau yang diusulkan, urut nama; paling banyak ${PROPOSAL_PEOPLE_SHOWN}`,
    ),
});
export type ProposalResult = z.infer<typeof proposalResult>;

const enrollmentIds = z.array(id).min(1, 'pilih minimal satu baris').max(1_000);

export const verifyRequest = z.strictObject({ ids: enrollmentIds });
export const verifyResult = z.object({
  verified: z.int(),
  notVerified: z.array(z.object({ id: z.string(), fullName: z.string(), reasons: z.array(reasonText) })),
});
export type VerifyResult = z.infer<typeof verifyResult>;

export const rejectRequest = z.strictObject({
  ids: enrollmentIds,
  reason: z.string().trim().min(5, 'tulis alasan penolakan, minimal 5 huruf').max(500),
});
export const rejectResult = z.object({ rejected: z.int() });

export const endRequest = z.strictObject({
  ids: enrollmentIds,
  reason: endReason,
  lastMonth: month.optional().describe('Bulan terakhir yang ditanggung; bawaan bulan ini'),
  note: z.string().trim().max(500).optional(),
});
export const endResult = z.object({ ended: z.int(), lastMonth: z.string() });

export const batchResult = z.object({ batchId: z.string(), persons: z.int() });

export const villageGap = z.object({
  village: z.string(),
  villageLabel: z.string(),
  registered: z.int().describe('Pekerja hidup dengan pekerjaan sasaran'),
  enrolled: z.int().describe('Yang sudah diusulkan atau terdaftar di program ini'),
  gap: z.int(),
});
export const gapList = z.object({
  items: z.array(villageGap),
  totals: z.object({ registered: z.int(), enrolled: z.int(), gap: z.int() }),
});
export type GapList = z.infer<typeof gapList>;

// --- Proposal from a file (a spreadsheet with a NIK column) ---------------------------------------------------

export const fileProposalQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(200).describe('Nama berkas (CSV/XLSX) seperti di komputer pengirim'),
  sheet: z.string().trim().min(1).max(100).optional().describe('Lembar XLSX; bawaan lembar pertama'),
  fromMonth: month.optional(),
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true: pratinjau tanpa menyimpan (bawaan); false: usulkan'),
});

export const fileProposalIssueCode = z.enum([
  'REQUIRED_MISSING',
  'NIK_NUMERIC_CELL',
  'NIK_SCIENTIFIC',
  'NIK_FORMAT',
  'DUPLICATE_IN_FILE',
  'NIK_NOT_REGISTERED',
  'DATE_INVALID',
  'PHONE_INVALID',
  'SEX_INVALID',
  'AMOUNT_INVALID',
  'REGION_CODE_INVALID',
]);

export const fileProposalResult = z.object({
  rows: z.int().describe('Baris data di berkas'),
  found: z.int().describe('NIK yang ditemukan di daftar pekerja wilayah Anda'),
  issues: z.array(z.object({ row: z.int(), column: z.string(), code: fileProposalIssueCode, message: z.string() })),
  proposal: proposalResult.nullable().describe('Hasil usulan untuk pekerja yang ditemukan (null bila tidak ada)'),
});
export type FileProposalResult = z.infer<typeof fileProposalResult>;

// --- Roll-over "Lanjutkan ke tahun berikutnya" (issue 18 §4) ---------------------------------------------------

export const rolloverRequest = z.strictObject({
  dpaReference: z.string().trim().min(3, 'isi nomor DPA tahun berikutnya, minimal 3 huruf').max(200),
  budgetCeiling: rupiah.describe('Pagu anggaran program lanjutan (Rp)'),
  quota: z.int().min(1, 'minimal 1 orang').max(10_000_000).optional().describe('Kuota baru; bawaan kuota program ini'),
  name: z.string().trim().min(3, 'minimal 3 huruf').max(200).optional(),
});
export type RolloverRequest = z.infer<typeof rolloverRequest>;

const rolloverPerson = z.object({
  workerId: z.string(),
  fullName: z.string(),
  nikMasked: z.string(),
});
export const ROLLOVER_ENDINGS = ['ENDED_DEATH', 'ENDED_MOVED', 'ENDED_REPLACED', 'ENDED_WITHDRAWN'] as const;
export const rolloverResult = z.object({
  programId: z.string().nullable().describe('Program lanjutan; null pada pratinjau'),
  startMonth: z.string(),
  endMonth: z.string(),
  months: z.int(),
  prices: z.array(z.int()).describe('Program PU: iuran per bulan pada upah acuan; BPU: iuran paket per bulan'),
  budgetNeeded: z.int().describe('Iuran yang dilanjutkan selama seluruh periode baru'),
  budgetCeiling: z.int(),
  carried: z.array(rolloverPerson),
  notCarried: z.array(
    rolloverPerson.extend({ reason: z.enum([...INELIGIBILITY_REASONS, ...ROLLOVER_ENDINGS]), message: z.string() }),
  ),
});
export type RolloverView = z.infer<typeof rolloverResult>;

// --- Continuation "lanjutkan mandiri" (issue 18 §5) -----------------------------------------------------------

export const CONTINUATION_REASONS = ['period_over', 'left', 'election_over'] as const;
export const continuationQuery = z.strictObject({
  program: id.optional().describe('Hanya orang yang kepesertaan terakhirnya di program ini'),
  ...paging,
});
export const continuationPerson = z.object({
  workerId: z.string(),
  enrollmentId: z.string(),
  fullName: z.string(),
  nikMasked: z.string(),
  village: z.string(),
  villageLabel: z.string(),
  programId: z.string(),
  programName: z.string(),
  lastMonth: z.string().describe('Bulan terakhir yang ditanggung program'),
  reason: z.enum(CONTINUATION_REASONS).describe('period_over, left (keluar/diganti/pindah) atau election_over'),
  earnings: z.int().describe('Upah yang dilaporkan (PU) atau penghasilan program (BPU)'),
  bpuIncome: z.int().describe('Baris penghasilan BPU (PP 44/2015 Lampiran II) untuk penghasilan itu'),
  monthly: z.int().describe('Iuran mandiri JKK+JKM per bulan, sesudah potongan yang berlaku'),
  grossMonthly: z.int().describe('Iuran sebelum potongan'),
  treatment: z.string().describe('Perlakuan PP 50/2025 yang berlaku hari ini, dalam kata-kata'),
  basis: z.string().describe('Dasar hukum tiap baris iuran'),
});
export type ContinuationPerson = z.infer<typeof continuationPerson>;
export const continuationList = pageOf(continuationPerson);
export const workerIdParam = z.strictObject({ workerId: id });
