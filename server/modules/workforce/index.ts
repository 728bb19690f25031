// Public API of the workforce module: the BPS denominators (penduduk bekerja, semesta PBPU) per region, year and
// segment — kept by hand or imported from a BPS table — and the reads the modules that divide by them use (coverage,
// targets, reports). It reads no other module's data but regions', so coverage and targets may both depend on it.
export { registerWorkforceRoutes } from './workforce.routes.ts';
export {
  listWorkforce,
  exportWorkforce,
  saveWorkforce,
  updateWorkforce,
  deleteWorkforce,
} from './workforce.service.ts';
export { importWorkforce } from './workforce.import.ts';
export {
  denominatorFor,
  childDenominators,
  figuresFor as workforceFor,
  figuresBySegment as workforceBySegment,
  regionsWithFigures,
} from './workforce.repository.ts';
