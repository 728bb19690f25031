// Streaming readers for the worker lists villages send: CSV as Excel and LibreOffice write it in Indonesia, and
// XLSX. The importer (imports.*.ts) and the report (report.ts) both read through `openTabular`, so a row number in a
// message is the row the operator sees in their spreadsheet.
//
// The format is recognised by content, not by the extension: `.csv` files that are really XLSX, and `.xls` files
// that are really CSV, are common. Memory stays flat: rows are read in batches, the CSV in 256 KiB chunks and the
// XLSX through exceljs's streaming reader.

import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { streamInWorker, WorkerFailure, type SerializedError } from '../../platform/worker-task.ts';
import { columnLetter, TabularError } from './tabular-error.ts';
import { TRUSTED_LIMITS, type FileLimits } from './upload-limits.ts';
import { inspectXlsx } from './xlsx-guard.ts';

export type Cell =
  | { t: 'empty' }
  | { t: 'text'; v: string }
  | { t: 'number'; v: number; text: string }
  | { t: 'date'; v: Date }
  | { t: 'bool'; v: boolean };

/** `row` is the spreadsheet row number (the header's real row, usually 1); `cells` are aligned with the header. */
export type TabularRow = { row: number; cells: Cell[] };

export type TabularInfo = {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  delimiter?: ';' | ',' | '\t';
  sheet?: string;
  sheets?: string[];
  /** Header texts as written (trimmed); empty trailing header cells are dropped. */
  header: string[];
  headerRow: number;
};

export { TabularError, type TabularErrorCode } from './tabular-error.ts';

export type Tabular = {
  info: TabularInfo;
  /**
   * Data rows in batches of about 1000, entirely empty rows skipped. The first iteration continues the read that
   * found the header; a later one reads the file again.
   */
  batches: AsyncIterable<TabularRow[]>;
  /**
   * Releases the file when `batches` is not read to the end (breaking out of `for await` does this too). Reading
   * `batches` after `close()` starts again from the first row.
   */
  close(): Promise<void>;
};

const EMPTY: Cell = Object.freeze({ t: 'empty' });
const BATCH_ROWS = 1000;
const CHUNK_BYTES = 1 << 18;
const HEAD_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Cell helpers

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell as the operator reads it: text as written, numbers as `text`, dates as dd-mm-yyyy, empty as ''. */
export function cellText(cell: Cell): string {
  switch (cell.t) {
    case 'empty':
      return '';
    case 'text':
      return cell.v;
    case 'number':
      return cell.text;
    case 'date':
      return `${pad2(cell.v.getUTCDate())}-${pad2(cell.v.getUTCMonth() + 1)}-${cell.v.getUTCFullYear()}`;
    case 'bool':
      return cell.v ? 'TRUE' : 'FALSE';
  }
}

function isBlank(cell: Cell): boolean {
  return cell.t === 'empty' || (cell.t === 'text' && cell.v.trim() === '');
}

// ---------------------------------------------------------------------------------------------------------------
// Opening a file

type RawSource = {
  /** Filled before the first batch is yielded. */
  meta: Omit<TabularInfo, 'header' | 'headerRow'>;
  /** Non-empty rows with their cells as found (any length), in batches of any size. */
  rows: AsyncGenerator<TabularRow[]>;
};

export type TabularOptions = {
  sheet?: string | undefined;
  fileName?: string;
  limits?: FileLimits;
  /**
   * A request waits for this read: keep a started worker ready for the next one (worker-task.ts). Background jobs
   * leave it off, so a worker starting up does not compete with their parsing.
   */
  waiting?: boolean;
};

/**
 * Opens a file on disk in a worker thread whose heap is capped (`limits.workerHeapMb`): the header now, the rows
 * in batches as they are read. Every limit of `limits` is checked while streaming; a file that still exhausts the
 * worker's memory is FILE_TOO_HEAVY, and the server goes on. Without `limits`, those of a file Lindung already
 * accepted (TRUSTED_LIMITS).
 */
export async function openTabular(path: string, opts: TabularOptions = {}): Promise<Tabular> {
  const limits = opts.limits ?? TRUSTED_LIMITS;
  const fileName = basename(opts.fileName ?? path);
  const failure = (err: unknown) => workerError(err, fileName, limits);
  const stream = streamInWorker<TabularMessage>(TABULAR_TASK, 'tabularTask', [path, { ...opts, limits }], {
    heapMb: limits.workerHeapMb,
    ahead: 3,
    keepSpare: opts.waiting === true,
    revive: (e) => reviveError(e, fileName),
  });
  let first: IteratorResult<TabularMessage>;
  try {
    first = await stream.next();
  } catch (err) {
    throw failure(err);
  }
  if (first.done || !('info' in first.value)) throw failure(new Error('the reader sent no header'));
  const info = first.value.info;

  async function* continueRead(): AsyncGenerator<TabularRow[]> {
    try {
      for await (const message of stream) if ('batch' in message) yield decodeBatch(message.batch);
    } catch (err) {
      throw failure(err);
    } finally {
      await stream.return(undefined);
    }
  }

  let fresh = true;
  return {
    info,
    batches: {
      [Symbol.asyncIterator]: () => {
        if (!fresh) return readAgain(() => openTabular(path, opts));
        fresh = false;
        return continueRead();
      },
    },
    close: async () => {
      fresh = false;
      await stream.return(undefined);
    },
  };
}

/** Opens a file on disk in this thread (the worker's side of `openTabular`, and the readers' tests). */
export async function readTabular(path: string, opts: TabularOptions = {}): Promise<Tabular> {
  const limits = opts.limits ?? TRUSTED_LIMITS;
  const fileName = basename(opts.fileName ?? path);
  const head = await readHead(path);
  const format = sniffFormat(head, fileName);
  if (format === 'xlsx') {
    if (!(await hasZipDirectory(path))) {
      throw new TabularError('FILE_UNREADABLE', {
        fileName,
        reasonId: 'berkas XLSX terpotong (tidak lengkap)',
        reasonEn: 'the XLSX file is cut short (incomplete)',
      });
    }
    await inspectXlsx({ path }, fileName, limits);
  }
  const source =
    format === 'xlsx' ? xlsxSource(path, fileName, opts.sheet, limits) : await csvSource(path, fileName, head, limits);
  return assemble(source, fileName, limits, () => readTabular(path, opts));
}

// ---------------------------------------------------------------------------------------------------------------
// The worker's side: rows cross the thread as compact arrays (structured clone), not as one object per cell.

const TABULAR_TASK = new URL(import.meta.url);

/**
 * A batch as sent between threads: row numbers, and the cells of all rows flat. Text-only batches (every CSV) go as
 * one string with a separator no cell contains (one copy across, cells sliced out of it); others as an array (null
 * empty, [v, text] a number).
 */
type WireBatch = {
  rows: number[];
  width: number;
  packed?: string;
  cells?: (string | null | boolean | Date | [number, string])[];
};
type TabularMessage = { info: TabularInfo } | { batch: WireBatch };

const SEPARATOR = '\u001f';

export async function* tabularTask(path: string, opts: TabularOptions): AsyncGenerator<TabularMessage> {
  const tabular = await readTabular(path, opts);
  yield { info: tabular.info };
  const width = tabular.info.header.length;
  for await (const batch of tabular.batches) yield { batch: encodeBatch(batch, width) };
}

function packText(batch: TabularRow[], width: number): string | null {
  const texts: string[] = new Array(batch.length * width);
  let at = 0;
  for (const row of batch) {
    for (let c = 0; c < width; c += 1) {
      const cell = row.cells[c] ?? EMPTY;
      if (cell.t === 'empty') texts[at] = '';
      else if (cell.t === 'text' && !cell.v.includes(SEPARATOR)) texts[at] = cell.v;
      else return null;
      at += 1;
    }
  }
  return texts.join(SEPARATOR);
}

function encodeBatch(batch: TabularRow[], width: number): WireBatch {
  const rows: number[] = new Array(batch.length);
  for (let r = 0; r < batch.length; r += 1) rows[r] = batch[r]!.row;
  const packed = width > 0 ? packText(batch, width) : null;
  if (packed !== null) return { rows, width, packed };
  const cells: NonNullable<WireBatch['cells']> = new Array(batch.length * width);
  let at = 0;
  for (const row of batch) {
    for (let c = 0; c < width; c += 1) {
      const cell = row.cells[c] ?? EMPTY;
      switch (cell.t) {
        case 'empty':
          cells[at] = null;
          break;
        case 'text':
          cells[at] = cell.v;
          break;
        case 'number':
          cells[at] = [cell.v, cell.text];
          break;
        case 'date':
          cells[at] = cell.v;
          break;
        case 'bool':
          cells[at] = cell.v;
          break;
      }
      at += 1;
    }
  }
  return { rows, width, cells };
}

function decodeBatch(batch: WireBatch): TabularRow[] {
  const { rows, width } = batch;
  const cells = batch.packed !== undefined ? batch.packed.split(SEPARATOR) : (batch.cells ?? []);
  const out: TabularRow[] = new Array(rows.length);
  let at = 0;
  for (let r = 0; r < rows.length; r += 1) {
    const row: Cell[] = new Array(width);
    for (let c = 0; c < width; c += 1) {
      const v = cells[at];
      at += 1;
      if (v === null || v === undefined || v === '') row[c] = EMPTY;
      else if (typeof v === 'string') row[c] = { t: 'text', v };
      else if (typeof v === 'boolean') row[c] = { t: 'bool', v };
      else if (v instanceof Date) row[c] = { t: 'date', v };
      else row[c] = { t: 'number', v: v[0], text: v[1] };
    }
    out[r] = { row: rows[r]!, cells: row };
  }
  return out;
}

function reviveError(e: SerializedError, fileName: string): Error {
  if (e.name === 'TabularError') {
    const { code, params, details } = e.props as Pick<TabularError, 'code' | 'params' | 'details'>;
    return new TabularError(code, { ...params }, details ?? {});
  }
  return new TabularError(
    'FILE_UNREADABLE',
    { fileName, reasonId: 'isi berkas rusak', reasonEn: 'the file content is damaged' },
    {},
    new Error(e.message),
  );
}

/** What a failed worker means for the operator: too heavy (its heap ran out) or damaged (it crashed). */
function workerError(err: unknown, fileName: string, limits: FileLimits): Error {
  if (err instanceof TabularError) return err;
  if (err instanceof WorkerFailure && err.kind === 'memory') {
    return new TabularError('FILE_TOO_HEAVY', { fileName, limit: `${limits.workerHeapMb} MB` }, {}, err);
  }
  return new TabularError(
    'FILE_UNREADABLE',
    { fileName, reasonId: 'isi berkas rusak', reasonEn: 'the file content is damaged' },
    {},
    err,
  );
}

const ZIP_END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The end record a ZIP carries within its last 64 KiB (+22 bytes). */
const ZIP_TAIL_BYTES = 65_557;

/**
 * A truncated upload (an interrupted transfer, a half-saved file) has no ZIP directory at its end. Refused here:
 * exceljs's streaming reader fails on such a file from a background stream, outside any promise we could catch.
 */
async function hasZipDirectory(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const { size } = await file.stat();
    const length = Math.min(size, ZIP_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await file.read(buffer, 0, length, size - length);
    return buffer.includes(ZIP_END_OF_DIRECTORY);
  } finally {
    await file.close();
  }
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** xlsx or csv; everything else is FILE_TYPE with the format's name, so the message can say what to do. */
function sniffFormat(head: Buffer, fileName: string): 'csv' | 'xlsx' {
  const unsupported = (format: string) => new TabularError('FILE_TYPE', { fileName, format });
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    // An OpenDocument file starts with an uncompressed `mimetype` entry naming its kind.
    if (head.subarray(30, 38).toString('latin1') === 'mimetype' && head.includes('opendocument')) {
      throw unsupported('OpenDocument (.ods)');
    }
    return 'xlsx';
  }
  if (head.subarray(0, 8).equals(OLE2_MAGIC)) throw unsupported('Excel 97-2003 (.xls)');
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') throw unsupported('PDF');
  if (head.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) || head.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]))) {
    throw unsupported('Unicode Text (UTF-16)');
  }
  if (head.includes(0)) throw unsupported(extname(fileName) || '?');
  return 'csv';
}

/** Title rows ("DATA PEKERJA RENTAN DESA …") above the table are looked for among this many first rows. */
const TITLE_ROWS = 10;

function filledCells(row: TabularRow): number {
  return row.cells.reduce((n, cell) => (isBlank(cell) ? n : n + 1), 0);
}

/**
 * The header is the first non-empty row, except that title rows above the table are skipped: among the first
 * TITLE_ROWS non-empty rows, the first with two or more filled cells. One data row is read ahead, so a file with a
 * header and no data is FILE_EMPTY.
 */
async function assemble(
  source: RawSource,
  fileName: string,
  limits: FileLimits,
  reopen: () => Promise<Tabular>,
): Promise<Tabular> {
  const rows = source.rows;
  const seen: TabularRow[] = [];
  while (seen.length <= TITLE_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    seen.push(...next.value);
  }
  const table = seen.slice(0, TITLE_ROWS).findIndex((row) => filledCells(row) >= 2);
  const start = Math.max(table, 0);
  const header = seen[start];
  const pending = seen.slice(start + 1);
  if (header === undefined || pending.length === 0) {
    await rows.return(undefined);
    throw new TabularError('FILE_EMPTY', { fileName });
  }

  const texts = header.cells.map((cell) => cellText(cell).trim());
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  const width = texts.length;
  const info: TabularInfo = { ...source.meta, header: texts, headerRow: header.row };

  let dataRows = 0;
  const counted = (batch: TabularRow[]) => {
    dataRows += batch.length;
    if (dataRows > limits.rows) throw new TabularError('FILE_TOO_MANY_ROWS', { fileName, limit: String(limits.rows) });
    return batch;
  };
  async function* continueRead(): AsyncGenerator<TabularRow[]> {
    try {
      yield* rebatch(counted(pending), width);
      for await (const batch of rows) yield* rebatch(counted(batch), width);
    } finally {
      await rows.return(undefined);
    }
  }

  let first = true;
  return {
    info,
    batches: {
      [Symbol.asyncIterator]: () => {
        if (!first) return readAgain(reopen);
        first = false;
        return continueRead();
      },
    },
    close: async () => {
      first = false;
      await rows.return(undefined);
    },
  };
}

async function* readAgain(reopen: () => Promise<Tabular>): AsyncGenerator<TabularRow[]> {
  yield* (await reopen()).batches;
}

/** Aligns cells with the header (pads short rows, drops cells beyond it) and cuts batches of BATCH_ROWS. */
function* rebatch(rows: TabularRow[], width: number): Generator<TabularRow[]> {
  for (const { cells } of rows) {
    if (cells.length > width) cells.length = width;
    while (cells.length < width) cells.push(EMPTY);
  }
  for (let i = 0; i < rows.length; i += BATCH_ROWS) yield rows.slice(i, i + BATCH_ROWS);
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

type CsvEncoding = NonNullable<TabularInfo['encoding']>;
type CsvDelimiter = NonNullable<TabularInfo['delimiter']>;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function csvSource(path: string, fileName: string, head: Buffer, limits: FileLimits): Promise<RawSource> {
  const bom = head.subarray(0, 3).equals(UTF8_BOM);
  const utf8 = await isUtf8File(path, bom ? 3 : 0);
  const encoding: CsvEncoding = !utf8 ? 'windows-1252' : bom ? 'utf-8-bom' : 'utf-8';
  const text = new TextDecoder(utf8 ? 'utf-8' : 'windows-1252').decode(head.subarray(bom ? 3 : 0));
  const delimiter = detectDelimiter(text);
  // '\n' also ends CRLF lines (the '\r' is stripped per row); old Mac exports end lines with '\r' alone.
  const newline = !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
  return {
    meta: { format: 'csv', encoding, delimiter },
    rows: csvRows(path, fileName, { skip: bom ? 3 : 0, utf8, delimiter, newline }, limits),
  };
}

/**
 * True when the whole file (from `skip`) is valid UTF-8. Decided before any row is read, so a stray Windows-1252
 * byte near the end of a big file switches the whole file to Windows-1252 instead of producing U+FFFD.
 */
async function isUtf8File(path: string, skip: number): Promise<boolean> {
  const file = await open(path);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES + 4);
    let carried = 0;
    let position = skip;
    for (;;) {
      const { bytesRead } = await file.read(buffer, carried, CHUNK_BYTES, position);
      if (bytesRead === 0) return carried === 0;
      position += bytesRead;
      const end = carried + bytesRead;
      const cut = lastCompleteChar(buffer, end);
      if (!isUtf8(buffer.subarray(0, cut))) return false;
      buffer.copy(buffer, 0, cut, end);
      carried = end - cut;
    }
  } finally {
    await file.close();
  }
}

/** The end of the last complete UTF-8 sequence in buffer[0, end): a sequence cut by the chunk is carried over. */
function lastCompleteChar(buffer: Buffer, end: number): number {
  let lead = end - 1;
  while (lead >= 0 && end - lead < 4 && ((buffer[lead] ?? 0) & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return end;
  const byte = buffer[lead] ?? 0;
  const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead + length > end ? lead : end;
}

/** The delimiter used most in the header line (outside quotes); `;` wins ties, as Indonesian Excel writes it. */
function detectDelimiter(text: string): CsvDelimiter {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as CsvDelimiter] += 1;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ',';
}

function isBlankRecord(fields: string[]): boolean {
  for (const f of fields) if (f !== '' && (f.charCodeAt(0) > 32 || f.trim() !== '')) return false;
  return true;
}

type CsvOptions = { skip: number; utf8: boolean; delimiter: CsvDelimiter; newline: '\n' | '\r' };

/**
 * papaparse's own Parser over 256 KiB chunks: each chunk is parsed up to its last complete record and the rest is
 * carried into the next, as papaparse's streamer does, but without one callback per row.
 */
async function* csvRows(
  path: string,
  fileName: string,
  options: CsvOptions,
  limits: FileLimits,
): AsyncGenerator<TabularRow[]> {
  const decoder = new TextDecoder(options.utf8 ? 'utf-8' : 'windows-1252', { ignoreBOM: true });
  const parser = new Papa.Parser({ delimiter: options.delimiter, newline: options.newline });
  const stream = createReadStream(path, { start: options.skip, highWaterMark: CHUNK_BYTES });
  const stripCr = options.newline === '\n';
  let record = 0;
  let carried = '';
  const unclosedQuote = (row: number) =>
    new TabularError('FILE_UNREADABLE', {
      fileName,
      reasonId: `tanda kutip (") di baris ${row} tidak ditutup`,
      reasonEn: `the quote (") in row ${row} is never closed`,
    });
  // Only filled cells count: a row that ends in many empty fields (`;;;;`) is still read.
  const tooManyColumns = (fields: string[]) => {
    let lastFilled = fields.length;
    while (lastFilled > 0 && (fields[lastFilled - 1] ?? '').trim() === '') lastFilled -= 1;
    if (lastFilled > limits.columns) {
      throw new TabularError('FILE_TOO_MANY_COLUMNS', { fileName, row: String(record), limit: String(limits.columns) });
    }
    fields.length = lastFilled;
  };
  // The hot loop of a million-row import: plain loops, and each record's array is reused for its cells.
  const toRows = (records: string[][]): TabularRow[] => {
    const rows: TabularRow[] = [];
    for (const fields of records) {
      record += 1;
      const last = fields.length - 1;
      const end = fields[last] ?? '';
      if (stripCr && end.endsWith('\r')) fields[last] = end.slice(0, -1);
      if (isBlankRecord(fields)) continue;
      if (fields.length > limits.columns) tooManyColumns(fields);
      const cells = fields as unknown as Cell[];
      for (let i = 0; i < fields.length; i += 1) {
        const v = fields[i] ?? '';
        if (v.length > limits.cellChars) throw cellTooLong(fileName, record, i + 1, limits);
        cells[i] = v === '' ? EMPTY : { t: 'text', v };
      }
      rows.push({ row: record, cells });
    }
    return rows;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = carried + decoder.decode(chunk, { stream: true });
      const result = parser.parse(text, 0, true) as Papa.ParseResult<string[]>;
      carried = text.slice(result.meta.cursor);
      // No real record is megabytes long: an opening quote that is never closed would swallow the rest of the file,
      // and a line without any line break would be one endless cell.
      if (carried.length > 4 * CHUNK_BYTES) {
        const row = record + result.data.length + 1;
        if (carried.includes('"')) throw unclosedQuote(row);
        throw cellTooLong(fileName, row, 1, limits);
      }
      yield toRows(result.data);
    }
    const text = carried + decoder.decode();
    if (text !== '') {
      const result = parser.parse(text, 0, false) as Papa.ParseResult<string[]>;
      const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
      if (unclosed) throw unclosedQuote(record + (unclosed.row ?? 0) + 1);
      yield toRows(result.data);
    }
  } finally {
    stream.destroy();
  }
}

function cellTooLong(fileName: string, row: number, column: number, limits: FileLimits): TabularError {
  return new TabularError('FILE_CELL_TOO_LONG', {
    fileName,
    row: String(row),
    column: columnLetter(column),
    limit: String(limits.cellChars),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

type SheetEntry = { name: string; state?: string };
type StreamingWorksheet = ExcelJS.stream.xlsx.WorksheetReader & { name: string };
/** Fields the streaming reader sets but its typings omit. */
type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookReader & {
  model?: { sheets?: SheetEntry[] };
  properties?: { model?: { date1904?: boolean } };
  stream?: { destroy(): void };
};

function xlsxSource(path: string, fileName: string, wanted: string | undefined, limits: FileLimits): RawSource {
  const meta: RawSource['meta'] = { format: 'xlsx' };
  return { meta, rows: xlsxRows(path, fileName, wanted, meta, limits) };
}

async function* xlsxRows(
  path: string,
  fileName: string,
  wanted: string | undefined,
  meta: RawSource['meta'],
  limits: FileLimits,
): AsyncGenerator<TabularRow[]> {
  // Loaded on first use: a worker that reads a CSV never pays for exceljs (a second to load, tens of MB).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  }) as StreamingWorkbook;
  const unreadable = (cause: unknown) =>
    new TabularError(
      'FILE_UNREADABLE',
      { fileName, reasonId: 'isi XLSX rusak', reasonEn: 'the XLSX content is damaged' },
      {},
      cause,
    );
  const sheetNames = () => (workbook.model?.sheets ?? []).map((s) => s.name);
  try {
    for await (const worksheet of workbook as AsyncIterable<StreamingWorksheet>) {
      if (worksheet.name !== (wanted ?? firstVisibleSheet(workbook.model?.sheets ?? []))) {
        // Read through, not skipped: exceljs parks a sheet that comes before the shared strings in a temporary file
        // and deletes it once the sheet is passed, so a sheet never read would open a deleted file in the background.
        for await (const row of worksheet) void row;
        continue;
      }
      meta.sheet = worksheet.name;
      meta.sheets = sheetNames();
      const date1904 = workbook.properties?.model?.date1904 === true;
      let batch: TabularRow[] = [];
      let previous = 0;
      for await (const row of worksheet) {
        // Excel writes rows in order, once each; a file that repeats or reorders them cannot name rows in messages.
        if (!(row.number > previous)) {
          throw new TabularError('FILE_UNREADABLE', {
            fileName,
            reasonId: `nomor baris ${row.number} muncul setelah baris ${previous} (urutan baris rusak)`,
            reasonEn: `row number ${row.number} comes after row ${previous} (the row order is damaged)`,
          });
        }
        previous = row.number;
        const cells = xlsxCells(row, date1904, fileName, limits);
        if (cells.some((cell) => !isBlank(cell))) batch.push({ row: row.number, cells });
        if (batch.length >= BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      yield batch;
      return;
    }
  } catch (error) {
    throw error instanceof TabularError ? error : unreadable(error);
  } finally {
    // exceljs has no close: end the file stream it opened so the descriptor is released at once.
    workbook.stream?.destroy();
  }
  const sheets = sheetNames();
  if (sheets.length === 0) throw new TabularError('FILE_TYPE', { fileName, format: 'ZIP' });
  throw new TabularError('SHEET_NOT_FOUND', { fileName, sheet: wanted ?? '', sheets: sheets.join(', ') }, { sheets });
}

/** The first sheet in tab order that the operator can see; a hidden first sheet is a template's lookup table. */
function firstVisibleSheet(sheets: SheetEntry[]): string | undefined {
  return (sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0])?.name;
}

/** A row's cells; only a filled cell beyond `limits.columns` refuses the file (a formatted empty one is skipped). */
function xlsxCells(row: ExcelJS.Row, date1904: boolean, fileName: string, limits: FileLimits): Cell[] {
  const cells: Cell[] = [];
  row.eachCell((cell, column) => {
    const value = xlsxCell(cell.value, cell.numFmt, date1904);
    if (value.t === 'text' && value.v.length > limits.cellChars)
      throw cellTooLong(fileName, row.number, column, limits);
    if (column > limits.columns) {
      if (isBlank(value)) return;
      throw new TabularError('FILE_TOO_MANY_COLUMNS', {
        fileName,
        row: String(row.number),
        limit: String(limits.columns),
      });
    }
    while (cells.length < column - 1) cells.push(EMPTY);
    cells.push(value);
  });
  return cells;
}

function xlsxCell(value: ExcelJS.CellValue, numFmt: string | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return numberCell(value, numFmt);
  if (typeof value === 'string') return value === '' ? EMPTY : { t: 'text', v: value };
  if (typeof value === 'boolean') return { t: 'bool', v: value };
  if (value instanceof Date) return dateCell(value);
  if ('richText' in value) return textCell(value.richText.map((run) => run.text ?? '').join(''));
  if ('formula' in value || 'sharedFormula' in value) return formulaResult(value.result, numFmt, date1904);
  if ('error' in value) return { t: 'text', v: value.error };
  if ('text' in value) return textCell(typeof value.text === 'string' ? value.text : '');
  return EMPTY;
}

function textCell(v: string): Cell {
  return v === '' ? EMPTY : { t: 'text', v };
}

/** A formula is read as its cached result; exceljs gives an error result as NaN, shown as `#VALUE!`. */
function formulaResult(result: unknown, numFmt: string | undefined, date1904: boolean): Cell {
  if (typeof result === 'number') {
    if (Number.isNaN(result)) return { t: 'text', v: '#VALUE!' };
    return isDateFormat(numFmt) ? dateCell(serialToDate(result, date1904)) : numberCell(result, numFmt);
  }
  if (typeof result === 'string') return textCell(result);
  if (typeof result === 'boolean') return { t: 'bool', v: result };
  if (result instanceof Date) return dateCell(result);
  if (result !== null && typeof result === 'object' && 'error' in result) return { t: 'text', v: String(result.error) };
  return EMPTY;
}

/** The date at UTC midnight: a time of day in a date cell is dropped. */
function dateCell(v: Date): Cell {
  return { t: 'date', v: new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate())) };
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Date formats use d, m, y (or h, s) outside quoted text and [colour]/[locale] brackets. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[dmyhs]/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * `text` is what the number means as written: integers exactly (a NIK stored as a number must still show which
 * digits survived), other numbers at a spreadsheet's 15 significant digits so binary noise (0.30000000000000004)
 * does not leak into messages. A zero-padded format ("0000") pads, as the spreadsheet displays it.
 */
function numberCell(v: number, numFmt: string | undefined): Cell {
  let text = Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  const zeros = numFmt === undefined ? null : /^0+$/.exec(numFmt);
  if (zeros && Number.isInteger(v) && v >= 0) text = text.padStart(zeros[0].length, '0');
  return { t: 'number', v, text };
}
