// Public API of the assessment module (Paritrana Award, issue 17): frameworks per award year, the regency's
// self-assessment from Lindung's own figures with evidence and a frozen snapshot, the evidence pack, and the
// province's scoring and ranking. Reads coverage, targets, programmes and claims through their index.ts.
export { registerAssessmentRoutes } from './assessment.routes.ts';
export {
  listFrameworks,
  getFramework,
  updateFramework,
  publishFramework,
  copyFramework,
} from './frameworks.service.ts';
export {
  openAssessment,
  getAssessment,
  listAssessments,
  prepareFigures,
  setManualValue,
  setNarrative,
  uploadEvidence,
  registerCandidates,
  attachInstrument,
  openEvidence,
  removeEvidence,
  submitAssessment,
  snapshotSha256,
} from './assessment.service.ts';
export { provinceView, scoreIndicator, addComment } from './province.service.ts';
export { fileEvidenceStore, type EvidenceStore } from './assessment.store.ts';
export { COMPUTATION_NAMES, compute, type IndicatorContext } from './indicators.ts';
