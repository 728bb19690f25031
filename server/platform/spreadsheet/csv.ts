// The CSV reader: encoding (UTF-8, with or without BOM, else Windows-1252) and delimiter found from the file's head,
// then records parsed in 256 KiB chunks.
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { CHUNK_BYTES, EMPTY, type Cell, type RawSource, type TabularInfo, type TabularRow } from './cells.ts';
import { columnLetter, TabularError } from './tabular-error.ts';
import type { FileLimits } from './upload-limits.ts';

// ---------------------------------------------------------------------------------------------------------------
// CSV

type CsvEncoding = NonNullable<TabularInfo['encoding']>;
type CsvDelimiter = NonNullable<TabularInfo['delimiter']>;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export async function csvSource(path: string, fileName: string, head: Buffer, limits: FileLimits): Promise<RawSource> {
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

export function cellTooLong(fileName: string, row: number, column: number, limits: FileLimits): TabularError {
  return new TabularError('FILE_CELL_TOO_LONG', {
    fileName,
    row: String(row),
    column: columnLetter(column),
    limit: String(limits.cellChars),
  });
}
