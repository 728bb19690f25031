// Public API of the exchange module: registration batch files to BPJS TK, the branch's response, membership
// snapshots and reconciliation, through an ExchangeAdapter (file, or the in-process simulator).
export { registerExchangeRoutes } from './exchange.routes.ts';
export {
  FileAdapter,
  SimulatorAdapter,
  simulatedKpj,
  simulatedDecision,
  type ExchangeAdapter,
  type Participant,
} from './adapter.ts';
export { exportBatch, listBatches } from './batches.service.ts';
export { importResponse, applyAdapterResponse } from './responses.service.ts';
export { importSnapshot, importSimulatedSnapshot, unenrolledWorkers } from './snapshots.service.ts';
export { reconciliation } from './reconciliation.service.ts';
// When the branch's answer gave an enrollment its KPJ, read inside the caller's withScope transaction.
export { branchAnswers, type BranchAnswerRow } from './exchange.repository.ts';
export { latestSnapshotDate } from './exchange.todo.ts';
// Which NIKs appear in a BPJS membership snapshot, read inside the caller's withScope transaction.
export { memberNiks } from './exchange.repository.ts';
// The template mechanism of the batch file (columns: header and field) for other files handed to the branch.
export { writeTemplatedCsv, writeTemplatedXlsx } from './exchange.files.ts';
