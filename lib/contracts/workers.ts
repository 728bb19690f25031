import { z } from 'zod';
import { PARTICIPATION_CATEGORIES, SEGMENT_CODES, VULNERABILITY_FLAGS } from '../rules/segments.ts';
import { isoDate, pastDate, paging, pageOf, regionCode } from './common.ts';

// Workers (issue 3). The NIK and the phone arrive as typed: the service checks them with the same rules the import
// uses (lib/rules/nik.ts, import-values.ts), so the operator gets those rules' precise messages, not zod's.

export const sex = z.enum(['L', 'P']);
export const segment = z.enum(SEGMENT_CODES);
export const category = z.enum(PARTICIPATION_CATEGORIES);
export const vulnerabilityFlag = z.enum(VULNERABILITY_FLAGS);
export const lifeStatus = z.enum(['alive', 'deceased']);

export const villageCode = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'pilih desa/kelurahan (kode 34.02.08.2004)');
const rtRw = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, '1–3 angka, misalnya 003');
const birthDate = pastDate('tanggal lahir tidak boleh di masa depan');
/** Integer rupiah; JSON numbers are exact up to 2^53, far above any monthly income. */
const rupiah = z.number().int('rupiah tanpa desimal').min(0, 'tidak boleh negatif').max(1_000_000_000_000);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const workerFields = {
  nik: z.string().max(60),
  fullName: z.string().trim().min(2, 'minimal 2 huruf').max(200),
  birthPlace: optionalText(100),
  birthDate,
  sex,
  village: villageCode,
  address: optionalText(300),
  rt: rtRw.nullable().optional(),
  rw: rtRw.nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  segment,
  category,
  monthlyIncome: rupiah.nullable().optional(),
  vulnerability: z.array(vulnerabilityFlag).max(VULNERABILITY_FLAGS.length).optional(),
  kpjNumber: z
    .string()
    .trim()
    .regex(/^\d{8,16}$/, 'nomor KPJ 8–16 angka')
    .nullable()
    .optional(),
  lifeStatus: lifeStatus.optional(),
  deathDate: isoDate.nullable().optional(),
};

export const workerCreate = z.strictObject({
  ...workerFields,
  /** The channel (a governance organisation) that brought the worker in; default the user's organisation. */
  channelId: z
    .string()
    .regex(/^\d{1,18}$/, 'angka')
    .nullable()
    .optional(),
});
export type WorkerCreate = z.infer<typeof workerCreate>;

export const workerUpdate = z
  .strictObject({
    ...workerFields,
    nik: workerFields.nik.optional(),
    fullName: workerFields.fullName.optional(),
    birthDate: birthDate.optional(),
    sex: sex.optional(),
    village: villageCode.optional(),
    segment: segment.optional(),
    category: category.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'tidak ada perubahan');
export type WorkerUpdate = z.infer<typeof workerUpdate>;

export const nikWarning = z.object({ code: z.string(), message: z.string(), suggestion: z.string().optional() });
export type NikWarning = z.infer<typeof nikWarning>;

export const worker = z.object({
  id: z.string(),
  /** Always masked (`340208••••••0001`); the full NIK only through POST /api/workers/:id/reveal-nik. */
  nikMasked: z.string(),
  fullName: z.string(),
  birthPlace: z.string().nullable(),
  birthDate: z.string(),
  sex,
  village: z.string(),
  villageLabel: z.string(),
  address: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  phone: z.string().nullable(),
  segment,
  category,
  monthlyIncome: z.number().int().nullable(),
  vulnerability: z.array(vulnerabilityFlag),
  kpjNumber: z.string().nullable(),
  lifeStatus,
  deathDate: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set on a duplicate that was merged into another worker: the record stays for its history only. */
  mergedInto: z.string().nullable(),
});
export type Worker = z.infer<typeof worker>;

/** A saved worker with the NIK warnings (birth date or sex differ from the NIK …) the operator should look at. */
export const workerSaved = worker.extend({ warnings: z.array(nikWarning) });
export type WorkerSaved = z.infer<typeof workerSaved>;

/** Data problems the list can be narrowed to (the Disnaker dashboard's quality counts link here). */
export const WORKER_PROBLEMS = ['no_phone', 'nik_old_district'] as const;
export type WorkerProblem = (typeof WORKER_PROBLEMS)[number];

export const workerListQuery = z.strictObject({
  nik: z
    .string()
    .trim()
    .regex(/^\d{16}$/, '16 angka')
    .optional(),
  /** The last 4 digits of the NIK (what a masked NIK shows and what a person reads out on the phone). */
  nikEnd: z
    .string()
    .trim()
    .regex(/^\d{4}$/, '4 angka terakhir NIK')
    .optional(),
  /** The beginning of the name, any case. */
  name: z.string().trim().min(1).max(80).optional(),
  region: regionCode.optional(),
  segment: segment.optional(),
  category: category.optional(),
  vulnerability: vulnerabilityFlag.optional(),
  /** no_phone: without a phone number; nik_old_district: the NIK's district (digits 1–6) is not a current one. */
  problem: z.enum(WORKER_PROBLEMS).optional(),
  ...paging,
});
export type WorkerListQuery = z.infer<typeof workerListQuery>;
/** Lists count at most this many matches (a count of every match is what made searches slow at a million rows). */
export const WORKER_TOTAL_CAP = 1000;
/** `totalCapped`: more than WORKER_TOTAL_CAP workers match and `total` is that cap ("1.000+"). */
export const workerList = pageOf(worker).extend({ totalCapped: z.boolean() });
export type WorkerList = z.infer<typeof workerList>;

export const nikReveal = z.object({ nik: z.string() });

const workerId = z.string().regex(/^\d{1,18}$/, 'nomor pekerja berupa angka');

// History of one worker: its audit rows, field by field (NIKs masked).

export const workerChange = z.object({
  /** The contract's field name (fullName, village …) where known, else the stored column name. */
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type WorkerChange = z.infer<typeof workerChange>;

export const workerHistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  /** worker.create, worker.update, worker.import_update, worker.merge, worker.merged, worker.reveal_nik … */
  action: z.string(),
  /** Where the change came from: `form:<user>`, `demo:<seed>`, `import:<job>`. */
  source: z.string().nullable(),
  changes: z.array(workerChange),
  /** The other worker of a merge or of a "not a duplicate" decision. */
  relatedWorkerId: z.string().nullable(),
});
export type WorkerHistoryEntry = z.infer<typeof workerHistoryEntry>;

export const workerHistory = z.object({
  items: z.array(workerHistoryEntry),
  /** Names of the region codes that appear in the changes (village before → after). */
  regionLabels: z.record(z.string(), z.string()),
});
export type WorkerHistory = z.infer<typeof workerHistory>;

// Probable duplicates (domain.md §5.1): the same name key and birth date with another NIK, or NIKs one digit apart
// with the same name key.

export const DUPLICATE_REASONS = ['SAME_NAME_BIRTHDATE', 'NIK_ONE_DIGIT'] as const;
export const duplicateReason = z.enum(DUPLICATE_REASONS);
export type DuplicateReason = z.infer<typeof duplicateReason>;

export const duplicatePair = z.object({
  reasons: z.array(duplicateReason).min(1),
  /** The older record first. */
  a: worker,
  b: worker,
  /** For NIKs one digit apart: which digit (1–16) differs, so a reviewer sees it without the full NIKs. */
  nikDiffPosition: z.number().int().min(1).max(16).nullable(),
});
export type DuplicatePair = z.infer<typeof duplicatePair>;

export const duplicateListQuery = z.strictObject({
  region: regionCode.optional(),
  page: paging.page,
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type DuplicateListQuery = z.infer<typeof duplicateListQuery>;
export const duplicateList = pageOf(duplicatePair);

/** The fields a reviewer takes from either record when merging; the NIK is the kept record's (choose which to keep). */
export const MERGE_FIELDS = [
  'fullName',
  'birthPlace',
  'birthDate',
  'sex',
  'village',
  'address',
  'rt',
  'rw',
  'phone',
  'segment',
  'category',
  'monthlyIncome',
  'vulnerability',
  'kpjNumber',
  /** With the date of death. */
  'lifeStatus',
] as const satisfies readonly (keyof Worker)[];
export type MergeField = (typeof MERGE_FIELDS)[number];
export const mergeSide = z.enum(['keep', 'merge']);
export type MergeSide = z.infer<typeof mergeSide>;

export const duplicateMerge = z
  .strictObject({
    keepId: workerId,
    mergeId: workerId,
    /** Per field, whose value the kept record gets; a field left out keeps its own. */
    fields: z.partialRecord(z.enum(MERGE_FIELDS), mergeSide).default({}),
  })
  .refine((v) => v.keepId !== v.mergeId, { message: 'pilih dua pekerja yang berbeda', path: ['mergeId'] });
export type DuplicateMerge = z.infer<typeof duplicateMerge>;

export const duplicateDismiss = z
  .strictObject({ aId: workerId, bId: workerId })
  .refine((v) => v.aId !== v.bId, { message: 'pilih dua pekerja yang berbeda', path: ['bId'] });
export type DuplicateDismiss = z.infer<typeof duplicateDismiss>;
