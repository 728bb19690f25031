// Public API of the reports module: the monthly report (PDF, XLSX), its history, and its monthly schedule.
export { registerReportRoutes } from './reports.routes.ts';
export { ReportRunner } from './reports.runner.ts';
export {
  listReports,
  getReport,
  createReport,
  generateReport,
  downloadReportFile,
  scheduledMonth,
} from './reports.service.ts';
export { collectFigures, type ReportFigures } from './reports.figures.ts';
export { renderPdf } from './reports.pdf.ts';
export { renderXlsx } from './reports.xlsx.ts';
export { countFailedReports } from './reports.todo.ts';
