import { inScope, levelOfCode, type Scope } from '../../../lib/access/roles.ts';
import {
  ASSESSMENT_PREPARERS,
  ASSESSMENT_READERS,
  ASSESSMENT_SUBMITTERS,
  ASSESSORS,
  FRAMEWORK_EDITORS,
} from '../../../lib/contracts/assessment.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';

export const requireAssessmentReader = (ctx: RequestContext) => requireRole(ctx, ASSESSMENT_READERS);
export const requirePreparer = (ctx: RequestContext) => requireRole(ctx, ASSESSMENT_PREPARERS);
export const requireSubmitter = (ctx: RequestContext) => requireRole(ctx, ASSESSMENT_SUBMITTERS);
export const requireAssessor = (ctx: RequestContext) => requireRole(ctx, ASSESSORS);

/** A framework is national: only an administrator whose scope is the whole country edits it. */
export function requireFrameworkEditor(ctx: RequestContext) {
  const actor = requireRole(ctx, FRAMEWORK_EDITORS);
  if (actor.scope !== '*') throw new AppError('FORBIDDEN');
  return actor;
}

/** A self-assessment belongs to a regency (kab/kota) inside the actor's scope. */
export function assertRegency(scope: Scope, region: string): void {
  if (levelOfCode(region) !== 'regency') throw new AppError('REGION_UNKNOWN', { region });
  if (!inScope(scope, region)) throw new AppError('OUT_OF_SCOPE', { region });
}

/** The province view: a province inside the actor's scope, or the actor's scope inside the province. */
export function assertProvince(scope: Scope, province: string): void {
  if (levelOfCode(province) !== 'province') throw new AppError('REGION_UNKNOWN', { region: province });
  if (!inScope(scope, province)) throw new AppError('OUT_OF_SCOPE', { region: province });
}
