// Frameworks per award year (issue 17 §1): a national administrator edits a draft, publishes it (then it is frozen:
// a trigger refuses changes too) and copies a framework to change it. Every change audited. A save refuses a wrong
// shape (codes, rules, sources); publishing also needs the weights to add up to 100.
import type { Framework, FrameworkDefinition, FrameworkSummary } from '../../../lib/contracts/assessment.ts';
import { frameworkProblems, publishProblems } from '../../../lib/rules/paritrana-scoring.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { ENTITY_WORDS, word } from './assessment.words.ts';
import { COMPUTATION_NAMES } from './indicators.ts';
import { requireAssessmentReader, requireFrameworkEditor } from './assessment.policy.ts';
import * as repo from './assessment.repository.ts';

export function summaryOf(f: repo.FrameworkRow): FrameworkSummary {
  return {
    id: f.id,
    year: f.year,
    name: f.name,
    note: f.note,
    status: f.status,
    publishedAt: f.published_at?.toISOString() ?? null,
    copiedFrom: f.copied_from,
    updatedBy: f.updated_by,
    updatedAt: f.updated_at.toISOString(),
  };
}

export const frameworkOf = (f: repo.FrameworkRow): Framework => ({ ...summaryOf(f), definition: f.definition });

export async function loadFramework(tx: Tx, ctx: RequestContext, id: string, lock = false): Promise<repo.FrameworkRow> {
  const f = await repo.frameworkById(tx, id, lock);
  if (!f) throw new AppError('NOT_FOUND', { entity: word(ENTITY_WORDS.framework, ctx.actor?.locale ?? 'id') });
  return f;
}

function assertValid(def: FrameworkDefinition, check = frameworkProblems): void {
  const problems = check(def, COMPUTATION_NAMES);
  if (problems.length > 0) throw new AppError('FRAMEWORK_INVALID', { problems: problems.join('; ') });
}

export async function listFrameworks(db: Db, ctx: RequestContext): Promise<{ items: FrameworkSummary[] }> {
  const actor = requireAssessmentReader(ctx);
  return withScope(db, actor.scope, async (tx) => ({ items: (await repo.frameworks(tx)).map(summaryOf) }));
}

export async function getFramework(db: Db, ctx: RequestContext, id: string): Promise<Framework> {
  const actor = requireAssessmentReader(ctx);
  return withScope(db, actor.scope, async (tx) => frameworkOf(await loadFramework(tx, ctx, id)));
}

export async function updateFramework(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: { name?: string; note?: string; definition?: FrameworkDefinition },
): Promise<Framework> {
  const actor = requireFrameworkEditor(ctx);
  if (patch.definition) assertValid(patch.definition);
  return withScope(db, actor.scope, async (tx) => {
    const before = await loadFramework(tx, ctx, id, true);
    if (before.status !== 'draft') throw new AppError('FRAMEWORK_FROZEN', { name: before.name });
    await repo.updateFramework(tx, id, { ...patch, by: actor.username });
    await writeAudit(tx, ctx, {
      action: 'assessment.framework.update',
      entity: 'assessment_framework',
      entityId: id,
      before: { name: before.name, note: before.note, definition: before.definition },
      after: patch,
    });
    return frameworkOf(await loadFramework(tx, ctx, id));
  });
}

export async function publishFramework(db: Db, ctx: RequestContext, id: string): Promise<Framework> {
  const actor = requireFrameworkEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const f = await loadFramework(tx, ctx, id, true);
    if (f.status !== 'draft') throw new AppError('FRAMEWORK_FROZEN', { name: f.name });
    assertValid(f.definition, publishProblems);
    const other = await repo.publishedOfYear(tx, f.year);
    if (other) {
      throw new AppError('CONFLICT', {
        detail: `Tahun ${f.year} sudah punya kerangka terbit (nomor ${other}); satu kerangka terbit per tahun.`,
      });
    }
    await repo.publishFramework(tx, id, actor.username);
    await writeAudit(tx, ctx, {
      action: 'assessment.framework.publish',
      entity: 'assessment_framework',
      entityId: id,
      after: { year: f.year, name: f.name },
    });
    return frameworkOf(await loadFramework(tx, ctx, id));
  });
}

/** A new draft with the definition of an existing framework: the way to change a published one. */
export async function copyFramework(
  db: Db,
  ctx: RequestContext,
  id: string,
  v: { year: number; name: string },
): Promise<Framework> {
  const actor = requireFrameworkEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const from = await loadFramework(tx, ctx, id);
    const newId = await repo.insertFramework(tx, {
      year: v.year,
      name: v.name,
      note: from.note,
      definition: from.definition,
      copied_from: from.id,
      by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'assessment.framework.copy',
      entity: 'assessment_framework',
      entityId: newId,
      after: { from: from.id, year: v.year, name: v.name },
    });
    return frameworkOf(await loadFramework(tx, ctx, newId));
  });
}
