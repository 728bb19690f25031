import { inScope } from '../../../lib/access/roles.ts';
import {
  ENROLLMENT_PROPOSERS,
  ENROLLMENT_READERS,
  PROGRAM_MANAGERS,
  PROGRAM_READERS,
} from '../../../lib/contracts/programs.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';

export const requireProgramReader = (ctx: RequestContext) => requireRole(ctx, PROGRAM_READERS);
export const requireProgramManager = (ctx: RequestContext) => requireRole(ctx, PROGRAM_MANAGERS);
export const requireProposer = (ctx: RequestContext) => requireRole(ctx, ENROLLMENT_PROPOSERS);
export const requireEnrollmentReader = (ctx: RequestContext) => requireRole(ctx, ENROLLMENT_READERS);

/**
 * A programme is managed (edited, its enrollments verified, rejected, ended, submitted) by managers whose scope
 * holds its region. Users below it (a village operator) or beside it only read it and propose to it.
 */
export function canManage(actor: Actor, region: string): boolean {
  return PROGRAM_MANAGERS.includes(actor.role) && inScope(actor.scope, region);
}

export function assertManages(actor: Actor, region: string): void {
  if (!canManage(actor, region)) throw new AppError('OUT_OF_SCOPE', { region });
}
