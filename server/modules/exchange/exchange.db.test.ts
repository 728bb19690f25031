import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { addWorkers, BANTUL_PROGRAM, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { simulatedDecision, simulatedKpj } from './adapter.ts';
import { tableDigest } from '../../testing/unchanged.ts';

// The BPJS exchange through the HTTP API: a submitted batch exported by the template (XLSX with NIK as text, CSV
// with ';' and a BOM), the branch's response previewed, refused with row and column when wrong, applied all at
// once and idempotently, the simulator's deterministic answer, a snapshot loaded by COPY and matched to the
// registry, and the reconciliation counts.

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;
let bpjs: Record<string, string>;
let operator: Record<string, string>;
let bpjsSleman: Record<string, string>;
const nik = new Map<string, string>();

type Json = Record<string, unknown> & { [k: string]: unknown };

async function call(method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: object) {
  const r = await app.inject({ method, url, headers, ...(payload !== undefined && { payload }) });
  return { status: r.statusCode, body: r.json() as Json & { error?: { code: string; message: string } } };
}

async function upload(url: string, headers: Record<string, string>, content: string | Buffer) {
  const r = await app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
  return { status: r.statusCode, body: r.json() as Json & { error?: { code: string; message: string } } };
}

async function download(url: string, headers: Record<string, string>) {
  const r = await app.inject({ method: 'GET', url, headers });
  return { status: r.statusCode, raw: r.rawPayload, headers: r.headers };
}

/** Creates a programme, proposes the named workers, verifies and submits them; returns the programme and batch. */
async function submittedBatch(name: string, workerNames: string[]) {
  const program = await call('POST', '/api/programs', disnaker, { ...BANTUL_PROGRAM, name });
  expect(program.status, JSON.stringify(program.body)).toBe(201);
  const pid = program.body.id as string;
  const ids = await db.owner.selectFrom('worker').select('id').where('full_name', 'in', workerNames).execute();
  const proposed = await call('POST', `/api/programs/${pid}/proposals`, disnaker, { workerIds: ids.map((i) => i.id) });
  expect(proposed.body.proposed).toBe(workerNames.length);
  const enrollments = await db.owner.selectFrom('enrollment').select('id').where('program_id', '=', pid).execute();
  await call('POST', `/api/programs/${pid}/enrollments/verify`, disnaker, { ids: enrollments.map((e) => e.id) });
  const batch = await call('POST', `/api/programs/${pid}/batches`, disnaker);
  expect(batch.status).toBe(201);
  return { programId: pid, batchId: batch.body.batchId as string };
}

const statuses = async (batchId: string) =>
  Object.fromEntries(
    (
      await db.owner
        .selectFrom('enrollment')
        .innerJoin('worker', 'worker.id', 'enrollment.worker_id')
        .select(['worker.full_name', 'enrollment.status', 'enrollment.kpj_number', 'enrollment.reject_reason'])
        .where('enrollment.batch_id', '=', batchId)
        .execute()
    ).map((r) => [r.full_name, { status: r.status, kpj: r.kpj_number, reason: r.reject_reason }]),
  );

beforeAll(async () => {
  db = await createTestDatabase('exchange');
  app = await testApp(db, { EXCHANGE_ADAPTER: 'simulator' });
  const users = await Promise.all([
    makeUser(db, 'disnaker', '34.02', 'disnaker.bantul'),
    makeUser(db, 'bpjs', '34.02', 'bpjs.bantul'),
    makeUser(db, 'operator', TRIRENGGO, 'operator.trirenggo'),
    makeUser(db, 'bpjs', '34.04', 'bpjs.sleman'),
  ]);
  const sessions: Record<string, string>[] = [];
  for (const u of users) sessions.push(await signIn(app, u.username, u.password));
  [disnaker = {}, bpjs = {}, operator = {}, bpjsSleman = {}] = sessions;
  await addWorkers(db, [
    { name: 'Siti Aminah' },
    { name: 'Sri Wahyuni', segment: 'fisher' },
    { name: 'Tukiyem', segment: 'small_trader' },
    { name: 'Warga Palbapang', village: PALBAPANG },
    { name: 'Paijo Mandiri', sex: 'L' },
    { name: 'Sumirah', segment: 'fisher' },
    { name: 'Wagiman', sex: 'L' },
  ]);
  for (const w of await db.owner.selectFrom('worker').select(['full_name', 'nik']).execute())
    nik.set(w.full_name, w.nik);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

let first: { programId: string; batchId: string };

describe('batch files', () => {
  it('lists the submitted batch for the BPJS branch, and refuses operators', async () => {
    first = await submittedBatch('Program Uji Pertukaran', [
      'Siti Aminah',
      'Sri Wahyuni',
      'Tukiyem',
      'Warga Palbapang',
    ]);
    const list = await call('GET', '/api/exchange/batches', bpjs);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: first.batchId,
        programName: 'Program Uji Pertukaran',
        persons: 4,
        state: 'waiting',
      }),
    ]);
    expect((await call('GET', '/api/exchange/batches', operator)).status).toBe(403);
    expect((await call('GET', '/api/exchange/batches', bpjsSleman)).body.total).toBe(0);
    expect((await download(`/api/exchange/batches/${first.batchId}/file`, bpjsSleman)).status).toBe(404);
  });

  it('exports XLSX in the template order with NIK as 16-digit text, and audits the download', async () => {
    const file = await download(`/api/exchange/batches/${first.batchId}/file?format=xlsx`, bpjs);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['NO BATCH', 'NO REFERENSI', 'NIK', 'NAMA SESUAI KTP']);
    expect(sheet.rowCount).toBe(5);
    const row = sheet.getRow(2);
    expect(typeof row.getCell(3).value).toBe('string');
    expect(String(row.getCell(3).value)).toMatch(/^\d{16}$/);
    expect(row.getCell(3).numFmt).toBe('@');
    const names = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(4).value);
    expect(names).toContain('Siti Aminah');
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['actor_username', 'entity_id'])
      .where('action', '=', 'exchange.batch.export')
      .execute();
    expect(audit).toEqual([{ actor_username: 'bpjs.bantul', entity_id: first.batchId }]);
  });

  it('follows the region template Disnaker saves; CSV has a BOM and ";"', async () => {
    const saved = await call('PUT', '/api/exchange/template', disnaker, {
      name: 'Templat Cabang Bantul',
      columns: [
        { header: 'Nama', field: 'full_name' },
        { header: 'NIK', field: 'nik' },
        { header: 'Program', field: 'programs' },
        { header: 'Sumber Dana', field: 'funding_source' },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ region: '34.02', inherited: false });
    const before = await tableDigest(db.owner, ['exchange_template']);
    expect((await call('PUT', '/api/exchange/template', bpjs, { name: 'x', columns: [] })).status).toBe(403);
    expect(await tableDigest(db.owner, ['exchange_template'])).toEqual(before);
    const bad = await call('PUT', '/api/exchange/template', disnaker, {
      name: 'Tanpa NIK',
      columns: [{ header: 'Nama', field: 'full_name' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('templat wajib memuat kolom NIK');

    const csv = await download(`/api/exchange/batches/${first.batchId}/file?format=csv`, bpjs);
    const text = (csv.raw as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFFNama;NIK;Program;Sumber Dana\r\n')).toBe(true);
    expect(text).toContain(`Siti Aminah;${nik.get('Siti Aminah')};JKK, JKM;APBD Kabupaten/Kota Kab. Bantul — DPA`);
    const audit = await db.owner
      .selectFrom('audit_log')
      .select('actor_username')
      .where('action', '=', 'exchange.template.save')
      .execute();
    expect(audit).toEqual([{ actor_username: 'disnaker.bantul' }]);
  });
});

describe('the branch response', () => {
  const url = () => `/api/exchange/batches/${first.batchId}/response?fileName=jawaban.csv`;
  const good = () =>
    [
      'NIK;NO KPJ;STATUS;ALASAN;TMT',
      `${nik.get('Siti Aminah')};12345678901;DITERIMA;;01-02-2027`,
      `${nik.get('Sri Wahyuni')};12345678902;diterima;;2027-02-01`,
      `${nik.get('Tukiyem')};;DITOLAK;NIK tidak ditemukan di Dukcapil;`,
    ].join('\n');

  it('refuses a wrong file with row, column and what to do, and writes nothing', async () => {
    const bad = [
      'NIK;KPJ;Status;Keterangan;Mulai',
      `${nik.get('Siti Aminah')};123;DITERIMA;;01-02-2027`,
      `${nik.get('Paijo Mandiri')};12345678903;DITERIMA;;01-02-2027`,
      `${nik.get('Sri Wahyuni')};12345678902;DITERIMA;;31-02-2027`,
      `${nik.get('Tukiyem')};;MUNGKIN;;`,
      `${nik.get('Warga Palbapang')};12345678904;DITERIMA;;01-02-2027`,
      `${nik.get('Warga Palbapang')};12345678905;DITERIMA;;01-02-2027`,
    ].join('\n');
    const preview = await upload(url(), bpjs, bad);
    expect(preview.status).toBe(200);
    const issues = preview.body.issues as { row: number; column: string; message: string }[];
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'KPJ'],
      [3, 'NIK'],
      [4, 'Mulai'],
      [5, 'Status'],
      [7, 'NIK'],
    ]);
    expect(issues[0]!.message).toContain('harus 8–16 angka');
    expect(issues[1]!.message).toContain(`tidak ada di batch ${first.batchId}`);
    expect(issues[2]!.message).toContain('Tanggal "31-02-2027" tidak valid');
    expect(issues[3]!.message).toContain('Tulis DITERIMA atau DITOLAK');
    expect(issues[4]!.message).toContain('sudah ada di baris 6');

    const applied = await upload(`${url()}&dryRun=false`, bpjs, bad);
    expect(applied.status).toBe(422);
    expect(applied.body.error?.code).toBe('EXCHANGE_FILE_REJECTED');
    expect(applied.body.error?.message).toContain('Baris 2, kolom KPJ');
    expect(Object.values(await statuses(first.batchId)).every((s) => s.status === 'submitted')).toBe(true);
  });

  it('names a missing column', async () => {
    const r = await upload(url(), bpjs, 'NIK;Status\n3402084509850001;DITERIMA\n');
    expect(r.status).toBe(422);
    expect(r.body.error?.code).toBe('EXCHANGE_COLUMNS_MISSING');
    expect(r.body.error?.message).toContain('KPJ, Mulai perlindungan');
  });

  it('previews, then applies accepted and rejected rows in one go; the same file again changes nothing', async () => {
    const preview = await upload(url(), bpjs, good());
    expect(preview.body).toMatchObject({ applied: false, accepted: 2, rejected: 1, unchanged: 0, notInFile: 1 });
    expect(Object.values(await statuses(first.batchId)).every((s) => s.status === 'submitted')).toBe(true);

    const applied = await upload(`${url()}&dryRun=false`, bpjs, good());
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, accepted: 2, rejected: 1, unchanged: 0 });
    expect(await statuses(first.batchId)).toEqual({
      'Siti Aminah': { status: 'active', kpj: '12345678901', reason: null },
      'Sri Wahyuni': { status: 'active', kpj: '12345678902', reason: null },
      Tukiyem: { status: 'rejected', kpj: null, reason: 'BPJS: NIK tidak ditemukan di Dukcapil' },
      'Warga Palbapang': { status: 'submitted', kpj: null, reason: null },
    });
    const program = await call('GET', `/api/programs/${first.programId}`, disnaker);
    expect(program.body.quotaFilled).toBe(3); // the rejected slot is free again

    const again = await upload(`${url()}&dryRun=false`, bpjs, good());
    expect(again.body).toMatchObject({ applied: true, accepted: 0, rejected: 0, unchanged: 3 });
    expect((await statuses(first.batchId))['Siti Aminah']).toEqual({
      status: 'active',
      kpj: '12345678901',
      reason: null,
    });

    const different = await upload(
      url(),
      bpjs,
      `NIK;KPJ;STATUS;ALASAN;TMT\n${nik.get('Siti Aminah')};99999999999;DITERIMA;;01-02-2027\n`,
    );
    expect((different.body.issues as { message: string }[])[0]!.message).toContain('sudah tercatat aktif');

    const log = await db.owner
      .selectFrom('exchange_log')
      .select(['kind', 'accepted', 'rejected', 'unchanged'])
      .where('kind', '=', 'response')
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { kind: 'response', accepted: 2, rejected: 1, unchanged: 0 },
      { kind: 'response', accepted: 0, rejected: 0, unchanged: 3 },
    ]);
    const batches = await call('GET', '/api/exchange/batches', disnaker);
    expect(batches.body.items).toEqual([expect.objectContaining({ state: 'partly_answered', active: 2, rejected: 1 })]);
  });

  it('reads an XLSX response with NIK as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Jawaban');
    sheet.addRow(['NIK', 'No Peserta', 'Hasil', 'Alasan', 'Tanggal Mulai']);
    sheet.addRow([nik.get('Warga Palbapang'), '12345678904', 'Diterima', '', '01-02-2027']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const r = await upload(
      `/api/exchange/batches/${first.batchId}/response?fileName=jawaban.xlsx&dryRun=false`,
      disnaker,
      content,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ applied: true, accepted: 1, unchanged: 0, notInFile: 0 });
  });
});

describe('the BPJS simulator', () => {
  it('decides per NIK, the same way every time, with 11-digit KPJ numbers', () => {
    const niks = Array.from({ length: 400 }, (_, i) => `340208450985${String(i).padStart(4, '0')}`);
    const first = niks.map(simulatedDecision);
    expect(niks.map(simulatedDecision)).toEqual(first);
    const rejected = first.filter((d) => !d.accepted).length;
    expect(rejected).toBeGreaterThan(10);
    expect(rejected).toBeLessThan(60);
    expect(simulatedKpj(niks[0]!)).toMatch(/^1\d{10}$/);
    expect(simulatedKpj(niks[0]!)).toBe(simulatedKpj(niks[0]!));
  });

  it('answers a batch; applied through the adapter, workers are active with the simulated KPJ', async () => {
    const second = await submittedBatch('Program Uji Simulator', ['Sumirah', 'Wagiman']);
    const file = await download(`/api/exchange/batches/${second.batchId}/simulator/response-file`, bpjs);
    expect(file.status).toBe(200);
    expect((file.raw as Buffer).toString('utf8')).toContain('NIK;NO KPJ;STATUS;ALASAN;TMT KEPESERTAAN');
    // Full NIKs and KPJ numbers left Lindung: the download is in the audit log.
    const audited = await db.owner
      .selectFrom('audit_log')
      .select(['entity_id'])
      .where('action', '=', 'exchange.simulator.response.export')
      .execute();
    expect(audited).toEqual([{ entity_id: second.batchId }]);
    const r = await call('POST', `/api/exchange/batches/${second.batchId}/simulator/apply`, bpjs);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const s = await statuses(second.batchId);
    for (const name of ['Sumirah', 'Wagiman']) {
      const d = simulatedDecision(nik.get(name)!);
      expect(s[name]).toEqual(
        d.accepted
          ? { status: 'active', kpj: simulatedKpj(nik.get(name)!), reason: null }
          : { status: 'rejected', kpj: null, reason: `BPJS: ${d.reason}` },
      );
    }
  });
});

describe('membership snapshot and reconciliation', () => {
  it('refuses bad rows with row and column, writing nothing', async () => {
    const bad = [
      'NIK;KPJ;Kategori;Mulai;Akhir;Dibayar sampai;Kode desa',
      `${nik.get('Siti Aminah')};12345678901;BPU;01-02-2027;;05-2027;`,
      `3402081234;12345678901;BPU;01-02-2027;;;`,
      `${nik.get('Paijo Mandiri')};77777777777;Karyawan;01-01-2026;;13-2026;`,
      `${nik.get('Siti Aminah')};12345678901;BPU;01-02-2027;;;`,
    ].join('\n');
    const r = await upload('/api/exchange/snapshots?fileName=snapshot.csv', bpjs, bad);
    expect(r.status).toBe(200);
    expect(r.body.imported).toBe(false);
    expect((r.body.issues as { row: number; column: string }[]).map((i) => [i.row, i.column])).toEqual([
      [3, 'NIK'],
      [4, 'Kategori'],
      [4, 'Dibayar sampai'],
      [5, 'NIK'],
    ]);
    const villages = await upload(
      '/api/exchange/snapshots?fileName=snapshot.csv',
      bpjs,
      `NIK;KPJ;Kategori;Mulai;Kode desa\n${nik.get('Siti Aminah')};12345678901;BPU;01-02-2027;34.04.01.2001\n`,
    );
    expect((villages.body.issues as { message: string }[])[0]!.message).toContain('di luar wilayah snapshot 34.02');
    expect(await db.owner.selectFrom('membership_snapshot').select('id').execute()).toEqual([]);
  });

  it('loads a snapshot matched to the registry and reconciles it with the active enrollments', async () => {
    // Active in Lindung: Siti (KPJ …901), Sri (…902), Warga Palbapang (…904), and maybe Sumirah/Wagiman.
    const lines = [
      'NIK;NO KPJ;KATEGORI;MULAI;AKHIR;DIBAYAR SAMPAI;KODE DESA',
      `${nik.get('Siti Aminah')};12345678901;BPU;01-02-2027;;;`, // matched
      `${nik.get('Sri Wahyuni')};55555555555;BPU;01-02-2027;;;`, // another KPJ → mismatched
      `${nik.get('Paijo Mandiri')};66666666666;BPU;01-01-2025;;10-2026;`, // self-paid, registered → outside
      `3402011212900001;77777777777;PU;01-01-2024;;;34.02.01.2001`, // not in the registry → outside
    ];
    const r = await upload('/api/exchange/snapshots?fileName=snapshot.csv&asOf=2027-02-15', bpjs, lines.join('\n'));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ imported: true, rows: 4, snapshot: { persons: 4, inRegistry: 3, current: true } });
    const member = await db.owner
      .selectFrom('bpjs_member')
      .select(['worker_id', 'village_code', 'segment'])
      .where('nik', '=', nik.get('Paijo Mandiri')!)
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({ village_code: TRIRENGGO, segment: 'farmer' });
    expect(member.worker_id).not.toBeNull();

    const active = await db.owner
      .selectFrom('enrollment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const rec = await call('GET', '/api/exchange/reconciliation?kind=mismatched', bpjs);
    expect(rec.status, JSON.stringify(rec.body)).toBe(200);
    expect(rec.body.counts).toEqual({ matched: 1, mismatched: 1, missing: Number(active.n) - 2, outside: 2 });
    expect(rec.body.items).toEqual([
      expect.objectContaining({
        fullName: 'Sri Wahyuni',
        lindungKpj: '12345678902',
        bpjsKpj: '55555555555',
        differences: ['KPJ berbeda'],
      }),
    ]);
    expect((rec.body.items as { nikMasked: string }[])[0]!.nikMasked).toMatch(/^\d{6}•{6}\d{4}$/);
    const outside = await call('GET', '/api/exchange/reconciliation?kind=outside', disnaker);
    expect((outside.body.items as { fullName: string | null }[]).map((i) => i.fullName)).toEqual([
      'Paijo Mandiri',
      null,
    ]);
    const xlsx = await download('/api/exchange/reconciliation.xlsx', disnaker);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => [w.name, w.rowCount - 1])).toEqual([
      ['Cocok', 1],
      ['Selisih', 1],
      ['Tidak ada di BPJS', Number(active.n) - 2],
      ['Di luar Lindung', 2],
    ]);
    const snapshots = await call('GET', '/api/exchange/snapshots', bpjs);
    expect(snapshots.body.total).toBe(1);
    expect((await call('GET', '/api/exchange/reconciliation', bpjsSleman)).body.counts).toEqual({
      matched: 0,
      mismatched: 0,
      missing: 0,
      outside: 0,
    });
  });

  it('asks the village to check a mismatch: one open request, seen and answered by its operator, audited', async () => {
    const rec = await call('GET', '/api/exchange/reconciliation?kind=mismatched', bpjs);
    const sri = (rec.body.items as { enrollmentId: string; village: string; checkOpen: boolean }[])[0]!;
    expect(sri).toMatchObject({ village: TRIRENGGO, checkOpen: false });
    const asked = await call('POST', '/api/exchange/village-checks', bpjs, { enrollmentId: sri.enrollmentId });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.created).toBe(true);
    expect(
      (await call('POST', '/api/exchange/village-checks', disnaker, { enrollmentId: sri.enrollmentId })).body,
    ).toEqual({ id: asked.body.id, created: false });
    expect(
      (await call('POST', '/api/exchange/village-checks', bpjsSleman, { enrollmentId: sri.enrollmentId })).status,
    ).toBe(409);
    const again = await call('GET', '/api/exchange/reconciliation?kind=mismatched', bpjs);
    expect((again.body.items as { checkOpen: boolean }[])[0]!.checkOpen).toBe(true);

    const seen = await call('GET', '/api/exchange/village-checks?status=open', operator);
    expect(seen.status).toBe(200);
    expect(seen.body.items).toEqual([
      expect.objectContaining({ id: asked.body.id, fullName: 'Sri Wahyuni', reason: 'KPJ berbeda', status: 'open' }),
    ]);
    expect((seen.body.items as { nikMasked: string }[])[0]!.nikMasked).toMatch(/^\d{6}•{6}\d{4}$/);
    expect((await call('GET', '/api/exchange/village-checks', bpjsSleman)).body.items).toEqual([]);
    const answered = await call('POST', `/api/exchange/village-checks/${asked.body.id as string}/answer`, operator, {
      answer: 'KPJ di kartu peserta 55555555555',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ status: 'done', resolvedBy: 'operator.trirenggo' });
    const twice = await call('POST', `/api/exchange/village-checks/${asked.body.id as string}/answer`, operator, {
      answer: 'lagi',
    });
    expect(twice.body.error?.code).toBe('VILLAGE_CHECK_CLOSED');
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'region_code'])
      .where('action', 'like', 'exchange.village_check.%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'exchange.village_check.request', actor_username: 'bpjs.bantul', region_code: TRIRENGGO },
      { action: 'exchange.village_check.answer', actor_username: 'operator.trirenggo', region_code: TRIRENGGO },
    ]);
  });

  it('takes the branch’s KPJ onto the enrollment through the programmes module, audited, once', async () => {
    const rec = await call('GET', '/api/exchange/reconciliation?kind=mismatched', bpjs);
    const sri = (rec.body.items as { enrollmentId: string; kpjDiffers: boolean }[])[0]!;
    expect(sri.kpjDiffers).toBe(true);
    expect(
      (await call('POST', '/api/exchange/reconciliation/take-kpj', bpjsSleman, { enrollmentId: sri.enrollmentId }))
        .status,
    ).toBe(409);
    const taken = await call('POST', '/api/exchange/reconciliation/take-kpj', bpjs, { enrollmentId: sri.enrollmentId });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body).toEqual({ enrollmentId: sri.enrollmentId, before: '12345678902', after: '55555555555' });
    const row = await db.owner
      .selectFrom('enrollment')
      .select(['kpj_number', 'status'])
      .where('id', '=', sri.enrollmentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kpj_number: '55555555555', status: 'active' });
    const after = await call('GET', '/api/exchange/reconciliation?kind=mismatched', bpjs);
    expect(after.body.counts).toMatchObject({ matched: 2, mismatched: 0 });
    const again = await call('POST', '/api/exchange/reconciliation/take-kpj', bpjs, { enrollmentId: sri.enrollmentId });
    expect(again.body.error?.code).toBe('RECONCILIATION_ACTION_STALE');
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['actor_username', 'entity_id', 'region_code', 'before', 'after'])
      .where('action', '=', 'enrollment.kpj_from_bpjs')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        actor_username: 'bpjs.bantul',
        entity_id: sri.enrollmentId,
        region_code: TRIRENGGO,
        before: { kpj: '12345678902' },
      }),
    ]);
  });

  it('marks an enrollment ended from the reconciliation through the programmes module, and exports states in Indonesian', async () => {
    const matched = await call('GET', '/api/exchange/reconciliation?kind=matched', disnaker);
    const siti = (matched.body.items as { enrollmentId: string; programId: string; fullName: string }[]).find(
      (i) => i.fullName === 'Siti Aminah',
    )!;
    expect(
      (
        await call('POST', `/api/programs/${siti.programId}/enrollments/end`, bpjs, {
          ids: [siti.enrollmentId],
          reason: 'withdrawn',
        })
      ).status,
    ).toBe(403);
    const ended = await call('POST', `/api/programs/${siti.programId}/enrollments/end`, disnaker, {
      ids: [siti.enrollmentId],
      reason: 'withdrawn',
      note: 'Rekonsiliasi BPJS',
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.ended).toBe(1);
    const after = await call('GET', '/api/exchange/reconciliation?kind=outside', disnaker);
    expect((after.body.items as { fullName: string | null }[]).map((i) => i.fullName)).toContain('Siti Aminah');
    const xlsx = await download('/api/exchange/reconciliation.xlsx', disnaker);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const states = workbook.worksheets.flatMap((w) =>
      w
        .getSheetValues()
        .slice(2)
        .map((r) => String((r as unknown[])[10] ?? '')),
    );
    expect(
      states
        .filter((s) => s !== '')
        .every((s) => ['Terlindungi', 'Nonaktif (menunggak)', 'Belum mulai', 'Berakhir'].includes(s)),
    ).toBe(true);
    expect(states).toContain('Belum mulai');
  });

  it('reads the branch files in test-fixtures: CSV with ";" and an XLSX with a title row', async () => {
    for (const [name, persons] of [
      ['snapshot-bantul.xlsx', 3],
      ['snapshot-bantul.csv', 4],
    ] as const) {
      const content = await readFile(`test-fixtures/exchange/${name}`);
      // Dated after the snapshot above (as of 2027-02-15), so each becomes the current one.
      const r = await upload(`/api/exchange/snapshots?fileName=${name}&asOf=2027-03-01`, bpjs, content);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body, name).toMatchObject({ imported: true, snapshot: { persons, inRegistry: 0, current: true } });
    }
    const rec = await call('GET', '/api/exchange/reconciliation?kind=outside', bpjs);
    expect(rec.body.counts).toMatchObject({ matched: 0, outside: 4 });
  });
});
