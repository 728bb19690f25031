// Public API of the registry module (workers: one record per person, found by NIK).
export { registerRegistryRoutes } from './registry.routes.ts';
export { registerWorker, updateWorker, listWorkers, getWorker, revealNik } from './registry.service.ts';
// Bulk writes (the worker import, loads): one set-based upsert from a staging relation of the caller's transaction.
export {
  bulkInsertWorkers,
  ensureWorkerNameKeys,
  writeWorkerStage,
  WORKER_FILE_COLUMNS,
  type BulkWorker,
  type BulkInsertOptions,
  type WorkerStageWrite,
  type WorkerValueColumn,
} from './registry.bulk.ts';
export { WORKER_VALUE_COLUMNS } from './registry.repository.ts';
export { workerHistory } from './registry.history.ts';
export { listDuplicates, mergeDuplicates, dismissDuplicate } from './registry.duplicates.ts';
// Workers by id in the reader's scope (raw NIK: for reads that stay on the server), inside the caller's transaction.
export { findWorkersInScope, type WorkerRow } from './registry.repository.ts';
export { requireWorkerReader } from './registry.policy.ts';
export { workerNotFound } from './registry.present.ts';
