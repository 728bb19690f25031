// The province view (issue 17 §5): the provincial team (asesor with a province scope) sees every submitted
// self-assessment of its regencies side by side, each assessor scores the interview/narrative indicators separately,
// the final score of such an indicator follows the framework's rule (mean or median), and the regencies are ranked
// with ties broken by the framework's aspects. Scores and comments are audited.
import type { ProvinceView, RankedEntry } from '../../../lib/contracts/assessment.ts';
import { indicatorsOf, rank, scoreSheet } from '../../../lib/rules/paritrana-scoring.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeLabels } from '../regions/index.ts';
import { assertProvince, requireAssessmentReader, requireAssessor } from './assessment.policy.ts';
import * as repo from './assessment.repository.ts';
import { ENTITY_WORDS, word } from './assessment.words.ts';
import { buildView, inputsOf } from './assessment.view.ts';
import { frameworkOf, loadFramework } from './frameworks.service.ts';

export async function provinceView(
  db: Db,
  ctx: RequestContext,
  q: { frameworkId: string; province: string },
): Promise<ProvinceView> {
  const actor = requireAssessmentReader(ctx);
  assertProvince(actor.scope, q.province);
  return withScope(db, actor.scope, async (tx) => {
    const f = await loadFramework(tx, ctx, q.frameworkId);
    const rows = (await repo.assessmentsIn(tx, actor.scope, q.province, f.id)).filter((a) => a.status === 'submitted');
    const ids = rows.map((r) => r.id);
    const [scores, comments, labels] = await Promise.all([
      repo.scoresOf(tx, actor.scope, ids),
      repo.commentsOf(tx, actor.scope, ids),
      scopeLabels(tx, [q.province, ...rows.map((r) => r.region_code)], actor.locale),
    ]);
    const entries = rows.map((a) => {
      const view = buildView(f, a, [], labels.get(a.region_code) ?? a.region_code, actor.locale);
      const mine = scores.filter((s) => s.assessment_id === a.id);
      const byIndicator = new Map<string, number[]>();
      for (const s of mine) byIndicator.set(s.indicator_code, [...(byIndicator.get(s.indicator_code) ?? []), s.score]);
      const sheet = scoreSheet(f.definition, inputsOf(view.figures, byIndicator));
      return {
        assessmentId: a.id,
        region: a.region_code,
        regionLabel: view.regionLabel,
        submittedAt: view.submittedAt,
        scores: sheet,
        myScores: Object.fromEntries(
          mine.filter((s) => s.assessor === actor.username).map((s) => [s.indicator_code, s.score]),
        ),
        assessorCount: new Set(mine.map((s) => s.assessor)).size,
        comments: comments
          .filter((c) => c.assessment_id === a.id)
          .map((c) => ({ author: c.author, body: c.body, at: c.created_at.toISOString() })),
      };
    });
    const ranked = new Map(
      rank(
        f.definition,
        entries.map((e) => ({ key: e.region, total: e.scores.total, aspects: e.scores.aspects })),
      ).map((r) => [r.key, r]),
    );
    const out: RankedEntry[] = entries
      .map((e) => ({ ...e, rank: ranked.get(e.region)!.rank, tieBrokenBy: ranked.get(e.region)!.tieBrokenBy }))
      .sort((a, b) => a.rank - b.rank || a.region.localeCompare(b.region));
    return {
      framework: frameworkOf(f),
      province: q.province,
      provinceLabel: labels.get(q.province) ?? q.province,
      entries: out,
    };
  });
}

async function submittedFor(tx: Parameters<Parameters<typeof withScope>[2]>[0], ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  const a = await repo.assessmentById(tx, actor.scope, id, true);
  if (!a) throw new AppError('NOT_FOUND', { entity: word(ENTITY_WORDS.assessment, actor.locale) });
  if (a.status !== 'submitted') throw new AppError('ASSESSMENT_NOT_SUBMITTED', { region: a.region_code });
  return a;
}

/** One assessor's own score of an assessor-scored indicator (0 to the rule's maximum); a second call replaces it. */
export async function scoreIndicator(
  db: Db,
  ctx: RequestContext,
  id: string,
  v: { indicatorCode: string; score: number; comment: string },
): Promise<{ ok: true }> {
  const actor = requireAssessor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const a = await submittedFor(tx, ctx, id);
    const f = await loadFramework(tx, ctx, a.framework_id);
    const ind = indicatorsOf(f.definition).find((i) => i.code === v.indicatorCode);
    if (!ind || ind.rule.kind !== 'assessor') {
      throw new AppError('INDICATOR_UNKNOWN', { code: v.indicatorCode, expected: 'asesor' });
    }
    if (v.score > ind.rule.max) {
      const detail = `nilai ${v.indicatorCode} paling tinggi ${ind.rule.max}`;
      throw new AppError('VALIDATION_FAILED', { detail }, [{ path: 'score', message: detail }]);
    }
    const { before } = await repo.upsertScore(tx, {
      assessment_id: a.id,
      region_code: a.region_code,
      indicator_code: v.indicatorCode,
      assessor: actor.username,
      score: v.score,
      comment: v.comment,
    });
    await writeAudit(tx, ctx, {
      action: 'assessment.score',
      entity: 'assessment',
      entityId: a.id,
      region: a.region_code,
      before: before === null ? null : { [v.indicatorCode]: before },
      after: { [v.indicatorCode]: v.score, comment: v.comment },
    });
    return { ok: true as const };
  });
}

export async function addComment(db: Db, ctx: RequestContext, id: string, body: string): Promise<{ ok: true }> {
  const actor = requireAssessor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const a = await submittedFor(tx, ctx, id);
    const commentId = await repo.insertComment(tx, {
      assessment_id: a.id,
      region_code: a.region_code,
      author: actor.username,
      body,
    });
    await writeAudit(tx, ctx, {
      action: 'assessment.comment',
      entity: 'assessment_comment',
      entityId: commentId,
      region: a.region_code,
      after: { assessment: a.id, body },
    });
    return { ok: true as const };
  });
}
