// Rows of the assessment module's own tables. Every regional read and write carries the region in its WHERE and runs
// inside the caller's withScope transaction (row-level security filters again).
import type { Scope } from '../../../lib/access/roles.ts';
import { frameworkDefinition, type FrameworkDefinition } from '../../../lib/contracts/assessment.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

export type FrameworkRow = {
  id: string;
  year: number;
  name: string;
  note: string;
  status: 'draft' | 'published';
  definition: FrameworkDefinition;
  copied_from: string | null;
  updated_by: string;
  updated_at: Date;
  published_at: Date | null;
};

export async function frameworks(tx: Tx): Promise<FrameworkRow[]> {
  const rows = await tx
    .selectFrom('assessment_framework')
    .selectAll()
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toFramework);
}

export async function frameworkById(tx: Tx, id: string, lock = false): Promise<FrameworkRow | null> {
  let q = tx.selectFrom('assessment_framework').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toFramework(row) : null;
}

function toFramework(r: {
  id: string;
  year: number;
  name: string;
  note: string;
  status: 'draft' | 'published';
  definition: unknown;
  copied_from: string | null;
  updated_by: string;
  updated_at: Date;
  published_at: Date | null;
}): FrameworkRow {
  return {
    ...r,
    id: String(r.id),
    copied_from: r.copied_from === null ? null : String(r.copied_from),
    definition: frameworkDefinition.parse(r.definition),
  };
}

export async function insertFramework(
  tx: Tx,
  v: {
    year: number;
    name: string;
    note: string;
    definition: FrameworkDefinition;
    copied_from: string | null;
    by: string;
  },
): Promise<string> {
  const r = await tx
    .insertInto('assessment_framework')
    .values({
      year: v.year,
      name: v.name,
      note: v.note,
      definition: JSON.stringify(v.definition),
      copied_from: v.copied_from,
      updated_by: v.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(r.id);
}

export async function updateFramework(
  tx: Tx,
  id: string,
  v: { name?: string; note?: string; definition?: FrameworkDefinition; by: string },
): Promise<void> {
  await tx
    .updateTable('assessment_framework')
    .set({
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.note !== undefined ? { note: v.note } : {}),
      ...(v.definition !== undefined ? { definition: JSON.stringify(v.definition) } : {}),
      updated_by: v.by,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function publishFramework(tx: Tx, id: string, by: string): Promise<void> {
  await tx
    .updateTable('assessment_framework')
    .set({ status: 'published', published_by: by, published_at: new Date(), updated_by: by, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function publishedOfYear(tx: Tx, year: number): Promise<string | null> {
  const r = await tx
    .selectFrom('assessment_framework')
    .select('id')
    .where('year', '=', year)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return r ? String(r.id) : null;
}

// --- Assessments ---------------------------------------------------------------------------------------------------

export type AssessmentRow = {
  id: string;
  framework_id: string;
  region_code: string;
  cutoff: string;
  status: 'draft' | 'submitted';
  manual: Record<string, { value: number | null; note: string }>;
  narratives: Record<string, string>;
  figures: Record<string, { value: number | null; note: string; available: boolean; rows: unknown[] }> | null;
  figures_at: Date | null;
  prepared_by: string;
  submitted_by: string | null;
  submitted_at: Date | null;
  snapshot: unknown;
  snapshot_sha256: string | null;
};

const ASSESSMENT_COLUMNS = [
  'id',
  'framework_id',
  'region_code',
  'cutoff',
  'status',
  'manual',
  'narratives',
  'figures',
  'figures_at',
  'prepared_by',
  'submitted_by',
  'submitted_at',
  'snapshot',
  'snapshot_sha256',
] as const;

function toAssessment(r: Record<(typeof ASSESSMENT_COLUMNS)[number], unknown>): AssessmentRow {
  const row = r as unknown as AssessmentRow;
  const raw: unknown = r.cutoff;
  const cutoff = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).slice(0, 10);
  return { ...row, id: String(row.id), framework_id: String(row.framework_id), cutoff };
}

export async function assessmentById(tx: Tx, scope: Scope, id: string, lock = false): Promise<AssessmentRow | null> {
  let q = tx
    .selectFrom('assessment')
    .select(ASSESSMENT_COLUMNS)
    .where('id', '=', id)
    .where(() => regionInScope('region_code', scope));
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toAssessment(r) : null;
}

export async function assessmentOf(
  tx: Tx,
  scope: Scope,
  frameworkId: string,
  region: string,
): Promise<AssessmentRow | null> {
  const r = await tx
    .selectFrom('assessment')
    .select(ASSESSMENT_COLUMNS)
    .where('framework_id', '=', frameworkId)
    .where('region_code', '=', region)
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirst();
  return r ? toAssessment(r) : null;
}

export async function assessmentsIn(
  tx: Tx,
  scope: Scope,
  region: string,
  frameworkId?: string,
): Promise<AssessmentRow[]> {
  let q = tx
    .selectFrom('assessment')
    .select(ASSESSMENT_COLUMNS)
    .where(() => regionInScope('region_code', region))
    .where(() => regionInScope('region_code', scope));
  if (frameworkId) q = q.where('framework_id', '=', frameworkId);
  const rows = await q.orderBy('region_code').execute();
  return rows.map(toAssessment);
}

export async function insertAssessment(
  tx: Tx,
  v: { framework_id: string; region_code: string; cutoff: string; prepared_by: string },
): Promise<string> {
  const r = await tx.insertInto('assessment').values(v).returning('id').executeTakeFirstOrThrow();
  return String(r.id);
}

export async function updateAssessment(
  tx: Tx,
  scope: Scope,
  id: string,
  v: {
    manual?: unknown;
    narratives?: unknown;
    figures?: unknown;
    figures_at?: Date;
    cutoff?: string;
    prepared_by?: string;
  },
): Promise<void> {
  await tx
    .updateTable('assessment')
    .set({
      ...(v.manual !== undefined ? { manual: JSON.stringify(v.manual) } : {}),
      ...(v.narratives !== undefined ? { narratives: JSON.stringify(v.narratives) } : {}),
      ...(v.figures !== undefined ? { figures: JSON.stringify(v.figures) } : {}),
      ...(v.figures_at !== undefined ? { figures_at: v.figures_at } : {}),
      ...(v.cutoff !== undefined ? { cutoff: v.cutoff } : {}),
      ...(v.prepared_by !== undefined ? { prepared_by: v.prepared_by } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where(() => regionInScope('region_code', scope))
    .execute();
}

export async function submitAssessment(
  tx: Tx,
  scope: Scope,
  id: string,
  v: { snapshot: unknown; sha256: string; by: string; at: Date },
): Promise<void> {
  await tx
    .updateTable('assessment')
    .set({
      status: 'submitted',
      snapshot: JSON.stringify(v.snapshot),
      snapshot_sha256: v.sha256,
      submitted_by: v.by,
      submitted_at: v.at,
      updated_at: v.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where(() => regionInScope('region_code', scope))
    .execute();
}

// --- Evidence ------------------------------------------------------------------------------------------------------

export type EvidenceRow = {
  id: string;
  assessment_id: string;
  region_code: string;
  indicator_code: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Date;
  instrument_id: string | null;
  instrument_label: string | null;
};

const evidenceRow = (r: Omit<EvidenceRow, 'id' | 'assessment_id'> & { id: unknown; assessment_id: unknown }) => ({
  ...r,
  id: String(r.id),
  assessment_id: String(r.assessment_id),
  instrument_id: r.instrument_id === null ? null : String(r.instrument_id),
});

export async function evidenceOf(tx: Tx, scope: Scope, assessmentId: string): Promise<EvidenceRow[]> {
  const rows = await tx
    .selectFrom('assessment_evidence')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where(() => regionInScope('region_code', scope))
    .orderBy('indicator_code')
    .orderBy('id')
    .execute();
  return rows.map(evidenceRow);
}

export async function evidenceById(
  tx: Tx,
  scope: Scope,
  assessmentId: string,
  id: string,
): Promise<EvidenceRow | null> {
  const r = await tx
    .selectFrom('assessment_evidence')
    .selectAll()
    .where('id', '=', id)
    .where('assessment_id', '=', assessmentId)
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirst();
  return r ? evidenceRow(r) : null;
}

export async function insertEvidence(
  tx: Tx,
  v: Omit<EvidenceRow, 'id' | 'uploaded_at' | 'instrument_id' | 'instrument_label'> &
    Partial<Pick<EvidenceRow, 'instrument_id' | 'instrument_label'>>,
): Promise<string> {
  const r = await tx.insertInto('assessment_evidence').values(v).returning('id').executeTakeFirstOrThrow();
  return String(r.id);
}

export async function deleteEvidence(tx: Tx, scope: Scope, id: string): Promise<void> {
  await tx
    .deleteFrom('assessment_evidence')
    .where('id', '=', id)
    .where(() => regionInScope('region_code', scope))
    .execute();
}

// --- Assessors' scores and comments ------------------------------------------------------------------------------

export type ScoreRow = {
  assessment_id: string;
  indicator_code: string;
  assessor: string;
  score: number;
  comment: string;
};

export async function scoresOf(tx: Tx, scope: Scope, ids: readonly string[]): Promise<ScoreRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('assessment_score')
    .select(['assessment_id', 'indicator_code', 'assessor', 'score', 'comment'])
    .where('assessment_id', 'in', ids)
    .where(() => regionInScope('region_code', scope))
    .orderBy('assessor')
    .execute();
  return rows.map((r) => ({ ...r, assessment_id: String(r.assessment_id), score: Number(r.score) }));
}

export async function upsertScore(
  tx: Tx,
  v: {
    assessment_id: string;
    region_code: string;
    indicator_code: string;
    assessor: string;
    score: number;
    comment: string;
  },
): Promise<{ before: number | null }> {
  const before = await tx
    .selectFrom('assessment_score')
    .select('score')
    .where('assessment_id', '=', v.assessment_id)
    .where('indicator_code', '=', v.indicator_code)
    .where('assessor', '=', v.assessor)
    .executeTakeFirst();
  await tx
    .insertInto('assessment_score')
    .values(v)
    .onConflict((oc) =>
      oc
        .columns(['assessment_id', 'indicator_code', 'assessor'])
        .doUpdateSet({ score: v.score, comment: v.comment, updated_at: new Date() }),
    )
    .execute();
  return { before: before ? Number(before.score) : null };
}

export type CommentRow = { assessment_id: string; author: string; body: string; created_at: Date };

export async function commentsOf(tx: Tx, scope: Scope, ids: readonly string[]): Promise<CommentRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('assessment_comment')
    .select(['assessment_id', 'author', 'body', 'created_at'])
    .where('assessment_id', 'in', ids)
    .where(() => regionInScope('region_code', scope))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, assessment_id: String(r.assessment_id) }));
}

export async function insertComment(
  tx: Tx,
  v: { assessment_id: string; region_code: string; author: string; body: string },
): Promise<string> {
  const r = await tx.insertInto('assessment_comment').values(v).returning('id').executeTakeFirstOrThrow();
  return String(r.id);
}
