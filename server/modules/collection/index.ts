// Public API of the collection module (issue 19): collection targets split across villages, candidate lists from
// poverty data and the village worklist, and the offline queue's sync and devices. It calls registry and
// programmes through their index.ts and reads the published views; no module depends on it.
export { registerCollectionRoutes } from './collection.routes.ts';
export { createTarget, listTargets, targetDetail, villagesOf } from './collection.targets.ts';
export { importCandidates, worklist, recordVisit } from './collection.candidates.ts';
export { syncQueue, registerDevice, listDevices, revokeDevice } from './collection.sync.ts';
