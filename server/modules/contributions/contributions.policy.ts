import type { Role } from '../../../lib/access/roles.ts';
import { NATIONAL_LABEL } from '../../../lib/regions/label.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** Who may add contribution rule rows. */
export const RULE_EDITORS: readonly Role[] = ['admin'];

/**
 * Contribution rules are national: one row changes every Pemda's quotes and budgets. Only an administrator with the
 * national scope ('*') may add one; a regency's admin is refused like any other out-of-scope change.
 */
export function requireRuleEditor(ctx: RequestContext): Actor {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!RULE_EDITORS.includes(actor.role)) throw new AppError('FORBIDDEN');
  if (actor.scope !== '*') throw new AppError('OUT_OF_SCOPE', { region: `${NATIONAL_LABEL[actor.locale]} (*)` });
  return actor;
}
