// Kysely types of the exchange module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';
import type { ReadView, Timestamp } from './columns.ts';

export interface MembershipSnapshotTable {
  id: Generated<string>;
  region_code: string;
  as_of: string;
  source: 'file' | 'simulator';
  file_name: string | null;
  file_sha256: string | null;
  persons: ColumnType<number, number | undefined, number>;
  imported_by: string;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface BpjsMemberTable {
  snapshot_id: string;
  region_code: string;
  nik: string;
  kpj_number: string | null;
  category: string;
  coverage_start: string;
  coverage_end: string | null;
  paid_through: string | null;
  worker_id: string | null;
  village_code: string | null;
  segment: string | null;
}

export interface ExchangeTemplateTable {
  id: Generated<string>;
  /** NULL: the national default template. */
  region_code: ColumnType<string | null, string | null, never>;
  name: string;
  /** [{ header, field }] in file order. */
  columns: ColumnType<{ header: string; field: string }[], string, string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ExchangeLogTable {
  id: Generated<string>;
  batch_id: string;
  region_code: string;
  kind: 'export' | 'response';
  source: 'file' | 'simulator';
  format: 'xlsx' | 'csv' | null;
  file_name: string | null;
  file_sha256: string | null;
  template_id: string | null;
  rows_total: ColumnType<number, number | undefined, never>;
  accepted: ColumnType<number, number | undefined, never>;
  rejected: ColumnType<number, number | undefined, never>;
  unchanged: ColumnType<number, number | undefined, never>;
  actor: string;
  at: ColumnType<Date, Date | string | undefined, never>;
}

/** "Minta desa cek" from the reconciliation (migration 0019): a village's operator checks one person. */
export interface VillageCheckRequestTable {
  id: Generated<string>;
  village_code: string;
  nik: string;
  worker_id: string | null;
  enrollment_id: string | null;
  snapshot_id: string | null;
  reason: string;
  note: string | null;
  status: ColumnType<'open' | 'done', 'open' | undefined, 'done'>;
  answer: ColumnType<string | null, never, string | null>;
  requested_by: string;
  requested_at: ColumnType<Date, Date | string | undefined, never>;
  resolved_by: ColumnType<string | null, never, string>;
  resolved_at: ColumnType<Date | null, never, Date | string>;
}

/** The exchange module's published members of each region's current snapshot, with its date (server/modules/exchange/sql/bpjs-member-current.sql). */
export type BpjsMemberCurrentView = ReadView<BpjsMemberTable, keyof BpjsMemberTable> & {
  readonly as_of: ColumnType<string, never, never>;
};
