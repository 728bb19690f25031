// The XLSX reader: exceljs's streaming reader over a file the guard (xlsx-guard.ts) has already inspected.
import type ExcelJS from 'exceljs';
import { BATCH_ROWS, EMPTY, isBlank, type Cell, type RawSource, type TabularRow } from './cells.ts';
import { cellTooLong } from './csv.ts';
import { TabularError } from './tabular-error.ts';
import type { FileLimits } from './upload-limits.ts';
import type { XlsxInventory } from './xlsx-guard.ts';

// ---------------------------------------------------------------------------------------------------------------
// XLSX

type SheetEntry = { name: string; state?: string };
type StreamingWorksheet = ExcelJS.stream.xlsx.WorksheetReader & { name: string; id: number | string };
/** Fields the streaming reader sets but its typings omit. */
type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookReader & {
  model?: { sheets?: SheetEntry[] };
  properties?: { model?: { date1904?: boolean } };
  stream?: { destroy(): void };
};

export function xlsxSource(
  path: string,
  fileName: string,
  wanted: string | undefined,
  limits: FileLimits,
  inventory?: XlsxInventory,
): RawSource {
  const meta: RawSource['meta'] = { format: 'xlsx' };
  const damaged = () =>
    new TabularError('FILE_UNREADABLE', {
      fileName,
      reasonId: `isi XLSX tidak terbaca utuh setelah ${READ_ATTEMPTS} kali dicoba; simpan ulang berkas lalu unggah lagi`,
      reasonEn: `the XLSX content could not be read whole in ${READ_ATTEMPTS} tries; save the file again and upload it`,
    });
  return {
    meta,
    rows: readAgainOnMisread(() => xlsxRows(path, fileName, wanted, meta, limits, inventory), READ_ATTEMPTS, damaged),
  };
}

/** A reading that exceljs's streaming reader got wrong (see `readAgainOnMisread`); `detail` says what was wrong. */
export class Misread extends Error {}

const READ_ATTEMPTS = 3;

/**
 * exceljs's streaming reader now and then reads a whole file wrongly: it parses a parked worksheet before it has
 * taken in the workbook part (`this.model` undefined, a TypeError naming `sheets`), or without the relationships
 * part, so the sheet comes out under a made-up name ("Sheet1") and the file seems to lack the sheet asked for. Seen
 * under CPU contention (exceljs issue 3064); reading the same file again succeeds. Each reading is checked against
 * what the guard counted (`XlsxInventory`) and the workbook's own parts; a misread found before any row was given
 * out is read again, up to `attempts` times, then refused with `final()`. A misread found after rows were given (a
 * row count that differs, on a file of many batches) is refused at once: the import's one transaction then writes
 * nothing.
 */
export async function* readAgainOnMisread<T>(
  attempt: () => AsyncGenerator<T>,
  attempts: number,
  final: () => Error,
): AsyncGenerator<T> {
  for (let n = 1; ; n += 1) {
    let given = false;
    try {
      for await (const item of attempt()) {
        given = true;
        yield item;
      }
      return;
    } catch (error) {
      if (!(error instanceof Misread)) throw error;
      if (given || n >= attempts) throw final();
    }
  }
}

async function* xlsxRows(
  path: string,
  fileName: string,
  wanted: string | undefined,
  meta: RawSource['meta'],
  limits: FileLimits,
  inventory: XlsxInventory | undefined,
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
  let emitted = 0;
  try {
    for await (const worksheet of workbook as AsyncIterable<StreamingWorksheet>) {
      emitted += 1;
      const name = sheetName(workbook, worksheet, inventory);
      if (name === undefined || name !== (wanted ?? firstVisibleSheet(workbook.model?.sheets ?? []))) {
        // Read through, not skipped: exceljs parks a sheet that comes before the shared strings in a temporary file
        // and deletes it once the sheet is passed, so a sheet never read would open a deleted file in the background.
        for await (const row of worksheet) void row;
        continue;
      }
      meta.sheet = name;
      meta.sheets = sheetNames();
      const date1904 = workbook.properties?.model?.date1904 === true;
      let batch: TabularRow[] = [];
      let previous = 0;
      let read = 0;
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
        read += 1;
        const cells = xlsxCells(row, date1904, fileName, limits);
        if (cells.some((cell) => !isBlank(cell))) batch.push({ row: row.number, cells });
        if (batch.length >= BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      const counted = inventory?.rows.get(worksheetPart(workbook, name) ?? '');
      if (counted !== undefined && counted !== read) throw new Misread(`${read} rows read, ${counted} counted`);
      yield batch;
      return;
    }
  } catch (error) {
    if (error instanceof TabularError || error instanceof Misread) throw error;
    // The workbook part not yet taken in when a worksheet is parsed (exceljs's `this.model.sheets`).
    if (error instanceof TypeError && /reading 'sheets'/.test(error.message)) throw new Misread(error.message);
    throw unreadable(error);
  } finally {
    // exceljs has no close: end the file stream it opened so the descriptor is released at once.
    workbook.stream?.destroy();
  }
  // Fewer worksheets than the guard found: parts were lost on the way, not missing from the file.
  if (inventory && emitted < inventory.rows.size) throw new Misread(`${emitted} of ${inventory.rows.size} sheets`);
  const sheets = sheetNames();
  if (sheets.length === 0) throw new TabularError('FILE_TYPE', { fileName, format: 'ZIP' });
  throw new TabularError('SHEET_NOT_FOUND', { fileName, sheet: wanted ?? '', sheets: sheets.join(', ') }, { sheets });
}

type Rel = { Id?: string; Target?: string };

/**
 * The name of a worksheet as exceljs gives it. exceljs names it from the workbook and relationships parts when it
 * finds the part's relationship written as `worksheets/sheetN.xml`; one written as an absolute path
 * (`/xl/worksheets/sheetN.xml`, as openpyxl writes it) leaves exceljs's placeholder name and the file number as id,
 * so the name is looked up here the same way. Undefined for a part no relationship lists (never a sheet of the
 * file). Those parts, and the shared strings when the file has them, must be in before a worksheet is read;
 * otherwise they were lost on the way (a misread, read again).
 */
function sheetName(workbook: StreamingWorkbook, worksheet: StreamingWorksheet, inventory?: XlsxInventory) {
  const sheets = workbook.model?.sheets as (SheetEntry & { rId?: string })[] | undefined;
  const rels = (workbook as { workbookRels?: Rel[] }).workbookRels;
  if (!sheets) throw new Misread('the workbook part was not read before a worksheet');
  if (!rels) throw new Misread('the relationships part was not read before a worksheet');
  if (inventory?.sharedStrings && !(workbook as { sharedStrings?: unknown[] }).sharedStrings) {
    throw new Misread('the shared strings were not read before a worksheet');
  }
  if (sheets.some((s) => s.name === worksheet.name)) return worksheet.name;
  const part = `xl/worksheets/sheet${String(worksheet.id)}.xml`;
  const rel = rels.find((r) => r.Target !== undefined && partPath(r.Target) === part);
  return sheets.find((s) => s.rId !== undefined && s.rId === rel?.Id)?.name;
}

function partPath(target: string): string {
  return (target.startsWith('/') ? target.slice(1) : `xl/${target}`).toLowerCase();
}

/** The path of a named sheet's part, lower case, as the guard keys it: workbook part → relationship → target. */
function worksheetPart(workbook: StreamingWorkbook, name: string): string | undefined {
  const sheet = (workbook.model?.sheets as (SheetEntry & { rId?: string })[] | undefined)?.find((s) => s.name === name);
  const rel = (workbook as { workbookRels?: Rel[] }).workbookRels?.find((r) => r.Id === sheet?.rId);
  return rel?.Target === undefined ? undefined : partPath(rel.Target);
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
