import {
  AUDIT_READERS,
  SECURITY_READERS,
  USER_MANAGERS,
  canGrantRole,
  inScope,
  type Role,
} from '../../../lib/access/roles.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

export function requireRole(ctx: RequestContext, roles: readonly Role[]): Actor {
  const actor = requireActor(ctx);
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN');
  return actor;
}

export const requireUserManager = (ctx: RequestContext) => requireRole(ctx, USER_MANAGERS);
export const requireAuditReader = (ctx: RequestContext) => requireRole(ctx, AUDIT_READERS);
export const requireSecurityReader = (ctx: RequestContext) => requireRole(ctx, SECURITY_READERS);

/** A user may give only roles no higher than their own, only inside their own region. */
export function assertMayAssign(actor: Actor, role: Role, region: string): void {
  if (!canGrantRole(actor.role, role)) throw new AppError('ROLE_TOO_HIGH', { role });
  const allowed = region === '*' ? actor.scope === '*' : inScope(actor.scope, region);
  if (!allowed) throw new AppError('OUT_OF_SCOPE', { region });
}
