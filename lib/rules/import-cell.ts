// The shared shape of the import cell normalisers (import-values.ts is their public entry): closed error codes, the
// result type, and the text clean-up every normaliser starts with.
import type { Bilingual } from '../i18n/locale.ts';

export const IMPORT_VALUE_CODES = [
  'NIK_NUMERIC_CELL',
  'NIK_SCIENTIFIC',
  'DATE_INVALID',
  'PHONE_INVALID',
  'SEX_INVALID',
  'AMOUNT_INVALID',
  'REGION_CODE_INVALID',
] as const;
export type ImportValueCode = (typeof IMPORT_VALUE_CODES)[number];

export type CellSuccess<T> = { ok: true; value: T };
export type CellFailure = {
  ok: false;
  code: ImportValueCode;
  message: Bilingual;
};
export type CellResult<T> = CellSuccess<T> | CellFailure;

export function ok<T>(value: T): CellSuccess<T> {
  return { ok: true, value };
}

export function fail(code: ImportValueCode, id: string, en: string): CellFailure {
  return { ok: false, code, message: { id, en } };
}

/** Spaces, NBSP and the zero-width characters that come along with copy-paste from WhatsApp or PDFs. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

export function clean(text: string): string {
  if (isTidyText(text)) return text;
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * True when `text` has nothing to clean: printable ASCII with single spaces between words and none at the ends.
 * Most cells of a file are like that; they skip the regular expressions (a million-row import cleans ~10M cells).
 */
export function isTidyText(text: string): boolean {
  let space = true; // a space at the start is not tidy
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (c < 32 || c > 126) {
      return false;
    } else {
      space = false;
    }
  }
  return !space || text.length === 0;
}

/** True for an empty cell (undefined, null, '' or only spaces): the importer decides if the column may be empty. */
export function isBlankCell(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && clean(v) === '');
}
