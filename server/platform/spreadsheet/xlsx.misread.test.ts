// exceljs's streaming reader can read a whole file wrongly under CPU contention (xlsx.ts, `readAgainOnMisread`): the
// reading is checked against the guard's own count and read again. The race itself cannot be called up on demand,
// so these tests drive the checks directly: the retry rule, a reading whose row count differs from the guard's, and
// a sheet named by an absolute relationship target (which exceljs alone misnames).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflatedPart, sheetXml, workbookParts, zip } from '../../testing/zip.ts';
import { cellText, readTabular, TabularError, TRUSTED_LIMITS, type TabularRow } from './index.ts';
import { inspectXlsx } from './xlsx-guard.ts';
import { Misread, readAgainOnMisread, xlsxSource } from './xlsx.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lindung-misread-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ROWS = [
  ['NIK', 'Nama'],
  ['3402081203850001', 'Sutrisno'],
  ['3402084507900002', 'Wahyuni'],
];

async function workbookFile(name: string, parts: Record<string, string>): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, zip(Object.entries(parts).map(([n, t]) => deflatedPart(n, t))));
  return path;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('readAgainOnMisread', () => {
  const final = () => new Error('final');

  it('reads again after a misread found before anything was given, and gives the good reading once', async () => {
    let tries = 0;
    const items = await collect(
      readAgainOnMisread(
        async function* () {
          tries += 1;
          if (tries < 3) throw new Misread(`try ${tries}`);
          yield 'a';
          yield 'b';
        },
        3,
        final,
      ),
    );
    expect([tries, items]).toEqual([3, ['a', 'b']]);
  });

  it('refuses with the final error after the last attempt, and at once when rows were already given', async () => {
    let tries = 0;
    const always = readAgainOnMisread(
      async function* () {
        tries += 1;
        yield* [];
        throw new Misread('again');
      },
      3,
      final,
    );
    expect((await failure(collect(always))).message).toBe('final');
    expect(tries).toBe(3);

    tries = 0;
    const late = readAgainOnMisread(
      async function* () {
        tries += 1;
        yield 'a';
        throw new Misread('after a batch');
      },
      3,
      final,
    );
    expect((await failure(collect(late))).message).toBe('final');
    expect(tries).toBe(1);
  });

  it('passes any other error through unchanged, without reading again', async () => {
    let tries = 0;
    const other = readAgainOnMisread(
      async function* () {
        tries += 1;
        yield* [];
        throw new TypeError('not a misread');
      },
      3,
      final,
    );
    expect((await failure(collect(other))).message).toBe('not a misread');
    expect(tries).toBe(1);
  });
});

describe('the XLSX reader checks its reading against the guard', () => {
  it('the guard counts each worksheet part’s rows and notes the shared strings', async () => {
    const path = await workbookFile('hitung.xlsx', workbookParts(sheetXml(ROWS)));
    const inventory = await inspectXlsx({ path }, 'hitung.xlsx', TRUSTED_LIMITS);
    expect(inventory.sharedStrings).toBe(false);
    expect([...inventory.rows]).toEqual([['xl/worksheets/sheet1.xml', 3]]);
  });

  it('a reading with fewer rows than counted is read again, then refused as unreadable with what to do', async () => {
    const path = await workbookFile('kurang.xlsx', workbookParts(sheetXml(ROWS)));
    const counted = await inspectXlsx({ path }, 'kurang.xlsx', TRUSTED_LIMITS);
    const good = xlsxSource(path, 'kurang.xlsx', undefined, TRUSTED_LIMITS, counted);
    expect((await collect(good.rows)).flat().map((r) => r.row)).toEqual([1, 2, 3]);

    const wrong = { ...counted, rows: new Map([['xl/worksheets/sheet1.xml', 4]]) };
    const source = xlsxSource(path, 'kurang.xlsx', undefined, TRUSTED_LIMITS, wrong);
    const error = await failure(collect(source.rows));
    expect(error).toBeInstanceOf(TabularError);
    expect((error as TabularError).code).toBe('FILE_UNREADABLE');
    expect((error as TabularError).params.reasonId).toMatch(/3 kali dicoba; simpan ulang berkas lalu unggah lagi/);
  });

  it('names a sheet whose relationship target is an absolute path (as openpyxl writes it)', async () => {
    const parts = workbookParts(sheetXml(ROWS));
    parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace('name="Pekerja"', 'name="Data Desa"');
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!.replace(
      'Target="worksheets/sheet1.xml"',
      'Target="/xl/worksheets/sheet1.xml"',
    );
    const path = await workbookFile('openpyxl.xlsx', parts);
    for (const sheet of [undefined, 'Data Desa']) {
      const { info, batches } = await readTabular(path, { sheet });
      const rows: TabularRow[] = (await collect(batches)).flat();
      expect(info.sheet).toBe('Data Desa');
      expect(rows.map((r) => r.cells.map(cellText))).toEqual(ROWS.slice(1));
    }
  });
});
