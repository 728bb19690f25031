// Kysely types of the assessment module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';

import type { Timestamp } from './columns.ts';

/** A Paritrana framework of one award year (migration 0042): a draft is edited, a published one is frozen. */
export interface AssessmentFrameworkTable {
  id: Generated<string>;
  year: number;
  name: string;
  note: Generated<string>;
  status: Generated<'draft' | 'published'>;
  definition: ColumnType<unknown, string, string>;
  copied_from: string | null;
  updated_by: string;
  updated_at: Timestamp;
  published_by: string | null;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A regency's self-assessment (migration 0042); `snapshot` is written once, at submission. */
export interface AssessmentTable {
  id: Generated<string>;
  framework_id: string;
  region_code: string;
  cutoff: ColumnType<string, string, string>;
  status: Generated<'draft' | 'submitted'>;
  manual: ColumnType<unknown, string | undefined, string>;
  narratives: ColumnType<unknown, string | undefined, string>;
  figures: ColumnType<unknown, string | null | undefined, string | null>;
  figures_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  prepared_by: string;
  updated_at: Timestamp;
  submitted_by: string | null;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  snapshot: ColumnType<unknown, string | null | undefined, string | null>;
  snapshot_sha256: string | null;
}

/** An evidence file of an assessment indicator (migration 0042); the bytes live under the data directory. */
export interface AssessmentEvidenceTable {
  id: Generated<string>;
  assessment_id: string;
  region_code: string;
  indicator_code: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
  /** The governance register's instrument this file came from, and its label as attached (migration 0051). */
  instrument_id: string | null;
  instrument_label: string | null;
}

/** One assessor's score of one interview/narrative indicator (migration 0042). */
export interface AssessmentScoreTable {
  assessment_id: string;
  region_code: string;
  indicator_code: string;
  assessor: string;
  score: ColumnType<string, number | string, number | string>;
  comment: Generated<string>;
  updated_at: Timestamp;
}

/** A provincial team's comment on a submission (migration 0042). */
export interface AssessmentCommentTable {
  id: Generated<string>;
  assessment_id: string;
  region_code: string;
  author: string;
  body: string;
  created_at: Timestamp;
}
