// Kysely types of the programs module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';
import type { ReadView, Timestamp } from './columns.ts';

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
  /** Issue 18 §1 (migration 20261207_0043): 'bpu' (the package) or 'pu' (priced on each person's wage). */
  category: ColumnType<string, string | undefined, never>;
  employer_name: string | null;
  employer_kind: string | null;
  pu_programs: string[] | null;
  risk_class: number | null;
  employer_size: string | null;
  service_months: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  /** Money held per month by PU enrollments; written by triggers only. */
  money_by_month: ColumnType<string[], never, never>;
  /** Issue 18 §3 (migration 20261207_0061): the election's polling day, for the roster guard's countdown. */
  polling_day: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** The channel of the proposal (governance organisation); NULL: tidak diketahui (migration 0041). */
  channel_id: ColumnType<string | null, string | null | undefined, never>;
  /** PU enrollments (issue 18): reported wage, total and worker's price per month of the programme's period. */
  wage: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  price_by_month: ColumnType<string[] | null, number[] | null | undefined, number[] | null>;
  worker_by_month: ColumnType<string[] | null, number[] | null | undefined, number[] | null>;
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
  /** A PU enrollment's own price per month of its programme; null for BPU (the programme's price applies). */
  price_by_month: ColumnType<string[] | null, never, never>;
}

export interface EnrollmentBatchTable {
  id: Generated<string>;
  program_id: string;
  region_code: string;
  persons: number;
  submitted_by: string;
  submitted_at: ColumnType<Date, Date | string | undefined, never>;
}

/** The programmes module's published read views (server/modules/programs/sql/program-directory.sql). */
export type ProgramDirectoryView = ReadView<
  ProgramTable,
  | 'id'
  | 'region_code'
  | 'name'
  | 'funder'
  | 'funder_region_code'
  | 'target_segments'
  | 'package'
  | 'declared_income'
  | 'quota'
  | 'start_month'
  | 'months'
  | 'budget_ceiling'
  | 'dpa_reference'
  | 'price_by_month'
  | 'created_at'
  | 'updated_at'
  | 'category'
>;
export type EnrollmentDirectoryView = ReadView<
  EnrollmentTable,
  | 'id'
  | 'kabkota_code'
  | 'program_id'
  | 'worker_id'
  | 'village_code'
  | 'status'
  | 'first_month'
  | 'last_month'
  | 'proposed_at'
  | 'decided_at'
  | 'reject_reason'
  | 'batch_id'
  | 'kpj_number'
  | 'coverage_start'
  | 'end_reason'
  | 'ended_at'
  | 'paid_through'
  | 'updated_at'
  | 'channel_id'
>;
export type EnrollmentBatchDirectoryView = ReadView<EnrollmentBatchTable, keyof EnrollmentBatchTable>;

/** One officer of an election roster (issue 18 §3, migration 20261207_0061); row-level security by village. */
export interface ElectionOfficerTable {
  program_id: string;
  worker_id: string;
  village_code: string;
  tps: number | null;
  role: string;
  honorarium: ColumnType<string, number | string, number | string>;
  roster_row: number;
  imported_by: string;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
}
