// An assessment as the API shows it: a draft from its stored figures, manual values and evidence; a submitted one
// only from its frozen snapshot (so later data changes never alter what was submitted).
import {
  assessment as assessmentSchema,
  type Assessment,
  type Evidence,
  type Figure,
  type FrameworkDefinition,
} from '../../../lib/contracts/assessment.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { indicatorsOf, scoreSheet, type IndicatorInput } from '../../../lib/rules/paritrana-scoring.ts';
import type { AssessmentRow, EvidenceRow, FrameworkRow } from './assessment.repository.ts';
import { W, word } from './assessment.words.ts';

export const evidenceOut = (e: EvidenceRow): Evidence => ({
  id: e.id,
  indicatorCode: e.indicator_code,
  fileName: e.file_name,
  contentType: e.content_type,
  sizeBytes: e.size_bytes,
  sha256: e.sha256,
  uploadedBy: e.uploaded_by,
  uploadedAt: e.uploaded_at.toISOString(),
  instrument: e.instrument_id && e.instrument_label ? { id: e.instrument_id, label: e.instrument_label } : null,
});

/** The figures of a draft: computed ones as last prepared, manual ones as entered, assessor ones awaited. */
export function draftFigures(def: FrameworkDefinition, a: AssessmentRow, locale: Locale): Figure[] {
  return indicatorsOf(def).map((ind): Figure => {
    if (ind.source.kind === 'computed') {
      const f = a.figures?.[ind.code];
      return {
        code: ind.code,
        value: f?.value ?? null,
        source: 'computed',
        note: f?.note ?? '',
        available: f?.available ?? false,
        rows: (f?.rows ?? []) as Figure['rows'],
      };
    }
    if (ind.source.kind === 'manual') {
      const m = a.manual[ind.code];
      return {
        code: ind.code,
        value: m?.value ?? null,
        source: 'manual',
        note: m?.note || word(W.manualNote, locale),
        available: true,
        rows: [],
      };
    }
    return {
      code: ind.code,
      value: null,
      source: 'assessor',
      note: word(W.assessorNote, locale),
      available: true,
      rows: [],
    };
  });
}

/** Inputs of the scoring rules: the figures, and per assessor indicator the assessors' scores. */
export function inputsOf(figures: readonly Figure[], assessorScores: ReadonlyMap<string, number[]> = new Map()) {
  return new Map<string, IndicatorInput>(
    figures.map((f) => [f.code, { value: f.value, assessorScores: assessorScores.get(f.code) ?? [] }]),
  );
}

export type Snapshot = Omit<Assessment, 'id' | 'status' | 'snapshotSha256'>;

export function buildView(
  f: FrameworkRow,
  a: AssessmentRow,
  evidence: readonly EvidenceRow[],
  regionLabel: string,
  locale: Locale,
): Assessment {
  if (a.status === 'submitted') {
    const snap = assessmentSchema
      .omit({ id: true, status: true, snapshotSha256: true })
      .parse(a.snapshot) satisfies Snapshot;
    return { ...snap, id: a.id, status: 'submitted', snapshotSha256: a.snapshot_sha256 };
  }
  const figures = draftFigures(f.definition, a, locale);
  return {
    id: a.id,
    frameworkId: f.id,
    year: f.year,
    region: a.region_code,
    regionLabel,
    cutoff: a.cutoff,
    status: 'draft',
    figures,
    scores: scoreSheet(f.definition, inputsOf(figures)),
    narratives: a.narratives,
    evidence: evidence.map(evidenceOut),
    preparedBy: a.prepared_by,
    submittedBy: null,
    submittedAt: null,
    snapshotSha256: null,
  };
}
