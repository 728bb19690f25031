import { inScope } from '../../../lib/access/roles.ts';
import { CHANNEL_READERS, GOVERNANCE_EDITORS, GOVERNANCE_READERS } from '../../../lib/contracts/governance.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';

export const requireGovernanceReader = (ctx: RequestContext) => requireRole(ctx, GOVERNANCE_READERS);
export const requireGovernanceEditor = (ctx: RequestContext) => requireRole(ctx, GOVERNANCE_EDITORS);
export const requireChannelReader = (ctx: RequestContext) => requireRole(ctx, CHANNEL_READERS);

export function assertRegionInScope(actor: Actor, region: string): void {
  if (!inScope(actor.scope, region)) throw new AppError('OUT_OF_SCOPE', { region });
}
