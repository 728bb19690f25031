// Public API of the coverage module: active participants (by NIK) per region and month from the rollups,
// coverage against the workforce, dashboards and open data.
export { registerCoverageRoutes } from './coverage.routes.ts';
export { registerCoverageJobs, COVERAGE_REFRESH_JOB } from './coverage.job.ts';
export { activeCounts, coverageSummary, refreshCoverage, openCoverage } from './coverage.service.ts';
export { dashboard } from './coverage.dashboard.ts';
export { coveragePeople, coveragePeopleXlsx } from './coverage.people.ts';
export { refresh as refreshCoverageRollups, refreshQuality as refreshCoverageQuality } from './coverage.repository.ts';
