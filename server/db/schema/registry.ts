// Kysely types of the registry module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.ts';

/** Workers (issue 3); `monthly_income` is bigint rupiah, returned by pg as a string. */
export interface WorkerTable {
  id: Generated<string>;
  kabkota_code: string;
  nik: string;
  full_name: string;
  birth_place: string | null;
  birth_date: ColumnType<string, string, string>;
  sex: string;
  village_code: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  phone: string | null;
  segment: string;
  category: string;
  monthly_income: ColumnType<string | null, string | number | null, string | number | null>;
  vulnerability: ColumnType<string[], string[] | undefined, string[]>;
  kpj_number: string | null;
  life_status: ColumnType<string, string | undefined, string>;
  death_date: ColumnType<string | null, string | null | undefined, string | null>;
  source: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Timestamp;
  /** nameKey(full_name) (migration 0005); NULL only until the start-up fill has run. */
  name_key: ColumnType<string | null, string, string>;
  /** Set when this row was merged into another worker as its duplicate (migration 0005). */
  merged_into: ColumnType<string | null, never, string>;
  /** The NIK's last 4 digits, generated (migration 0019): search by what a masked NIK shows. */
  nik_tail: ColumnType<string, never, never>;
  /** The channel (governance organisation) that brought the worker in; NULL: tidak diketahui (migration 0041). */
  channel_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A pair of workers a reviewer marked "bukan duplikat" (migration 0005); ids in order, low < high. */
export interface WorkerDuplicateDismissalTable {
  worker_low: string;
  worker_high: string;
  dismissed_by: string;
  dismissed_at: ColumnType<Date, Date | string | undefined, never>;
}

/**
 * A probable-duplicate pair of live workers (migration 0046), kept by the registry's trigger on `worker` as workers
 * are written; ids in order (low < high). `shared_region`: the smallest region holding both villages.
 */
export interface WorkerDuplicatePairTable {
  worker_low: ColumnType<string, never, never>;
  worker_high: ColumnType<string, never, never>;
  name_key: ColumnType<string, never, never>;
  same_birth: ColumnType<boolean, never, never>;
  nik_one_digit: ColumnType<boolean, never, never>;
  shared_region: ColumnType<string, never, never>;
}

/** Registry's published read view of `worker` (migration 0026): what other modules may read. */
export type WorkerDirectoryView = {
  readonly [K in keyof WorkerTable]: ColumnType<
    WorkerTable[K] extends ColumnType<infer S, unknown, unknown> ? S : WorkerTable[K],
    never,
    never
  >;
};
