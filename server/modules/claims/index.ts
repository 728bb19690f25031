// Public API of the claims module: benefit estimates from effective-dated rule rows, claim intake with the coverage
// answer at the event date, heirs and household, and the protection-gap ledger.
export { registerClaimRoutes } from './claims.routes.ts';
export { estimate } from './claims.estimate.ts';
export { reportClaim, listClaims, getClaim, gapLedger } from './claims.service.ts';
export { importGapList } from './gap-import.service.ts';
export { getHousehold, setKkNumber, addHeir, removeHeir } from './household.service.ts';
export { getChecklist, uploadDocument, openDocument, removeDocument } from './documents.service.ts';
export { getWorkflow, transition, assign, recordReceipt, coverLetter } from './workflow.service.ts';
export { fileDocumentStore } from './claims.routes.ts';
export {
  registerClaimJobs,
  markSlaBreaches,
  CLAIM_SLA_JOB,
  addHoliday,
  removeHoliday,
  listHolidays,
} from './claims.sla.ts';
export {
  claimsFigures,
  getClaimFigures,
  openClaims,
  lastDayOf,
  type ClaimsFiguresResult,
  type ClaimFigureRow,
} from './claims.figures.ts';
export { listBenefitRules, addBenefitRule } from './claims.rules.ts';
