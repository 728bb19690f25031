import { inScope } from '../../../lib/access/roles.ts';
import { EXCHANGE_USERS, TEMPLATE_EDITORS } from '../../../lib/contracts/exchange.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';

/** Disnaker, admin and the BPJS branch (scope = their regency) exchange files; operators do not. */
export const requireExchangeUser = (ctx: RequestContext) => requireRole(ctx, EXCHANGE_USERS);
export const requireTemplateEditor = (ctx: RequestContext) => requireRole(ctx, TEMPLATE_EDITORS);

/** The region a request is about: the one asked for, inside the actor's scope, else the scope itself. */
export function regionOf(actor: Actor, wanted: string | undefined): string {
  if (wanted === undefined) return actor.scope;
  if (!inScope(actor.scope, wanted)) throw new AppError('OUT_OF_SCOPE', { region: wanted });
  return wanted;
}
