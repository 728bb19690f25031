// Kysely types of the imports module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.ts';

export interface ImportJobTable {
  id: Generated<string>;
  region_code: string;
  created_by: string;
  file_name: string;
  file_sha256: string;
  file_size: ColumnType<string, number | string, number | string>;
  format: string | null;
  sheet: string | null;
  mapping: ColumnType<Record<string, string | null>, string | undefined, string>;
  default_village: string | null;
  status: string;
  mode: string;
  phase: string | null;
  rows_estimated: ColumnType<string | null, number | null | undefined, number | null>;
  rows_done: ColumnType<string, number | undefined, number>;
  inspection: ColumnType<unknown, string | null | undefined, string | null>;
  summary: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  created_at: Timestamp;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: Timestamp;
  /** Last sign of life of a running job (migration 0025). */
  heartbeat_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancel_requested_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_by: string | null;
  /** The channel of the import (governance organisation); NULL: tidak diketahui (migration 0041). */
  channel_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ImportFileTable {
  job_id: string;
  content: Buffer;
}

export interface ImportIssueTable {
  job_id: string;
  region_code: string;
  seq: number;
  row: number | null;
  column_index: number | null;
  column_name: string | null;
  code: string;
  severity: string;
  message_id: string;
  message_en: string;
}
