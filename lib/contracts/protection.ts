// A worker's protection record (issue 12 §2): every programme enrollment and BPJS snapshot row of the person, each
// judged by lindung_coverage_state, with the KPJ and where it came from. NIKs never appear here.
import { z } from 'zod';
import { END_REASONS, ENROLLMENT_STATUSES } from './programs.ts';
import { COVERAGE_STATES, LAPSE_SOURCES } from './billing.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);

/** The person at a glance: a state from the function's answers, or the step of an enrollment not yet active. */
export const PROTECTION_SUMMARIES = [...COVERAGE_STATES, 'pending', 'none'] as const;
export type ProtectionSummary = (typeof PROTECTION_SUMMARIES)[number];

export const KPJ_SOURCES = ['branch_answer', 'snapshot'] as const;
export type KpjSource = (typeof KPJ_SOURCES)[number];

export const kpjOrigin = z.object({
  number: z.string(),
  source: z.enum(KPJ_SOURCES).describe('branch_answer: jawaban cabang atas batch; snapshot: snapshot peserta BPJS'),
  batchId: z.string().nullable(),
  date: isoDate.nullable().describe('Tanggal jawaban diterapkan, atau tanggal snapshot; null bila tidak terlihat'),
  fileName: z.string().nullable(),
});
export type KpjOrigin = z.infer<typeof kpjOrigin>;

export const protectionParticipation = z.object({
  source: z.enum(LAPSE_SOURCES).describe('program (dibiayai Pemda) atau bpjs (snapshot: mandiri/lainnya)'),
  enrollmentId: z.string().nullable(),
  programId: z.string().nullable(),
  programName: z.string().nullable().describe('null: peserta BPJS mandiri/lainnya dari snapshot'),
  category: z.string().nullable().describe('PU, BPU, JAKON atau PMI; null sebelum aktif'),
  status: z.enum(ENROLLMENT_STATUSES).nullable().describe('Status kepesertaan program; null untuk baris snapshot'),
  state: z.enum(COVERAGE_STATES).nullable().describe('Jawaban lindung_coverage_state hari ini; null sebelum aktif'),
  firstMonth: month.nullable(),
  lastMonth: month.nullable().describe('Bulan terakhir yang ditanggung; null bila terbuka'),
  months: z.int().nullable(),
  coverageStart: isoDate.nullable(),
  paidThrough: month.nullable(),
  lapseDate: isoDate.nullable().describe('Tanggal nonaktif bila tidak dibayar lagi (lindung_lapse_date)'),
  kpj: kpjOrigin.nullable(),
  rejectReason: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
});
export type ProtectionParticipation = z.infer<typeof protectionParticipation>;

/** One audit row that moved one of the person's enrollments; the page says its action in words. */
export const protectionTrailEntry = z.object({
  id: z.string(),
  at: z.string().describe('ISO 8601'),
  action: z.string().describe('Kode tindakan audit, mis. exchange.response.apply'),
  actor: z.string().nullable(),
  enrollmentId: z.string(),
  programName: z.string(),
});
export type ProtectionTrailEntry = z.infer<typeof protectionTrailEntry>;

export const workerProtection = z.object({
  workerId: z.string(),
  at: isoDate.describe('Hari ini (WIB), tanggal penilaian'),
  covered: z.boolean().describe('Tertanggung hari ini'),
  summary: z.enum(PROTECTION_SUMMARIES),
  /** The coverage start of the participation that decides the summary (for "Not started (from …)"). */
  summaryFrom: isoDate.nullable(),
  kpj: kpjOrigin.nullable(),
  paidThrough: month.nullable(),
  nextLapseDate: isoDate.nullable(),
  participations: z.array(protectionParticipation),
  trail: z.array(protectionTrailEntry).describe('Jejak kepesertaan program, terlama dahulu'),
});
export type WorkerProtection = z.infer<typeof workerProtection>;

export const protectionBadgeQuery = z.strictObject({
  ids: z
    .string()
    .regex(/^\d{1,18}(,\d{1,18}){0,99}$/, 'daftar id pekerja dipisah koma, paling banyak 100')
    .describe('Id pekerja satu halaman hasil, dipisah koma'),
});
export type ProtectionBadgeQuery = z.infer<typeof protectionBadgeQuery>;

export const protectionBadge = z.object({
  workerId: z.string(),
  summary: z.enum(PROTECTION_SUMMARIES),
  summaryFrom: isoDate.nullable(),
  nextLapseDate: isoDate.nullable(),
});
export type ProtectionBadge = z.infer<typeof protectionBadge>;

export const protectionBadges = z.object({ items: z.array(protectionBadge) });
export type ProtectionBadges = z.infer<typeof protectionBadges>;
