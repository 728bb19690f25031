import { z } from 'zod';
import { PARTICIPATION_CATEGORIES, SEGMENT_CODES, VULNERABILITY_FLAGS } from '../rules/segments.ts';
import { paging, pageOf, regionCode } from './common.ts';

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
const isoDate = z.string().date('tanggal berbentuk yyyy-mm-dd');
/** Integer rupiah; JSON numbers are exact up to 2^53, far above any monthly income. */
const rupiah = z.number().int('rupiah tanpa desimal').min(0, 'tidak boleh negatif').max(1_000_000_000_000);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const workerFields = {
  nik: z.string().max(60),
  fullName: z.string().trim().min(2, 'minimal 2 huruf').max(200),
  birthPlace: optionalText(100),
  birthDate: isoDate,
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

export const workerCreate = z.strictObject(workerFields);
export type WorkerCreate = z.infer<typeof workerCreate>;

export const workerUpdate = z
  .strictObject({
    ...workerFields,
    nik: workerFields.nik.optional(),
    fullName: workerFields.fullName.optional(),
    birthDate: isoDate.optional(),
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
  /** Always masked (`3402••••••••0001`); the full NIK only through POST /api/workers/:id/reveal-nik. */
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
});
export type Worker = z.infer<typeof worker>;

/** A saved worker with the NIK warnings (birth date or sex differ from the NIK …) the operator should look at. */
export const workerSaved = worker.extend({ warnings: z.array(nikWarning) });
export type WorkerSaved = z.infer<typeof workerSaved>;

export const workerListQuery = z.strictObject({
  nik: z
    .string()
    .trim()
    .regex(/^\d{16}$/, '16 angka')
    .optional(),
  /** The beginning of the name, any case. */
  name: z.string().trim().min(1).max(80).optional(),
  region: regionCode.optional(),
  segment: segment.optional(),
  category: category.optional(),
  vulnerability: vulnerabilityFlag.optional(),
  ...paging,
});
export type WorkerListQuery = z.infer<typeof workerListQuery>;
export const workerList = pageOf(worker);

export const nikReveal = z.object({ nik: z.string() });
