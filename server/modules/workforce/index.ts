// Public API of the workforce module: the BPS denominators (penduduk bekerja, semesta PBPU) per region, year and
// segment — kept by hand or imported from a BPS table — and the reads the modules that divide by them use (coverage,
// targets, reports). It depends only on regions, access and the upload readers, never on coverage or targets, so
// both of them may depend on it (docs/decisions-coverage.md).
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
