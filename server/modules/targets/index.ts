// Public API of the targets module: coverage targets and progress towards them. The workforce figures it divides by
// belong to the workforce module; their services are re-exported here so existing callers keep working.
export { registerTargetRoutes } from './targets.routes.ts';
export {
  listTargets,
  getTarget,
  createTarget,
  updateTarget,
  deleteTarget,
  regionTargets,
  planningRegions,
  type Clock,
  type RegionTargets,
} from './targets.service.ts';
export { activeSeries, gapCost, costPeriod, monthsToTarget } from './targets.progress.ts';
export { activeCounts, ACTIVE_SOURCE } from './targets.active.ts';
export {
  listWorkforce,
  exportWorkforce,
  saveWorkforce,
  updateWorkforce,
  deleteWorkforce,
  importWorkforce,
} from '../workforce/index.ts';
