import { WORKER_EDITORS } from '../../../lib/access/roles.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireRole } from '../access/index.ts';

/** Imports are for those who edit workers, within their scope. */
export const requireImporter = (ctx: RequestContext) => requireRole(ctx, WORKER_EDITORS);
