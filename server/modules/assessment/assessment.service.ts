// The regency's self-assessment (issue 17 §3): Disnaker opens it against the year's published framework, prepares
// Lindung's figures at the cut-off date (stored with their drill-down rows), enters manual figures, narratives and
// evidence; the pimpinan submits it, which freezes a snapshot (figures, scores, narratives, evidence with hashes)
// whose SHA-256 is kept beside it. Every change audited in its transaction.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { inScope } from '../../../lib/access/roles.ts';
import type { Assessment, Evidence, RegisterCandidates } from '../../../lib/contracts/assessment.ts';
import { interpolate, type Locale } from '../../../lib/i18n/locale.ts';
import { indicatorsOf } from '../../../lib/rules/paritrana-scoring.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/context.ts';
import { instrumentWithFile, instrumentsInForce, type governanceFiles } from '../governance/index.ts';
import { scopeLabels } from '../regions/index.ts';
import { ENTITY_WORDS, W, word } from './assessment.words.ts';
import { assertRegency, requireAssessmentReader, requirePreparer, requireSubmitter } from './assessment.policy.ts';
import * as repo from './assessment.repository.ts';
import type { EvidenceStore } from './assessment.store.ts';
import { sniffEvidenceType } from './assessment.store.ts';
import { buildView, evidenceOut, type Snapshot } from './assessment.view.ts';
import { loadFramework } from './frameworks.service.ts';
import { compute, instrumentLabel } from './indicators.ts';

export type EvidenceDeps = { db: Db; store: EvidenceStore; maxBytes: number };
/** The governance register's files (governanceFiles), read to copy an instrument's PDF as evidence. */
export type RegisterFiles = ReturnType<typeof governanceFiles>;

const notFound = (locale: Locale) => new AppError('NOT_FOUND', { entity: word(ENTITY_WORDS.assessment, locale) });

async function regionLabel(tx: Tx, region: string, locale: Locale): Promise<string> {
  return (await scopeLabels(tx, [region], locale)).get(region) ?? region;
}

async function viewIn(tx: Tx, actor: Actor, ctx: RequestContext, a: repo.AssessmentRow): Promise<Assessment> {
  const f = await loadFramework(tx, ctx, a.framework_id);
  const evidence = await repo.evidenceOf(tx, actor.scope, a.id);
  return buildView(f, a, evidence, await regionLabel(tx, a.region_code, actor.locale), actor.locale);
}

async function draftFor(tx: Tx, actor: Actor, id: string): Promise<repo.AssessmentRow> {
  const a = await repo.assessmentById(tx, actor.scope, id, true);
  if (!a) throw notFound(actor.locale);
  if (a.status !== 'draft') {
    throw new AppError('ASSESSMENT_SUBMITTED', { region: a.region_code, at: a.submitted_at?.toISOString() ?? '' });
  }
  return a;
}

/** Opens (or returns) the regency's self-assessment against a published framework. */
export async function openAssessment(
  db: Db,
  ctx: RequestContext,
  v: { frameworkId: string; region: string; cutoff: string },
): Promise<Assessment> {
  const actor = requirePreparer(ctx);
  assertRegency(actor.scope, v.region);
  return withScope(db, actor.scope, async (tx) => {
    const f = await loadFramework(tx, ctx, v.frameworkId);
    if (f.status !== 'published') throw new AppError('FRAMEWORK_NOT_PUBLISHED', { name: f.name });
    const existing = await repo.assessmentOf(tx, actor.scope, f.id, v.region);
    if (existing) return viewIn(tx, actor, ctx, existing);
    const id = await repo.insertAssessment(tx, {
      framework_id: f.id,
      region_code: v.region,
      cutoff: v.cutoff,
      prepared_by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'assessment.open',
      entity: 'assessment',
      entityId: id,
      region: v.region,
      after: { framework: f.id, year: f.year, cutoff: v.cutoff },
    });
    return viewIn(tx, actor, ctx, (await repo.assessmentById(tx, actor.scope, id))!);
  });
}

export async function listAssessments(db: Db, ctx: RequestContext, region?: string) {
  const actor = requireAssessmentReader(ctx);
  if (region !== undefined && !inScope(actor.scope, region)) throw new AppError('OUT_OF_SCOPE', { region });
  return withScope(db, actor.scope, async (tx) => {
    const rows = await repo.assessmentsIn(tx, actor.scope, region ?? actor.scope);
    const labels = await scopeLabels(
      tx,
      rows.map((r) => r.region_code),
      actor.locale,
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        frameworkId: r.framework_id,
        region: r.region_code,
        regionLabel: labels.get(r.region_code) ?? r.region_code,
        cutoff: r.cutoff,
        status: r.status,
        submittedAt: r.submitted_at?.toISOString() ?? null,
      })),
    };
  });
}

export async function getAssessment(db: Db, ctx: RequestContext, id: string): Promise<Assessment> {
  const actor = requireAssessmentReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const a = await repo.assessmentById(tx, actor.scope, id);
    if (!a) throw notFound(actor.locale);
    return viewIn(tx, actor, ctx, a);
  });
}

/**
 * Computes every computed indicator of the framework now, from the live data at the cut-off date (a new cut-off may
 * be given), and stores the figures with their rows. The computations read other modules through their index.ts,
 * each in its own scoped transaction; the result is written in one audited transaction.
 */
export async function prepareFigures(
  db: Db,
  ctx: RequestContext,
  id: string,
  cutoff?: string,
  clock: Clock = systemClock,
): Promise<Assessment> {
  const actor = requirePreparer(ctx);
  const { a, f } = await withScope(db, actor.scope, async (tx) => {
    const a = await draftFor(tx, actor, id);
    return { a, f: await loadFramework(tx, ctx, a.framework_id) };
  });
  const at = cutoff ?? a.cutoff;
  const figures: NonNullable<repo.AssessmentRow['figures']> = {};
  for (const ind of indicatorsOf(f.definition)) {
    if (ind.source.kind !== 'computed') continue;
    figures[ind.code] = await compute(ind.source.computation, {
      db,
      ctx,
      region: a.region_code,
      cutoff: at,
      // The data's year is the cut-off's: an award edition may be assessed on the following year's figures.
      year: Number(at.slice(0, 4)),
      locale: actor.locale,
    });
  }
  return withScope(db, actor.scope, async (tx) => {
    const before = await draftFor(tx, actor, id);
    await repo.updateAssessment(tx, actor.scope, id, {
      figures,
      figures_at: clock(),
      cutoff: at,
      prepared_by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'assessment.prepare',
      entity: 'assessment',
      entityId: id,
      region: a.region_code,
      before: { cutoff: before.cutoff, figures: before.figures && valuesOf(before.figures) },
      after: { cutoff: at, figures: valuesOf(figures) },
    });
    return viewIn(tx, actor, ctx, (await repo.assessmentById(tx, actor.scope, id))!);
  });
}

const valuesOf = (figures: NonNullable<repo.AssessmentRow['figures']>) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v.value]));

export async function setManualValue(
  db: Db,
  ctx: RequestContext,
  id: string,
  v: { indicatorCode: string; value: number | null; note: string },
): Promise<Assessment> {
  const actor = requirePreparer(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const a = await draftFor(tx, actor, id);
    const f = await loadFramework(tx, ctx, a.framework_id);
    const ind = indicatorsOf(f.definition).find((i) => i.code === v.indicatorCode);
    if (!ind || ind.source.kind !== 'manual') {
      throw new AppError('INDICATOR_UNKNOWN', { code: v.indicatorCode, expected: 'manual' });
    }
    const value = ind.source.value === 'yes_no' && v.value !== null ? (v.value > 0 ? 1 : 0) : v.value;
    const manual = { ...a.manual, [v.indicatorCode]: { value, note: v.note } };
    await repo.updateAssessment(tx, actor.scope, id, { manual });
    await writeAudit(tx, ctx, {
      action: 'assessment.manual',
      entity: 'assessment',
      entityId: id,
      region: a.region_code,
      before: { [v.indicatorCode]: a.manual[v.indicatorCode] ?? null },
      after: { [v.indicatorCode]: { value, note: v.note } },
    });
    return viewIn(tx, actor, ctx, (await repo.assessmentById(tx, actor.scope, id))!);
  });
}

export async function setNarrative(
  db: Db,
  ctx: RequestContext,
  id: string,
  v: { aspectCode: string; text: string },
): Promise<Assessment> {
  const actor = requirePreparer(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const a = await draftFor(tx, actor, id);
    const f = await loadFramework(tx, ctx, a.framework_id);
    if (!f.definition.aspects.some((x) => x.code === v.aspectCode)) {
      throw new AppError('INDICATOR_UNKNOWN', { code: v.aspectCode, expected: 'aspek' });
    }
    await repo.updateAssessment(tx, actor.scope, id, { narratives: { ...a.narratives, [v.aspectCode]: v.text } });
    await writeAudit(tx, ctx, {
      action: 'assessment.narrative',
      entity: 'assessment',
      entityId: id,
      region: a.region_code,
      before: { [v.aspectCode]: a.narratives[v.aspectCode] ?? null },
      after: { [v.aspectCode]: v.text },
    });
    return viewIn(tx, actor, ctx, (await repo.assessmentById(tx, actor.scope, id))!);
  });
}

type NewEvidence = {
  indicatorCode: string;
  fileName: string;
  bytes: Buffer;
  type: NonNullable<ReturnType<typeof sniffEvidenceType>>;
  instrument?: { id: string; label: string };
};

/** Stores the bytes and records the evidence row with its audit in one transaction; the file goes if it fails. */
async function storeEvidence(deps: EvidenceDeps, ctx: RequestContext, actor: Actor, id: string, e: NewEvidence) {
  const sha256 = createHash('sha256').update(e.bytes).digest('hex');
  let stored: string | null = null;
  try {
    return await withScope(deps.db, actor.scope, async (tx) => {
      const a = await draftFor(tx, actor, id);
      const f = await loadFramework(tx, ctx, a.framework_id);
      if (!indicatorsOf(f.definition).some((i) => i.code === e.indicatorCode)) {
        throw new AppError('INDICATOR_UNKNOWN', { code: e.indicatorCode, expected: 'indikator' });
      }
      if (e.instrument && (await repo.evidenceOf(tx, actor.scope, a.id)).some((x) => sameCitation(x, e))) {
        throw new AppError('CONFLICT', { detail: interpolate(word(W.alreadyAttached, actor.locale), e.instrument) });
      }
      stored = await deps.store.put(a.id, e.bytes);
      const evidenceId = await repo.insertEvidence(tx, {
        assessment_id: a.id,
        region_code: a.region_code,
        indicator_code: e.indicatorCode,
        file_name: e.fileName,
        content_type: e.type,
        size_bytes: e.bytes.length,
        sha256,
        storage_key: stored,
        uploaded_by: actor.username,
        instrument_id: e.instrument?.id ?? null,
        instrument_label: e.instrument?.label ?? null,
      });
      await writeAudit(tx, ctx, {
        action: e.instrument ? 'assessment.evidence.register' : 'assessment.evidence.upload',
        entity: 'assessment_evidence',
        entityId: evidenceId,
        region: a.region_code,
        after: {
          assessment: a.id,
          indicator: e.indicatorCode,
          file_name: e.fileName,
          type: e.type,
          size: e.bytes.length,
          sha256,
          ...(e.instrument ? { instrument: e.instrument.id, label: e.instrument.label } : {}),
        },
      });
      return evidenceOut((await repo.evidenceById(tx, actor.scope, a.id, evidenceId))!);
    });
  } catch (err) {
    if (stored) await deps.store.remove(stored);
    throw err;
  }
}

const sameCitation = (x: repo.EvidenceRow, e: NewEvidence) =>
  x.instrument_id === e.instrument?.id && x.indicator_code === e.indicatorCode;

export async function uploadEvidence(
  deps: EvidenceDeps,
  ctx: RequestContext,
  id: string,
  q: { indicatorCode: string; fileName: string },
  bytes: Buffer,
): Promise<Evidence> {
  const actor = requirePreparer(ctx);
  if (bytes.length > deps.maxBytes)
    throw new AppError('EVIDENCE_TOO_LARGE', { fileName: q.fileName, limit: deps.maxBytes });
  const type = sniffEvidenceType(bytes);
  if (!type) throw new AppError('EVIDENCE_TYPE', { fileName: q.fileName });
  return storeEvidence(deps, ctx, actor, id, { ...q, bytes, type });
}

/** The governance register's instruments in force on the assessment's cut-off that have a signed PDF. */
export async function registerCandidates(db: Db, ctx: RequestContext, id: string): Promise<RegisterCandidates> {
  const actor = requirePreparer(ctx);
  const a = await withScope(db, actor.scope, async (tx) => {
    const found = await repo.assessmentById(tx, actor.scope, id);
    if (!found) throw notFound(actor.locale);
    return found;
  });
  const inForce = await instrumentsInForce(db, ctx, { region: a.region_code, at: a.cutoff });
  return {
    items: inForce.rows.flatMap((i) =>
      i.file
        ? [
            {
              id: i.id,
              label: instrumentLabel(i),
              kind: i.kind,
              signedOn: i.signedOn,
              fileName: i.file.name,
              sha256: i.file.sha256,
            },
          ]
        : [],
    ),
  };
}

/**
 * Attaches an instrument of the governance register (in force on the cut-off, with its signed PDF) as evidence. The
 * register's bytes are copied with their SHA-256 checked, so the snapshot names the instrument, the file and the hash
 * as they were, whatever the register later holds.
 */
export async function attachInstrument(
  deps: EvidenceDeps & { register: RegisterFiles },
  ctx: RequestContext,
  id: string,
  v: { indicatorCode: string; instrumentId: string },
): Promise<Evidence> {
  const actor = requirePreparer(ctx);
  const candidate = (await registerCandidates(deps.db, ctx, id)).items.find((i) => i.id === v.instrumentId);
  if (!candidate) {
    throw new AppError('CONFLICT', { detail: interpolate(word(W.notInForce, actor.locale), { id: v.instrumentId }) });
  }
  const { instrument, bytes } = await instrumentWithFile(deps.register, ctx, v.instrumentId);
  return storeEvidence(deps, ctx, actor, id, {
    indicatorCode: v.indicatorCode,
    fileName: instrument.file!.name,
    bytes,
    type: 'application/pdf',
    instrument: { id: instrument.id, label: instrumentLabel(instrument) },
  });
}

export async function removeEvidence(deps: EvidenceDeps, ctx: RequestContext, id: string, evidenceId: string) {
  const actor = requirePreparer(ctx);
  const key = await withScope(deps.db, actor.scope, async (tx) => {
    const a = await draftFor(tx, actor, id);
    const e = await repo.evidenceById(tx, actor.scope, a.id, evidenceId);
    if (!e) throw new AppError('NOT_FOUND', { entity: word(ENTITY_WORDS.evidence, actor.locale) });
    await repo.deleteEvidence(tx, actor.scope, e.id);
    await writeAudit(tx, ctx, {
      action: 'assessment.evidence.remove',
      entity: 'assessment_evidence',
      entityId: e.id,
      region: a.region_code,
      before: { file_name: e.file_name, sha256: e.sha256, indicator: e.indicator_code },
    });
    return e.storage_key;
  });
  await deps.store.remove(key);
  return { ok: true as const };
}

/** The download is audited first; only then is the file opened, so no byte leaves without a trace. */
export async function openEvidence(
  deps: EvidenceDeps,
  ctx: RequestContext,
  id: string,
  evidenceId: string,
): Promise<{ evidence: Evidence; stream: Readable }> {
  const actor = requireAssessmentReader(ctx);
  const e = await withScope(deps.db, actor.scope, async (tx) => {
    const found = await repo.evidenceById(tx, actor.scope, id, evidenceId);
    if (!found) throw new AppError('NOT_FOUND', { entity: word(ENTITY_WORDS.evidence, actor.locale) });
    await writeAudit(tx, ctx, {
      action: 'assessment.evidence.download',
      entity: 'assessment_evidence',
      entityId: found.id,
      region: found.region_code,
      after: { file_name: found.file_name, sha256: found.sha256 },
    });
    return found;
  });
  return { evidence: evidenceOut(e), stream: deps.store.open(e.storage_key) };
}

/** JSON with keys sorted at every level: the stored jsonb can be hashed again and compared. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const snapshotSha256 = (snapshot: unknown) => createHash('sha256').update(canonicalJson(snapshot)).digest('hex');

/** Approves and submits: the snapshot is frozen with its SHA-256 (a trigger refuses later changes). */
export async function submitAssessment(
  db: Db,
  ctx: RequestContext,
  id: string,
  clock: Clock = systemClock,
): Promise<Assessment> {
  const actor = requireSubmitter(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const a = await draftFor(tx, actor, id);
    if (a.figures === null) {
      throw new AppError('CONFLICT', {
        detail: 'Angka Lindung belum disiapkan. Minta Disnaker menekan "Siapkan angka" sebelum mengirim.',
      });
    }
    const view = await viewIn(tx, actor, ctx, a);
    const at = clock();
    const snapshot: Snapshot = {
      frameworkId: view.frameworkId,
      year: view.year,
      region: view.region,
      regionLabel: view.regionLabel,
      cutoff: view.cutoff,
      figures: view.figures,
      scores: view.scores,
      narratives: view.narratives,
      evidence: view.evidence,
      preparedBy: view.preparedBy,
      submittedBy: actor.username,
      submittedAt: at.toISOString(),
    };
    const sha256 = snapshotSha256(snapshot);
    await repo.submitAssessment(tx, actor.scope, id, { snapshot, sha256, by: actor.username, at });
    await writeAudit(tx, ctx, {
      action: 'assessment.submit',
      entity: 'assessment',
      entityId: id,
      region: a.region_code,
      after: { sha256, total: view.scores.total, evidence: view.evidence.map((e) => e.sha256) },
    });
    return viewIn(tx, actor, ctx, (await repo.assessmentById(tx, actor.scope, id))!);
  });
}
