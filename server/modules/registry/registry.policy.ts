import { inScope, NIK_REVEALERS, WORKER_EDITORS, WORKER_MERGERS, WORKER_READERS } from '../../../lib/access/roles.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';

export const requireWorkerReader = (ctx: RequestContext) => requireRole(ctx, WORKER_READERS);
export const requireWorkerEditor = (ctx: RequestContext) => requireRole(ctx, WORKER_EDITORS);
export const requireNikRevealer = (ctx: RequestContext) => requireRole(ctx, NIK_REVEALERS);
export const requireWorkerMerger = (ctx: RequestContext) => requireRole(ctx, WORKER_MERGERS);

/** A worker lives in one village; only a user whose scope holds that village may put them there. */
export function assertVillageInScope(actor: Actor, village: string): void {
  if (!inScope(actor.scope, village)) throw new AppError('OUT_OF_SCOPE', { region: village });
}
