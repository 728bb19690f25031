// Issue 14 §5: exports follow the requesting user's language. One disnaker signs in twice, once in Indonesian and
// once after switching to English (PATCH /api/me/preferences), and downloads the same exports through the HTTP API:
// the sheet names and headers come from the modules' words files in the user's locale.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from './test-db.ts';

let db: TestDatabase;
let app: App;
let headers: Record<string, string>;

async function download(url: string) {
  const r = await app.inject({ method: 'GET', url, headers });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  return wb;
}

const headerRow = (sheet: ExcelJS.Worksheet, row = 1) => (sheet.getRow(row).values as unknown[]).slice(1);

beforeAll(async () => {
  db = await createTestDatabase('words_exports');
  app = await testApp(db);
  const user = await makeUser(db, 'disnaker', '34.02', 'disnaker.words');
  headers = await signIn(app, user.username, user.password);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('exports in the user’s language', () => {
  it('are Indonesian for an Indonesian user', async () => {
    const people = await download('/api/coverage/people.xlsx?region=34.02');
    expect(people.worksheets.map((w) => w.name)).toEqual(['Peserta', 'Keterangan']);
    expect(headerRow(people.worksheets[0]!)).toEqual([
      'No',
      'Nama',
      'NIK (disamarkan)',
      'Kode wilayah',
      'Wilayah',
      'Pekerjaan',
      'Kategori',
      'Sumber',
    ]);
    const bills = await download('/api/bills.xlsx');
    expect(bills.worksheets.map((w) => w.name)).toEqual(['Tagihan']);
    expect(headerRow(bills.worksheets[0]!, 3)).toContain('Jumlah tagihan');
    const workforce = await download('/api/workforce.xlsx?region=34.02');
    expect(workforce.worksheets.map((w) => w.name)).toEqual(['Angkatan kerja']);
    expect(headerRow(workforce.worksheets[0]!)[0]).toBe('Kode Wilayah');
  });

  it('are English for a user whose locale is en', async () => {
    const switched = await app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers,
      payload: { locale: 'en' },
    });
    expect(switched.statusCode, switched.body).toBe(200);

    const people = await download('/api/coverage/people.xlsx?region=34.02');
    expect(people.worksheets.map((w) => w.name)).toEqual(['Members', 'About']);
    expect(headerRow(people.worksheets[0]!)).toEqual([
      'No',
      'Name',
      'NIK (masked)',
      'Region code',
      'Region',
      'Occupation',
      'Category',
      'Source',
    ]);
    const about = new Map<string, string>();
    people.worksheets[1]!.eachRow((row) => about.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(about.get('Downloaded by')).toBe('disnaker.words');
    expect(about.get('List')).toBe('Active members (once per NIK)');

    const bills = await download('/api/bills.xlsx');
    expect(bills.worksheets.map((w) => w.name)).toEqual(['Bills']);
    expect(headerRow(bills.worksheets[0]!, 3)).toEqual([
      'Programme',
      'Region',
      'Month',
      'Persons',
      'Per person',
      'Amount',
      'Paid',
      'Outstanding',
      'Due date',
      'Status',
    ]);
    const lapse = await download('/api/lapse-warnings.xlsx?kind=lapsed');
    expect(lapse.worksheets.map((w) => w.name)).toEqual(['Lapse warnings']);

    const workforce = await download('/api/workforce.xlsx?region=34.02');
    expect(workforce.worksheets.map((w) => w.name)).toEqual(['Workforce']);
    expect(headerRow(workforce.worksheets[0]!)).toEqual([
      'Region code',
      'Region',
      'Year',
      'Indicator',
      'Segment',
      'Persons',
      'Source',
      'Changed by',
    ]);

    const reconciliation = await download('/api/exchange/reconciliation.xlsx?region=34.02');
    expect(reconciliation.worksheets.map((w) => w.name)).toEqual([
      'Matched',
      'Mismatched',
      'Not at BPJS',
      'Outside Lindung',
    ]);
    expect(headerRow(reconciliation.worksheets[0]!).slice(0, 3)).toEqual(['NIK (masked)', 'Name', 'Programme']);
  });
});
