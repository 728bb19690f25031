// Kysely types of the claims module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';

import type { Timestamp } from './columns.ts';

/** Benefit rules (migration 0032, claims): effective-dated, append-only; only an open row may be ended. */
export interface BenefitRuleTable {
  id: Generated<string>;
  key: ColumnType<string, string, never>;
  valid_from: ColumnType<string, string, never>;
  valid_to: ColumnType<string | null, string | null | undefined, string>;
  legal_basis: ColumnType<string, string, never>;
  note: ColumnType<string, string | undefined, never>;
  certainty: ColumnType<'verified' | 'secondary' | 'uncertain', string, never>;
  value: ColumnType<unknown, string, never>;
  created_by: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A worker's KK number (migration 0032, claims); keyed by the registry's worker id. */
export interface WorkerHouseholdTable {
  worker_id: string;
  village_code: string;
  kk_number: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

/** A worker's heir (migration 0032, claims). */
export interface WorkerHeirTable {
  id: Generated<string>;
  worker_id: string;
  village_code: string;
  full_name: string;
  nik: string | null;
  relation: string;
  priority: number;
  bank_name: string | null;
  account_number: string | null;
  account_holder: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A reported claim with the coverage answer and the estimate at intake (migration 0032, claims). */
export interface ClaimTable {
  id: Generated<string>;
  kabkota_code: string;
  village_code: string;
  worker_id: string;
  type: 'jkm' | 'jkk';
  outcome: string | null;
  disability_percent: string | null;
  stmb_months: number | null;
  event_date: string;
  place: string;
  chronology: string;
  witnesses: ColumnType<unknown, string, string>;
  covered: boolean;
  coverage_reason: string;
  gap_reason: string | null;
  gap_since: string | null;
  program_name: string | null;
  funder: string | null;
  kpj_number: string | null;
  segment: string | null;
  wage: ColumnType<string | null, number | null, number | null>;
  contribution_months: number;
  estimate: ColumnType<unknown, string, string>;
  estimate_total: ColumnType<string, number, number>;
  status: ColumnType<string, string | undefined, string>;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  // Workflow, decision and receipt (migration 0033).
  assignee: ColumnType<string | null, never, string | null>;
  stage_changed_at: ColumnType<Date, never, Date | string>;
  returned_reason: ColumnType<string | null, never, string | null>;
  paid_amount: ColumnType<string | null, never, number | null>;
  decided_on: ColumnType<string | null, never, string | null>;
  rejected_reason: ColumnType<string | null, never, string | null>;
  receipt_received: ColumnType<boolean | null, never, boolean>;
  receipt_fee_asked: ColumnType<boolean | null, never, boolean>;
  receipt_note: ColumnType<string | null, never, string | null>;
  receipt_by: ColumnType<string | null, never, string>;
  receipt_at: ColumnType<Date | null, never, Date | string>;
  sla_due_on: ColumnType<string | null, never, string | null>;
  sla_breached_at: ColumnType<Date | null, never, Date | string | null>;
  // The JKK stage-I report clock (migration 0054).
  report_due_on: ColumnType<string | null, string | null | undefined, never>;
  report_breached_at: ColumnType<Date | null, never, Date | string | null>;
}

/** An event of an imported list whose person was not covered on the date (migration 0054, claims). */
export interface ClaimGapEntryTable {
  id: Generated<string>;
  kabkota_code: ColumnType<string, string, never>;
  village_code: ColumnType<string, string, never>;
  nik: ColumnType<string, string, never>;
  full_name: ColumnType<string, string, never>;
  worker_id: ColumnType<string | null, string | null | undefined, never>;
  type: ColumnType<'jkm' | 'jkk', 'jkm' | 'jkk', never>;
  outcome: ColumnType<string | null, string | null | undefined, never>;
  disability_percent: ColumnType<string | null, string | number | null | undefined, never>;
  stmb_months: ColumnType<number | null, number | null | undefined, never>;
  event_date: ColumnType<string, string, never>;
  note: ColumnType<string, string | undefined, never>;
  coverage_reason: ColumnType<string, string, never>;
  gap_reason: ColumnType<string, string, never>;
  gap_since: ColumnType<string | null, string | null | undefined, never>;
  segment: ColumnType<string | null, string | null | undefined, never>;
  wage: ColumnType<string | null, number | null | undefined, never>;
  contribution_months: ColumnType<number, number | undefined, never>;
  estimate: ColumnType<unknown, string, never>;
  estimate_total: ColumnType<string, number, never>;
  list_name: ColumnType<string, string, never>;
  list_sha256: ColumnType<string, string, never>;
  list_row: ColumnType<number, number, never>;
  created_by: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A day that is not a working day for the claim service levels (migration 0033, claims); national. */
export interface ClaimHolidayTable {
  day: ColumnType<string, string, never>;
  name: ColumnType<string, string, never>;
  created_by: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A stage change, assignment or receipt of a claim (migration 0033, claims): the claim's timeline. */
export interface ClaimEventTable {
  id: Generated<string>;
  claim_id: ColumnType<string, string, never>;
  village_code: ColumnType<string, string, never>;
  action: ColumnType<string, string, never>;
  from_status: ColumnType<string, string, never>;
  to_status: ColumnType<string, string, never>;
  reason: ColumnType<string | null, string | null | undefined, never>;
  note: ColumnType<string | null, string | null | undefined, never>;
  amount: ColumnType<string | null, number | null | undefined, never>;
  actor: ColumnType<string, string, never>;
  at: ColumnType<Date, Date | string | undefined, never>;
}

/** A document of a claim (migration 0033, claims); the bytes are a file under the data directory. */
export interface ClaimDocumentTable {
  id: Generated<string>;
  claim_id: ColumnType<string, string, never>;
  village_code: ColumnType<string, string, never>;
  item: ColumnType<string, string, never>;
  file_name: ColumnType<string, string, never>;
  content_type: ColumnType<string, string, never>;
  size_bytes: ColumnType<string, number, never>;
  sha256: ColumnType<string, string, never>;
  storage_key: ColumnType<string, string, never>;
  uploaded_by: ColumnType<string, string, never>;
  uploaded_at: ColumnType<Date, Date | string | undefined, never>;
}
