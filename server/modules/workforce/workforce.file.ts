// Reading a denominator file as BPS tables are typed into Excel: a title row or two, then a header such as
// "Kecamatan | Penduduk Bekerja | Semesta PBPU", one row per region, often a "Jumlah" row at the end. CSV with ';'
// or ',' (UTF-8 with or without BOM, else Windows-1252) or XLSX; the format is recognised by content. The files
// are small (one row per district), so they are read whole.
import { isUtf8 } from 'node:buffer';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { SEGMENT_CODES, segmentFromText, type SegmentCode } from '../../../lib/rules/segments.ts';
import { TabularError, type FileLimits, inspectXlsx } from '../../platform/spreadsheet/index.ts';

export type RawCell = string | number | null;
export type Issue = { row: number; column: string; message: string };

export type Columns = {
  code?: number;
  name?: number;
  year?: number;
  employed?: number;
  bpu?: number;
  segment?: number;
  source?: number;
};

export type ParsedRow = {
  row: number;
  code: string | null;
  name: string | null;
  year: number | null;
  employed: number | null;
  bpu: number | null;
  segment: SegmentCode | '';
  source: string | null;
};

/** The level a name column's header implies ("Kecamatan": districts), used when a name carries no prefix. */
export type NameLevel = 'province' | 'regency' | 'district' | 'village' | null;

export type ParsedFile = {
  header: string[];
  columns: Columns;
  nameLevel: NameLevel;
  rows: ParsedRow[];
  issues: Issue[];
};

function levelOfHeader(header: string): NameLevel {
  const h = norm(header);
  if (/^kecamatan$/.test(h)) return 'district';
  if (/^(kabupaten|kota|kabupaten kota|kab kota)$/.test(h)) return 'regency';
  if (/^(desa|desa kelurahan)$/.test(h)) return 'village';
  if (/^provinsi$/.test(h)) return 'province';
  return null;
}

export class FileProblem extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
  }
}

const MAX_ROWS = 5_000;
const HEADER_SEARCH_ROWS = 15;

// ---------------------------------------------------------------------------------------------------------------
// Cells

function decodeText(content: Buffer): string {
  if (isUtf8(content)) {
    const text = content.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  return new TextDecoder('windows-1252').decode(content);
}

function csvRows(content: Buffer): RawCell[][] {
  const text = decodeText(content);
  const firstLines = text.split(/\r?\n/).slice(0, HEADER_SEARCH_ROWS).join('\n');
  const semicolons = (firstLines.match(/;/g) ?? []).length;
  const commas = (firstLines.match(/,/g) ?? []).length;
  const tabs = (firstLines.match(/\t/g) ?? []).length;
  const delimiter = tabs > semicolons && tabs > commas ? '\t' : semicolons >= commas && semicolons > 0 ? ';' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  return parsed.data.map((r) => r.map((c) => (c.trim() === '' ? null : c.trim())));
}

function xlsxCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return xlsxCell(value.result as ExcelJS.CellValue);
    if ('richText' in value)
      return (
        value.richText
          .map((t) => t.text)
          .join('')
          .trim() || null
      );
    if ('text' in value) return String(value.text).trim() || null;
  }
  return null;
}

async function xlsxRows(content: Buffer, sheetName: string | undefined): Promise<RawCell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new FileProblem({
      row: 0,
      column: '-',
      message:
        'Berkas XLSX tidak dapat dibuka. Simpan ulang di Excel atau LibreOffice sebagai "Excel Workbook (.xlsx)", lalu unggah ulang.',
    });
  }
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) {
    const names = workbook.worksheets.map((w) => w.name).join(', ');
    throw new FileProblem({
      row: 0,
      column: '-',
      message: `Lembar "${sheetName ?? ''}" tidak ada. Lembar yang ada: ${names || '-'}. Pilih salah satu, lalu ulangi.`,
    });
  }
  const rows: RawCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    rows[number - 1] = values.slice(1).map(xlsxCell);
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function isXlsx(content: Buffer): boolean {
  return content.length > 4 && content.readUInt32BE(0) === 0x504b0304;
}

// ---------------------------------------------------------------------------------------------------------------
// Header

function norm(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Which field a header cell names; order matters ("kode wilayah" is a code, not a name). */
function fieldOf(header: string): keyof Columns | null {
  const h = norm(header);
  if (!h) return null;
  if (/^(kode|kode wilayah|kode wil|kode kemendagri|kode kecamatan|kode kabupaten|kode kab kota|kode daerah)$/.test(h))
    return 'code';
  if (/\bpbpu\b|\bbpu\b|semesta|bukan penerima upah/.test(h)) return 'bpu';
  if (/bekerja/.test(h)) return 'employed';
  if (/^tahun\b/.test(h)) return 'year';
  if (/^(segmen|segmen pekerjaan|pekerjaan|kelompok pekerjaan)$/.test(h)) return 'segment';
  if (/^sumber/.test(h)) return 'source';
  if (
    /^(wilayah|nama wilayah|kecamatan|kabupaten|kota|kabupaten kota|kab kota|desa|desa kelurahan|daerah|provinsi)$/.test(
      h,
    )
  )
    return 'name';
  return null;
}

function findHeader(rows: RawCell[][]): { index: number; header: string[]; columns: Columns } | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const header = (rows[i] ?? []).map((c) => (c === null ? '' : String(c)));
    const columns: Columns = {};
    header.forEach((text, index) => {
      const field = fieldOf(text);
      if (field && columns[field] === undefined) columns[field] = index;
    });
    const hasRegion = columns.code !== undefined || columns.name !== undefined;
    const hasFigure = columns.employed !== undefined || columns.bpu !== undefined;
    if (hasRegion && hasFigure) return { index: i, header, columns };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** Persons as BPS prints them: 561234, "561.234", "561 234"; never a decimal. */
export function parsePersons(value: RawCell): { ok: true; value: number | null } | { ok: false; message: string } {
  if (value === null) return { ok: true, value: null };
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) {
      return { ok: false, message: `berisi ${value}; jumlah orang harus bilangan bulat ≥ 0, tanpa desimal.` };
    }
    return { ok: true, value };
  }
  const text = value.replace(/\s/g, '');
  if (text === '-' || text === '–') return { ok: true, value: null };
  if (/^\d{1,3}(\.\d{3})+$/.test(text) || /^\d+$/.test(text)) {
    const n = Number(text.replace(/\./g, ''));
    if (n <= 300_000_000) return { ok: true, value: n };
  }
  return {
    ok: false,
    message: `berisi "${value}"; tulis jumlah orang sebagai bilangan bulat, mis. 561234 atau 561.234 (tanpa desimal atau koma).`,
  };
}

const TOTAL_ROW = /^(jumlah|total|jumlah total|kabupaten kota)$/;

/**
 * The worker thread's side of an upload (workforce.import.ts runs it with the route's heap cap): an XLSX passes the
 * ZIP guard before exceljs loads it whole, and the rows and columns are bounded like every upload's.
 */
export async function readDenominatorFileBounded(
  bytes: Uint8Array,
  opts: { sheet?: string | undefined; fileName: string },
  limits: FileLimits,
): Promise<ParsedFile> {
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isXlsx(content)) await inspectXlsx({ buffer: content }, opts.fileName, limits);
  const parsed = await readDenominatorFile(content, opts);
  const widest = parsed.header.length;
  if (widest > limits.columns) {
    throw new TabularError('FILE_TOO_MANY_COLUMNS', {
      fileName: opts.fileName,
      row: '1',
      limit: String(limits.columns),
    });
  }
  return parsed;
}

/**
 * Reads the file into rows of raw fields, with the problems a row has on its own (numbers, years, segments).
 * Region names are resolved by the caller, which knows the actor's scope.
 */
export async function readDenominatorFile(content: Buffer, opts: { sheet?: string | undefined }): Promise<ParsedFile> {
  const rows = isXlsx(content) ? await xlsxRows(content, opts.sheet) : csvRows(content);
  const found = findHeader(rows);
  if (!found) {
    throw new FileProblem({
      row: 1,
      column: '-',
      message:
        'Judul kolom tidak ditemukan. Baris judul harus punya kolom wilayah ("Kode Wilayah" atau "Kecamatan"/"Wilayah") ' +
        'dan minimal satu kolom angka ("Penduduk Bekerja" atau "Semesta PBPU"). Tambahkan judul kolom itu lalu unggah ulang.',
    });
  }
  const { index, header, columns } = found;
  const issues: Issue[] = [];
  const parsed: ParsedRow[] = [];
  const label = (field: keyof Columns) => {
    const i = columns[field];
    return i === undefined ? field : header[i] || field;
  };
  const at = (cells: RawCell[], field: keyof Columns): RawCell =>
    columns[field] === undefined ? null : (cells[columns[field]] ?? null);

  for (let i = index + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (cells.every((c) => c === null)) continue;
    const rowNumber = i + 1;
    if (parsed.length >= MAX_ROWS) {
      issues.push({
        row: rowNumber,
        column: '-',
        message: `Berkas berisi lebih dari ${MAX_ROWS} baris. Bagi berkas per kabupaten/kota lalu unggah satu per satu.`,
      });
      break;
    }
    const codeCell = at(cells, 'code');
    const nameCell = at(cells, 'name');
    const nameText = nameCell === null ? null : String(nameCell).trim();
    if (codeCell === null && nameText !== null && TOTAL_ROW.test(norm(nameText))) continue; // the table's sum row
    const problem = (field: keyof Columns, message: string) =>
      issues.push({ row: rowNumber, column: label(field), message });

    const employed = parsePersons(at(cells, 'employed'));
    const bpu = parsePersons(at(cells, 'bpu'));
    if (!employed.ok) problem('employed', employed.message);
    if (!bpu.ok) problem('bpu', bpu.message);
    if (employed.ok && bpu.ok && employed.value === null && bpu.value === null) {
      problem(
        columns.employed !== undefined ? 'employed' : 'bpu',
        'kosong; isi jumlah penduduk bekerja dan/atau semesta PBPU untuk wilayah ini, atau hapus barisnya.',
      );
    }

    let year: number | null = null;
    const yearCell = at(cells, 'year');
    if (yearCell !== null) {
      const n = typeof yearCell === 'number' ? yearCell : Number(String(yearCell).trim());
      if (Number.isInteger(n) && n >= 2000 && n <= 2100) year = n;
      else problem('year', `berisi "${yearCell}"; tulis tahun empat angka, mis. 2025.`);
    }

    let segment: SegmentCode | '' = '';
    const segmentCell = at(cells, 'segment');
    if (segmentCell !== null) {
      const text = String(segmentCell).trim();
      const code = (SEGMENT_CODES as readonly string[]).includes(text) ? (text as SegmentCode) : segmentFromText(text);
      if (code) segment = code;
      else if (!/^(semua|seluruh|total|jumlah)$/i.test(text)) {
        problem(
          'segment',
          `berisi "${text}" yang tidak dikenal; tulis mis. Petani, Nelayan, Pedagang, atau kosongkan untuk semua segmen.`,
        );
      }
    }

    const sourceCell = at(cells, 'source');
    parsed.push({
      row: rowNumber,
      code: codeCell === null ? null : String(codeCell).trim(),
      name: nameText,
      year,
      employed: employed.ok ? employed.value : null,
      bpu: bpu.ok ? bpu.value : null,
      segment,
      source: sourceCell === null ? null : String(sourceCell).trim().slice(0, 300),
    });
  }
  if (parsed.length === 0 && issues.length === 0) {
    throw new FileProblem({
      row: index + 2,
      column: '-',
      message: 'Tidak ada baris data di bawah judul kolom. Isi satu baris per wilayah lalu unggah ulang.',
    });
  }
  const nameLevel = columns.name === undefined ? null : levelOfHeader(header[columns.name] ?? '');
  return { header, columns, nameLevel, rows: parsed, issues };
}
