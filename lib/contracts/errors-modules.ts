// The modules' own error catalogues, joined here so errors.ts spreads one list and stays under the file-size limit
// as modules add theirs (append a line per module).
import { CLAIMS_ERRORS } from './errors-claims.ts';
import { EMPLOYERS_ERRORS } from './errors-employers.ts';

export const MODULE_ERRORS = { ...CLAIMS_ERRORS, ...EMPLOYERS_ERRORS } as const;
