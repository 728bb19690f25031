// Public API of the registry module (workers: one record per person, found by NIK).
export { registerRegistryRoutes } from './registry.routes.ts';
export { registerWorker, updateWorker, listWorkers, getWorker, revealNik } from './registry.service.ts';
export { bulkInsertWorkers, type BulkWorker, type BulkInsertOptions } from './registry.bulk.ts';
