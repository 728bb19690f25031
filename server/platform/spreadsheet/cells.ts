// The shapes every spreadsheet reader shares: a cell, a row, what was found about the file, the reader itself.
import type { FileLimits } from './upload-limits.ts';

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

export const EMPTY: Cell = Object.freeze({ t: 'empty' });
export const BATCH_ROWS = 1000;
export const CHUNK_BYTES = 1 << 18;
export const HEAD_BYTES = 64 * 1024;

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

export function isBlank(cell: Cell): boolean {
  return cell.t === 'empty' || (cell.t === 'text' && cell.v.trim() === '');
}

export type RawSource = {
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
