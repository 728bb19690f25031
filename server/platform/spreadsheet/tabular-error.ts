import { ERROR_CATALOGUE } from '../../../lib/contracts/errors.ts';
import { interpolate } from '../../../lib/i18n/locale.ts';

export type TabularErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_UNREADABLE'
  | 'SHEET_NOT_FOUND'
  | 'FILE_TYPE'
  | 'FILE_UNPACKED_TOO_LARGE'
  | 'FILE_PACKED_TOO_TIGHT'
  | 'FILE_TOO_MANY_PARTS'
  | 'FILE_TOO_MANY_TEXTS'
  | 'FILE_CELL_TOO_LONG'
  | 'FILE_TOO_MANY_ROWS'
  | 'FILE_TOO_MANY_COLUMNS'
  | 'FILE_TOO_HEAVY';

/**
 * A file the readers cannot use. `params` fill the catalogue message of the same code, so the importer can
 * rethrow it as `new AppError(err.code, err.params)`.
 */
export class TabularError extends Error {
  readonly code: TabularErrorCode;
  readonly details: { sheets?: string[] };
  readonly params: Readonly<Record<string, string>>;

  constructor(
    code: TabularErrorCode,
    params: Record<string, string>,
    details: { sheets?: string[] } = {},
    cause?: unknown,
  ) {
    super(interpolate(ERROR_CATALOGUE[code].message.en, params), cause === undefined ? undefined : { cause });
    this.name = 'TabularError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

/** Column letters as a spreadsheet shows them: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters || '?';
}
