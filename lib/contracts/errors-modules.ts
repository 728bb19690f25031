// The modules' own error codes, gathered for the shared catalogue (errors.ts spreads this in), so errors.ts stays
// under the file-size limit as modules add their files: a module adds one import and one spread here.
import { CLAIMS_ERRORS } from './errors-claims.ts';
import { COLLECTION_ERRORS } from './errors-collection.ts';

export const MODULE_ERRORS = {
  ...CLAIMS_ERRORS,
  ...COLLECTION_ERRORS,
} as const;
