// Kysely types of the platform's own tables (the job queue, migration 0028); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';

export interface PlatformJobTable {
  id: Generated<string>;
  name: string;
  payload: ColumnType<unknown, string | undefined, string>;
  singleton_key: string | null;
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  run_after: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_by: string | null;
  lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface PlatformJobScheduleTable {
  name: string;
  every_seconds: number;
  payload: ColumnType<unknown, string | undefined, string>;
  next_run_at: ColumnType<Date, Date | string, Date | string>;
  last_run_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
