import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../lib/contracts/imports.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { BANTUL_PROGRAM } from '../../testing/programs-fixtures.ts';

// "Unduh templat" for every upload (issue 12): each template downloads as an XLSX with the NIK (and the other
// number-like columns) formatted as text, and sent back unchanged it passes its own upload's checks. The worker
// template is imported for real, so the same example person is then proposed from the proposal template, batched,
// answered with the BPJS response template and found in the snapshot template.

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;
let bpjs: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase('upload_templates');
  app = await testApp(db);
  const d = await makeUser(db, 'disnaker', '34.02', 'disnaker.bantul');
  const b = await makeUser(db, 'bpjs', '34.02', 'bpjs.bantul');
  disnaker = await signIn(app, d.username, d.password);
  bpjs = await signIn(app, b.username, b.password);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

type Json = Record<string, unknown>;

async function template(url: string, headers: Record<string, string>) {
  const r = await app.inject({ method: 'GET', url, headers });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toContain('spreadsheetml');
  expect(r.headers['content-disposition']).toMatch(/^attachment; filename="templat-[a-z-]+\.xlsx"$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headerRow = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const example = sheet.getRow(2);
  const column = (header: string) => headerRow.indexOf(header) + 1;
  return { content: r.rawPayload, sheet, headerRow, example, column, workbook };
}

async function upload(url: string, headers: Record<string, string>, content: Buffer) {
  const r = await app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: content,
  });
  return { status: r.statusCode, body: r.json() as Json };
}

async function call(method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) {
  const r = await app.inject({ method, url, headers, ...(payload && { payload }) });
  return { status: r.statusCode, body: r.json() as Json };
}

async function settled(id: string): Promise<ImportJob> {
  for (let i = 0; i < 400; i++) {
    const job = (await call('GET', `/api/imports/${id}`, disnaker)).body as unknown as ImportJob;
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not settle');
}

let exampleNik = '';

describe('upload templates', () => {
  it('worker import: NIK as a text cell, recognised headers, the example row imports without a problem', async () => {
    const t = await template('/api/imports/template.xlsx', disnaker);
    expect(t.headerRow.slice(0, 5)).toEqual(['NIK', 'Nama Lengkap', 'Tempat Lahir', 'Tanggal Lahir', 'Jenis Kelamin']);
    const nikCell = t.example.getCell(t.column('NIK'));
    expect(nikCell.numFmt).toBe('@');
    expect(typeof nikCell.value).toBe('string');
    exampleNik = String(nikCell.value);
    expect(exampleNik).toMatch(/^3402\d{12}$/);
    // The rows below the example keep the text format for the NIKs people type in.
    expect(t.sheet.getCell(50, t.column('NIK')).numFmt).toBe('@');
    expect(t.workbook.worksheets[1]?.name).toBe('Petunjuk');

    const created = await upload('/api/imports?fileName=templat-impor-pekerja.xlsx', disnaker, t.content);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const checked = await settled(created.body.id as string);
    expect(checked.status).toBe('validated');
    expect(checked.summary).toEqual({ total: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0, warnings: 0 });
    const commit = await call('POST', `/api/imports/${checked.id}/commit`, disnaker);
    expect(commit.status, JSON.stringify(commit.body)).toBeLessThan(300);
    expect((await settled(checked.id)).status).toBe('committed');
  });

  it("the help sheet follows the user's language; the data headers stay those the readers know", async () => {
    const en = await app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: disnaker,
      payload: { locale: 'en' },
    });
    expect(en.statusCode, en.body).toBe(200);
    const t = await template('/api/imports/template.xlsx', disnaker);
    expect(t.headerRow[0]).toBe('NIK');
    expect(t.workbook.worksheets[1]?.name).toBe('Instructions');
    expect(String(t.workbook.worksheets[1]?.getCell(2, 3).value)).toContain('The 16 digits on the KTP');
    await app.inject({ method: 'PATCH', url: '/api/me/preferences', headers: disnaker, payload: { locale: 'id' } });
  });

  it('proposal: the example NIK (now in the registry) is proposed without a problem', async () => {
    const t = await template('/api/programs/proposal-template.xlsx', disnaker);
    expect(t.headerRow).toEqual(['NIK', 'Nama']);
    expect(t.example.getCell(1).numFmt).toBe('@');
    expect(t.example.getCell(1).value).toBe(exampleNik);

    const program = await call('POST', '/api/programs', disnaker, { ...BANTUL_PROGRAM, name: 'Program Templat' });
    expect(program.status, JSON.stringify(program.body)).toBe(201);
    const pid = program.body.id as string;
    const preview = await upload(
      `/api/programs/${pid}/proposals/file?fileName=usulan.xlsx&dryRun=true`,
      disnaker,
      t.content,
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ rows: 1, found: 1, issues: [] });
    const proposed = await upload(
      `/api/programs/${pid}/proposals/file?fileName=usulan.xlsx&dryRun=false`,
      disnaker,
      t.content,
    );
    expect(proposed.body).toMatchObject({ found: 1, issues: [], proposal: expect.objectContaining({ proposed: 1 }) });

    // Verified and batched, so the branch's answer below has a batch to answer.
    const enrollments = await db.owner.selectFrom('enrollment').select('id').where('program_id', '=', pid).execute();
    await call('POST', `/api/programs/${pid}/enrollments/verify`, disnaker, { ids: enrollments.map((e) => e.id) });
    const batch = await call('POST', `/api/programs/${pid}/batches`, disnaker);
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    batchId = batch.body.batchId as string;
  });

  let batchId = '';

  it('BPJS response: NIK and KPJ as text; the example answer applies to the batch without a problem', async () => {
    const t = await template('/api/exchange/response-template.xlsx', bpjs);
    expect(t.headerRow).toEqual(['NIK', 'KPJ', 'Status', 'Alasan', 'Mulai perlindungan']);
    expect(t.example.getCell(1).numFmt).toBe('@');
    expect(t.example.getCell(2).numFmt).toBe('@');
    expect(t.example.getCell(1).value).toBe(exampleNik);
    const preview = await upload(
      `/api/exchange/batches/${batchId}/response?fileName=jawaban.xlsx&dryRun=true`,
      bpjs,
      t.content,
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ rows: 1, accepted: 1, rejected: 0, notInFile: 0, issues: [] });
  });

  it('membership snapshot: the example row loads without a problem', async () => {
    const t = await template('/api/exchange/snapshot-template.xlsx', bpjs);
    expect(t.headerRow).toEqual(['NIK', 'KPJ', 'Kategori', 'Mulai', 'Akhir', 'Dibayar sampai', 'Kode desa']);
    expect(t.example.getCell(1).numFmt).toBe('@');
    const loaded = await upload('/api/exchange/snapshots?fileName=snapshot.xlsx&region=34.02', bpjs, t.content);
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body).toMatchObject({ imported: true, rows: 1, issues: [] });
  });

  it('workforce: the region code as text; the example district figure imports without a problem', async () => {
    const t = await template('/api/workforce/template.xlsx', disnaker);
    expect(t.headerRow).toEqual(['Kode wilayah', 'Wilayah', 'Tahun', 'Penduduk bekerja', 'Semesta PBPU', 'Sumber']);
    expect(t.example.getCell(1).numFmt).toBe('@');
    expect(String(t.example.getCell(1).value)).toMatch(/^34\.02\.\d{2}$/);
    const preview = await upload('/api/workforce/import?fileName=angkatan-kerja.xlsx&dryRun=true', disnaker, t.content);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ rows: 1, values: 2 });
  });

  it('each template needs the role of its upload', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/exchange/snapshot-template.xlsx' })).statusCode).toBe(401);
    const operator = await makeUser(db, 'operator', '34.02.08.2004', 'op.trirenggo');
    const op = await signIn(app, operator.username, operator.password);
    expect((await app.inject({ method: 'GET', url: '/api/workforce/template.xlsx', headers: op })).statusCode).toBe(
      403,
    );
    const own = await template('/api/imports/template.xlsx', op);
    // An operator's example lives in the operator's own village.
    expect(own.example.getCell(own.column('Kode Desa')).value).toBe('34.02.08.2004');
  });
});
