// Kysely types of the reports module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';

export interface MonthlyReportTable {
  id: Generated<string>;
  region_code: string;
  /** First day of the reported month. */
  month: string;
  trigger: 'manual' | 'schedule';
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', 'queued' | 'running' | undefined, string>;
  progress: ColumnType<number, number | undefined, number>;
  stage: string | null;
  error: string | null;
  figures: ColumnType<unknown, string | null | undefined, string | null>;
  requested_by: string;
  requested_at: ColumnType<Date, Date | string | undefined, never>;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface MonthlyReportFileTable {
  report_id: string;
  region_code: string;
  format: 'pdf' | 'xlsx';
  file_name: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
