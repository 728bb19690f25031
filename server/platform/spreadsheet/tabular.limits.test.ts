// The bounds of an uploaded spreadsheet (upload-limits.ts), checked while streaming, and the worker thread that
// parses it: a decompression bomb, too many parts, texts, rows, columns or characters are refused with their own
// error code, and a file that exhausts the worker's heap costs that worker, never this thread.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deflatedPart,
  repeatedPart,
  sharedStringsBomb,
  sheetXml,
  workbookParts,
  zip,
  type ZipPart,
} from '../../testing/zip.ts';
import {
  cellText,
  openTabular,
  readTabular,
  TabularError,
  type Tabular,
  type TabularRow,
  fileLimits,
  type FileLimits,
} from './index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lindung-limits-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let serial = 0;
async function file(content: string | Buffer, name = 'berkas'): Promise<string> {
  serial += 1;
  const path = join(dir, `${serial}-${name}`);
  await writeFile(path, content);
  return path;
}

async function readAll(open: Promise<Tabular>) {
  const { info, batches } = await open;
  const rows: TabularRow[] = [];
  for await (const batch of batches) rows.push(...batch);
  return { info, rows };
}

async function refusal(promise: Promise<unknown>): Promise<TabularError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TabularError);
  return error as TabularError;
}

const operatorImport = fileLimits('imports', 'operator');
const limits = (changes: Partial<FileLimits>): FileLimits => ({ ...operatorImport, ...changes });
const xlsx = (parts: Record<string, string>, extra: ZipPart[] = []) =>
  zip([...Object.entries(parts).map(([name, text]) => deflatedPart(name, text)), ...extra]);

describe('limits per route and role', () => {
  it('are one table: an operator imports less than Disnaker; a workforce file is small', () => {
    expect(fileLimits('imports', 'operator').rows).toBeLessThan(fileLimits('imports', 'disnaker').rows);
    expect(fileLimits('imports', 'operator').unpackedBytes).toBeLessThan(fileLimits('imports', 'admin').unpackedBytes);
    expect(fileLimits('workforce', 'disnaker').unpackedBytes).toBeLessThan(
      fileLimits('exchange', 'bpjs').unpackedBytes,
    );
  });
});

describe('the ZIP guard before exceljs', () => {
  it('refuses a shared-strings bomb (a ~1 MB file unpacking to 1.1 GB) by its declared size', async () => {
    const bomb = sharedStringsBomb();
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const error = await refusal(readTabular(await file(bomb, 'bom.xlsx'), { limits: operatorImport }));
    expect(error.code).toBe('FILE_UNPACKED_TOO_LARGE');
    expect(error.params.limit).toBe('200 MB');
  });

  it('counts the inflated bytes when the ZIP lies about them', async () => {
    const lying = sharedStringsBomb({ lie: true });
    const error = await refusal(readTabular(await file(lying, 'bohong.xlsx'), { limits: operatorImport }));
    // The entry outgrows its declared 1 KiB long before the 200 MB limit: refused as a damaged ZIP.
    expect(error.code).toBe('FILE_UNREADABLE');
  });

  it('adds up the sizes of all entries', async () => {
    const chunk = Buffer.alloc(1 << 20, 'x');
    const parts = workbookParts(
      sheetXml([
        ['NIK', 'Nama'],
        ['1', 'A'],
      ]),
    );
    const padding = [1, 2, 3].map((i) => repeatedPart(`xl/media/pad${i}.bin`, '', chunk, 4, ''));
    const error = await refusal(
      readTabular(await file(xlsx(parts, padding), 'isi.xlsx'), {
        limits: limits({ unpackedBytes: 10 << 20, compressionRatio: 1e6 }),
      }),
    );
    expect(error.code).toBe('FILE_UNPACKED_TOO_LARGE');
    expect(error.params.limit).toBe('10 MB');
  });

  it('refuses an entry packed more tightly than the limit', async () => {
    const parts = workbookParts(
      sheetXml([
        ['NIK', 'Nama'],
        ['1', 'A'],
      ]),
    );
    const tight = repeatedPart('xl/media/image1.png', '', Buffer.alloc(1 << 20, 0), 8, '');
    const error = await refusal(
      readTabular(await file(xlsx(parts, [tight]), 'padat.xlsx'), { limits: operatorImport }),
    );
    expect(error.code).toBe('FILE_PACKED_TOO_TIGHT');
    expect(error.params.entry).toBe('xl/media/image1.png');
  });

  it('refuses too many parts, and too many shared strings', async () => {
    const parts = workbookParts(
      sheetXml([
        ['NIK', 'Nama'],
        ['1', 'A'],
      ]),
    );
    const many = Array.from({ length: 30 }, (_, i) => deflatedPart(`xl/media/p${i}.txt`, 'x'));
    const entries = await refusal(
      readTabular(await file(xlsx(parts, many), 'bagian.xlsx'), { limits: limits({ entries: 20 }) }),
    );
    expect(entries.code).toBe('FILE_TOO_MANY_PARTS');

    const strings = Array.from({ length: 5000 }, (_, i) => `<si><t>teks ${i}</t></si>`).join('');
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`;
    const withStrings = workbookParts(
      sheetXml([
        ['NIK', 'Nama'],
        ['1', 'A'],
      ]),
      sst,
    );
    const texts = await refusal(
      readTabular(await file(xlsx(withStrings), 'teks.xlsx'), { limits: limits({ sharedStrings: 4999 }) }),
    );
    expect(texts.code).toBe('FILE_TOO_MANY_TEXTS');
    await expect(
      readAll(readTabular(await file(xlsx(withStrings), 'teks-ok.xlsx'), { limits: limits({ sharedStrings: 5000 }) })),
    ).resolves.toMatchObject({ rows: [{ row: 2 }] });
  });

  it('refuses bytes the directory does not list (what a sequential reader would still read)', async () => {
    const parts = workbookParts(
      sheetXml([
        ['NIK', 'Nama'],
        ['1', 'A'],
      ]),
    );
    const good = xlsx(parts);
    const directoryAt = good.readUInt32LE(good.length - 6);
    // A hidden entry between the listed ones and the directory.
    const hidden = zip([deflatedPart('xl/hidden.xml', 'x'.repeat(100))]).subarray(0, 30 + 13 + 5);
    const smuggled = Buffer.concat([good.subarray(0, directoryAt), hidden, good.subarray(directoryAt)]);
    smuggled.writeUInt32LE(directoryAt + hidden.length, smuggled.length - 6);
    const error = await refusal(readTabular(await file(smuggled, 'selundup.xlsx'), { limits: operatorImport }));
    expect(error.code).toBe('FILE_UNREADABLE');
  });
});

describe('rows, columns and cells while streaming', () => {
  it('CSV: too many data rows, too many filled columns, an endless cell', async () => {
    const rows = ['NIK;Nama', ...Array.from({ length: 30 }, (_, i) => `${i};N${i}`)].join('\n');
    const tooMany = await refusal(readAll(readTabular(await file(rows), { limits: limits({ rows: 29 }) })));
    expect(tooMany).toMatchObject({ code: 'FILE_TOO_MANY_ROWS', params: { limit: '29' } });
    await expect(readAll(readTabular(await file(rows), { limits: limits({ rows: 30 }) }))).resolves.toMatchObject({
      info: { header: ['NIK', 'Nama'] },
    });

    const wide = `NIK;Nama\n1;A\n2;B${';x'.repeat(10)}\n`;
    const columns = await refusal(readAll(readTabular(await file(wide), { limits: limits({ columns: 8 }) })));
    expect(columns).toMatchObject({ code: 'FILE_TOO_MANY_COLUMNS', params: { row: '3', limit: '8' } });
    // Empty trailing fields are not columns.
    const trailing = `NIK;Nama\n1;A${';'.repeat(50)}\n`;
    await expect(readAll(readTabular(await file(trailing), { limits: limits({ columns: 8 }) }))).resolves.toMatchObject(
      {
        rows: [{ row: 2 }],
      },
    );

    const long = `NIK;Nama\n1;${'a'.repeat(500)}\n`;
    const cell = await refusal(readAll(readTabular(await file(long), { limits: limits({ cellChars: 400 }) })));
    expect(cell).toMatchObject({ code: 'FILE_CELL_TOO_LONG', params: { row: '2', column: 'B', limit: '400' } });

    const endless = `NIK;Nama\n1;${'a'.repeat(3 << 20)}`;
    const line = await refusal(readAll(readTabular(await file(endless), { limits: operatorImport })));
    expect(line.code).toBe('FILE_CELL_TOO_LONG');
  });

  it('XLSX: too many rows, a filled cell beyond the columns (an empty one is ignored), a cell too long', async () => {
    const build = async (rows: (string | null)[][], name: string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Pekerja');
      rows.forEach((cells, r) => cells.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
      await wb.xlsx.writeFile(join(dir, name));
      return join(dir, name);
    };
    const many = await build([['NIK', 'Nama'], ...Array.from({ length: 12 }, (_, i) => [`${i}`, `N${i}`])], 'r.xlsx');
    expect(await refusal(readAll(readTabular(many, { limits: limits({ rows: 11 }) })))).toMatchObject({
      code: 'FILE_TOO_MANY_ROWS',
    });

    const far = Array<string | null>(40).fill(null);
    far[0] = '1';
    far[1] = 'A';
    far[39] = 'jauh';
    const wide = await build([['NIK', 'Nama'], far], 'c.xlsx');
    expect(await refusal(readAll(readTabular(wide, { limits: limits({ columns: 30 }) })))).toMatchObject({
      code: 'FILE_TOO_MANY_COLUMNS',
      params: { row: '2', limit: '30' },
    });
    await expect(readAll(readTabular(wide, { limits: limits({ columns: 40 }) }))).resolves.toMatchObject({
      rows: [{ row: 2 }],
    });

    const long = await build(
      [
        ['NIK', 'Nama'],
        ['1', 'b'.repeat(300)],
      ],
      'l.xlsx',
    );
    expect(await refusal(readAll(readTabular(long, { limits: limits({ cellChars: 299 }) })))).toMatchObject({
      code: 'FILE_CELL_TOO_LONG',
      params: { row: '2', column: 'B' },
    });
  });
});

// Starting a worker takes a second or more on a busy machine.
describe('openTabular: the same reader in a worker thread', { timeout: 60_000 }, () => {
  it('returns what readTabular returns, every kind of cell included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pekerja');
    ws.addRow(['NIK', 'Nama', 'Lahir', 'Angka', 'Aktif', 'Kosong']);
    ws.addRow(['3402081203850001', 'Siti', new Date(Date.UTC(1985, 2, 12)), 42.5, true, null]);
    ws.addRow(['3402081203850002', { richText: [{ text: 'Bu' }, { text: 'di' }] }, null, 7, false, null]);
    const path = join(dir, 'jenis.xlsx');
    await wb.xlsx.writeFile(path);
    const here = await readAll(readTabular(path));
    const there = await readAll(openTabular(path));
    expect(there).toEqual(here);
    expect(there.rows.map((r) => r.cells.map(cellText))).toEqual([
      ['3402081203850001', 'Siti', '12-03-1985', '42.5', 'TRUE', ''],
      ['3402081203850002', 'Budi', '', '7', 'FALSE', ''],
    ]);

    const csv = await file(`NIK;Nama\n${Array.from({ length: 2500 }, (_, i) => `${i};N${i}`).join('\n')}\n`);
    const csvHere = await readAll(readTabular(csv));
    const csvThere = await readAll(openTabular(csv));
    expect(csvThere).toEqual(csvHere);
    expect(csvThere.rows).toHaveLength(2500);
  });

  it('brings the refusal across with its code and parameters', async () => {
    const error = await refusal(openTabular(await file(sharedStringsBomb(), 'bom.xlsx'), { limits: operatorImport }));
    expect(error).toMatchObject({ code: 'FILE_UNPACKED_TOO_LARGE', params: { limit: '200 MB' } });
    const csv = await file(['NIK;Nama', ...Array.from({ length: 30 }, (_, i) => `${i};N${i}`)].join('\n'));
    expect(await refusal(readAll(openTabular(csv, { limits: limits({ rows: 10 }) })))).toMatchObject({
      code: 'FILE_TOO_MANY_ROWS',
    });
  });

  it('a file that exhausts the worker heap is FILE_TOO_HEAVY, and this thread reads the next file', async () => {
    // 40 MB of distinct shared strings within every other limit, for a worker allowed 16 MB.
    const strings = Array.from({ length: 200_000 }, (_, i) => `<si><t>${String(i).padStart(190, 'z')}</t></si>`);
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.join('')}</sst>`;
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row></sheetData></worksheet>';
    const heavy = await file(xlsx(workbookParts(sheet, sst)), 'berat.xlsx');
    const error = await refusal(readAll(openTabular(heavy, { limits: limits({ workerHeapMb: 16 }) })));
    expect(error).toMatchObject({ code: 'FILE_TOO_HEAVY', params: { limit: '16 MB' } });

    const next = await readAll(openTabular(await file('NIK;Nama\n1;A\n')));
    expect(next.rows.map((r) => r.cells.map(cellText))).toEqual([['1', 'A']]);
  });
});
