// Worker imports (issue 3): CSV/XLSX files → the registry, through staging and set-based SQL.
export { registerImportRoutes } from './imports.routes.ts';
export { ImportRunner } from './imports.runner.ts';
export { importFileNow, allIssues } from './imports.service.ts';
export { writeReportFile } from './imports.report.ts';
export { countFailedImports } from './imports.todo.ts';
