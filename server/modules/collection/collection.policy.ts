import { COLLECTION_PLANNERS, COLLECTION_WORKERS, DEVICE_ADMINS } from '../../../lib/contracts/collection.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireRole } from '../access/index.ts';

export const requirePlanner = (ctx: RequestContext) => requireRole(ctx, COLLECTION_PLANNERS);
export const requireCollector = (ctx: RequestContext) => requireRole(ctx, COLLECTION_WORKERS);
export const requireDeviceAdmin = (ctx: RequestContext) => requireRole(ctx, DEVICE_ADMINS);
