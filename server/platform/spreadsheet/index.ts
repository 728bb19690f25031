// The platform's spreadsheet plumbing, for every module that takes an uploaded file: the streaming CSV/XLSX reader
// (openTabular in a capped worker thread, readTabular in this thread), its errors, the XLSX guard and the upload
// limits per route. The workbook writer is spreadsheet/writer.ts.
export { cellText, type Cell, type Tabular, type TabularInfo, type TabularOptions, type TabularRow } from './cells.ts';
export { openTabular, readTabular } from './tabular.ts';
export { columnLetter, TabularError, type TabularErrorCode } from './tabular-error.ts';
export { fileLimits, formatBytes, TRUSTED_LIMITS, type FileLimits, type UploadRoute } from './upload-limits.ts';
export { inspectXlsx } from './xlsx-guard.ts';
