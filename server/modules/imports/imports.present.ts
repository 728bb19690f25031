// An import job as the pages see it: its row presented, its progress, and what its file's columns mean.
import type {
  ImportInspection,
  ImportJob,
  ImportPhase,
  ImportStatus,
  ImportSummary,
} from '../../../lib/contracts/imports.ts';
import type { ImportField } from '../../../lib/imports/headers.ts';
import type { TabularInfo } from '../../platform/spreadsheet/index.ts';
import { mappingProblems, planColumns } from './imports.pipeline.ts';

export type JobRow = {
  id: string;
  region_code: string;
  created_by: string;
  file_name: string;
  file_size: string;
  sheet: string | null;
  mapping: Record<string, string | null>;
  default_village: string | null;
  status: string;
  mode: string;
  phase: string | null;
  rows_estimated: string | null;
  rows_done: string;
  inspection: unknown;
  summary: unknown;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

const PHASE_SPAN: Record<ImportPhase, [number, number]> = {
  waiting: [0, 0],
  reading: [0, 80],
  checking: [80, 90],
  writing: [90, 99],
  done: [100, 100],
};

/** Percent, rows per second and time left, from what the runner last wrote. */
export function progressOf(row: Pick<JobRow, 'phase' | 'rows_done' | 'rows_estimated' | 'started_at' | 'status'>) {
  const done = Number(row.rows_done);
  const estimated = row.rows_estimated === null ? null : Number(row.rows_estimated);
  const phase = (row.phase as ImportPhase | null) ?? null;
  const finished = row.status === 'validated' || row.status === 'committed';
  let percent = finished ? 100 : 0;
  if (!finished && phase) {
    const [from, to] = PHASE_SPAN[phase];
    const share = phase === 'reading' && estimated ? Math.min(1, done / Math.max(1, estimated)) : 0;
    percent = Math.round(from + (to - from) * share);
  }
  const seconds = row.started_at ? (Date.now() - row.started_at.getTime()) / 1000 : 0;
  const rowsPerSecond = row.status === 'running' && seconds > 0.5 && done > 0 ? Math.round(done / seconds) : null;
  const secondsLeft =
    rowsPerSecond && estimated && phase === 'reading'
      ? Math.max(0, Math.round((estimated - done) / rowsPerSecond + (estimated * 0.25) / rowsPerSecond))
      : null;
  return { phase, rowsDone: done, rowsEstimated: estimated, percent, rowsPerSecond, secondsLeft };
}

export function present(row: JobRow): ImportJob {
  return {
    id: String(row.id),
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    status: row.status as ImportStatus,
    mode: row.mode as ImportJob['mode'],
    defaultVillage: row.default_village,
    inspection: (row.inspection as ImportInspection | null) ?? null,
    progress: progressOf(row),
    summary: (row.summary as ImportSummary | null) ?? null,
    error: row.error,
  };
}

export function inspectionOf(
  info: TabularInfo,
  manual: Record<string, ImportField | null>,
  defaultVillage: string | null,
): ImportInspection {
  const { mapping } = planColumns(info, manual);
  const problems = mappingProblems(mapping, defaultVillage);
  return {
    format: info.format,
    encoding: info.encoding ?? null,
    delimiter: info.delimiter ?? null,
    sheet: info.sheet ?? null,
    sheets: info.sheets ?? [],
    columns: info.header.map((header, i) => ({ header, field: mapping.columns[i] ?? null })),
    unknown: mapping.unknown,
    missingRequired: problems.missing,
    duplicated: problems.duplicated,
  };
}

export const needsMapping = (i: ImportInspection) => i.missingRequired.length > 0 || i.duplicated.length > 0;
