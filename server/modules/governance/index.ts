// Public API of the governance module (issue 16): the register of legal instruments and agreements, organisations
// and channels, joint work plans with computed action items, meetings and the channel league table.
export { registerGovernanceRoutes, governanceFiles } from './governance.routes.ts';
export { registerGovernanceJobs } from './governance.job.ts';
export {
  createInstrument,
  updateInstrument,
  listInstruments,
  getInstrument,
  uploadInstrumentFile,
  openInstrumentFile,
  expiringAgreements,
  raiseExpiryAlerts,
  openRegulations,
  EXPIRY_JOB,
} from './instruments.service.ts';
// Read functions for the Paritrana assessment (issue 17): stable signatures, see docs/decisions-governance.md.
export {
  instrumentsInForce,
  workItemsDoneOnTime,
  villagesBriefed,
  instrumentWithFile,
  type InstrumentsInForce,
  type WorkItemsOnTime,
  type WorkItemOnTime,
  type VillagesBriefed,
  type VillageBriefing,
} from './governance.reads.ts';
export { listOrganisations, createOrganisation, updateOrganisation, setMember } from './organisations.service.ts';
export {
  createPlan,
  addItem,
  setItemDone,
  listPlans,
  getPlan,
  computeProgress,
  requestProgress,
  PROGRESS_JOB,
} from './plans.service.ts';
export {
  createMeeting,
  listMeetings,
  getMeeting,
  promoteDecision,
  uploadMinutes,
  openMinutes,
  villageBriefing,
} from './meetings.service.ts';
export { leagueTable, leagueWorkbook } from './league.service.ts';
export { seedGovernanceDemo } from './governance.demo.ts';
