// The modules' own error files, gathered in one place so errors.ts (the catalogue) stays within the file-size limit:
// a module adds its file here with one line, and errors.ts spreads MODULE_ERRORS in.
import { ASSESSMENT_ERRORS } from './errors-assessment.ts';
import { CLAIMS_ERRORS } from './errors-claims.ts';

export const MODULE_ERRORS = {
  ...CLAIMS_ERRORS,
  ...ASSESSMENT_ERRORS,
} as const;
