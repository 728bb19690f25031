import { Buffer } from 'node:buffer';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeopleList } from '../../../lib/contracts/coverage.ts';
import { systemContext } from '../../platform/context.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { seedCoverage } from '../../testing/coverage-fixtures.ts';
import { refresh } from './coverage.repository.ts';
import { coveragePeopleXlsx } from './coverage.people.ts';
import { pinTestToday } from '../../testing/fixed-clock.ts';

// The people behind a figure as XLSX: the same rows, in the same order, as the JSON list (read back with exceljs),
// NIKs masked and stored as text, Indonesian headers, one audit row per export with the filters and the row count,
// the same roles and scope as the list, and a cap that the file states.

// A fixed clock: the server's today and this file's dates are the same pinned day.
const { today } = pinTestToday();
const HEADERS = ['No', 'Nama', 'NIK (disamarkan)', 'Kode wilayah', 'Wilayah', 'Pekerjaan', 'Kategori', 'Sumber'];
const MASKED = /^\d{6}•{6}\d{4}$/;

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;
let bpjs: Record<string, string>;
let pimpinan: Record<string, string>;
let operator: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase('coverage_export');
  await seedCoverage(db.owner, { workers: 500, today, seed: 0.17 });
  await refresh(db.owner, { full: true, today });
  app = await testApp(db);
  const as = async (role: Parameters<typeof makeUser>[1], region: string, name?: string) => {
    const u = await makeUser(db, role, region, name);
    return signIn(app, u.username, u.password);
  };
  disnaker = await as('disnaker', '34.02', 'disnaker.ekspor');
  bpjs = await as('bpjs', '34.02');
  pimpinan = await as('pimpinan', '34.02');
  operator = await as('operator', '34.02.08.2004');
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function readXlsx(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const data = workbook.getWorksheet('Peserta')!;
  const info = workbook.getWorksheet('Keterangan')!;
  const rows: ExcelJS.Row[] = [];
  data.eachRow((row, n) => {
    if (n > 1) rows.push(row);
  });
  const notes = new Map<string, string>();
  info.eachRow((row, n) => {
    if (n > 1) notes.set(String(row.getCell(1).value), String(row.getCell(2).value));
  });
  return { data, rows, notes };
}

async function jsonList(query: string, headers: Record<string, string>): Promise<PeopleList['items']> {
  const items: PeopleList['items'] = [];
  for (let page = 1; ; page++) {
    const r = await app.inject({
      method: 'GET',
      url: `/api/coverage/people?${query}&page=${page}&pageSize=200`,
      headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json() as PeopleList;
    items.push(...list.items);
    if (items.length >= list.total) return items;
  }
}

async function exportAudits() {
  return db.owner
    .selectFrom('audit_log')
    .select(['actor_username', 'region_code', 'after'])
    .where('action', '=', 'coverage.people.export')
    .orderBy('id')
    .execute();
}

const bufferOf = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('GET /api/coverage/people.xlsx', () => {
  it('holds the rows of the JSON list, NIKs masked as text, and writes one audit row', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/coverage/people.xlsx?region=34.02', headers: disnaker });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="peserta-3402-\d{4}-\d{2}\.xlsx"$/);
    const { data, rows, notes } = await readXlsx(r.rawPayload);
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);

    const list = await jsonList('region=34.02', disnaker);
    expect(list.length).toBeGreaterThan(20);
    expect(rows).toHaveLength(list.length);
    rows.forEach((row, i) => {
      const p = list[i]!;
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(p.name);
      expect(row.getCell(3).value).toBe(p.nik);
      expect(row.getCell(3).value).toMatch(MASKED);
      expect(row.getCell(3).numFmt).toBe('@');
      expect(row.getCell(4).value).toBe(p.regionCode);
      expect(row.getCell(4).numFmt).toBe('@');
      expect(row.getCell(5).value).toBe(p.regionLabel);
      expect(row.getCell(6).value).toBe(p.segment);
      expect(row.getCell(7).value).toBe(p.category);
      expect(row.getCell(8).value).toBe(p.source === 'registry' ? 'Lindung' : 'Snapshot BPJS');
    });
    // No full NIK anywhere in the file.
    const text: string[] = [];
    data.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join('\n')).not.toMatch(/\d{16}/);
    expect(notes.get('Jumlah orang')).toBe(String(list.length));
    expect(notes.get('Baris dalam berkas')).toBe(String(list.length));
    expect(notes.get('Batas baris')).toContain('100.000 baris');
    expect(notes.get('Batas baris')).toContain('lengkap');
    expect(notes.get('Wilayah')).toContain('(34.02)');

    const audits = await exportAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_username: 'disnaker.ekspor', region_code: '34.02' });
    expect(audits[0]!.after).toMatchObject({
      filters: { region: '34.02', segment: null, category: null, leavers: false },
      rows: list.length,
      total: list.length,
      maxRows: 100_000,
      truncated: false,
    });
    expect(JSON.stringify(audits[0]!.after)).not.toMatch(/\d{16}/);
  });

  it('takes the same filters as the list: segment, category, leavers, month', async () => {
    const month = today.slice(0, 7);
    for (const query of [
      `region=34.02&segment=farmer`,
      `region=34.02&category=BPU&month=${month}`,
      `region=34.02&leavers=true`,
    ]) {
      const r = await app.inject({ method: 'GET', url: `/api/coverage/people.xlsx?${query}`, headers: bpjs });
      expect(r.statusCode, r.body).toBe(200);
      const { rows } = await readXlsx(r.rawPayload);
      const list = await jsonList(query, bpjs);
      expect(rows.map((row) => row.getCell(3).value)).toEqual(list.map((p) => p.nik));
    }
    const audits = await exportAudits();
    expect(audits.slice(-3).map((a) => (a.after as { filters: unknown }).filters)).toEqual([
      { region: '34.02', month, segment: 'farmer', category: null, leavers: false },
      { region: '34.02', month, segment: null, category: 'BPU', leavers: false },
      { region: '34.02', month, segment: null, category: null, leavers: true },
    ]);
  });

  it('refuses the roles and regions the list refuses, and audits nothing then', async () => {
    const before = (await exportAudits()).length;
    const cases: [string, Record<string, string>, number, string][] = [
      ['/api/coverage/people.xlsx?region=34.02', pimpinan, 403, 'FORBIDDEN'],
      ['/api/coverage/people.xlsx?region=34.04', disnaker, 403, 'OUT_OF_SCOPE'],
      ['/api/coverage/people.xlsx?region=34.02.08.2001', operator, 403, 'OUT_OF_SCOPE'],
      ['/api/coverage/people.xlsx?region=34.02&page=2', disnaker, 400, 'VALIDATION_FAILED'],
    ];
    for (const [url, headers, status, code] of cases) {
      const r = await app.inject({ method: 'GET', url, headers });
      expect(r.statusCode, url).toBe(status);
      expect(r.json().error.code, url).toBe(code);
    }
    expect((await app.inject({ method: 'GET', url: '/api/coverage/people.xlsx?region=34.02' })).statusCode).toBe(401);
    expect(await exportAudits()).toHaveLength(before);
    // The operator's own village is fine and holds only that village.
    const own = await app.inject({
      method: 'GET',
      url: '/api/coverage/people.xlsx?region=34.02.08.2004',
      headers: operator,
    });
    expect(own.statusCode).toBe(200);
    const { rows } = await readXlsx(own.rawPayload);
    for (const row of rows) expect(row.getCell(4).value).toBe('34.02.08.2004');
  });

  it('stops at the cap, says so in the file and the audit row, and pages by key on the way', async () => {
    const list = await jsonList('region=34', await adminHeaders());
    expect(list.length).toBeGreaterThan(12);
    const file = await coveragePeopleXlsx(
      db.app,
      systemContext('uji-batas'),
      { region: '34' },
      { maxRows: 10, chunk: 3 },
    );
    expect(file).toMatchObject({ rows: 10, total: list.length });
    const { rows, notes } = await readXlsx(await bufferOf(file.stream));
    // Ten people in the list's order, then the line that says the file was cut.
    expect(rows).toHaveLength(11);
    expect(rows.slice(0, 10).map((r) => r.getCell(3).value)).toEqual(list.slice(0, 10).map((p) => p.nik));
    expect(String(rows[10]!.getCell(2).value)).toContain(`Dipotong: berkas ini memuat 10 baris pertama dari`);
    expect(notes.get('Batas baris')).toContain('DIPOTONG');
    expect(notes.get('Baris dalam berkas')).toBe('10');
    const audit = (await exportAudits()).at(-1)!;
    expect(audit).toMatchObject({ actor_username: 'uji-batas', region_code: '34' });
    expect(audit.after).toMatchObject({ rows: 10, total: list.length, maxRows: 10, truncated: true });

    // Without a cap in the way, a small page size still gives every row once, in order.
    const whole = await coveragePeopleXlsx(db.app, systemContext('uji-halaman'), { region: '34' }, { chunk: 7 });
    const all = await readXlsx(await bufferOf(whole.stream));
    expect(all.rows.map((r) => r.getCell(3).value)).toEqual(list.map((p) => p.nik));
  });
});

let admin: Record<string, string> | null = null;
async function adminHeaders() {
  if (!admin) {
    const u = await makeUser(db, 'admin', '34');
    admin = await signIn(app, u.username, u.password);
  }
  return admin;
}
