import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../lib/contracts/imports.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { nikFor } from '../../testing/nik.ts';
import { tableDigest } from '../../testing/unchanged.ts';

// The import through HTTP as an operator works it: upload, (mapping), dry run in the background, problems by row,
// the XLSX report with the marked cells, commit; and region scope on every step.

const TRIRENGGO = '34.02.08.2004';
const PALBAPANG = '34.02.08.2001';

let db: TestDatabase;
let app: App;
let operator: Record<string, string>;
let otherOperator: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase('imports_api');
  app = await testApp(db);
  const a = await makeUser(db, 'operator', TRIRENGGO, 'op.trirenggo');
  const b = await makeUser(db, 'operator', PALBAPANG, 'op.palbapang');
  operator = await signIn(app, a.username, a.password);
  otherOperator = await signIn(app, b.username, b.password);
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

async function upload(headers: Record<string, string>, fileName: string, content: string | Buffer) {
  return app.inject({
    method: 'POST',
    url: `/api/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
}

/** Polls the job until the background run settles. */
async function settled(id: string, headers = operator): Promise<ImportJob> {
  for (let i = 0; i < 200; i++) {
    const job = (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers })).json() as ImportJob;
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not settle');
}

const good = (serial: number, name: string) => `${nikFor('1990-01-15', 'L', serial)};${name};15-01-1990;L`;

describe('imports API', () => {
  it('dry run, problems by row, report with marked cells, commit; another village sees nothing', async () => {
    // No village column: an operator of one village imports into that village.
    const csv = [
      'NIK;Nama;Tgl Lahir;JK',
      good(101, 'Wahyu'),
      good(102, 'Yanto'),
      `${nikFor('1990-01-15', 'L', 103)};Zaenal;31/02/1990;L`,
    ].join('\n');
    const res = await upload(operator, 'trirenggo.csv', `\uFEFF${csv}\n`);
    expect(res.statusCode).toBe(201);
    const created = res.json() as ImportJob;
    expect(created.inspection?.columns.map((c) => c.field)).toEqual(['nik', 'fullName', 'birthDate', 'sex']);
    expect(created.defaultVillage).toBe(TRIRENGGO);

    const checked = await settled(created.id);
    expect(checked.status).toBe('validated');
    expect(checked.summary).toEqual({ total: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1, warnings: 0 });
    expect(checked.progress.percent).toBe(100);

    const issues = await app.inject({ method: 'GET', url: `/api/imports/${created.id}/issues`, headers: operator });
    expect(issues.json().items).toEqual([
      expect.objectContaining({ row: 4, column: 'Tgl Lahir', code: 'DATE_INVALID', severity: 'error' }),
    ]);
    expect(issues.json().items[0].message).toMatch(/tanggal|Tanggal/);

    // Nothing written by the dry run.
    const before = await app.inject({ method: 'GET', url: '/api/workers', headers: operator });
    expect(before.json().total).toBe(0);

    const report = await app.inject({
      method: 'GET',
      url: `/api/imports/${created.id}/report.xlsx`,
      headers: operator,
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('spreadsheetml');
    expect(report.headers['content-disposition']).toMatch(/laporan-impor-\d+-trirenggo\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const data = workbook.getWorksheet('Data')!;
    const marked = data.getRow(4).getCell(3);
    expect(String(marked.value)).toBe('31/02/1990');
    expect((marked.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');

    // Another village's operator can neither see nor commit the job.
    expect(
      (await app.inject({ method: 'GET', url: `/api/imports/${created.id}`, headers: otherOperator })).statusCode,
    ).toBe(404);
    const stolen = await app.inject({
      method: 'POST',
      url: `/api/imports/${created.id}/commit`,
      headers: otherOperator,
    });
    expect(stolen.statusCode).toBe(404);

    const commit = await app.inject({ method: 'POST', url: `/api/imports/${created.id}/commit`, headers: operator });
    expect(commit.statusCode).toBe(200);
    const done = await settled(created.id);
    expect(done.status).toBe('committed');
    expect(done.summary).toMatchObject({ inserted: 2, rejected: 1 });

    const after = await app.inject({ method: 'GET', url: '/api/workers', headers: operator });
    expect(
      after
        .json()
        .items.map((w: { fullName: string }) => w.fullName)
        .sort(),
    ).toEqual(['Wahyu', 'Yanto']);
    const hidden = await app.inject({ method: 'GET', url: '/api/workers', headers: otherOperator });
    expect(hidden.json().total).toBe(0);

    // Committing twice is refused; the same file again changes nothing.
    expect(
      (await app.inject({ method: 'POST', url: `/api/imports/${created.id}/commit`, headers: operator })).statusCode,
    ).toBe(409);
    const again = (await upload(operator, 'trirenggo.csv', `\uFEFF${csv}\n`)).json() as ImportJob;
    expect((await settled(again.id)).summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 1 });
  });

  it('asks for a mapping when a header is not recognised, then runs with it', async () => {
    const csv = [
      'Nomor KTP Warga;Nama;Tgl Lahir;JK;Catatan',
      `${nikFor('1991-01-15', 'L', 201)};Arif;15-01-1991;L;-`,
    ].join('\n');
    const created = (await upload(operator, 'peta.csv', csv)).json() as ImportJob;
    expect(created.status).toBe('needs_mapping');
    expect(created.inspection?.missingRequired).toEqual(['nik']);
    expect(created.inspection?.unknown).toEqual(['Nomor KTP Warga', 'Catatan']);

    const bad = await app.inject({
      method: 'POST',
      url: `/api/imports/${created.id}/mapping`,
      headers: operator,
      payload: { mapping: { 'Nomor KTP Warga': 'nope' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('IMPORT_MAPPING_INVALID');

    const mapped = await app.inject({
      method: 'POST',
      url: `/api/imports/${created.id}/mapping`,
      headers: operator,
      payload: { mapping: { 'Nomor KTP Warga': 'nik', Catatan: null } },
    });
    expect(mapped.statusCode).toBe(200);
    const checked = await settled(created.id);
    expect(checked.status).toBe('validated');
    expect(checked.summary).toMatchObject({ total: 1, inserted: 1, rejected: 0 });
  });

  it('refuses files it cannot read with the reason, and non-editors entirely', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const res = await upload(operator, 'lama.xls', xls);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/lama\.xls/);
    const pimpinan = await makeUser(db, 'pimpinan', '34.02');
    const headers = await signIn(app, pimpinan.username, pimpinan.password);
    const before = await tableDigest(db.owner, ['import_job', 'import_file', 'worker']);
    expect((await upload(headers, 'x.csv', 'NIK;Nama\n1;2\n')).statusCode).toBe(403);
    expect(await tableDigest(db.owner, ['import_job', 'import_file', 'worker'])).toEqual(before);
  });
});
