import { EMPLOYER_EDITORS, EMPLOYER_READERS, SANCTION_LETTER_WRITERS } from '../../../lib/contracts/employers.ts';
import { inScope } from '../../../lib/access/roles.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';

export const requireEmployerEditor = (ctx: RequestContext) => requireRole(ctx, EMPLOYER_EDITORS);
export const requireEmployerReader = (ctx: RequestContext) => requireRole(ctx, EMPLOYER_READERS);
export const requireLetterWriter = (ctx: RequestContext) => requireRole(ctx, SANCTION_LETTER_WRITERS);

/** The region a file is about: the one asked for (inside the actor's scope) or the actor's own. */
export function regionOf(actor: Actor, region: string | undefined): string {
  const r = region ?? actor.scope;
  if (r !== '*' && !inScope(actor.scope, r)) throw new AppError('OUT_OF_SCOPE', { region: r });
  return r;
}
