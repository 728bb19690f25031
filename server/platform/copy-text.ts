// PostgreSQL COPY text format for bulk loads: NULL as \N; backslash, tab and line breaks escaped; text[] as an
// array literal. Shared by every loader that streams rows into a staging table.

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const ESCAPED: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value as a COPY text field. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value))
    return copyText(`{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  const text = String(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, (c) => ESCAPED[c]!) : text;
}
