// Proposal from a file with a NIK column, through the HTTP API: preview, confirmation, row/column issues, scope.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { addWorkers, BALECATUR, BANTUL_PROGRAM, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { tableDigest } from '../../testing/unchanged.ts';
import { systemClock } from '../../platform/clock.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;
let operator: Record<string, string>;
let programId: string;
let niks: Map<string, string>;

type Body = {
  rows: number;
  found: number;
  issues: { row: number; column: string; code: string; message: string }[];
  proposal: { matched: number; eligible: number; proposed: number; wouldPropose: number } | null;
  error?: { code: string; message: string };
};

async function upload(content: Buffer, query: string, headers = operator) {
  const r = await app.inject({
    method: 'POST',
    url: `/api/programs/${programId}/proposals/file?${query}`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: content,
  });
  return { status: r.statusCode, body: r.json() as Body };
}

beforeAll(async () => {
  db = await createTestDatabase('proposal_file');
  app = await testApp(db);
  const [d, o] = await Promise.all([
    makeUser(db, 'disnaker', '34.02', 'disnaker.bantul'),
    makeUser(db, 'operator', TRIRENGGO, 'operator.trirenggo'),
  ]);
  disnaker = await signIn(app, d.username, d.password);
  operator = await signIn(app, o.username, o.password);
  await addWorkers(db, [
    { name: 'Siti Aminah' },
    { name: 'Sri Wahyuni', segment: 'fisher' },
    { name: 'Budi Santoso', sex: 'L', segment: 'driver' },
    { name: 'Warga Sleman', village: BALECATUR, nik: '3404014509850001' },
    { name: 'Peserta Mandiri', segment: 'farmer' },
  ]);
  const rows = await db.owner.selectFrom('worker').select(['full_name', 'nik']).execute();
  niks = new Map(rows.map((r) => [r.full_name, r.nik]));
  const r = await app.inject({
    method: 'POST',
    url: '/api/programs',
    headers: disnaker,
    payload: { ...BANTUL_PROGRAM, name: 'Rentan dari berkas', targetSegments: ['farmer', 'fisher'] },
  });
  expect(r.statusCode, r.body).toBe(201);
  programId = (r.json() as { id: string }).id;
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('a proposal from a CSV with a NIK column', () => {
  const csv = () =>
    Buffer.from(
      [
        'No;NIK;Nama',
        `1;${niks.get('Siti Aminah')};Siti Aminah`,
        `2;${niks.get('Sri Wahyuni')};Sri Wahyuni`,
        `3;${niks.get('Siti Aminah')};Siti Aminah lagi`,
        '4;3,40208E+15;Angka Ilmiah',
        '5;34020812345;Terlalu Pendek',
        `6;${niks.get('Warga Sleman')};Warga Sleman`,
        '7;3402084101900009;Belum Terdaftar',
        '8;;Tanpa NIK',
      ].join('\r\n'),
    );

  it('previews without writing: found workers, eligibility, and every unusable row with its row and column', async () => {
    const r = await upload(csv(), 'fileName=usulan.csv');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.rows).toBe(8);
    expect(r.body.found).toBe(2);
    expect(r.body.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, 'NIK', 'DUPLICATE_IN_FILE'],
      [5, 'NIK', 'NIK_SCIENTIFIC'],
      [6, 'NIK', 'NIK_FORMAT'],
      [7, 'NIK', 'NIK_NOT_REGISTERED'], // another regency: outside the operator's scope
      [8, 'NIK', 'NIK_NOT_REGISTERED'],
      [9, 'NIK', 'REQUIRED_MISSING'],
    ]);
    expect(r.body.issues[0]!.message).toContain('baris 2');
    expect(r.body.proposal).toMatchObject({ matched: 2, eligible: 2, proposed: 0, wouldPropose: 2 });
    const enrolled = await db.owner.selectFrom('enrollment').select('id').execute();
    expect(enrolled).toHaveLength(0);
  });

  it('proposes the found workers on confirmation, audited like any proposal', async () => {
    const r = await upload(csv(), 'fileName=usulan.csv&dryRun=false');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.proposal).toMatchObject({ proposed: 2 });
    const rows = await db.owner.selectFrom('enrollment').select(['status', 'proposed_by']).execute();
    expect(rows).toEqual([
      { status: 'proposed', proposed_by: 'operator.trirenggo' },
      { status: 'proposed', proposed_by: 'operator.trirenggo' },
    ]);
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['actor_username'])
      .where('action', '=', 'enrollment.propose')
      .execute();
    expect(audit).toEqual([{ actor_username: 'operator.trirenggo' }]);
    // The same file again proposes nobody new: both are already enrolled here.
    const again = await upload(csv(), 'fileName=usulan.csv&dryRun=false');
    expect(again.body.proposal).toMatchObject({ proposed: 0, eligible: 0 });
  });
});

describe('a proposal from an XLSX', () => {
  it('refuses a NIK stored as a number cell (the last digit is already lost)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Usulan');
    ws.addRow(['No KTP', 'Nama']);
    ws.addRow([Number(niks.get('Sri Wahyuni')), 'Sri Wahyuni']);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await upload(content, 'fileName=usulan.xlsx');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.issues).toEqual([expect.objectContaining({ row: 2, column: 'No KTP', code: 'NIK_NUMERIC_CELL' })]);
    expect(r.body.proposal).toBeNull();
  });

  it('without a NIK column the whole file is refused with what to do', async () => {
    const r = await upload(Buffer.from('Nama;Desa\r\nSiti;Trirenggo\r\n'), 'fileName=tanpa-nik.csv');
    expect(r.status).toBe(422);
    expect(r.body.error?.code).toBe('PROPOSAL_NIK_COLUMN');
    expect(r.body.error?.message).toContain('tanpa-nik.csv');
  });

  it('is for proposers only: a pimpinan cannot send one', async () => {
    const p = await makeUser(db, 'pimpinan', '34.02', 'pimpinan.bantul');
    const headers = await signIn(app, p.username, p.password);
    const before = await tableDigest(db.owner, ['enrollment']);
    const r = await upload(Buffer.from('NIK\r\n3402084509850001\r\n'), 'fileName=a.csv', headers);
    expect(r.status).toBe(403);
    expect(await tableDigest(db.owner, ['enrollment'])).toEqual(before);
  });
});

describe('BPJS data at proposal', () => {
  it('a worker the current BPJS snapshot shows covered through another channel is not eligible (ACTIVE_IN_BPJS)', async () => {
    const today = todayWib(systemClock());
    const snapshot = await db.owner
      .insertInto('membership_snapshot')
      .values({ region_code: '34.02', as_of: today, source: 'file', imported_by: 'test', persons: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.owner
      .insertInto('bpjs_member')
      .values({
        snapshot_id: snapshot.id,
        region_code: '34.02',
        nik: niks.get('Peserta Mandiri')!,
        kpj_number: '24011234567',
        category: 'BPU',
        coverage_start: '2024-01-01',
        coverage_end: null,
        paid_through: `${today.slice(0, 7)}-01`,
        worker_id: null,
        village_code: TRIRENGGO,
        segment: 'farmer',
      })
      .execute();
    const r = await upload(Buffer.from(`NIK\r\n${niks.get('Peserta Mandiri')}\r\n`), 'fileName=mandiri.csv');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const proposal = r.body.proposal as unknown as { eligible: number; reasons: { code: string; count: number }[] };
    expect(proposal.eligible).toBe(0);
    expect(proposal.reasons).toEqual([expect.objectContaining({ code: 'ACTIVE_IN_BPJS', count: 1 })]);
  });
});
