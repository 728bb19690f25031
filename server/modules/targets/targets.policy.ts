// Who reads and edits coverage targets (lib/contracts/targets.ts names the roles): editors inside their scope.
import { inScope } from '../../../lib/access/roles.ts';
import { TARGET_EDITORS, TARGET_READERS } from '../../../lib/contracts/targets.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';
import { findRegion } from '../regions/index.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';

export const requireReader = (ctx: RequestContext) => requireRole(ctx, TARGET_READERS);
export const requireEditor = (ctx: RequestContext) => requireRole(ctx, TARGET_EDITORS);

export const canEdit = (actor: Actor, region: string) =>
  TARGET_EDITORS.includes(actor.role) && inScope(actor.scope, region);

export function assertEdits(actor: Actor, region: string) {
  if (!canEdit(actor, region)) throw new AppError('OUT_OF_SCOPE', { region });
}

export async function assertKnownRegion(tx: Tx, region: string) {
  if (!(await findRegion(tx, region))) throw new AppError('REGION_UNKNOWN', { region });
}

export const entity = (actor: Actor, w: Words) => word(w, actor.locale);
