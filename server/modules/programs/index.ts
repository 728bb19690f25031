// Public API of the programmes module: protection programmes (quotas, budgets, prices) and enrollment in them.
export { registerProgramRoutes } from './programs.routes.ts';
export {
  listPrograms,
  getProgram,
  createProgram,
  updateProgram,
  previewProgramCost,
  type Clock,
} from './programs.service.ts';
export { spendingInRegion, type RegionSpending } from './programs.spending.ts';
export { takeBranchKpj, recordBatchAnswer, type KpjCorrection } from './enrollment.branch.ts';
export { proposeWorkers } from './enrollment.proposals.ts';
export {
  verifyEnrollments,
  rejectEnrollments,
  endEnrollments,
  submitBatch,
  activateEnrollments,
} from './enrollment.decisions.ts';
export { listEnrollments, programGaps, workerEnrollments } from './enrollment.lists.ts';
// A person's enrollments in every status, read inside the caller's withScope transaction.
export {
  enrollmentsOfWorkers,
  enrollmentTrail,
  type WorkerEnrollmentRow,
  type EnrollmentTrailRow,
} from './programs.repository.ts';
export { enrollmentWork, type EnrollmentWork } from './programs.todo.ts';
// Billing's payments move an enrollment's paid_through here (set-based: a relation of paid months).
export { advancePaidThrough, type PaidMonth } from './paid-through.ts';
// Wage-earner (PU) cohorts (issue 18).
export { proposeWages, type WageProposal, type WageProposalOutcome } from './pu.proposals.ts';
export { rollOver, type RolloverInput, type RolloverResult } from './rollover.ts';
// Election roster guard (issue 18 §3): roster routes, and the home page's countdown inside the caller's transaction.
export { registerElectionRoutes } from './election.routes.ts';
export { electionCountdowns, type ElectionCountdownRow } from './election.guard.ts';
