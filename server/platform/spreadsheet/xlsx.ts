// The XLSX reader: exceljs's streaming reader over a file the guard (xlsx-guard.ts) has already inspected.
import type ExcelJS from 'exceljs';
import { BATCH_ROWS, EMPTY, isBlank, type Cell, type RawSource, type TabularRow } from './cells.ts';
import { cellTooLong } from './csv.ts';
import { TabularError } from './tabular-error.ts';
import type { FileLimits } from './upload-limits.ts';

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

export function xlsxSource(path: string, fileName: string, wanted: string | undefined, limits: FileLimits): RawSource {
  const meta: RawSource['meta'] = { format: 'xlsx' };
  return { meta, rows: xlsxRowsOnce(path, fileName, wanted, meta, limits) };
}

/**
 * exceljs's streaming reader now and then parses a parked worksheet before it has taken the workbook part in
 * (`this.model` undefined, a TypeError naming `sheets`), on files that are whole: seen under CPU contention on
 * files whose workbook.xml is the last zip entry, as exceljs itself writes them. Reading the same file again
 * succeeds, so that one failure, before any row was given out, is read once more; every other failure is final.
 */
async function* xlsxRowsOnce(
  path: string,
  fileName: string,
  wanted: string | undefined,
  meta: RawSource['meta'],
  limits: FileLimits,
): AsyncGenerator<TabularRow[]> {
  let given = false;
  try {
    for await (const batch of xlsxRows(path, fileName, wanted, meta, limits)) {
      given = true;
      yield batch;
    }
  } catch (error) {
    const cause = error instanceof TabularError ? (error as { cause?: unknown }).cause : undefined;
    const modelRace = cause instanceof TypeError && /reading 'sheets'/.test(cause.message);
    if (given || !modelRace) throw error;
    yield* xlsxRows(path, fileName, wanted, meta, limits);
  }
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
