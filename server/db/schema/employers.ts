// Kysely types of the employers module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';

import type { Timestamp } from './columns.ts';

/** A business entity from the licensing office's list (migration 0045, employers). */
export interface EmployerTable {
  id: Generated<string>;
  village_code: string;
  nib: string;
  npwp: string | null;
  name: string;
  name_key: string;
  sector: string | null;
  size: 'micro' | 'small' | 'medium' | 'large' | null;
  address: string | null;
  contact: string | null;
  reported_workers: number | null;
  updated_by: string;
  updated_at: Timestamp;
  created_at: Timestamp;
}

/** The branch's employer snapshot of one region (migration 0045, employers). */
export interface EmployerSnapshotTable {
  id: Generated<string>;
  region_code: string;
  as_of: string;
  file_name: string | null;
  file_sha256: string | null;
  rows: ColumnType<number, number | undefined, number>;
  imported_by: string;
  imported_at: Timestamp;
}

/** One employer as the branch lists it, with its match to the register (migration 0045, employers). */
export interface EmployerSnapshotRowTable {
  snapshot_id: string;
  row: number;
  region_code: string;
  npp: string;
  nib: string | null;
  npwp: string | null;
  name: string;
  name_key: string;
  village_code: string | null;
  active: boolean;
  active_workers: number;
  paid_through: string | null;
  employer_id: string | null;
  match_by: 'nib' | 'npwp' | 'name' | null;
}

/** A written warning to an employer (migration 0045, employers). */
export interface EmployerWarningTable {
  id: Generated<string>;
  employer_id: string;
  village_code: string;
  seq: number;
  issued_on: string;
  reference: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** An APBD construction project with its Jakon contribution and certificate (migration 0045, employers). */
export interface ConstructionProjectTable {
  id: Generated<string>;
  village_code: string;
  dpa_reference: string;
  name: string;
  contractor: string;
  contractor_nib: string | null;
  contract_value: ColumnType<string, number | string, number | string>;
  start_date: string;
  end_date: string;
  jakon_contribution: ColumnType<string, number | string, number | string>;
  jakon_quoted_on: string;
  /** Migration 0050: contract-value slices or the workers' known wages. */
  jakon_basis: ColumnType<
    'contract_value' | 'wages',
    'contract_value' | 'wages' | undefined,
    'contract_value' | 'wages'
  >;
  certificate_number: string | null;
  paid_on: string | null;
  status: ColumnType<'registered' | 'ready', 'registered' | 'ready' | undefined, 'registered' | 'ready'>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A worker attached to a project (migration 0045, employers). */
export interface ProjectWorkerTable {
  project_id: string;
  worker_id: string;
  village_code: string;
  attached_by: string;
  attached_at: Timestamp;
  /** Monthly wage when known (migration 0050). */
  wage: ColumnType<string | null, number | null | undefined, number | null>;
}

/**
 * Published view (employers/sql/project-coverage.sql): a certified project's workers as Jakon participations,
 * read by the coverage refresh.
 */
export interface ProjectWorkerCoverageView {
  project_id: ColumnType<string, never, never>;
  worker_id: ColumnType<string, never, never>;
  village_code: ColumnType<string, never, never>;
  category: ColumnType<string, never, never>;
  coverage_start: ColumnType<string, never, never>;
  coverage_end: ColumnType<string, never, never>;
  paid_through: ColumnType<string, never, never>;
  project_name: ColumnType<string, never, never>;
}
