// A refused request's zod issues in words people read: the field's label from the forms ("Nama pengguna wajib
// diisi"), never its path ("body.username: Required"). The path stays in the issue for the form to put the message
// under the right field. Schemas may carry their own hint (`regex(/…/, '16 angka')`, written in Indonesian); it is
// added to the Indonesian message and left out of the English one.
import { z } from 'zod';
import { FIELD_LABELS } from '../../lib/contracts/field-labels.ts';
import type { Locale } from '../../lib/i18n/locale.ts';
import { AppError } from './errors.ts';

export type RawIssue = {
  /** Where the value sits inside its part of the request: `['username']`, `['workerIds', 3]`. */
  path: readonly (string | number)[];
  /** zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom… */
  code: string;
  /** zod's message: its Indonesian default or the schema's own hint. */
  message: string;
  /** The rest of the zod issue (expected, minimum, maximum, origin, inclusive, values, keys, format…). */
  params: Readonly<Record<string, unknown>>;
  /** True when the request left the value out or empty: shown as "wajib diisi" / "is required". */
  missing: boolean;
};

const TYPE_WORDS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  string: { id: 'teks', en: 'text' },
  number: { id: 'angka', en: 'a number' },
  int: { id: 'bilangan bulat', en: 'a whole number' },
  bigint: { id: 'bilangan bulat', en: 'a whole number' },
  boolean: { id: 'ya atau tidak', en: 'yes or no' },
  array: { id: 'daftar', en: 'a list' },
  object: { id: 'data berisi isian', en: 'a set of fields' },
  date: { id: 'tanggal', en: 'a date' },
};

function quoted(key: string): string {
  return `"${key}"`;
}

/** The label of the last named part of the path that has one, with the position in a list ("Pekerja ke-4"). */
export function fieldLabel(path: readonly (string | number)[], locale: Locale): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i];
    if (typeof part !== 'string') continue;
    const label = FIELD_LABELS[part]?.[locale];
    if (!label) continue;
    const index = path[i + 1];
    if (typeof index === 'number') return locale === 'id' ? `${label} ke-${index + 1}` : `${label} #${index + 1}`;
    return label;
  }
  const named = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (named) return quoted(named);
  return locale === 'id' ? 'Data' : 'The data';
}

const zodDefaults = z.locales.id();

/** The schema's own hint, or null when zod wrote the message itself (its default carries nothing for people). */
function schemaHint(issue: RawIssue): string | null {
  if (issue.code === 'invalid_type' || issue.code === 'unrecognized_keys') return null;
  const fallback = zodDefaults.localeError?.({ code: issue.code, ...issue.params } as never);
  const text = typeof fallback === 'string' ? fallback : fallback?.message;
  if (!issue.message || issue.message === text || issue.message === 'Input tidak valid') return null;
  return issue.message;
}

const list = (values: unknown) =>
  Array.isArray(values) ? values.map((v) => String(v)).join(', ') : String(values ?? '');

function sizeMessage(issue: RawIssue, label: string, locale: Locale, bound: 'min' | 'max'): string {
  const limit = String(bound === 'min' ? issue.params.minimum : issue.params.maximum);
  const inclusive = issue.params.inclusive !== false;
  const origin = String(issue.params.origin ?? 'number');
  const id = locale === 'id';
  if (origin === 'string') {
    if (bound === 'min')
      return id ? `${label} minimal ${limit} karakter` : `${label} needs at least ${limit} characters`;
    return id ? `${label} paling panjang ${limit} karakter` : `${label} may have at most ${limit} characters`;
  }
  if (origin === 'array' || origin === 'set') {
    if (bound === 'min') return id ? `Pilih minimal ${limit} pada ${label}` : `Choose at least ${limit} for ${label}`;
    return id ? `${label} paling banyak ${limit}` : `${label} may list at most ${limit}`;
  }
  if (bound === 'min') {
    if (inclusive) return id ? `${label} minimal ${limit}` : `${label} must be at least ${limit}`;
    return id ? `${label} harus lebih dari ${limit}` : `${label} must be more than ${limit}`;
  }
  if (inclusive) return id ? `${label} paling tinggi ${limit}` : `${label} may be at most ${limit}`;
  return id ? `${label} harus kurang dari ${limit}` : `${label} must be less than ${limit}`;
}

/** One issue as a sentence without a full stop, in the caller's language. */
export function humanIssue(issue: RawIssue, locale: Locale): string {
  const id = locale === 'id';
  if (issue.code === 'unrecognized_keys') {
    const keys = list(issue.params.keys);
    return id ? `Isian tidak dikenal: ${keys}; hapus isian itu` : `Unknown fields: ${keys}; remove them`;
  }
  const label = fieldLabel(issue.path, locale);
  const hint = id ? schemaHint(issue) : null;
  const withHint = (text: string) => (hint ? `${text}: ${hint}` : text);
  if (issue.missing) return id ? `${label} wajib diisi` : `${label} is required`;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String(issue.params.expected ?? '');
      const word = TYPE_WORDS[expected]?.[locale];
      if (!word) return id ? `${label} tidak valid` : `${label} is not valid`;
      return id ? `${label} harus berupa ${word}` : `${label} must be ${word}`;
    }
    case 'too_small':
      return withHint(sizeMessage(issue, label, locale, 'min'));
    case 'too_big':
      return withHint(sizeMessage(issue, label, locale, 'max'));
    case 'invalid_format':
      return withHint(id ? `${label} tidak sesuai format` : `${label} has the wrong format`);
    case 'invalid_value':
      return id
        ? `${label} harus salah satu dari: ${list(issue.params.values)}`
        : `${label} must be one of: ${list(issue.params.values)}`;
    case 'not_multiple_of':
      return id
        ? `${label} harus kelipatan ${String(issue.params.divisor)}`
        : `${label} must be a multiple of ${String(issue.params.divisor)}`;
    default:
      return withHint(id ? `${label} tidak valid` : `${label} is not valid`);
  }
}

/** The value at `path` inside `container`, or undefined. */
export function valueAt(container: unknown, path: readonly (string | number)[]): unknown {
  let value: unknown = container;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** Left out, null, or only spaces: the person did not fill the field in. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * A service's own refusal of one field, worded like the schema checks: "Wilayah pemilik anggaran: pilih …" in the
 * message, the plain hint under the field (`path` is the field's name inside `part`).
 */
export function invalidField(path: string, message: string, locale: Locale, part = 'body'): AppError {
  const label = fieldLabel(path.split('.'), locale);
  return new AppError('VALIDATION_FAILED', { detail: `${label}: ${message}` }, [{ path: `${part}.${path}`, message }]);
}
