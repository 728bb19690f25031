import type { ColumnType, Generated } from 'kysely';

// Table types for Kysely. One interface per table; columns as PostgreSQL returns them through `pg`.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RegionTable {
  code: string;
  parent_code: string | null;
  level: 'province' | 'regency' | 'district' | 'village';
  kind: string;
  name: string;
  official_name: string;
  province_code: string;
  regency_code: string | null;
  valid_from: ColumnType<string, string, string>;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  source: string;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  region_code: string;
  locale: ColumnType<string, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  last_seen_at: Timestamp;
  ip: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  region_code: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
}

/** Effective-dated contribution rules; `value` is a RuleValue (lib/rules/contribution-types.ts) as jsonb. */
export interface ContributionRuleTable {
  id: Generated<string>;
  key: string;
  scope: ColumnType<string, string | undefined, never>;
  valid_from: ColumnType<string, string, never>;
  /** The one column that may change: an open row is ended once (see migration 0002). */
  valid_to: ColumnType<string | null, string | null | undefined, string>;
  legal_basis: ColumnType<string, string, never>;
  value: ColumnType<unknown, string, never>;
  created_by: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

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
}

export interface DB {
  region: RegionTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  contribution_rule: ContributionRuleTable;
  worker: WorkerTable;
}
