import type { ColumnType, Generated } from 'kysely';
import type { BenefitRuleTable, ClaimTable, WorkerHeirTable, WorkerHouseholdTable } from './schema-claims.ts';

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
  /** The legal citation (regulation and article): the only text printed or public (migration 0017). */
  citation: ColumnType<string, string, never>;
  /** The internal research note, for administrators only. */
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
  /** nameKey(full_name) (migration 0005); NULL only until the start-up fill has run. */
  name_key: ColumnType<string | null, string, string>;
  /** Set when this row was merged into another worker as its duplicate (migration 0005). */
  merged_into: ColumnType<string | null, never, string>;
  /** The NIK's last 4 digits, generated (migration 0019): search by what a masked NIK shows. */
  nik_tail: ColumnType<string, never, never>;
}

/** A pair of workers a reviewer marked "bukan duplikat" (migration 0005); ids in order, low < high. */
export interface WorkerDuplicateDismissalTable {
  worker_low: string;
  worker_high: string;
  dismissed_by: string;
  dismissed_at: ColumnType<Date, Date | string | undefined, never>;
}

/** Registry's published read view of `worker` (migration 0026): what other modules may read. */
export type WorkerDirectoryView = {
  readonly [K in keyof WorkerTable]: ColumnType<
    WorkerTable[K] extends ColumnType<infer S, unknown, unknown> ? S : WorkerTable[K],
    never,
    never
  >;
};

/** The regions module's published read view of `region` (migration 0026). */
export type RegionDirectoryView = {
  readonly [K in keyof RegionTable]: ColumnType<
    RegionTable[K] extends ColumnType<infer S, unknown, unknown> ? S : RegionTable[K],
    never,
    never
  >;
};

export interface DB {
  region: RegionTable;
  region_directory: RegionDirectoryView;
  worker_directory: WorkerDirectoryView;
  app_user: AppUserTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  security_event: SecurityEventTable;
  contribution_rule: ContributionRuleTable;
  worker: WorkerTable;
  worker_duplicate_dismissal: WorkerDuplicateDismissalTable;
  import_job: ImportJobTable;
  import_file: ImportFileTable;
  import_issue: ImportIssueTable;
  program: ProgramTable;
  enrollment: EnrollmentTable;
  enrollment_coverage: EnrollmentCoverageView;
  enrollment_batch: EnrollmentBatchTable;
  lapse_rule: LapseRuleTable;
  membership_snapshot: MembershipSnapshotTable;
  membership_snapshot_current: MembershipSnapshotTable;
  bpjs_member: BpjsMemberTable;
  workforce: WorkforceTable;
  coverage_target: CoverageTargetTable;
  exchange_template: ExchangeTemplateTable;
  exchange_log: ExchangeLogTable;
  village_check_request: VillageCheckRequestTable;
  monthly_report: MonthlyReportTable;
  monthly_report_file: MonthlyReportFileTable;
  bill: BillTable;
  bill_line: BillLineTable;
  payment: PaymentTable;
  coverage_refresh_state: CoverageRefreshStateTable;
  coverage_person: CoveragePersonTable;
  coverage_rollup: CoverageRollupTable;
  coverage_rollup_area: CoverageRollupAreaTable;
  coverage_quality: CoverageQualityTable;
  coverage_quality_state: CoverageQualityStateTable;
  benefit_rule: BenefitRuleTable;
  worker_household: WorkerHouseholdTable;
  worker_heir: WorkerHeirTable;
  claim: ClaimTable;
}

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

/** Protection programmes (issue 5); money is bigint rupiah (strings from pg), counters written by triggers only. */
export interface ProgramTable {
  id: Generated<string>;
  region_code: string;
  name: string;
  funder: string;
  funder_region_code: string | null;
  target_segments: string[];
  package: string;
  declared_income: ColumnType<string, number | string, number | string>;
  quota: number;
  start_month: ColumnType<string, string, string>;
  months: number;
  budget_ceiling: ColumnType<string, number | string, number | string>;
  dpa_reference: string | null;
  min_age: number;
  max_age: number;
  price_by_month: ColumnType<string[], number[], number[]>;
  price_rule_keys: ColumnType<string[], string[] | undefined, string[]>;
  persons_by_month: ColumnType<number[], never, never>;
  created_by: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Timestamp;
}

/** One worker in one programme for a run of months (first days of months as 'YYYY-MM-DD'). */
export interface EnrollmentTable {
  id: Generated<string>;
  kabkota_code: ColumnType<string, string, never>;
  program_id: ColumnType<string, string, never>;
  worker_id: ColumnType<string, string, never>;
  village_code: ColumnType<string, string, never>;
  status: string;
  first_month: ColumnType<string, string, never>;
  last_month: string;
  months_covered: ColumnType<string, never, never>;
  proposed_by: ColumnType<string, string, never>;
  proposed_at: ColumnType<Date, Date | string | undefined, never>;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reject_reason: string | null;
  batch_id: string | null;
  kpj_number: string | null;
  coverage_start: ColumnType<string | null, string | null | undefined, string | null>;
  end_reason: string | null;
  end_note: string | null;
  ended_by: string | null;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: Timestamp;
  /** First day of the last fully paid month; NULL: nothing paid (migration 0008, written by billing). */
  paid_through: ColumnType<string | null, never, string | null>;
}

/** Programme enrollments as participations (read view, migration 0016): what lindung_coverage_state is given. */
export interface EnrollmentCoverageView {
  id: ColumnType<string, never, never>;
  kabkota_code: ColumnType<string, never, never>;
  program_id: ColumnType<string, never, never>;
  worker_id: ColumnType<string, never, never>;
  village_code: ColumnType<string, never, never>;
  status: ColumnType<string, never, never>;
  batch_id: ColumnType<string, never, never>;
  kpj_number: ColumnType<string, never, never>;
  category: ColumnType<string, never, never>;
  coverage_start: ColumnType<string, never, never>;
  coverage_end: ColumnType<string, never, never>;
  paid_through: ColumnType<string | null, never, never>;
}

export interface EnrollmentBatchTable {
  id: Generated<string>;
  program_id: string;
  region_code: string;
  persons: number;
  submitted_by: string;
  submitted_at: ColumnType<Date, Date | string | undefined, never>;
}

// --- Migration 0008: lapse rules, BPJS membership snapshots, workforce denominators, coverage targets -----------

export interface LapseRuleTable {
  id: Generated<string>;
  category: string;
  valid_from: string;
  valid_to: string | null;
  due_day: number;
  due_month_offset: number;
  unpaid_months_to_lapse: number | null;
  /** The internal research note; printed text uses `citation` (migration 0017; NULL: none recorded). */
  legal_basis: string;
  citation: string | null;
  confidence: string;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

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

export interface WorkforceTable {
  id: Generated<string>;
  region_code: string;
  year: number;
  kind: 'employed' | 'bpu_universe';
  segment: ColumnType<string, string | undefined, string>;
  persons: number;
  source: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface CoverageTargetTable {
  id: Generated<string>;
  region_code: string;
  year: number;
  kind: 'employed' | 'bpu_universe';
  /** numeric(5,2): pg returns a string such as '34.99'. */
  target_percent: ColumnType<string, string | number, string | number>;
  basis: 'RPJMD' | 'RKPD' | 'RENSTRA' | 'UCJ' | 'other';
  document: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

// --- Migration 0009: BPJS exchange (template of batch files, log of exports and response imports) ---------------

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

// --- Migration 0012: the monthly report and its files (issue 6 §5) ------------------------------------------

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

// --- Migration 0010: bills, bill lines and payments of protection programmes --------------------------------------

export interface BillTable {
  id: Generated<string>;
  program_id: ColumnType<string, string, never>;
  region_code: ColumnType<string, string, never>;
  /** First day of the billed month. */
  month: ColumnType<string, string, never>;
  persons: number;
  price_per_person: ColumnType<string, number | string, number | string>;
  amount: ColumnType<string, number | string, number | string>;
  paid: ColumnType<string, number | string | undefined, number | string>;
  due_date: string;
  generated_by: ColumnType<string, string, never>;
  generated_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Timestamp;
}

export interface BillLineTable {
  bill_id: string;
  enrollment_id: string;
  kabkota_code: string;
  worker_id: string;
  village_code: string;
  amount: ColumnType<string, number | string, never>;
}

/** Refused sign-ins, delays, rate limits, CSRF and role/region refusals (migration 0023); append-only. */
export interface SecurityEventTable {
  id: Generated<string>;
  at: Timestamp;
  kind: string;
  username: string | null;
  ip: string | null;
  region_code: string | null;
  method: string | null;
  path: string | null;
  request_id: string | null;
  detail: unknown;
}

export interface PaymentTable {
  id: Generated<string>;
  bill_id: string;
  program_id: string;
  region_code: string;
  paid_on: string;
  amount: ColumnType<string, number | string, never>;
  reference: string;
  note: string | null;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
}

// --- Migration 0011: coverage rollups (person facts at refresh time; dashboards read the rollups) ------------------

export interface CoverageRefreshStateTable {
  id: ColumnType<boolean, never, never>;
  window_start: string;
  as_of: string;
  full_needed: boolean;
  refreshed_at: Date | null;
  refresh_ms: number | null;
  persons_seen: number;
}

export interface CoveragePersonTable {
  nik: string;
  region_code: string;
  segment: string;
  category: string;
  worker_id: string | null;
  /** Bit i: active in the month window_start + i (bigint, returned by pg as a string). */
  months: string;
}

export interface CoverageRollupTable {
  area_code: string;
  month: string;
  segment: string;
  category: string;
  persons: number;
}

export interface CoverageRollupAreaTable {
  area_code: string;
  parent_code: string;
  month: string;
  persons: number;
  leavers: number;
}

// --- Migration 0014: data-quality counts per area (computed by lindung_coverage_quality_refresh) ------------------

export interface CoverageQualityTable {
  area_code: string;
  parent_code: string;
  metric: string;
  count: number;
}

export interface CoverageQualityStateTable {
  id: ColumnType<boolean, never, never>;
  computed_at: Date | null;
  compute_ms: number | null;
}
