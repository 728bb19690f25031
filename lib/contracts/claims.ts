// Claims (issue 15): estimate, intake, list, detail, heirs and household, and the protection-gap ledger.
import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { CLAIM_TYPES, JKK_OUTCOMES } from '../rules/benefits-entitlement.ts';
import { CLAIM_STAGES } from '../rules/claim-workflow.ts';
import { isoDate, isoMonth, pageOf, paging, regionCode } from './common.ts';

export { CLAIM_TYPES, JKK_OUTCOMES };

/** Who reads claims and the gap ledger (in their scope). */
export const CLAIM_READERS: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs'];
/** Who reports a claim (issue 15 §2: an operator, Disnaker or BPJS user in scope). */
export const CLAIM_REPORTERS: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs'];
/** Who records heirs and the KK number (as who edits the worker). */
export const HEIR_EDITORS: readonly Role[] = ['admin', 'disnaker', 'operator'];

/** Why a person was not covered; `not_registered` only for people of an imported list who are not in the registry. */
export const GAP_REASONS = ['not_registered', 'not_enrolled', 'not_started', 'lapsed', 'ended', 'after_death'] as const;
export type GapReason = (typeof GAP_REASONS)[number];

const nik = z.string().regex(/^\d{16}$/, 'NIK 16 angka');
const rupiah = z.number().int().positive().max(1_000_000_000_000);

export const estimateItem = z.object({
  benefit: z.string().describe('Kunci manfaat, mis. jkm.lump_sum'),
  amount: z.number().int().nullable().describe('Rupiah; null untuk perawatan sesuai kebutuhan medis'),
  basis: z.string().describe('Dasar hukum baris aturan yang dipakai'),
  inTotal: z.boolean().describe('false: plafon beasiswa dan perawatan, tidak dijumlahkan'),
});
export type EstimateItem = z.infer<typeof estimateItem>;

const outcomeFields = {
  outcome: z
    .enum(JKK_OUTCOMES)
    .optional()
    .describe('JKK: treatment, stmb, partial-disability, total-disability, death'),
  percent: z.number().positive().max(100).optional().describe('Cacat sebagian: persentase tabel'),
  months: z.number().int().positive().max(600).optional().describe('STMB: bulan tidak mampu bekerja'),
};

const jkkNeedsOutcome = (v: { type: string; outcome?: string }) => (v.type === 'jkk') === (v.outcome !== undefined);
const OUTCOME_MESSAGE = { message: 'JKK perlu outcome; JKM tanpa outcome', path: ['outcome'] };

export const estimateRequest = z
  .strictObject({
    type: z.enum(CLAIM_TYPES),
    date: isoDate.describe('Tanggal kematian atau kecelakaan'),
    nik: nik.optional().describe('Dengan NIK: cakupan pada tanggal itu menentukan covered, upah dan masa iur'),
    income: rupiah.optional().describe('Tanpa NIK: perkiraan hipotetis dengan penghasilan/upah ini (covered null)'),
    contributionMonths: z.number().int().min(0).max(1200).optional(),
    ...outcomeFields,
  })
  .refine((v) => (v.nik === undefined) !== (v.income === undefined), {
    message: 'isi salah satu: nik atau income',
    path: ['nik'],
  })
  .refine(jkkNeedsOutcome, OUTCOME_MESSAGE);
export type EstimateRequest = z.infer<typeof estimateRequest>;

export const estimateResult = z.object({
  covered: z.boolean().nullable(),
  reason: z.string().nullable(),
  items: z.array(estimateItem),
  total: z.number().int(),
});
export type EstimateResult = z.infer<typeof estimateResult>;

export const witness = z.strictObject({
  name: z.string().trim().min(1).max(120),
  phone: z.string().trim().max(20).optional(),
});

export const claimCreate = z
  .strictObject({
    workerId: z.string().regex(/^\d{1,18}$/),
    type: z.enum(CLAIM_TYPES),
    eventDate: isoDate,
    place: z.string().trim().min(1).max(200),
    chronology: z.string().trim().min(1).max(4000),
    witnesses: z.array(witness).max(5).default([]),
    ...outcomeFields,
  })
  .refine(jkkNeedsOutcome, OUTCOME_MESSAGE);
export type ClaimCreate = z.infer<typeof claimCreate>;

export const claimSummary = z.object({
  id: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  nikMasked: z.string(),
  villageCode: z.string(),
  regionLabel: z.string(),
  type: z.enum(CLAIM_TYPES),
  outcome: z.enum(JKK_OUTCOMES).nullable(),
  eventDate: isoDate,
  covered: z.boolean(),
  gapReason: z.enum(GAP_REASONS).nullable(),
  gapSince: isoDate.nullable(),
  segment: z.string().nullable(),
  programName: z.string().nullable(),
  kpj: z.string().nullable(),
  estimateTotal: z.number().int(),
  status: z.string(),
  createdAt: z.string(),
});
export type ClaimSummary = z.infer<typeof claimSummary>;

export const claimDetail = claimSummary.extend({
  place: z.string(),
  chronology: z.string(),
  witnesses: z.array(witness),
  coverageReason: z.string(),
  funder: z.string().nullable(),
  wage: z.number().int().nullable(),
  contributionMonths: z.number().int(),
  percent: z.number().nullable(),
  months: z.number().int().nullable(),
  items: z.array(estimateItem),
  createdBy: z.string(),
});
export type ClaimDetail = z.infer<typeof claimDetail>;

export const claimListQuery = z.strictObject({
  q: z.string().trim().max(60).optional().describe('Awal nama atau 4 angka terakhir NIK'),
  type: z.enum(CLAIM_TYPES).optional(),
  covered: z.enum(['yes', 'no']).optional(),
  stage: z
    .enum([...CLAIM_STAGES, 'overdue'])
    .optional()
    .describe('Tahap klaim, atau overdue: lewat batas layanan'),
  region: regionCode.optional(),
  ...paging,
});
export type ClaimListQuery = z.infer<typeof claimListQuery>;
export const claimList = pageOf(claimSummary);
export type ClaimList = z.infer<typeof claimList>;
export const claimExportQuery = claimListQuery.omit({ page: true, pageSize: true });

export const heirIdParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/) });
export const claimIdParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/) });
export const workerIdParam = z.strictObject({ workerId: z.string().regex(/^\d{1,18}$/) });

// --- Protection-gap ledger ---------------------------------------------------------------------------------

export const gapQuery = z.strictObject({
  region: regionCode.optional(),
  from: isoMonth.optional(),
  to: isoMonth.optional(),
  ...paging,
});
export type GapQuery = z.infer<typeof gapQuery>;

export const gapTotal = z.object({
  key: z.string().describe('Kode desa, segmen, atau bulan YYYY-MM'),
  label: z.string(),
  events: z.number().int(),
  missed: z.number().int().describe('Manfaat tunai yang tidak diterima keluarga (Rupiah)'),
});
export type GapTotal = z.infer<typeof gapTotal>;

/** One event of the ledger: a claim of a registry worker, or an entry of an imported list (keyed by NIK). */
export const gapEntry = z.object({
  id: z.string(),
  source: z.enum(['claim', 'list']),
  claimId: z.string().nullable().describe('Tautan ke halaman klaim; null untuk baris dari daftar impor'),
  workerId: z.string().nullable(),
  name: z.string(),
  nikMasked: z.string(),
  villageCode: z.string(),
  regionLabel: z.string(),
  type: z.enum(CLAIM_TYPES),
  outcome: z.enum(JKK_OUTCOMES).nullable(),
  eventDate: isoDate,
  gapReason: z.enum(GAP_REASONS),
  gapSince: isoDate.nullable(),
  segment: z.string().nullable(),
  missed: z.number().int().describe('Manfaat tunai yang tidak diterima keluarga (Rupiah)'),
  listName: z.string().nullable(),
});
export type GapEntry = z.infer<typeof gapEntry>;

export const gapLedger = z.object({
  items: z.array(gapEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  events: z.number().int(),
  missed: z.number().int(),
  byVillage: z.array(gapTotal),
  bySegment: z.array(gapTotal),
  byMonth: z.array(gapTotal),
});
export type GapLedger = z.infer<typeof gapLedger>;

// --- Gap list import (issue 15 §6): a village death list or an election incident list, CSV (;) or XLSX -------

export const gapImportQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(200).default('daftar.csv'),
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true: periksa dan tampilkan pratinjau tanpa menyimpan'),
});

export const GAP_IMPORT_STATUSES = ['new', 'covered', 'already'] as const;

export const gapImportRow = z.object({
  row: z.number().int(),
  name: z.string(),
  nikMasked: z.string(),
  regionLabel: z.string(),
  type: z.enum(CLAIM_TYPES),
  eventDate: isoDate,
  status: z
    .enum(GAP_IMPORT_STATUSES)
    .describe('new: masuk buku; covered: terlindungi (laporkan sebagai klaim); already: sudah tercatat'),
  gapReason: z.enum(GAP_REASONS).nullable(),
  gapSince: isoDate.nullable(),
  reason: z.string().describe('Kalimat pemeriksaan kepesertaan pada tanggal kejadian'),
  missed: z.number().int(),
});
export type GapImportRow = z.infer<typeof gapImportRow>;

export const gapImportResult = z.object({
  fileName: z.string(),
  saved: z.boolean(),
  rows: z.number().int(),
  issues: z.array(z.object({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })),
  preview: z.array(gapImportRow),
  added: z.number().int(),
  covered: z.number().int(),
  already: z.number().int(),
  missed: z.number().int().describe('Jumlah manfaat yang terlewat dari baris baru (Rupiah)'),
});
export type GapImportResult = z.infer<typeof gapImportResult>;

// --- Heirs and household -----------------------------------------------------------------------------------

export const HEIR_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'] as const;
export type HeirRelation = (typeof HEIR_RELATIONS)[number];
/** The usual order of heirs: spouse, children, parents, … (priority 1 first). */
export const RELATION_ORDER: Readonly<Record<HeirRelation, number>> = {
  spouse: 1,
  child: 2,
  parent: 3,
  grandchild: 4,
  sibling: 5,
  other: 6,
};

export const heirInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  nik: nik.optional(),
  relation: z.enum(HEIR_RELATIONS),
  bankName: z.string().trim().max(60).optional(),
  accountNumber: z
    .string()
    .regex(/^\d{5,20}$/, 'nomor rekening 5–20 angka')
    .optional(),
  accountHolder: z.string().trim().max(120).optional(),
});
export type HeirInput = z.infer<typeof heirInput>;

export const kkUpdate = z.strictObject({
  kkNumber: z
    .string()
    .regex(/^\d{16}$/, 'nomor KK 16 angka')
    .nullable(),
});
export type KkUpdate = z.infer<typeof kkUpdate>;

export const heir = z.object({
  id: z.string(),
  name: z.string(),
  nikMasked: z.string().nullable(),
  relation: z.enum(HEIR_RELATIONS),
  priority: z.number().int(),
  bankName: z.string().nullable(),
  accountMasked: z.string().nullable(),
  accountHolder: z.string().nullable(),
});

export const HOUSEHOLD_GAPS = ['kk_number', 'heir', 'heir_nik', 'bank_account'] as const;

export const household = z.object({
  workerId: z.string(),
  kkMasked: z.string().nullable(),
  heirs: z.array(heir),
  missing: z.array(z.enum(HOUSEHOLD_GAPS)).describe('Yang masih kurang untuk klaim kelak'),
  updatedAt: z.string().nullable(),
});
export type Household = z.infer<typeof household>;
