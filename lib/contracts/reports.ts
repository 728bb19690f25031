import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { isoMonth, paging, pageOf, regionCode } from './common.ts';

// The monthly report (issue 6 §5): Laporan Bulanan Jaminan Sosial Ketenagakerjaan Daerah, as PDF and XLSX, made on
// demand or by the monthly schedule, kept with a download history.

/** Who makes and downloads monthly reports: the offices that report and the leaders they report to. */
export const REPORT_READERS: readonly Role[] = ['admin', 'disnaker', 'pimpinan'];

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const reportMonth = isoMonth.describe('Bulan laporan YYYY-MM');

export const reportCreate = z.strictObject({
  region: regionCode.describe('Wilayah laporan (biasanya kabupaten/kota)'),
  month: reportMonth,
});
export type ReportCreate = z.infer<typeof reportCreate>;

export const reportListQuery = z.strictObject({
  region: regionCode.optional(),
  ...paging,
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportFile = z.object({
  format: z.enum(REPORT_FORMATS),
  fileName: z.string(),
  size: z.int().describe('Byte'),
  sha256: z.string().describe('Sidik SHA-256 berkas, untuk memeriksa salinan yang beredar'),
  url: z.string().describe('Alamat unduhan'),
});
export type ReportFile = z.infer<typeof reportFile>;

export const reportRow = z.object({
  id: z.string(),
  region: z.string(),
  regionLabel: z.string(),
  month: z.string(),
  trigger: z.enum(['manual', 'schedule']).describe('manual = dibuat atas permintaan; schedule = jadwal bulanan'),
  status: z.enum(REPORT_STATUSES),
  progress: z.int().min(0).max(100),
  stage: z.string().nullable(),
  error: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  files: z.array(reportFile),
});
export type ReportRow = z.infer<typeof reportRow>;
export const reportList = pageOf(reportRow);

export const reportIdParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'angka') });
export const reportFileParam = reportIdParam.extend({ format: z.enum(REPORT_FORMATS) });
