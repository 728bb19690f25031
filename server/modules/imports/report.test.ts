import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FILLS, writeImportReport, type ReportIssue, type ReportSummary } from './report.ts';

let dir: string;
let source: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lindung-report-test-'));
  source = join(dir, 'pekerja.csv');
  await writeFile(
    source,
    [
      'NIK;Nama Lengkap;Tanggal Lahir;No HP',
      '3402081203850001;Budi Santoso;12-03-1985;0812-3456-7890',
      '3402085506900002;;15-06-1990;12345',
      ';;;', // row 4: empty, skipped by the reader
      '3402081203850001;Budi Santoso;12-03-1985;0812-3456-7890',
      '3402084409920003;Sri Lestari;04-09-1992;+62 813 2222 3333',
    ].join('\r\n'),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const summary: ReportSummary = { total: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2, warnings: 1 };

const issue = (
  row: number | null,
  columnIndex: number | null,
  code: string,
  severity: ReportIssue['severity'],
  message: string,
): ReportIssue => ({
  row,
  columnIndex,
  column: columnIndex === null ? null : (['NIK', 'Nama Lengkap', 'Tanggal Lahir', 'No HP'][columnIndex] ?? null),
  code,
  severity,
  message,
});

const ISSUES: ReportIssue[] = [
  issue(null, null, 'COLUMN_UNKNOWN', 'warning', 'Kolom "Keterangan" tidak dipakai.'),
  issue(3, 1, 'REQUIRED_MISSING', 'error', 'Nama lengkap wajib diisi.'),
  issue(3, 3, 'PHONE_INVALID', 'error', 'Nomor telepon "12345" tidak dikenali.'),
  issue(3, 3, 'PHONE_SHORT', 'warning', 'Nomor terlalu pendek.'),
  issue(4, null, 'ROW_SKIPPED', 'warning', 'Baris kosong.'),
  issue(5, 0, 'DUPLICATE_IN_FILE', 'error', 'NIK sama dengan baris 2.'),
  issue(6, 2, 'NIK_BIRTHDATE_MISMATCH', 'warning', 'Tanggal lahir menurut NIK berbeda.'),
  issue(9, null, 'AFTER_LAST', 'warning', 'Baris sesudah data terakhir.'),
];

async function* inBatches(issues: ReportIssue[], size: number): AsyncIterable<ReportIssue[]> {
  for (let i = 0; i < issues.length; i += size) yield issues.slice(i, i + size);
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);
const noteOf = (cell: ExcelJS.Cell) => {
  const note = cell.note;
  if (note === undefined || typeof note === 'string') return note;
  return note.texts?.map((t) => t.text).join('');
};

describe('writeImportReport', () => {
  it('writes the summary, the data with problem cells marked, and the issue list (Indonesian)', async () => {
    const out = join(dir, 'laporan.xlsx');
    await writeImportReport({
      sourcePath: source,
      fileName: 'pekerja.csv',
      issues: inBatches(ISSUES, 3),
      summary,
      dryRun: true,
      locale: 'id',
      out,
      createdAt: new Date('2026-11-23T05:30:00Z'),
    });
    const workbook = await readBack(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Data', 'Daftar Masalah']);

    const summarySheet = workbook.getWorksheet('Ringkasan')!;
    const pairs = Object.fromEntries(
      summarySheet
        .getSheetValues()
        .flatMap((values) => (Array.isArray(values) && values[2] !== undefined ? [[values[1], values[2]]] : [])),
    );
    expect(pairs).toMatchObject({
      Berkas: 'pekerja.csv',
      Dibuat: '23-11-2026 12:30 WIB',
      Mode: 'Uji coba: belum ada data yang disimpan',
      'Jumlah baris data': 4,
      'Pekerja baru': 2,
      'Ditolak (ada galat)': 2,
      Peringatan: 1,
    });

    const data = workbook.getWorksheet('Data')!;
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getRow(1).values).toEqual([undefined, 'NIK', 'Nama Lengkap', 'Tanggal Lahir', 'No HP', 'Masalah']);
    expect(data.getRow(1).getCell(1).font?.bold).toBe(true);
    // Rows keep their original numbers: the skipped row 4 stays empty; the NIK is exact text.
    expect(data.getCell('A2').value).toBe('3402081203850001');
    expect(data.getRow(4).values).toEqual([]);
    expect(data.getCell('A6').value).toBe('3402084409920003');

    // Row 3: an empty name (error) and a phone with an error and a warning → red, both messages in the note.
    expect(fillOf(data.getCell('B3'))).toBe(REPORT_FILLS.error);
    expect(noteOf(data.getCell('B3'))).toBe('Nama lengkap wajib diisi.');
    expect(fillOf(data.getCell('D3'))).toBe(REPORT_FILLS.error);
    expect(noteOf(data.getCell('D3'))).toBe('Nomor telepon "12345" tidak dikenali.\nNomor terlalu pendek.');
    expect(data.getCell('E3').value).toBe(
      'Nama Lengkap: Nama lengkap wajib diisi. | No HP: Nomor telepon "12345" tidak dikenali. | No HP: Nomor terlalu pendek.',
    );
    expect(fillOf(data.getCell('A3'))).toBeUndefined();
    expect(fillOf(data.getCell('A5'))).toBe(REPORT_FILLS.error);
    expect(fillOf(data.getCell('C6'))).toBe(REPORT_FILLS.warning);
    expect(noteOf(data.getCell('C6'))).toBe('Tanggal lahir menurut NIK berbeda.');
    expect(data.getCell('E2').value).toBeNull();

    const list = workbook.getWorksheet('Daftar Masalah')!;
    const listRows = list
      .getSheetValues()
      .slice(1)
      .map((v) => (Array.isArray(v) ? v.slice(1) : v));
    expect(listRows).toEqual([
      ['Baris', 'Kolom', 'Kode', 'Jenis', 'Pesan'],
      [undefined, undefined, 'COLUMN_UNKNOWN', 'Peringatan', 'Kolom "Keterangan" tidak dipakai.'],
      [3, 'Nama Lengkap', 'REQUIRED_MISSING', 'Galat', 'Nama lengkap wajib diisi.'],
      [3, 'No HP', 'PHONE_INVALID', 'Galat', 'Nomor telepon "12345" tidak dikenali.'],
      [3, 'No HP', 'PHONE_SHORT', 'Peringatan', 'Nomor terlalu pendek.'],
      [4, undefined, 'ROW_SKIPPED', 'Peringatan', 'Baris kosong.'],
      [5, 'NIK', 'DUPLICATE_IN_FILE', 'Galat', 'NIK sama dengan baris 2.'],
      [6, 'Tanggal Lahir', 'NIK_BIRTHDATE_MISMATCH', 'Peringatan', 'Tanggal lahir menurut NIK berbeda.'],
      [9, undefined, 'AFTER_LAST', 'Peringatan', 'Baris sesudah data terakhir.'],
    ]);
    expect(fillOf(list.getCell('D3'))).toBe(REPORT_FILLS.error);
    expect(fillOf(list.getCell('D2'))).toBe(REPORT_FILLS.warning);
  });

  it('writes English labels to a stream, from an issue array', async () => {
    const out = join(dir, 'report-en.xlsx');
    await writeImportReport({
      sourcePath: source,
      fileName: 'pekerja.csv',
      issues: ISSUES.slice(1, 2),
      summary,
      dryRun: false,
      locale: 'en',
      out: createWriteStream(out),
    });
    const workbook = await readBack(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Data', 'Issue list']);
    expect(workbook.getWorksheet('Summary')!.getCell('B5').value).toBe('Saved to the worker registry');
    expect(workbook.getWorksheet('Data')!.getCell('E1').value).toBe('Problems');
    expect(workbook.getWorksheet('Issue list')!.getCell('D2').value).toBe('Error');
  });
});
