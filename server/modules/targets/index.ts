// Public API of the targets module: workforce denominators (BPS), coverage targets and progress towards them.
export { registerTargetRoutes } from './targets.routes.ts';
export {
  listWorkforce,
  exportWorkforce,
  saveWorkforce,
  updateWorkforce,
  deleteWorkforce,
  importWorkforce,
  listTargets,
  getTarget,
  createTarget,
  updateTarget,
  deleteTarget,
  regionTargets,
  planningRegions,
  activeSeries,
  gapCost,
  costPeriod,
  monthsToTarget,
  type Clock,
  type RegionTargets,
} from './targets.service.ts';
export { activeCounts, ACTIVE_SOURCE } from './targets.active.ts';
