import { z } from 'zod';
import { pageOf, paging } from './common.ts';

// Worker imports (issue 3): a job per uploaded file. The file travels as the raw request body
// (application/octet-stream), its name and sheet in the query string.

export const importSeverity = z.enum(['error', 'warning']);
export type ImportSeverity = z.infer<typeof importSeverity>;

/** One problem: `row` is the spreadsheet row (header = row 1), `column` the header as written; null for the file. */
export const importIssue = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  severity: importSeverity,
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importSummary = z.object({
  total: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  warnings: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummary>;

/** The CLI's `--json` answer (issue 3, item 6). */
export const importReport = importSummary.extend({ issues: z.array(importIssue) });
export type ImportReport = z.infer<typeof importReport>;

export const importStatus = z.enum([
  'needs_mapping',
  'queued',
  'running',
  'validated',
  'committed',
  'failed',
  'cancelled',
]);
export type ImportStatus = z.infer<typeof importStatus>;
export const importMode = z.enum(['dry_run', 'commit']);
export type ImportMode = z.infer<typeof importMode>;
export const importPhase = z.enum(['waiting', 'reading', 'checking', 'writing', 'done']);
export type ImportPhase = z.infer<typeof importPhase>;

export const importColumn = z.object({
  header: z.string(),
  /** The field this column fills, or null when the column is ignored. */
  field: z.string().nullable(),
});

export const importInspection = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  columns: z.array(importColumn),
  unknown: z.array(z.string()),
  missingRequired: z.array(z.string()),
  duplicated: z.array(z.string()),
});
export type ImportInspection = z.infer<typeof importInspection>;

export const importProgress = z.object({
  phase: importPhase.nullable(),
  rowsDone: z.number().int(),
  rowsEstimated: z.number().int().nullable(),
  percent: z.number().min(0).max(100),
  rowsPerSecond: z.number().nullable(),
  secondsLeft: z.number().nullable(),
});
export type ImportProgress = z.infer<typeof importProgress>;

export const importJob = z.object({
  id: z.string(),
  fileName: z.string(),
  fileSize: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  status: importStatus,
  mode: importMode,
  defaultVillage: z.string().nullable(),
  inspection: importInspection.nullable(),
  progress: importProgress,
  summary: importSummary.nullable(),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;

export const importUploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  sheet: z.string().trim().min(1).max(100).optional(),
  /** The channel (governance organisation) of the import; absent: the uploader's organisation (issue 16). */
  channelId: z
    .string()
    .regex(/^\d{1,18}$/, 'angka')
    .optional(),
});

export const importMappingBody = z.strictObject({
  /** Header as written → field name, or null to ignore the column. */
  mapping: z.record(z.string().max(200), z.string().max(40).nullable()),
  defaultVillage: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'kode desa/kelurahan, mis. 34.02.08.2004')
    .nullable()
    .optional(),
  sheet: z.string().trim().min(1).max(100).optional(),
});
export type ImportMappingBody = z.infer<typeof importMappingBody>;

export const importJobList = pageOf(importJob);
export const importJobListQuery = z.strictObject({ ...paging });

export const importIssueQuery = z.strictObject({
  ...paging,
  severity: importSeverity.optional(),
});
export const importIssueList = pageOf(importIssue);
