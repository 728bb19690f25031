// Kysely types of the governance module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports
// them. Migration 20261207_0041_governance.sql.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.ts';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Day = ColumnType<string, string, string>;
type DayOrNull = ColumnType<string | null, string | null | undefined, string | null>;

export interface GovOrganisationTable {
  id: Generated<string>;
  region_code: ColumnType<string, string, never>;
  kind: string;
  name: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: ColumnType<string, string, never>;
  created_at: Created;
  updated_at: Timestamp;
}

export interface GovMemberTable {
  username: string;
  organisation_id: string;
  region_code: string;
  set_by: string;
  set_at: Timestamp;
}

export interface GovInstrumentTable {
  id: Generated<string>;
  region_code: string;
  kind: string;
  stage: string | null;
  number: string | null;
  title: string;
  signed_on: DayOrNull;
  effective_from: DayOrNull;
  effective_until: DayOrNull;
  issuer: string;
  counterparty: string | null;
  regions_covered: ColumnType<string[], string[] | undefined, string[]>;
  subject_tags: ColumnType<string[], string[] | undefined, string[]>;
  status: string;
  program_ids: ColumnType<string[], string[] | undefined, string[]>;
  target_ids: ColumnType<string[], string[] | undefined, string[]>;
  file_name: string | null;
  size_bytes: ColumnType<string | null, number | null | undefined, number | null>;
  sha256: string | null;
  storage_key: string | null;
  uploaded_by: string | null;
  uploaded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: ColumnType<string, string, never>;
  created_at: Created;
  updated_at: Timestamp;
}

export interface GovExpiryAlertTable {
  instrument_id: string;
  threshold_days: number;
  effective_until: string;
  region_code: string;
  raised_on: string;
}

export interface GovPlanTable {
  id: Generated<string>;
  region_code: ColumnType<string, string, never>;
  title: string;
  period_start: Day;
  period_end: Day;
  signed_on: DayOrNull;
  created_by: ColumnType<string, string, never>;
  created_at: Created;
  updated_at: Timestamp;
}

export interface GovPlanSignatoryTable {
  id: Generated<string>;
  plan_id: string;
  region_code: string;
  organisation_id: string | null;
  person_name: string;
  position: string | null;
}

export interface GovActionItemTable {
  id: Generated<string>;
  plan_id: ColumnType<string, string, never>;
  region_code: ColumnType<string, string, never>;
  title: string;
  owner_organisation_id: string | null;
  due_on: Day;
  measure_kind: string;
  target: number | null;
  area_code: string | null;
  channel_id: string | null;
  segment: string | null;
  instrument_kind: string | null;
  done: ColumnType<boolean, boolean | undefined, boolean>;
  done_on: DayOrNull;
  evidence: string | null;
  meeting_id: string | null;
  created_by: ColumnType<string, string, never>;
  created_at: Created;
  updated_at: Timestamp;
}

export interface GovItemProgressTable {
  id: Generated<string>;
  item_id: string;
  region_code: string;
  value: number;
  target: number;
  computed_on: string;
  computed_at: Created;
}

export interface GovMeetingTable {
  id: Generated<string>;
  region_code: ColumnType<string, string, never>;
  kind: string;
  title: string;
  held_on: string;
  place: string;
  organiser_id: string | null;
  minutes_name: string | null;
  minutes_size: ColumnType<string | null, number | null | undefined, number | null>;
  minutes_sha256: string | null;
  minutes_key: string | null;
  created_by: ColumnType<string, string, never>;
  created_at: Created;
}

export interface GovMeetingAttendanceTable {
  id: Generated<string>;
  meeting_id: string;
  region_code: string;
  organisation_id: string | null;
  village_code: string | null;
  attendees: number;
}

export interface GovMeetingDecisionTable {
  id: Generated<string>;
  meeting_id: string;
  region_code: string;
  text: string;
  action_item_id: string | null;
}
