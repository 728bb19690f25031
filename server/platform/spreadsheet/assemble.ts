// What every format shares once its rows come: recognising the format by content, and finding the header (title rows
// above the table skipped), then rows aligned with it in batches.
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  BATCH_ROWS,
  cellText,
  EMPTY,
  HEAD_BYTES,
  isBlank,
  type RawSource,
  type Tabular,
  type TabularInfo,
  type TabularRow,
} from './cells.ts';
import { TabularError } from './tabular-error.ts';
import type { FileLimits } from './upload-limits.ts';

const ZIP_END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The end record a ZIP carries within its last 64 KiB (+22 bytes). */
const ZIP_TAIL_BYTES = 65_557;

/**
 * A truncated upload (an interrupted transfer, a half-saved file) has no ZIP directory at its end. Refused here:
 * exceljs's streaming reader fails on such a file from a background stream, outside any promise we could catch.
 */
export async function hasZipDirectory(path: string): Promise<boolean> {
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

export async function readHead(path: string): Promise<Buffer> {
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
export function sniffFormat(head: Buffer, fileName: string): 'csv' | 'xlsx' {
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
export async function assemble(
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

export async function* readAgain(reopen: () => Promise<Tabular>): AsyncGenerator<TabularRow[]> {
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
