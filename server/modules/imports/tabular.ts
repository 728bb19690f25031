// The spreadsheet reader lives in server/platform/spreadsheet/. This name stays only for imports.runner.ts, which
// the job-system change rewrites (issue 14 §3); new code imports the platform module.
export { TabularError } from '../../platform/spreadsheet/index.ts';
