// Reading an uploaded file by named fields: each field found by its header aliases (compared without case, spaces
// and punctuation), a missing required column refused with the headers that would do, every data row's cells by
// field; and the list of problems per row and column that a module's cell rules fill. Shared by every module that
// takes a file from another office (the BPJS branch's responses and snapshots, the licensing office's list).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locale } from '../../../lib/i18n/locale.ts';
import type { Words } from '../../../lib/i18n/words.ts';
import { AppError } from '../errors.ts';
import { type Cell } from './cells.ts';
import { openTabular } from './tabular.ts';
import { TabularError } from './tabular-error.ts';
import type { FileLimits } from './upload-limits.ts';

/** A header or a word as compared: lower case, letters and digits only ("No. NPP" → "nonpp"). */
export const normal = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A file field and the headers offices write for it. */
export type FieldSpec<F extends string> = Readonly<
  Record<F, { label: string; aliases: readonly string[]; required: boolean }>
>;

export type ParsedRow<F extends string> = { row: number; values: Record<F, Cell> };

export type ParsedFile<F extends string> = {
  rows: ParsedRow<F>[];
  /** The header as written in the file for each field found (for messages). */
  headers: Record<F, string | null>;
};

/** Reads every data row of the file by field (one region's file: thousands to ~10⁵ rows). */
export async function readFieldFile<F extends string>(
  content: Buffer,
  fileName: string,
  spec: FieldSpec<F>,
  limits: FileLimits,
): Promise<ParsedFile<F>> {
  // The readers take a path: the upload goes to a private temporary folder, removed whatever happens.
  const dir = await mkdtemp(path.join(tmpdir(), 'lindung-upload-'));
  const file = path.join(dir, path.basename(fileName).replace(/[^\w.-]+/g, '_') || 'berkas');
  await writeFile(file, content, { mode: 0o600 });
  try {
    const tabular = await openTabular(file, { fileName, limits, waiting: true });
    const header = tabular.info.header;
    const fields = Object.keys(spec) as F[];
    const index = {} as Record<F, number | null>;
    const headers = {} as Record<F, string | null>;
    for (const f of fields) {
      const at = header.findIndex((h) => (spec[f].aliases as readonly string[]).includes(normal(h)));
      index[f] = at === -1 ? null : at;
      headers[f] = at === -1 ? null : header[at]!;
    }
    const missing = fields.filter((f) => spec[f].required && index[f] === null);
    if (missing.length > 0) {
      await tabular.close();
      throw new AppError('EXCHANGE_COLUMNS_MISSING', {
        fileName,
        missing: missing.map((f) => spec[f].label).join(', '),
        known: fields.map((f) => `${spec[f].label} (${spec[f].aliases.slice(0, 3).join('/')})`).join('; '),
      });
    }
    const rows: ParsedRow<F>[] = [];
    const empty: Cell = { t: 'empty' };
    for await (const batch of tabular.batches) {
      for (const r of batch) {
        const values = {} as Record<F, Cell>;
        for (const f of fields) values[f] = index[f] === null ? empty : (r.cells[index[f]] ?? empty);
        rows.push({ row: r.row, values });
      }
    }
    return { rows, headers };
  } catch (err) {
    if (err instanceof TabularError) throw new AppError(err.code, err.params);
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The problems of one file, in the reader's language, each with its row and column. */
export class IssueList {
  readonly items: { row: number | null; column: string | null; message: string }[] = [];
  constructor(private readonly locale: Locale) {}

  add(row: number | null, column: string | null, message: Words): void {
    this.items.push({ row, column, message: message[this.locale] });
  }

  /** "Baris 7, kolom NIK: …" for the error that refuses the whole file. */
  first(): string {
    const i = this.items[0];
    if (!i) return '';
    const where =
      this.locale === 'en'
        ? [i.row !== null ? `row ${i.row}` : null, i.column ? `column ${i.column}` : null]
        : [i.row !== null ? `baris ${i.row}` : null, i.column ? `kolom ${i.column}` : null];
    const prefix = where.filter(Boolean).join(', ');
    return prefix ? `${prefix[0]!.toUpperCase()}${prefix.slice(1)}: ${i.message}` : i.message;
  }
}

/** A cell rule's answer: the value, or what is wrong and what to do (Indonesian first). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: Words };
export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const bad = (id: string, en: string): Outcome<never> => ({ ok: false, message: { id, en } });
