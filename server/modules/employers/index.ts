// Public API of the employers module (issue 21): the employer register from the licensing office's list matched to
// the branch's employer snapshot, the compliance answer, warnings and sanction letters, APBD construction projects
// with their Jakon contribution, and the compliance figures for the assessment module.
export { registerEmployerRoutes } from './employers.routes.ts';
export { importLicensingList, importEmployerSnapshot } from './employers.import.ts';
export { listEmployers, getEmployer, checkCompliance, recordWarning, sanctionLetter } from './employers.service.ts';
export {
  registerProject,
  recordCertificate,
  markReady,
  attachWorker,
  chooseJakonBasis,
  listProjects,
  getProject,
} from './projects.service.ts';
export { complianceFigures } from './employers.figures.ts';
