// Worker imports (issue 3): CSV/XLSX files → the registry, through staging and set-based SQL.
export { registerImportRoutes } from './imports.routes.ts';
export { ImportRunner } from './imports.runner.ts';
export { importFileNow, allIssues, cancelImport } from './imports.service.ts';
export { writeReportFile } from './imports.report.ts';
export { purgeExpiredUploads, type UploadPurge } from './imports.retention.ts';
export { countFailedImports } from './imports.todo.ts';
export { VillageDirectory, type VillageResolution } from './imports.regions.ts';
