// Public API of the programmes module: protection programmes (quotas, budgets, prices) and enrollment in them.
export { registerProgramRoutes } from './programs.routes.ts';
export { listPrograms, getProgram, createProgram, updateProgram, type Clock } from './programs.service.ts';
export {
  proposeWorkers,
  verifyEnrollments,
  rejectEnrollments,
  endEnrollments,
  submitBatch,
  activateEnrollments,
  listEnrollments,
  programGaps,
  recordBatchAnswer,
} from './enrollment.service.ts';
export { enrollmentWork, type EnrollmentWork } from './programs.todo.ts';
