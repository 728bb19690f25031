// Village collection loop (issue 19): collection targets per village, candidate lists from poverty data, the
// worklist and visit outcomes, and the offline queue's sync (entries with client-generated ids) and devices.
import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { SPLIT_METHODS } from '../rules/quota-split.ts';
import { isoDate, regionCode } from './common.ts';
import { workerCreate } from './workers.ts';

/** Who splits quotas and imports poverty lists (Disnaker in the regency; the admin). */
export const COLLECTION_PLANNERS: readonly Role[] = ['admin', 'disnaker'];
/** Who sees targets and worklists and records visits (village operators, in their village). */
export const COLLECTION_WORKERS: readonly Role[] = ['admin', 'disnaker', 'operator'];
/** Who sees and revokes devices. */
export const DEVICE_ADMINS: readonly Role[] = ['admin'];

export const VISIT_OUTCOMES = ['registered', 'not_found', 'refused', 'moved', 'already_covered'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export const SPLIT_BASES = ['none', 'workforce', 'candidates'] as const;
export const LIST_SOURCES = ['DTSEN', 'P3KE', 'other'] as const;

const id = z.string().regex(/^\d{1,18}$/);
export const idParam = z.strictObject({ id });

// ---------------------------------------------------------------------------------------------------------------
// Targets

export const targetCreate = z
  .strictObject({
    name: z.string().trim().min(3).max(200),
    region: regionCode.describe('Wilayah yang kuotanya dibagi ke desa-desanya (biasanya kabupaten)'),
    programId: id.nullable().optional().describe('Program yang kuotanya dikumpulkan'),
    targetId: id.nullable().optional().describe('Atau target cakupan (modul target)'),
    quota: z.int().min(0).max(10_000_000),
    method: z.enum(SPLIT_METHODS),
    basis: z.enum(SPLIT_BASES).default('none').describe('Penyebut untuk pembagian proporsional'),
    startsOn: isoDate,
    dueOn: isoDate,
    manual: z
      .array(z.strictObject({ village: regionCode, quota: z.int().min(0) }))
      .max(10_000)
      .optional()
      .describe('Kuota per desa bila dibagi manual'),
  })
  .refine((v) => v.dueOn >= v.startsOn, { message: 'tenggat tidak boleh sebelum tanggal mulai', path: ['dueOn'] })
  .refine((v) => v.method !== 'manual' || v.manual !== undefined, {
    message: 'isi kuota tiap desa untuk pembagian manual',
    path: ['manual'],
  })
  .refine((v) => v.method !== 'proportional' || v.basis !== 'none', {
    message: 'pilih penyebut (angkatan kerja BPS atau daftar kemiskinan) untuk pembagian proporsional',
    path: ['basis'],
  });
export type TargetCreate = z.infer<typeof targetCreate>;

export const villagesQuery = z.strictObject({ region: regionCode });
export const villageList = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) });

export const targetSummary = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  regionLabel: z.string(),
  programId: z.string().nullable(),
  quota: z.int(),
  method: z.enum(SPLIT_METHODS),
  basis: z.enum(SPLIT_BASES),
  startsOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  fellBackToEven: z.boolean().optional(),
});
export type TargetSummary = z.infer<typeof targetSummary>;
export const targetList = z.object({ items: z.array(targetSummary) });

export const villageProgress = z.object({
  village: z.string(),
  villageLabel: z.string(),
  quota: z.int(),
  registered: z.int().describe('Pekerja terdaftar di desa sejak tanggal mulai'),
  proposed: z.int().describe('Diusulkan ke program (atau ke program mana pun), belum aktif'),
  active: z.int().describe('Terlindungi hari ini (definisi cakupan yang satu)'),
  left: z.int().describe('Kuota dikurangi yang terdaftar, tidak kurang dari nol'),
  overdue: z.boolean(),
});
export type VillageProgress = z.infer<typeof villageProgress>;
export const targetDetail = targetSummary.extend({
  villages: z.array(villageProgress),
  totals: z.object({ quota: z.int(), registered: z.int(), proposed: z.int(), active: z.int(), left: z.int() }),
});
export type TargetDetail = z.infer<typeof targetDetail>;

// ---------------------------------------------------------------------------------------------------------------
// Candidate lists and the worklist

export const listImportQuery = z.strictObject({
  fileName: z.string().min(1).max(255),
  source: z.enum(LIST_SOURCES).default('DTSEN'),
  region: regionCode.optional(),
});
export const listImportResult = z.object({
  id: z.string(),
  persons: z.int(),
  villages: z.int(),
});
export type ListImportResult = z.infer<typeof listImportResult>;

export const worklistQuery = z.strictObject({ village: regionCode.optional() });
export const candidate = z.object({
  id: z.string(),
  /** Masked like the registry: the full NIK never leaves the server in a list. */
  nikMasked: z.string(),
  fullName: z.string(),
  address: z.string().nullable(),
  village: z.string(),
  decile: z.int().nullable(),
  extremePoor: z.boolean(),
  occupation: z.string().nullable(),
  state: z.enum(['not_registered', 'not_enrolled']).describe('Belum terdaftar / terdaftar tetapi belum terlindungi'),
  workerId: z.string().nullable(),
});
export type Candidate = z.infer<typeof candidate>;
export const worklist = z.object({ village: z.string(), items: z.array(candidate), visited: z.int() });
export type Worklist = z.infer<typeof worklist>;

export const visitInput = z.strictObject({
  candidateId: id,
  outcome: z.enum(VISIT_OUTCOMES),
  visitedOn: isoDate,
  workerId: id.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type VisitInput = z.infer<typeof visitInput>;

// ---------------------------------------------------------------------------------------------------------------
// Offline queue: devices and sync

export const deviceCreate = z.strictObject({ label: z.string().trim().min(1).max(100) });
export const device = z.object({
  id: z.string(),
  username: z.string(),
  label: z.string(),
  region: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type Device = z.infer<typeof device>;
export const deviceList = z.object({ items: z.array(device) });
export const deviceIdParam = z.strictObject({ id: z.uuid() });

/** Every province and district code (current or closed), for checking a NIK's region prefix on the device. */
export const regionCodes = z.object({ provinces: z.array(z.string()), districts: z.array(z.string()) });
export type RegionCodes = z.infer<typeof regionCodes>;

export const SYNC_KINDS = ['register', 'visit', 'propose'] as const;
export const syncEntry = z.discriminatedUnion('kind', [
  z.strictObject({
    clientId: z.uuid(),
    kind: z.literal('register'),
    /** The candidate this registration closes (its visit becomes "registered"), if any. */
    candidateId: id.nullable().optional(),
    payload: workerCreate,
  }),
  z.strictObject({ clientId: z.uuid(), kind: z.literal('visit'), payload: visitInput }),
  z.strictObject({
    clientId: z.uuid(),
    kind: z.literal('propose'),
    payload: z.strictObject({
      programId: id,
      /** A worker id, or the client id of a register entry earlier in the queue. */
      workerId: id.optional(),
      registerClientId: z.uuid().optional(),
    }),
  }),
]);
export type SyncEntry = z.infer<typeof syncEntry>;
export const syncRequest = z.strictObject({
  deviceId: z.uuid(),
  entries: z.array(syncEntry).min(1).max(500),
});
export type SyncRequest = z.infer<typeof syncRequest>;

export const SYNC_STATUSES = ['accepted', 'error', 'conflict'] as const;
export const syncAnswer = z.object({
  clientId: z.string(),
  status: z.enum(SYNC_STATUSES),
  /** Indonesian first: what is wrong and what to do (the server's error text for the entry). */
  message: z.string().nullable(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  conflict: z.enum(['nik_registered', 'already_visited']).nullable(),
  workerId: z.string().nullable(),
  replayed: z.boolean().describe('true: this entry was received before; the stored answer is returned'),
});
export type SyncAnswer = z.infer<typeof syncAnswer>;
export const syncResult = z.object({ answers: z.array(syncAnswer) });
export type SyncResult = z.infer<typeof syncResult>;
