// Streaming readers for the spreadsheets people send (worker lists, proposals, BPJS answers, workforce figures): CSV
// as Excel and LibreOffice write it in Indonesia, and XLSX. Every reader of an upload goes through `openTabular`, so
// a row number in a message is the row the operator sees in their spreadsheet.
//
// The format is recognised by content, not by the extension: `.csv` files that are really XLSX, and `.xls` files
// that are really CSV, are common. Memory stays flat: rows are read in batches, the CSV in 256 KiB chunks and the
// XLSX through exceljs's streaming reader.
import { basename } from 'node:path';
import { streamInWorker, WorkerFailure, type SerializedError } from '../worker-task.ts';
import { assemble, hasZipDirectory, readAgain, readHead, sniffFormat } from './assemble.ts';
import { type Cell, type Tabular, type TabularInfo, type TabularOptions, type TabularRow, EMPTY } from './cells.ts';
import { csvSource } from './csv.ts';
import { TabularError } from './tabular-error.ts';
import { TRUSTED_LIMITS, type FileLimits } from './upload-limits.ts';
import { xlsxSource } from './xlsx.ts';
import { inspectXlsx } from './xlsx-guard.ts';

// ---------------------------------------------------------------------------------------------------------------
// Opening a file

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
    const inventory = await inspectXlsx({ path }, fileName, limits);
    return assemble(xlsxSource(path, fileName, opts.sheet, limits, inventory), fileName, limits, () =>
      readTabular(path, opts),
    );
  }
  const source = await csvSource(path, fileName, head, limits);
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
