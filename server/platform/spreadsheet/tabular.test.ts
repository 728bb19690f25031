import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchHeader, type ImportField } from '../../../lib/imports/headers.ts';
import {
  parseDateCell,
  parseNikCell,
  parsePhone,
  parseRegionCode,
  parseSex,
} from '../../../lib/rules/import-values.ts';
import { validateNik } from '../../../lib/rules/nik.ts';
// The reader's rules, in this thread (readTabular); the same reader behind the worker thread is tested in
// tabular.worker.test.ts.
import { cellText, readTabular, TabularError, type Cell, type TabularRow } from './index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lindung-tabular-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function readAll(path: string, opts?: { sheet?: string; fileName?: string }) {
  const { info, batches } = await readTabular(path, opts);
  const rows: TabularRow[] = [];
  for await (const batch of batches) rows.push(...batch);
  return { info, rows };
}

const texts = (rows: TabularRow[]) => rows.map((r) => [r.row, ...r.cells.map(cellText)]);

async function failure(promise: Promise<unknown>): Promise<TabularError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TabularError);
  return error as TabularError;
}

describe('readTabular: CSV', () => {
  it('reads Indonesian Excel CSV: semicolons, UTF-8 BOM, CRLF, quotes with ; " and line breaks inside', async () => {
    const csv =
      '\uFEFFNIK;Nama Lengkap;Alamat;L/P\r\n' +
      '3402081203850001;Budi Santoso;"Jl. Parangtritis Km 5; Gg. Mawar";L\r\n' +
      '3402085506900002;"Siti ""Ani"" Aminah";"Dusun Karang\r\nRT 03";P\r\n' +
      '3402081507880003;José;Bantul;L\r\n';
    const { info, rows } = await readAll(await file('bom.csv', csv));
    expect(info).toEqual({
      format: 'csv',
      encoding: 'utf-8-bom',
      delimiter: ';',
      header: ['NIK', 'Nama Lengkap', 'Alamat', 'L/P'],
      headerRow: 1,
    });
    expect(texts(rows)).toEqual([
      [2, '3402081203850001', 'Budi Santoso', 'Jl. Parangtritis Km 5; Gg. Mawar', 'L'],
      [3, '3402085506900002', 'Siti "Ani" Aminah', 'Dusun Karang\r\nRT 03', 'P'],
      [4, '3402081507880003', 'José', 'Bantul', 'L'],
    ]);
    expect(rows[0]?.cells[0]).toEqual({ t: 'text', v: '3402081203850001' });
  });

  it('decodes Windows-1252 (curly apostrophe, é) with commas', async () => {
    const csv = 'NIK,Nama,Desa\r\n3402085203850004,Siti Ma\u2019rifah,Trirenggo\r\n3402081203850005,José,Bantul\r\n';
    const { info, rows } = await readAll(await file('cp1252.csv', Buffer.from(csvToCp1252(csv))));
    expect(info.encoding).toBe('windows-1252');
    expect(info.delimiter).toBe(',');
    expect(rows.map((r) => cellText(r.cells[1] ?? { t: 'empty' }))).toEqual(['Siti Ma’rifah', 'José']);
  });

  it('switches the whole file to Windows-1252 when the only invalid byte comes after megabytes of UTF-8', async () => {
    const filler = Array.from({ length: 40_000 }, (_, i) => `34020812038${String(i).padStart(5, '0')};Budi ${i}`);
    const head = Buffer.from(['NIK;Nama', ...filler, ''].join('\n'));
    const tail = Buffer.from([...Buffer.from('3402081203850001;Jos'), 0xe9, 0x0a]);
    const path = await file('late.csv', Buffer.concat([head, tail]));
    const { info, rows } = await readAll(path);
    expect(head.length).toBeGreaterThan(1 << 20);
    expect(info.encoding).toBe('windows-1252');
    expect(cellText(rows.at(-1)?.cells[1] ?? { t: 'empty' })).toBe('José');
    expect(rows.some((r) => r.cells.some((c) => cellText(c).includes('\uFFFD')))).toBe(false);
  });

  it('keeps UTF-8 when a multi-byte character straddles a read chunk', async () => {
    const prefix = 'NIK;Nama\n3402081203850001;';
    const pad = 'a'.repeat((1 << 20) - Buffer.byteLength(prefix) - 1);
    const path = await file('straddle.csv', `${prefix}${pad}é\n3402081203850002;Ñoño\n`);
    const { info, rows } = await readAll(path);
    expect(info.encoding).toBe('utf-8');
    expect(cellText(rows[0]?.cells[1] ?? { t: 'empty' }).endsWith('aé')).toBe(true);
    expect(cellText(rows[1]?.cells[1] ?? { t: 'empty' })).toBe('Ñoño');
  });

  it('detects tabs; keeps true row numbers past blank lines; pads short rows and drops extra cells', async () => {
    const csv = '\n\nNIK\tNama\tDesa\t\n1\tA\n\n\t \t\n2\tB\tTrirenggo\textra\n';
    const { info, rows } = await readAll(await file('tabs.csv', csv));
    expect(info.delimiter).toBe('\t');
    expect(info.header).toEqual(['NIK', 'Nama', 'Desa']);
    expect(info.headerRow).toBe(3);
    expect(texts(rows)).toEqual([
      [4, '1', 'A', ''],
      [7, '2', 'B', 'Trirenggo'],
    ]);
    expect(rows[0]?.cells[2]).toEqual({ t: 'empty' });
  });

  it('skips title rows above the table', async () => {
    const csv =
      'DATA PEKERJA RENTAN DESA TRIRENGGO;;;\nTahun 2026;;;\n;;;\nNIK;Nama;Desa;RT\n1;A;Trirenggo;003\n2;B;;\n';
    const { info, rows } = await readAll(await file('title.csv', csv));
    expect([info.header, info.headerRow]).toEqual([['NIK', 'Nama', 'Desa', 'RT'], 4]);
    expect(rows.map((r) => r.row)).toEqual([5, 6]);
  });

  it('takes a one-column header when no row has two filled cells', async () => {
    const { info, rows } = await readAll(await file('one.csv', 'NIK\n3402081203850001\n'));
    expect([info.header, rows.length]).toEqual([['NIK'], 1]);
  });

  it('keeps cells untrimmed as written', async () => {
    const { rows } = await readAll(await file('spaces.csv', 'NIK,Nama\n 3402081203850001 ,  Budi  \n'));
    expect(rows[0]?.cells).toEqual([
      { t: 'text', v: ' 3402081203850001 ' },
      { t: 'text', v: '  Budi  ' },
    ]);
  });

  it('reads old Mac line endings (CR only)', async () => {
    const { rows } = await readAll(await file('cr.csv', 'NIK;Nama\r1;A\r2;B\r'));
    expect(texts(rows)).toEqual([
      [2, '1', 'A'],
      [3, '2', 'B'],
    ]);
  });

  it('delivers a big file in batches of at most 1000 rows, in order, and can read it again', async () => {
    const lines = Array.from({ length: 2500 }, (_, i) => `${i};Nama ${i}`);
    const tabular = await readTabular(await file('many.csv', ['NIK;Nama', ...lines].join('\n')));
    const read = async () => {
      const sizes: number[] = [];
      const numbers: number[] = [];
      for await (const batch of tabular.batches) {
        sizes.push(batch.length);
        numbers.push(...batch.map((r) => r.row));
      }
      return { sizes, numbers };
    };
    const first = await read();
    expect(Math.max(...first.sizes)).toBeLessThanOrEqual(1000);
    expect(first.numbers).toEqual(Array.from({ length: 2500 }, (_, i) => i + 2));
    expect(await read()).toEqual(first);
  });

  it('releases the file on close() when only the header was wanted; reading afterwards starts again', async () => {
    const tabular = await readTabular(await file('header-only-use.csv', 'NIK;Nama\n1;A\n2;B\n'));
    expect(tabular.info.header).toEqual(['NIK', 'Nama']);
    await tabular.close();
    const rows: TabularRow[] = [];
    for await (const batch of tabular.batches) rows.push(...batch);
    expect(texts(rows)).toEqual([
      [2, '1', 'A'],
      [3, '2', 'B'],
    ]);
  });

  it('FILE_EMPTY: an empty file, blank lines only, or a header without data', async () => {
    for (const [name, content] of [
      ['empty.csv', ''],
      ['blank.csv', '\uFEFF\r\n;;\r\n'],
      ['header.csv', 'NIK;Nama\r\n;\r\n'],
    ] as const) {
      const error = await failure(readTabular(await file(name, content)));
      expect(error.code).toBe('FILE_EMPTY');
      expect(error.params.fileName).toBe(name);
    }
  });

  it('FILE_UNREADABLE: a quote that is never closed, naming its row', async () => {
    const path = await file('quote.csv', 'NIK;Nama\n1;A\n2;"B\n3;C\n');
    const error = await failure(readAll(path));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.params.reasonId).toBe('tanda kutip (") di baris 3 tidak ditutup');
  });

  it('FILE_TYPE: old binary Excel, PDF, OpenDocument, UTF-16 and other binaries, whatever the extension', async () => {
    const cases: [string, Buffer, string][] = [
      ['lama.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'Excel 97-2003 (.xls)'],
      ['scan.csv', Buffer.from('%PDF-1.7\n'), 'PDF'],
      ['unicode.txt', Buffer.from('\uFEFFNIK\tNama', 'utf16le'), 'Unicode Text (UTF-16)'],
      ['foto.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), '.jpg'],
      ['data.ods', odsHead(), 'OpenDocument (.ods)'],
    ];
    for (const [name, content, format] of cases) {
      const error = await failure(readTabular(await file(name, content)));
      expect([error.code, error.params.format]).toEqual(['FILE_TYPE', format]);
    }
    const error = await failure(
      readTabular(await file('x', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), {
        fileName: 'Data Desa.xls',
      }),
    );
    expect(error.message).toContain('Data Desa.xls');
  });
});

describe('readTabular: XLSX', () => {
  let workbookPath: string;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const data = workbook.addWorksheet('Data Pekerja');
    data.addRow([]); // the header is the first non-empty row
    data.addRow(['NIK', 'Nama', 'Tgl Lahir', 'Umur', 'Penghasilan', 'Aktif', 'Kode']);
    data.addRow([
      3402081203850000,
      { richText: [{ text: 'Budi ' }, { font: { bold: true }, text: 'Santoso' }] },
      new Date(Date.UTC(1985, 2, 12)),
      { formula: '2026-1985', result: 41 },
      1500000.5,
      true,
      42,
    ]);
    data.getCell('C3').numFmt = 'dd/mm/yyyy';
    data.getCell('G3').numFmt = '0000';
    data.addRow([]); // an empty row in the middle
    data.addRow([
      '3402085506900002',
      'Siti Aminah',
      { formula: 'DATE(1990,6,15)', result: 33039 },
      { formula: 'C5&""', result: 'teks' },
    ]);
    data.getCell('C5').numFmt = 'dd-mm-yyyy';
    const other = workbook.addWorksheet('Rekap');
    other.addRow(['NIK', 'Jumlah']);
    other.addRow(['3402081203850001', 7]);
    workbookPath = join(dir, 'pekerja.xlsx');
    await workbook.xlsx.writeFile(workbookPath);
  });

  it('reads the first sheet: numbers stay numbers, dates become dates, formulas their results, rich text joined', async () => {
    const { info, rows } = await readAll(workbookPath);
    expect(info).toEqual({
      format: 'xlsx',
      sheet: 'Data Pekerja',
      sheets: ['Data Pekerja', 'Rekap'],
      header: ['NIK', 'Nama', 'Tgl Lahir', 'Umur', 'Penghasilan', 'Aktif', 'Kode'],
      headerRow: 2,
    });
    expect(rows.map((r) => r.row)).toEqual([3, 5]);
    const expected: Cell[][] = [
      [
        { t: 'number', v: 3402081203850000, text: '3402081203850000' },
        { t: 'text', v: 'Budi Santoso' },
        { t: 'date', v: new Date(Date.UTC(1985, 2, 12)) },
        { t: 'number', v: 41, text: '41' },
        { t: 'number', v: 1500000.5, text: '1500000.5' },
        { t: 'bool', v: true },
        { t: 'number', v: 42, text: '0042' },
      ],
      [
        { t: 'text', v: '3402085506900002' },
        { t: 'text', v: 'Siti Aminah' },
        { t: 'date', v: new Date(Date.UTC(1990, 5, 15)) },
        { t: 'text', v: 'teks' },
        { t: 'empty' },
        { t: 'empty' },
        { t: 'empty' },
      ],
    ];
    expect(rows.map((r) => r.cells)).toEqual(expected);
    expect(cellText(rows[0]?.cells[2] ?? { t: 'empty' })).toBe('12-03-1985');
  });

  it('can stop early: breaking out of the rows, or close() after the header, then read again', async () => {
    const tabular = await readTabular(workbookPath);
    for await (const batch of tabular.batches) {
      expect(batch[0]?.row).toBe(3);
      break;
    }
    const again = await readTabular(workbookPath);
    await again.close();
    const rows: number[] = [];
    for await (const batch of again.batches) rows.push(...batch.map((r) => r.row));
    expect(rows).toEqual([3, 5]);
  });

  it('reads the chosen sheet', async () => {
    const { info, rows } = await readAll(workbookPath, { sheet: 'Rekap' });
    expect([info.sheet, info.header]).toEqual(['Rekap', ['NIK', 'Jumlah']]);
    expect(texts(rows)).toEqual([[2, '3402081203850001', '7']]);
  });

  it('recognises XLSX by content even when named .csv', async () => {
    const renamed = await file('sebenarnya-xlsx.csv', await readFile(workbookPath));
    expect((await readTabular(renamed)).info.format).toBe('xlsx');
  });

  it('SHEET_NOT_FOUND lists the sheets', async () => {
    const error = await failure(readTabular(workbookPath, { sheet: 'Sheet1' }));
    expect(error.code).toBe('SHEET_NOT_FOUND');
    expect(error.details).toEqual({ sheets: ['Data Pekerja', 'Rekap'] });
    expect(error.params).toMatchObject({ sheet: 'Sheet1', sheets: 'Data Pekerja, Rekap' });
  });

  it('FILE_UNREADABLE for a damaged XLSX', async () => {
    const whole = await readFile(workbookPath);
    const error = await failure(readAll(await file('rusak.xlsx', whole.subarray(0, Math.floor(whole.length / 2)))));
    expect(error.code).toBe('FILE_UNREADABLE');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The committed fixtures (scripts/make-import-fixtures.sh, LibreOffice). The importer's tests assert the codes of
// test-fixtures/imports/README.md; here we check that the files really hold what that table says: the cell kinds
// LibreOffice produced, and the per-cell codes of lib/rules. Codes the importer finds across rows or against the
// database (DUPLICATE_IN_FILE, REGION_UNKNOWN, REQUIRED_MISSING) are checked as far as a file alone allows.

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/imports');

/** Bantul (34.02) villages by kecamatan name, and the set of village codes, from the region package. */
const bantul = (() => {
  const data = join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
  const lines = (name: string) => readFileSync(join(data, name), 'utf8').trim().split('\n').slice(1);
  const districts = new Map(
    lines('districts.csv')
      .map((l) => l.split(','))
      .filter(([code]) => code?.startsWith('34.02.'))
      .map(([code, , name]) => [code, name?.toLowerCase()] as const),
  );
  const villages = lines('villages.csv')
    .map((l) => l.split(','))
    .filter(([, district]) => districts.has(district ?? ''));
  return {
    districts: new Set(districts.keys()),
    codes: new Set(villages.map(([code]) => code)),
    named: new Set(villages.map(([, district, name]) => `${districts.get(district ?? '')}/${name?.toLowerCase()}`)),
  };
})();

/** The per-row codes a single file shows by itself, using the same rules as the importer. */
function rowCodes(header: string[], rows: TabularRow[]): Map<number, string[]> {
  const fields = header.map(matchHeader);
  const seen = new Map<string, number>();
  const result = new Map<number, string[]>();
  for (const { row, cells } of rows) {
    const get = (field: ImportField): Cell => cells[fields.indexOf(field)] ?? { t: 'empty' };
    const codes: string[] = [];
    const date = get('birthDate');
    const birth = date.t === 'date' ? parseDateCell(date.v) : parseDateCell(cellText(date));
    if (!birth.ok) codes.push(birth.code);
    const sex = parseSex(cellText(get('sex')));
    if (!sex.ok) codes.push(sex.code);
    const nikCell = get('nik');
    const nik = parseNikCell(
      nikCell.t === 'number'
        ? { numeric: nikCell.v, isNumberCell: true, text: nikCell.text }
        : { text: cellText(nikCell) },
    );
    if (!nik.ok) codes.push(nik.code);
    else {
      const checked = validateNik(nik.value, {
        provinceExists: (c) => c === '34',
        districtExists: (c) => bantul.districts.has(c),
        birthDate: birth.ok ? birth.value : undefined,
        sex: sex.ok ? sex.value : undefined,
        today: '2026-11-23',
      });
      codes.push(...checked.issues.map((i) => i.code));
      if (seen.has(nik.value)) codes.push('DUPLICATE_IN_FILE');
      seen.set(nik.value, row);
    }
    const phone = get('phone');
    if (phone.t !== 'empty') {
      const parsed = parsePhone(phone.t === 'number' ? phone.v : cellText(phone));
      if (!parsed.ok) codes.push(parsed.code);
    }
    if (cellText(get('fullName')).trim() === '') codes.push('REQUIRED_MISSING');
    const village = cellText(get('village'));
    const code = parseRegionCode(village);
    const known = code.ok
      ? bantul.codes.has(code.value.code)
      : bantul.named.has(`${cellText(get('district')).toLowerCase()}/${village.toLowerCase()}`);
    if (!known) codes.push('REGION_UNKNOWN');
    result.set(row, codes);
  }
  return result;
}

describe('fixtures in test-fixtures/imports', () => {
  it('pekerja-bermasalah.xlsx: unformatted NIKs are number cells, quoted ones text; one problem per row', async () => {
    const { info, rows } = await readAll(join(FIXTURES, 'pekerja-bermasalah.xlsx'));
    expect(info).toMatchObject({ format: 'xlsx', sheet: 'pekerja-bermasalah', headerRow: 1 });
    const nik = info.header.indexOf('NIK');
    const kinds = rows.map((r) => [r.row, r.cells[nik]?.t]);
    expect(kinds).toEqual([
      [2, 'number'],
      [3, 'number'],
      ...[4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15].map((row) => [row, 'text']),
    ]);
    expect(rows[0]?.cells[nik]).toEqual({ t: 'number', v: 3402081203850010, text: '3402081203850010' });
    expect(Object.fromEntries(rowCodes(info.header, rows))).toEqual({
      2: ['NIK_NUMERIC_CELL'],
      3: ['NIK_NUMERIC_CELL'],
      4: ['DATE_INVALID'],
      5: [],
      6: ['PHONE_INVALID'],
      7: ['NIK_SERIAL'],
      8: [],
      9: ['NIK_DATE'],
      10: [],
      11: ['DUPLICATE_IN_FILE'],
      12: ['REGION_UNKNOWN'],
      14: ['REQUIRED_MISSING'],
      15: [],
    });
  });

  it('pekerja-benar.xlsx: NIKs, RT, RW and phones are text cells, birth dates date cells, and nothing is wrong', async () => {
    const { info, rows } = await readAll(join(FIXTURES, 'pekerja-benar.xlsx'));
    const column = (name: string) => rows.map((r) => r.cells[info.header.indexOf(name)]?.t);
    for (const name of ['NIK', 'RT', 'RW', 'No HP']) expect(new Set(column(name)), name).toEqual(new Set(['text']));
    expect(new Set(column('Tanggal Lahir'))).toEqual(new Set(['date']));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14]);
    expect([...rowCodes(info.header, rows).values()].flat()).toEqual([]);
  });

  it('pekerja-titikkoma.csv: UTF-8 with BOM, semicolons, an address with ; and a line break, nothing wrong', async () => {
    const { info, rows } = await readAll(join(FIXTURES, 'pekerja-titikkoma.csv'));
    expect(info).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' });
    expect(info.header.map(matchHeader)).toEqual([
      'nik',
      'fullName',
      'sex',
      'birthPlace',
      'birthDate',
      'address',
      'rt',
      'village',
      'district',
      'phone',
      'segment',
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(cellText(rows[1]?.cells[5] ?? { t: 'empty' })).toBe('Jl. Bibis; Gg. Kenanga 4\r\nDusun Gatak');
    expect([...rowCodes(info.header, rows).values()].flat()).toEqual([]);
  });

  it('pekerja-koma-cp1252.csv: Windows-1252 with commas, names decoded, village codes known', async () => {
    const { info, rows } = await readAll(join(FIXTURES, 'pekerja-koma-cp1252.csv'));
    expect(info).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(rows.map((r) => cellText(r.cells[1] ?? { t: 'empty' }))).toEqual([
      'Siti Ma’rifah',
      'José Ramli',
      'Nur’aini',
    ]);
    expect([...rowCodes(info.header, rows).values()].flat()).toEqual([]);
  });

  it('pekerja-ilmiah.csv: NIKs in scientific notation', async () => {
    const { info, rows } = await readAll(join(FIXTURES, 'pekerja-ilmiah.csv'));
    expect(Object.fromEntries(rowCodes(info.header, rows))).toEqual({
      2: ['NIK_SCIENTIFIC'],
      3: ['NIK_SCIENTIFIC'],
      4: [],
    });
  });
});

/** Windows-1252 bytes for the few non-ASCII characters the test uses. */
function csvToCp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '\u2019': 0x92, é: 0xe9 };
  return Uint8Array.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

/** The first bytes of an .ods file: a ZIP whose first, stored entry is `mimetype`. */
function odsHead(): Buffer {
  const name = Buffer.from('mimetype');
  const body = Buffer.from('application/vnd.oasis.opendocument.spreadsheet');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, body]);
}
