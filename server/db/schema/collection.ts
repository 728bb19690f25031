// Kysely types of the collection module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.ts';

type Created = ColumnType<Date, Date | string | undefined, never>;

export interface CollectionTargetTable {
  id: Generated<string>;
  region_code: string;
  name: string;
  program_id: string | null;
  target_id: string | null;
  quota: number;
  method: 'manual' | 'even' | 'proportional';
  basis: 'none' | 'workforce' | 'candidates';
  starts_on: ColumnType<string, string, string>;
  due_on: ColumnType<string, string, string>;
  created_by: string;
  created_at: Created;
  updated_at: Timestamp;
}

export interface CollectionQuotaTable {
  target_id: string;
  village_code: string;
  quota: number;
  denominator: number | null;
}

export interface CollectionListTable {
  id: Generated<string>;
  region_code: string;
  source: 'DTSEN' | 'P3KE' | 'other';
  file_name: string;
  file_sha256: string;
  persons: number;
  imported_by: string;
  imported_at: Created;
}

export interface CollectionCandidateTable {
  id: Generated<string>;
  list_id: string;
  village_code: string;
  nik: string;
  full_name: string;
  address: string | null;
  decile: number | null;
  extreme_poor: ColumnType<boolean, boolean | undefined, boolean>;
  occupation: string | null;
  created_at: Created;
}

export interface CollectionVisitTable {
  id: Generated<string>;
  candidate_id: string;
  village_code: string;
  outcome: 'registered' | 'not_found' | 'refused' | 'moved' | 'already_covered';
  visited_on: ColumnType<string, string, string>;
  operator: string;
  worker_id: string | null;
  note: string | null;
  client_id: string | null;
  created_at: Created;
}

export interface CollectionDeviceTable {
  id: string;
  user_id: string;
  username: string;
  region_code: string;
  label: string;
  created_at: Created;
  last_seen_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_by: string | null;
}

export interface CollectionReceiptTable {
  client_id: string;
  user_id: string;
  device_id: string;
  region_code: string;
  kind: 'register' | 'visit' | 'propose';
  payload_hash: string;
  status: 'pending' | 'accepted' | 'error' | 'conflict';
  result: ColumnType<unknown, string | undefined, string>;
  received_at: Created;
  answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
