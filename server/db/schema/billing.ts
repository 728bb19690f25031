// Kysely types of the billing module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.ts';

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
