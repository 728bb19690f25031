// Public API of the regions module: other modules call these, never the region table.
export { ensureRegionsLoaded, REGION_SOURCE, type RegionCounts } from './regions.loader.ts';
export { regionStats, findRegion, firstVillageIn, listChildren, searchRegions } from './regions.repository.ts';
export { regionWithPath, scopeLabel, scopeLabels, regionCodeSets, type RegionCodeSets } from './regions.service.ts';
export { registerRegionRoutes } from './regions.routes.ts';
