import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { isoDate, pageOf, paging, regionCode } from './common.ts';

// Exchange with BPJS Ketenagakerjaan (issue 5, part 3): registration batch files out, the branch's response and
// membership snapshots in, reconciliation between them. Files travel as the raw request body
// (application/octet-stream), their name in the query string, as for worker imports.

/** Who works with batches, responses, snapshots and reconciliation: Disnaker, admin and the BPJS branch. */
export const EXCHANGE_USERS: readonly Role[] = ['admin', 'disnaker', 'bpjs'];
/** Who edits the batch file template (audited). */
export const TEMPLATE_EDITORS: readonly Role[] = ['admin', 'disnaker'];

/** What a template column may hold; the order of this list is the editor's order of choices. */
export const TEMPLATE_FIELDS = [
  'nik',
  'full_name',
  'birth_place',
  'birth_date',
  'sex',
  'address',
  'rt',
  'rw',
  'village_code',
  'village_name',
  'district_name',
  'regency_name',
  'phone',
  'occupation',
  'work_location',
  'income',
  'programs',
  'contribution_period',
  'funding_source',
  'category',
  'batch_number',
  'enrollment_reference',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const TEMPLATE_FIELD_LABELS: Readonly<Record<TemplateField, { id: string; en: string }>> = {
  nik: { id: 'NIK', en: 'NIK' },
  full_name: { id: 'Nama sesuai KTP', en: 'Name as on the ID card' },
  birth_place: { id: 'Tempat lahir', en: 'Place of birth' },
  birth_date: { id: 'Tanggal lahir (dd-mm-yyyy)', en: 'Date of birth (dd-mm-yyyy)' },
  sex: { id: 'Jenis kelamin (L/P)', en: 'Sex (L/P)' },
  address: { id: 'Alamat', en: 'Address' },
  rt: { id: 'RT', en: 'RT' },
  rw: { id: 'RW', en: 'RW' },
  village_code: { id: 'Kode wilayah domisili', en: 'Region code of domicile' },
  village_name: { id: 'Desa/kelurahan', en: 'Village' },
  district_name: { id: 'Kecamatan', en: 'District' },
  regency_name: { id: 'Kabupaten/kota', en: 'Regency/city' },
  phone: { id: 'No HP', en: 'Mobile number' },
  occupation: { id: 'Pekerjaan/sektor', en: 'Occupation/sector' },
  work_location: { id: 'Lokasi kerja', en: 'Work location' },
  income: { id: 'Penghasilan/upah (Rp)', en: 'Income/wage (Rp)' },
  programs: { id: 'Program (JKK, JKM, JHT)', en: 'Programmes (JKK, JKM, JHT)' },
  contribution_period: { id: 'Periode iuran (awal–akhir)', en: 'Contribution period (first–last)' },
  funding_source: { id: 'Sumber dana (pemberi dana + DPA)', en: 'Funding (funder + DPA)' },
  category: { id: 'Kategori peserta (BPU/PU…)', en: 'Participant category (BPU/PU…)' },
  batch_number: { id: 'Nomor batch', en: 'Batch number' },
  enrollment_reference: { id: 'Nomor referensi kepesertaan', en: 'Enrollment reference' },
};

const id = z.string().regex(/^\d{1,18}$/, 'angka');
export const batchIdParam = z.strictObject({ id });

// ---------------------------------------------------------------------------------------------------------------
// Template

export const templateColumn = z.strictObject({
  header: z.string().trim().min(1, 'judul kolom wajib diisi').max(100, 'paling panjang 100 huruf'),
  field: z.enum(TEMPLATE_FIELDS),
});
export type TemplateColumn = z.infer<typeof templateColumn>;

export const templateUpdate = z.strictObject({
  name: z.string().trim().min(3, 'minimal 3 huruf').max(200),
  columns: z
    .array(templateColumn)
    .min(1, 'minimal satu kolom')
    .max(60)
    .refine((l) => l.some((c) => c.field === 'nik'), 'templat wajib memuat kolom NIK')
    .refine((l) => new Set(l.map((c) => c.header.toLowerCase())).size === l.length, 'judul kolom tidak boleh ganda'),
});
export type TemplateUpdate = z.infer<typeof templateUpdate>;

export const template = z.object({
  id: z.string(),
  region: z.string().nullable().describe('null: templat nasional bawaan'),
  regionLabel: z.string(),
  name: z.string(),
  columns: z.array(templateColumn),
  /** The actor's own region has no template of its own: this one comes from a region above or the national one. */
  inherited: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof template>;

export const templateQuery = z.strictObject({ region: regionCode.optional() });

// ---------------------------------------------------------------------------------------------------------------
// Batches

export const BATCH_STATES = ['waiting', 'partly_answered', 'answered'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const batchSummary = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  region: z.string(),
  regionLabel: z.string(),
  persons: z.int(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  state: z.enum(BATCH_STATES).describe('waiting: belum ada jawaban; answered: setiap orang diterima/ditolak'),
  waiting: z.int().describe('Masih menunggu jawaban BPJS (dikirim)'),
  active: z.int(),
  rejected: z.int(),
  ended: z.int(),
  lastExportAt: z.string().nullable(),
  lastResponseAt: z.string().nullable(),
});
export type BatchSummary = z.infer<typeof batchSummary>;

export const batchListQuery = z.strictObject({
  state: z.enum(BATCH_STATES).optional(),
  ...paging,
});
export const batchList = pageOf(batchSummary).extend({
  simulator: z.boolean().describe('Simulator BPJS aktif (demo dan uji)'),
});
export type BatchList = z.infer<typeof batchList>;

export const exportQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

// ---------------------------------------------------------------------------------------------------------------
// Response and snapshot files

/** One problem in an uploaded file: `row` as the spreadsheet shows it (header = 1), `column` the header found. */
export const fileIssue = z.object({
  row: z.int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type FileIssue = z.infer<typeof fileIssue>;

export const uploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(300).default('berkas.csv'),
});

export const responseUploadQuery = uploadQuery.extend({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true: pratinjau tanpa menyimpan (bawaan); false: terapkan'),
});

export const responseRow = z.object({
  row: z.int(),
  fullName: z.string(),
  nikMasked: z.string(),
  outcome: z.enum(['accepted', 'rejected']),
  kpjNumber: z.string().nullable(),
  coverageStart: z.string().nullable(),
  reason: z.string().nullable(),
  change: z.enum(['new', 'unchanged']).describe('unchanged: jawaban ini sudah tercatat sebelumnya'),
});

export const responseResult = z.object({
  batchId: z.string(),
  applied: z.boolean().describe('false: pratinjau, atau berkas ditolak karena ada masalah'),
  rows: z.int(),
  accepted: z.int(),
  rejected: z.int(),
  unchanged: z.int(),
  notInFile: z.int().describe('Orang dalam batch yang belum ada di berkas (tetap menunggu)'),
  issues: z.array(fileIssue),
  items: z.array(responseRow).describe('Paling banyak 200 baris pertama, untuk pratinjau'),
});
export type ResponseResult = z.infer<typeof responseResult>;

export const simulatorResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), retryAfterSeconds: z.int() }),
  z.object({ status: z.literal('ready'), result: responseResult }),
]);

export const snapshotUploadQuery = uploadQuery.extend({
  region: regionCode.optional().describe('Wilayah yang dilaporkan cabang; bawaan wilayah kerja Anda'),
  asOf: isoDate.optional().describe('Tanggal data; bawaan hari ini'),
});

export const snapshotSummary = z.object({
  id: z.string(),
  region: z.string(),
  regionLabel: z.string(),
  asOf: z.string(),
  source: z.enum(['file', 'simulator']),
  fileName: z.string().nullable(),
  persons: z.int(),
  inRegistry: z.int().describe('Yang NIK-nya ada di daftar pekerja Lindung'),
  current: z.boolean().describe('Snapshot terbaru wilayahnya'),
  importedBy: z.string(),
  importedAt: z.string(),
});
export type SnapshotSummary = z.infer<typeof snapshotSummary>;

export const snapshotListQuery = z.strictObject({ ...paging });
export const snapshotList = pageOf(snapshotSummary);

export const snapshotResult = z.object({
  imported: z.boolean(),
  snapshot: snapshotSummary.nullable(),
  rows: z.int(),
  issues: z.array(fileIssue),
});
export type SnapshotResult = z.infer<typeof snapshotResult>;

export const simulatorSnapshotRequest = z.strictObject({
  region: regionCode.optional(),
  asOf: isoDate.optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Reconciliation

export const RECONCILIATION_KINDS = ['matched', 'mismatched', 'missing', 'outside'] as const;
export type ReconciliationKind = (typeof RECONCILIATION_KINDS)[number];

export const reconciliationQuery = z.strictObject({
  region: regionCode.optional().describe('Bawaan wilayah kerja Anda'),
  kind: z.enum(RECONCILIATION_KINDS).default('mismatched'),
  ...paging,
});
export type ReconciliationQuery = z.infer<typeof reconciliationQuery>;

export const reconciliationItem = z.object({
  nikMasked: z.string(),
  fullName: z.string().nullable().describe('Nama di daftar pekerja Lindung; null bila tidak terdaftar'),
  programName: z.string().nullable(),
  lindungKpj: z.string().nullable(),
  bpjsKpj: z.string().nullable(),
  lindungCategory: z.string().nullable(),
  bpjsCategory: z.string().nullable(),
  coverageStart: z.string().nullable().describe('Mulai perlindungan menurut Lindung'),
  bpjsCoverageStart: z.string().nullable(),
  bpjsCoverageEnd: z.string().nullable(),
  bpjsPaidThrough: z.string().nullable().describe('Bulan terakhir lunas menurut BPJS (yyyy-mm)'),
  bpjsState: z.enum(['covered', 'lapsed', 'not_started', 'ended']).nullable(),
  differences: z.array(z.string()).describe('Apa yang berbeda (untuk selisih)'),
  villageLabel: z.string().nullable(),
  enrollmentId: z.string().nullable().describe('Kepesertaan Lindung yang aktif; null bila tidak ada'),
  programId: z.string().nullable(),
  workerId: z.string().nullable().describe('Pekerja di daftar Lindung; null bila tidak terdaftar'),
  kpjDiffers: z.boolean().describe('Tindakan "Ambil KPJ BPJS" berlaku'),
  checkOpen: z.boolean().describe('Sudah ada permintaan cek ke desa yang belum dijawab'),
  village: z.string().nullable().describe('Kode desa; tanpa desa tidak dapat diminta cek'),
});
export type ReconciliationItem = z.infer<typeof reconciliationItem>;

export const reconciliation = pageOf(reconciliationItem).extend({
  region: z.string(),
  regionLabel: z.string(),
  snapshot: z.object({ id: z.string(), asOf: z.string(), persons: z.int(), region: z.string() }).nullable(),
  counts: z.object({ matched: z.int(), mismatched: z.int(), missing: z.int(), outside: z.int() }),
  kind: z.enum(RECONCILIATION_KINDS),
});
export type Reconciliation = z.infer<typeof reconciliation>;

/** "Ambil KPJ BPJS": the branch's KPJ (from the current snapshot, read again on the server) onto the enrollment. */
export const takeKpjRequest = z.strictObject({
  enrollmentId: z.string().regex(/^\d{1,18}$/, 'angka'),
  region: regionCode.optional(),
});
export const takeKpjResult = z.object({ enrollmentId: z.string(), before: z.string().nullable(), after: z.string() });
export type TakeKpjResult = z.infer<typeof takeKpjResult>;

// "Minta desa cek": a request to the person's village operator, answered there.

/** Who sees the check requests: the exchange users who ask and the village operators who answer. */
export const VILLAGE_CHECK_READERS: readonly Role[] = ['admin', 'disnaker', 'bpjs', 'operator'];
/** Who answers a request: the operator of the village (and Disnaker, admin for their regions). */
export const VILLAGE_CHECK_ANSWERERS: readonly Role[] = ['admin', 'disnaker', 'operator'];

export const villageCheckCreate = z
  .strictObject({
    enrollmentId: z
      .string()
      .regex(/^\d{1,18}$/, 'angka')
      .optional(),
    workerId: z
      .string()
      .regex(/^\d{1,18}$/, 'angka')
      .optional(),
    note: z.string().trim().max(500).optional(),
    region: regionCode.optional(),
  })
  .refine((v) => (v.enrollmentId === undefined) !== (v.workerId === undefined), {
    message: 'isi enrollmentId atau workerId (salah satu)',
    path: ['enrollmentId'],
  });
export type VillageCheckCreate = z.infer<typeof villageCheckCreate>;
export const villageCheckCreated = z.object({ id: z.string(), created: z.boolean() });

export const villageCheck = z.object({
  id: z.string(),
  village: z.string(),
  villageLabel: z.string(),
  nikMasked: z.string(),
  fullName: z.string().nullable(),
  workerId: z.string().nullable(),
  reason: z.string(),
  note: z.string().nullable(),
  status: z.enum(['open', 'done']),
  answer: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type VillageCheck = z.infer<typeof villageCheck>;
export const villageCheckQuery = z.strictObject({ status: z.enum(['open', 'done']).optional() });
export const villageCheckList = z.object({ items: z.array(villageCheck) });
export type VillageCheckList = z.infer<typeof villageCheckList>;
export const villageCheckAnswer = z.strictObject({ answer: z.string().trim().min(1).max(500) });
export const villageCheckIdParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'angka') });
