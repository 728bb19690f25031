// The one way Lindung writes spreadsheet cells (every CSV and XLSX export goes through here; ESLint refuses
// `addRow`, `row.values =` and `sheet.columns =` elsewhere on the server). A text that begins with = + - @ tab or
// carriage return is a formula to Excel and LibreOffice when the file is opened (CSV) or the cell is edited (XLSX):
// such a text is written with a leading apostrophe, so it is shown, never evaluated (CSV/formula injection).
// Real numbers (amounts, counts) stay numbers; NIKs, KPJ and phone numbers are passed as text and stay text.
import type ExcelJS from 'exceljs';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet shows it without evaluating it: "'=1+1" for "=1+1"; other texts unchanged. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value safe to write: texts neutralised; numbers, dates, booleans and empty cells as they are. */
export function safeCell<T>(value: T): T {
  if (typeof value === 'string') return neutralise(value) as T;
  if (value && typeof value === 'object' && 'richText' in value) {
    const rich = value as unknown as ExcelJS.CellRichTextValue;
    return { ...rich, richText: rich.richText.map((r, i) => (i === 0 ? { ...r, text: neutralise(r.text) } : r)) } as T;
  }
  return value;
}

type RowValues = readonly unknown[] | Readonly<Record<string, unknown>>;

/** Every value of a row (an array, or an object keyed by column) made safe. */
export function safeValues<T extends RowValues>(values: T): T {
  if (Array.isArray(values)) return values.map(safeCell) as unknown as T;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, safeCell(v)])) as T;
}

/** Column definitions with their header texts made safe (headers may come from a template or an upload). */
export function safeColumns<T extends Partial<ExcelJS.Column>>(columns: readonly T[]): T[] {
  return columns.map((c) => (typeof c.header === 'string' ? { ...c, header: neutralise(c.header) } : c));
}

/** Adds a row to a worksheet (in memory or streamed) with every value made safe. */
export function addSafeRow(sheet: { addRow(values: RowValues): ExcelJS.Row }, values: RowValues): ExcelJS.Row {
  return sheet.addRow(safeValues(values));
}

export type CsvValue = string | number | null | undefined;

export type CsvOptions = {
  /** ';' as Excel in Indonesia reads it (default), ',' for open data. */
  separator?: ';' | ',';
  /** A UTF-8 byte-order mark so Excel reads the accents (default true). */
  bom?: boolean;
  /** Line end (default CRLF). */
  newline?: '\r\n' | '\n';
};

function csvField(value: CsvValue, separator: string): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file: texts neutralised and quoted when needed, numbers as numbers. */
export function csvText(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const newline = options.newline ?? '\r\n';
  const body = rows.map((r) => r.map((v) => csvField(v, separator)).join(separator)).join(newline);
  return `${options.bom === false ? '' : '\uFEFF'}${body}${newline}`;
}

/** CSV as Excel in Indonesia reads it: ';' between fields, CRLF, UTF-8 with a byte-order mark. */
export function writeCsv(headers: readonly string[], rows: readonly (readonly CsvValue[])[]): Buffer {
  return Buffer.from(csvText([headers, ...rows]), 'utf8');
}
