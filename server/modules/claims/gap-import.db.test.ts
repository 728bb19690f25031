// The gap-list import against the real database (issue 15 §6), on the fixture test-fixtures/claims/daftar-kejadian.csv
// (an election incident list and a village death list in one: two people not in the registry, one registered but
// never enrolled, one lapsed, one covered): the coverage answer per row at its event date, the reason, the missed
// benefit, all-or-nothing cell rules, re-import, scope, and the audit rows.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCoverage } from '../billing/index.ts';
import type { App } from '../../platform/http.ts';
import { LAPSED_NIK, seedClaimPeople } from '../../testing/claims-fixtures.ts';
import { actorContext, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { claimsFigures, gapLedger } from './index.ts';
import { importGapList } from './gap-import.service.ts';

const FIXTURE = 'test-fixtures/claims/daftar-kejadian.csv';
const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const opTrirenggo = actorContext('operator', TRIRENGGO, 'operator.trirenggo');
const opPalbapang = actorContext('operator', PALBAPANG, 'operator.palbapang');

let db: TestDatabase;
let app: App;
let list: Buffer;

const entries = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM claim_gap_entry`.execute(db.owner)).rows[0]!.n);
const audits = async (action: string) =>
  (
    await sql<{ after: Record<string, unknown> }>`SELECT after FROM audit_log WHERE action = ${action}`.execute(
      db.owner,
    )
  ).rows;

beforeAll(async () => {
  db = await createTestDatabase('claims_gaps');
  app = await testApp(db);
  await seedClaimPeople(db);
  list = await readFile(FIXTURE);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('gap-list import', () => {
  it('checks the list: each row covered or not at its own event date, with the reason and the missed benefit', async () => {
    const r = await importGapList(db.app, disnaker, { fileName: 'daftar-kejadian.csv', dryRun: true }, list);
    expect(r.issues).toEqual([]);
    expect(r.saved).toBe(false);
    const byName = Object.fromEntries(r.preview.map((p) => [p.name, p]));
    // Not in the registry: JKK death at a declared income of Rp1,000,000 = 48 M + 12 M + 10 M.
    expect(byName['Joko Susilo']).toMatchObject({ status: 'new', gapReason: 'not_registered', missed: 70_000_000 });
    expect(byName['Siti Aminah']).toMatchObject({ status: 'new', gapReason: 'not_registered', missed: 42_000_000 });
    expect(byName['Agus Salim']).toMatchObject({ status: 'new', gapReason: 'not_enrolled', missed: 42_000_000 });
    expect(byName['Bambang Wijaya']).toMatchObject({
      status: 'new',
      gapReason: 'lapsed',
      gapSince: '2026-04-16',
      missed: 42_000_000,
    });
    expect(byName['Sri Lestari']).toMatchObject({ status: 'covered', gapReason: null });
    expect(r).toMatchObject({ added: 4, covered: 1, already: 0, missed: 196_000_000 });
    // The coverage answer is the coverage check's own sentence at that date, not a second computation.
    const single = await checkCoverage(db.app, disnaker, { nik: LAPSED_NIK, date: '2026-05-01' });
    expect(byName['Bambang Wijaya']!.reason).toBe(single.reason);
    expect(await entries()).toBe(0);
    expect((await audits('claim.gap_list.check')).at(-1)?.after).toMatchObject({ rows: 5, added: 4, covered: 1 });
  });

  it('reads the same list as an XLSX the way an office saves it: NIK as text, dates as dates, income as a number', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Daftar kejadian');
    const lines = list.toString('utf8').trim().split('\n');
    sheet.addRow(lines[0]!.split(';'));
    for (const line of lines.slice(1)) {
      const [no, nik, name, village, type, date, outcome, income, ...rest] = line.split(';');
      const [d, m, y] = date!.split('-').map(Number);
      const row = sheet.addRow([
        Number(no),
        nik,
        name,
        village,
        type,
        new Date(Date.UTC(y!, m! - 1, d!)),
        outcome,
        income ? Number(income.replaceAll('.', '')) : null,
        ...rest,
      ]);
      row.getCell(2).numFmt = '@';
      row.getCell(6).numFmt = 'dd/mm/yyyy';
    }
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const fromXlsx = await importGapList(db.app, disnaker, { fileName: 'daftar-kejadian.xlsx', dryRun: true }, xlsx);
    const fromCsv = await importGapList(db.app, disnaker, { fileName: 'daftar-kejadian.csv', dryRun: true }, list);
    expect(fromXlsx.issues).toEqual([]);
    const shape = (r: typeof fromCsv) =>
      r.preview.map((p) => [p.name, p.status, p.gapReason, p.gapSince, p.missed, p.reason]);
    expect(shape(fromXlsx)).toEqual(shape(fromCsv));
    expect(fromXlsx).toMatchObject({ added: 4, covered: 1, missed: 196_000_000 });
    expect(await entries()).toBe(0);
  });

  it('saves it over HTTP: the ledger totals move by the new rows, each entry audited; again changes nothing', async () => {
    const user = await makeUser(db, 'disnaker', '34.02');
    const headers = {
      ...(await signIn(app, user.username, user.password)),
      'content-type': 'application/octet-stream',
    };
    const before = await gapLedger(db.app, disnaker, { page: 1, pageSize: 25 });
    expect(before.events).toBe(0);
    const url = '/api/claims/gaps/import?fileName=daftar-kejadian.csv&dryRun=false';
    const res = await app.inject({ method: 'POST', url, headers, payload: list });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ saved: true, added: 4, covered: 1, missed: 196_000_000 });
    const after = await gapLedger(db.app, disnaker, { page: 1, pageSize: 25 });
    expect(after).toMatchObject({ events: 4, missed: 196_000_000 });
    expect(after.items.find((i) => i.name === 'Joko Susilo')).toMatchObject({
      source: 'list',
      claimId: null,
      workerId: null,
      gapReason: 'not_registered',
      listName: 'daftar-kejadian.csv',
    });
    expect(after.items.find((i) => i.name === 'Agus Salim')?.workerId).not.toBeNull();
    expect(after.byVillage.map((v) => [v.key, v.events])).toEqual([
      [PALBAPANG, 1],
      [TRIRENGGO, 3],
    ]);
    expect(after.byMonth.map((m) => [m.key, m.missed])).toEqual([
      ['2026-05', 42_000_000],
      ['2026-03', 84_000_000],
      ['2026-02', 70_000_000],
    ]);
    // The dashboards' and the monthly report's figures count the same events, and open data its district.
    const figures = await claimsFigures(db.app, '34.02', { from: '2026-01-01', to: '2026-12-31' });
    expect(figures.gaps).toMatchObject({ events: 4, missed: 196_000_000 });
    expect(figures.gaps.byReason.map((g) => [g.key, g.claims])).toEqual([
      ['lapsed', 1],
      ['not_enrolled', 1],
      ['not_registered', 2],
    ]);
    const open = await app.inject({ method: 'GET', url: '/open/claims?year=2026' });
    expect(open.json<{ districts: { gaps: number | null }[] }>().districts).toEqual([
      expect.objectContaining({ gaps: null }),
    ]);
    expect(await audits('claim.gap_entry.create')).toHaveLength(4);
    expect((await audits('claim.gap_list.import')).at(-1)?.after).toMatchObject({ added: 4 });
    const again = await importGapList(db.app, disnaker, { fileName: 'lagi.csv', dryRun: false }, list);
    expect(again).toMatchObject({ added: 0, already: 4, covered: 1 });
    expect(await entries()).toBe(4);
  });

  it('refuses a list with bad cells as a whole, naming row and column and what to do', async () => {
    const bad = Buffer.from(
      [
        'NIK;Nama;Kode desa;Jenis;Tanggal kejadian;Akibat;Penghasilan',
        '3402081503880031;Dewi;34.02.08.2004;JKM;05-03-2026;;',
        '3,40208E+15;Tono;34.02.08.2004;JKM;05-03-2026;;',
        '3402081503880033;Rudi;34.02.08.2004;kecelakaan;05-03-2026;;',
        '3402081503880034;Wati;34.02.08.2004;JKK;05-03-2026;;',
        '3402081503880035;Eko;34.02.08.2004;JKK;05-03-2026;meninggal;',
        '3402081503880036;Ani;34.02;JKM;31-02-2026;;',
      ].join('\n'),
    );
    const r = await importGapList(db.app, disnaker, { fileName: 'salah.csv', dryRun: false }, bad);
    expect(r.saved).toBe(false);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'NIK'],
      [4, 'Jenis'],
      [5, 'Akibat'],
      [7, 'Kode desa'],
      [7, 'Tanggal kejadian'],
    ]);
    expect(r.issues[0]!.message).toMatch(/Teks/);
    expect(await entries()).toBe(4);
    // Once the cells are right, the JKK death without an income is refused at its income cell; still nothing saved.
    const noIncome = await importGapList(
      db.app,
      disnaker,
      { fileName: 'salah.csv', dryRun: false },
      Buffer.from(['NIK;Nama;Kode desa;Jenis;Tanggal kejadian;Akibat', ...[bad.toString().split('\n')[5]]].join('\n')),
    );
    expect(noIncome.issues.map((i) => [i.row, i.column])).toEqual([[2, 'Penghasilan']]);
    expect(await entries()).toBe(4);
  });

  it('keeps to the region: another village neither sees the entries nor may enter a row of Trirenggo', async () => {
    expect((await gapLedger(db.app, opPalbapang, { page: 1, pageSize: 25 })).events).toBe(1);
    expect((await gapLedger(db.app, opTrirenggo, { page: 1, pageSize: 25 })).events).toBe(3);
    const row = 'NIK;Nama;Kode desa;Jenis;Tanggal kejadian\n3402081503880041;Yanto;34.02.08.2004;JKM;05-03-2026';
    const r = await importGapList(db.app, opPalbapang, { fileName: 'x.csv', dryRun: true }, Buffer.from(row));
    expect(r.issues).toEqual([expect.objectContaining({ row: 2, column: 'Kode desa' })]);
    // A village operator's rows without a village code are that village's.
    const own = 'NIK;Nama;Jenis;Tanggal kejadian\n3402081503880042;Yanti;JKM;06-03-2026';
    const mine = await importGapList(db.app, opPalbapang, { fileName: 'y.csv', dryRun: true }, Buffer.from(own));
    expect(mine.preview[0]).toMatchObject({ status: 'new', gapReason: 'not_registered' });
    expect(mine.preview[0]!.regionLabel).toContain('Palbapang');
  });
});
