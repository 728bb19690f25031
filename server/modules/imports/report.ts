// The downloadable import report: the operator's own rows with the problem cells marked, so the file can be fixed
// where it stands and uploaded again. Sheets: "Ringkasan" (summary), "Data" (every data row re-read from the
// upload, each at its original row number, problem cells filled and noted, a last column "Masalah") and
// "Daftar Masalah" (one line per issue).
//
// A report may cover a million rows, so both inputs are streamed: the upload through openTabular, the issues (sorted
// by row) merged along. exceljs's streaming writer keeps one sheet open at a time; the issues are spooled to a
// temporary file while "Data" is written and read back for "Daftar Masalah".

import { once, type EventEmitter } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { cellText, openTabular, type TabularInfo, type TabularRow } from '../../platform/spreadsheet/index.ts';
import { addSafeRow, safeColumns, safeValues } from '../../platform/spreadsheet/writer.ts';
import { REPORT_NOTE_LIMIT, REPORT_TEXT } from './imports.words.ts';

export type ReportIssue = {
  /** Spreadsheet row number as in TabularRow.row; null for a problem of the whole file (a missing column). */
  row: number | null;
  /** 0-based, as in TabularRow.cells; null for a problem of the whole row. */
  columnIndex: number | null;
  /** The header text of that column as written. */
  column: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
};

export type ReportSummary = {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
};

export type ReportOptions = {
  sourcePath: string;
  sheet?: string;
  fileName: string;
  /** Sorted by row; file-level issues (row null) may come first or last. */
  issues: AsyncIterable<ReportIssue[]> | ReportIssue[];
  summary: ReportSummary;
  dryRun: boolean;
  locale: Locale;
  out: NodeJS.WritableStream | string;
  /** When the import ran; defaults to now. */
  createdAt?: Date;
};

export const REPORT_FILLS = { error: 'FFFFC7CE', warning: 'FFFFEB9C' } as const;

export { REPORT_NOTE_LIMIT };

const TEXT = REPORT_TEXT;
type Text = (typeof TEXT)[Locale];

const BOLD = { bold: true } as const;

// exceljs looks a cell's style up by object identity before it renders it to XML, so cells share these objects:
// a fresh style per cell costs more than the rest of the report together. Never mutate them (`cell.fill = …`
// would); assign whole styles.
const PLAIN: Partial<ExcelJS.Style> = {};
const MARKED: Readonly<Record<ReportIssue['severity'], Partial<ExcelJS.Style>>> = {
  error: { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: REPORT_FILLS.error } } },
  warning: { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: REPORT_FILLS.warning } } },
};

function plainCells(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.style = PLAIN;
  });
}

export async function writeImportReport(opts: ReportOptions): Promise<void> {
  const text = TEXT[opts.locale];
  const tabular = await openTabular(opts.sourcePath, { sheet: opts.sheet, fileName: opts.fileName });
  const spoolDir = await mkdtemp(join(tmpdir(), 'lindung-report-'));
  const spoolPath = join(spoolDir, 'issues.ndjson');
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      ...(typeof opts.out === 'string' ? { filename: opts.out } : { stream: opts.out as NodeJS.WritableStream }),
      useStyles: true,
      useSharedStrings: false,
    } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
    writeSummary(workbook, opts, tabular.info, text);
    await writeData(workbook, tabular.info, tabular.batches, issueCursor(opts.issues), spoolPath, text);
    await writeIssueList(workbook, spoolPath, text);
    await workbook.commit();
  } finally {
    await tabular.close();
    await rm(spoolDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets

function writeSummary(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  opts: ReportOptions,
  info: TabularInfo,
  text: Text,
) {
  const sheet = workbook.addWorksheet(text.sheets.summary);
  sheet.columns = safeColumns([{ width: 26 }, { width: 60 }]);
  addSafeRow(sheet, [text.title]).font = { ...BOLD, size: 14 };
  addSafeRow(sheet, []);
  const lines: [string, string | number][] = [
    [text.file, opts.fileName],
    ...(info.sheet === undefined ? [] : [[text.sheet, info.sheet] as [string, string]]),
    [text.createdAt, jakartaTimestamp(opts.createdAt ?? new Date())],
    [text.mode, opts.dryRun ? text.dryRun : text.committed],
    [text.total, opts.summary.total],
    [text.inserted, opts.summary.inserted],
    [text.updated, opts.summary.updated],
    [text.unchanged, opts.summary.unchanged],
    [text.rejected, opts.summary.rejected],
    [text.warnings, opts.summary.warnings],
  ];
  for (const [label, value] of lines) {
    const row = addSafeRow(sheet, [label, value]);
    row.getCell(1).font = BOLD;
    if (typeof value === 'number') row.getCell(2).numFmt = '#,##0';
    row.getCell(2).alignment = { horizontal: 'left' };
  }
  addSafeRow(sheet, []);
  addSafeRow(sheet, [text.legend]);
  sheet.commit();
}

async function writeData(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  info: TabularInfo,
  batches: AsyncIterable<TabularRow[]>,
  issues: IssueCursor,
  spoolPath: string,
  text: Text,
): Promise<void> {
  const width = info.header.length;
  const sheet = workbook.addWorksheet(text.sheets.data, {
    views: [{ state: 'frozen', ySplit: info.headerRow }],
  });
  sheet.columns = safeColumns([
    ...info.header.map((h) => ({ width: Math.min(Math.max(h.length + 2, 12), 40) })),
    { width: 80 },
  ]);
  sheet.autoFilter = { from: { row: info.headerRow, column: 1 }, to: { row: info.headerRow, column: width + 1 } };
  const header = sheet.getRow(info.headerRow);
  header.values = safeValues([...info.header, text.problems]);
  header.font = BOLD;
  header.commit();

  const spool = createWriteStream(spoolPath);
  const notes = { left: REPORT_NOTE_LIMIT };
  let spooled = '';
  const take = (issue: ReportIssue) => {
    spooled += `${JSON.stringify(issue)}\n`;
    return issue;
  };
  const flush = async () => {
    if (spooled !== '' && !spool.write(spooled)) await once(spool, 'drain');
    spooled = '';
  };

  for await (const batch of batches) {
    for (const source of batch) {
      // Issues of rows the reader skipped (or of the header) only go to the list.
      for (let next = await issues.peek(); next && isBefore(next, source.row); next = await issues.peek()) {
        take(issues.take());
      }
      const own: ReportIssue[] = [];
      for (let next = await issues.peek(); next?.row === source.row; next = await issues.peek()) {
        own.push(take(issues.take()));
      }
      writeDataRow(sheet.getRow(source.row), source, own, width, notes);
    }
    await flush();
    await zipCaughtUp(sheet);
  }
  for (let next = await issues.peek(); next; next = await issues.peek()) take(issues.take());
  await flush();
  spool.end();
  await once(spool, 'close');
  sheet.commit();
}

/** True when the issue belongs before this data row: a file-level issue, or a row the reader skipped. */
function isBefore(issue: ReportIssue, row: number): boolean {
  return issue.row === null || issue.row < row;
}

function writeDataRow(
  row: ExcelJS.Row,
  source: TabularRow,
  issues: ReportIssue[],
  width: number,
  notes: { left: number },
) {
  row.values = safeValues([...source.cells.map((cell) => cellText(cell) || null), problemsText(issues)]);
  plainCells(row);
  const byColumn = new Map<number, ReportIssue[]>();
  for (const issue of issues) {
    if (issue.columnIndex === null || issue.columnIndex < 0 || issue.columnIndex >= width) continue;
    byColumn.set(issue.columnIndex, [...(byColumn.get(issue.columnIndex) ?? []), issue]);
  }
  for (const [index, cellIssues] of byColumn) {
    const cell = row.getCell(index + 1);
    cell.style = MARKED[cellIssues.some((i) => i.severity === 'error') ? 'error' : 'warning'];
    if (notes.left > 0) {
      cell.note = cellIssues.map((i) => i.message).join('\n');
      notes.left -= 1;
    }
  }
  row.commit();
}

/** "NIK: … | No HP: …": the column, then the message; a row-level message stands alone. */
function problemsText(issues: ReportIssue[]): string | null {
  if (issues.length === 0) return null;
  return issues.map((i) => (i.column ? `${i.column}: ${i.message}` : i.message)).join(' | ');
}

async function writeIssueList(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spoolPath: string, text: Text) {
  const sheet = workbook.addWorksheet(text.sheets.issues, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = safeColumns([{ width: 8 }, { width: 20 }, { width: 26 }, { width: 12 }, { width: 100 }]);
  sheet.autoFilter = 'A1:E1';
  const header = addSafeRow(sheet, [...text.issueHeader]);
  header.font = BOLD;
  header.commit();
  const lines = createInterface({ input: createReadStream(spoolPath), crlfDelay: Infinity });
  let written = 0;
  for await (const line of lines) {
    if (line === '') continue;
    const issue = JSON.parse(line) as ReportIssue;
    const row = addSafeRow(sheet, [issue.row, issue.column, issue.code, text.severity[issue.severity], issue.message]);
    plainCells(row);
    row.getCell(4).style = MARKED[issue.severity];
    row.commit();
    if (++written % 1000 === 0) await zipCaughtUp(sheet);
  }
  sheet.commit();
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/**
 * exceljs's sheet stream ignores backpressure: it pushes every committed row into the zip's input at once, so a
 * million rows would pile up in memory ahead of the compressor. Its first pipe is that input (a readable-stream 2
 * PassThrough, hence `_writableState`); wait for it to drain.
 */
type ZipInput = EventEmitter & { _writableState?: { needDrain?: boolean } };
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const input = (sheet as unknown as { stream?: { pipes?: ZipInput[] } }).stream?.pipes?.[0];
  if (input?._writableState?.needDrain) await once(input, 'drain');
}

type IssueCursor = { peek(): Promise<ReportIssue | undefined>; take(): ReportIssue };

/** Walks the issues one by one over batches of any size, without copying them. */
function issueCursor(source: AsyncIterable<ReportIssue[]> | ReportIssue[]): IssueCursor {
  const batches = Array.isArray(source) ? [source][Symbol.iterator]() : source[Symbol.asyncIterator]();
  let batch: ReportIssue[] = [];
  let index = 0;
  let done = false;
  return {
    async peek() {
      while (index >= batch.length && !done) {
        const next = await batches.next();
        if (next.done) done = true;
        else [batch, index] = [next.value, 0];
      }
      return batch[index];
    },
    take() {
      const issue = batch[index];
      if (issue === undefined) throw new Error('take() without a peeked issue');
      index += 1;
      return issue;
    },
  };
}

/** dd-mm-yyyy HH:mm WIB, the report's only clock: Lindung shows times in Asia/Jakarta. */
function jakartaTimestamp(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Jakarta',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute} WIB`;
}
