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

export interface DB {
  region: RegionTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  contribution_rule: ContributionRuleTable;
}
