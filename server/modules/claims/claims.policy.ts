import { CLAIM_READERS, CLAIM_REPORTERS, HEIR_EDITORS } from '../../../lib/contracts/claims.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireRole } from '../access/index.ts';

export const requireClaimReader = (ctx: RequestContext) => requireRole(ctx, CLAIM_READERS);
export const requireClaimReporter = (ctx: RequestContext) => requireRole(ctx, CLAIM_REPORTERS);
export const requireHeirEditor = (ctx: RequestContext) => requireRole(ctx, HEIR_EDITORS);
