// The modules' own error catalogues, joined here so errors.ts spreads one list and stays under the file-size limit
// as modules add theirs (a module adds one import and one spread here).
import { ASSESSMENT_ERRORS } from './errors-assessment.ts';
import { CLAIMS_ERRORS } from './errors-claims.ts';
import { COLLECTION_ERRORS } from './errors-collection.ts';
import { EMPLOYERS_ERRORS } from './errors-employers.ts';
import { GOVERNANCE_ERRORS } from './errors-governance.ts';

export const MODULE_ERRORS = {
  ...CLAIMS_ERRORS,
  ...COLLECTION_ERRORS,
  ...EMPLOYERS_ERRORS,
  ...ASSESSMENT_ERRORS,
  ...GOVERNANCE_ERRORS,
} as const;
