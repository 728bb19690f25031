import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, currentMonthWib } from '../../../lib/rules/eligibility.ts';
import { formatNumber, formatRupiah } from '../../../lib/rules/money.ts';
import { terbilangRupiah } from '../../../lib/rules/terbilang.ts';
import { systemContext } from '../../platform/context.ts';
import type { App } from '../../platform/http.ts';
import { createLogger } from '../../platform/logger.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { coverageSummary, refreshCoverageRollups } from '../coverage/index.ts';
import { seedDemoPrograms } from '../demo/demo.programs.ts';
import { seedDemoTargets } from '../demo/demo.targets.ts';
import type { ReportFigures } from './index.ts';
import { ReportRunner } from './index.ts';
import { pdfText } from './reports.pdf-text.ts';
import { systemClock } from '../../platform/clock.ts';

// The monthly report on the demo regency: made on demand through the API (progress to done), its PDF (regency name,
// charts' labels, Rupiah with terbilang) and XLSX (district table) drawn from the coverage, targets and programme
// figures; the download history with digests; the schedule making each month's report once; scope.

const REGENCY = '34.02';
// A fixed month (the demo's programmes seeded on a fixed date of that year), not the month before today's.
const NOW = new Date('2026-07-15T03:00:00Z');
const MONTH = '2026-06';

let db: TestDatabase;
let app: App;
let pimpinan: Record<string, string>;
let sleman: Record<string, string>;
let operator: Record<string, string>;
let reportId: string;

const squash = (s: string) => s.replace(/\s+/g, '');

async function waitDone(id: string) {
  for (let i = 0; i < 300; i++) {
    const r = (await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: pimpinan })).json();
    if (r.status === 'done' || r.status === 'failed') return r;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('report did not finish');
}

async function storedFigures(id: string): Promise<ReportFigures> {
  const row = await db.owner
    .selectFrom('monthly_report')
    .select('figures')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.figures as ReportFigures;
}

const UNLOCATED = 3;

/** BPJS members of the regency whose village the branch did not send: counted in the headline, in no district. */
async function addMembersWithoutVillage(n: number) {
  const current = await db.owner
    .selectFrom('membership_snapshot_current')
    .select('id')
    .where('region_code', '=', REGENCY)
    .executeTakeFirst();
  const snapshotId =
    current?.id ??
    (
      await db.owner
        .insertInto('membership_snapshot')
        .values({ region_code: REGENCY, as_of: `${MONTH}-01`, source: 'file', imported_by: 'uji' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  await db.owner
    .insertInto('bpjs_member')
    .values(
      Array.from({ length: n }, (_, i) => ({
        snapshot_id: snapshotId,
        region_code: REGENCY,
        nik: `340299010190${String(9000 + i)}`,
        category: 'PU',
        coverage_start: `${addMonths(MONTH, -3)}-01`,
        coverage_end: null,
        paid_through: `${MONTH}-01`,
        worker_id: null,
        village_code: null,
        segment: null,
      })),
    )
    .execute();
}

beforeAll(async () => {
  db = await createTestDatabase('reports');
  app = await testApp(db);
  await seedDemoPrograms(db, { regency: REGENCY, village: '34.02.08.2004' }, NOW);
  await seedDemoTargets(db, { regency: REGENCY });
  await addMembersWithoutVillage(UNLOCATED);
  await refreshCoverageRollups(db.owner, { full: true });
  const [p, s, o] = await Promise.all([
    makeUser(db, 'pimpinan', REGENCY, 'pimpinan.bantul'),
    makeUser(db, 'disnaker', '34.04', 'disnaker.sleman'),
    makeUser(db, 'operator', '34.02.08.2004', 'operator.trirenggo'),
  ]);
  [pimpinan, sleman, operator] = await Promise.all([
    signIn(app, p.username, p.password),
    signIn(app, s.username, s.password),
    signIn(app, o.username, o.password),
  ]);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('the monthly report on demand', () => {
  it('is queued for the pimpinan, runs in the background and ends with a PDF and an XLSX', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: pimpinan,
      payload: { region: REGENCY, month: MONTH },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      region: REGENCY,
      month: MONTH,
      trigger: 'manual',
      requestedBy: 'pimpinan.bantul',
    });
    reportId = r.json().id;
    const done = await waitDone(reportId);
    expect(done, JSON.stringify(done)).toMatchObject({ status: 'done', progress: 100, error: null });
    expect(done.files.map((f: { format: string }) => f.format)).toEqual(['pdf', 'xlsx']);
    expect(done.files[0].fileName).toBe(`laporan-bulanan-jamsostek-kab-bantul-${MONTH}.pdf`);
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('entity', '=', 'monthly_report')
      .where('entity_id', '=', reportId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['monthly_report.create', 'monthly_report.complete']);
  });

  it('draws its figures from the coverage, targets and programmes modules', async () => {
    const f = await storedFigures(reportId);
    const summary = await coverageSummary(db.app, systemContext('test'), { region: REGENCY, month: MONTH });
    expect(f.active).toBe(summary.active);
    expect(f.regionTitle).toBe('Kabupaten Bantul');
    // 17 districts and the row that makes the table add up to the headline: members without a known village.
    expect(f.districts).toHaveLength(18);
    expect(f.districts.reduce((s, d) => s + d.active, 0)).toBe(f.active);
    expect(f.districts[17]).toMatchObject({ label: 'Desa/kelurahan tidak diketahui', unlocated: true });
    expect(f.districts[17]!.active).toBeGreaterThanOrEqual(UNLOCATED);
    expect(f.denominators.employed).toMatchObject({ year: Number(MONTH.slice(0, 4)) });
    expect(f.trend).toHaveLength(12);
    expect(f.trend[11]!.month).toBe(MONTH);
    expect(f.programs.length).toBeGreaterThanOrEqual(2);
    expect(f.budget.committed).toBe(f.programs.reduce((s, p) => s + p.committed, 0));
    // The year's bills and payments so far, from the billing module (none billed in this database yet).
    expect(f.budget).toMatchObject({ billed: 0, paid: 0 });
    const rpjmd = f.targets.find((t) => t.basis === 'RPJMD')!;
    expect(rpjmd.asOfMonth).toBe(MONTH);
    expect(rpjmd.gapPersons).toBe(Math.max(0, rpjmd.targetPersons! - rpjmd.active));
    if (rpjmd.cost) expect(rpjmd.cost.total).toBe(rpjmd.gapPersons! * 16_800 * rpjmd.cost.months);
  });

  it('downloads a PDF naming the regency, with charts and Rupiah in words; the digest matches; audited', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/reports/${reportId}/files/pdf`, headers: pimpinan });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const pdf = r.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const listed = (await app.inject({ method: 'GET', url: `/api/reports/${reportId}`, headers: pimpinan })).json();
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(listed.files[0].sha256);
    const text = squash(pdfText(pdf));
    const f = await storedFigures(reportId);
    expect(text).toContain(squash('PEMERINTAH KABUPATEN BANTUL'));
    expect(text).toContain(squash('LAPORAN BULANAN JAMINAN SOSIAL KETENAGAKERJAAN DAERAH'));
    expect(text).toContain(squash(`Bulan ${f.monthLabel}`));
    expect(text).toContain(squash(`${formatRupiah(f.budget.committed)} (${terbilangRupiah(f.budget.committed)})`));
    expect(text).toContain('Sewon'); // a bar label and a table row
    expect(text).toContain(squash('Desa/kelurahan tidak diketahui'));
    // The district table's sum is the headline.
    expect(text).toContain(squash(`Jumlah${formatNumber(f.active)}`));
    // Printed text cites regulations only: no research notes, rule keys or uncertainty marks.
    const raw = pdfText(pdf);
    for (const mark of ['§', '.md', '[S]', '[M]', '[V]', '⚠', 'bpu.income.row', 'UNCERTAIN']) {
      expect(raw, mark).not.toContain(mark);
    }
    if (f.targets.some((t) => t.cost)) expect(text).toContain(squash('PP 44/2015 Lampiran II'));
    expect(text).toContain(squash(`Manfaat yang sudah dirasakan (Januari sampai ${f.monthLabel}):`));
    expect(text).toContain(squash(`${formatRupiah(f.claims!.delivered.amount)} (${f.claims!.delivered.words})`));
    const downloads = await db.owner
      .selectFrom('audit_log')
      .select(['actor_username', 'after'])
      .where('action', '=', 'monthly_report.download')
      .execute();
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.after).toMatchObject({ format: 'pdf', sha256: listed.files[0].sha256 });
  });

  it('downloads an XLSX with the district table as numbers', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/reports/${reportId}/files/xlsx`, headers: pimpinan });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Kecamatan', 'Tren', 'Target', 'Program', 'Klaim']);
    const sheet = wb.getWorksheet('Kecamatan')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Kecamatan');
    const f = await storedFigures(reportId);
    const sewon = f.districts.find((d) => d.region === '34.02.15')!;
    const row = sheet.getRow(16);
    expect(row.getCell(1).value).toBe('34.02.15');
    expect(row.getCell(3).value).toBe(sewon.active);
    expect(row.getCell(4).value).toBe(sewon.employed);
    expect(sheet.getRow(19).getCell(2).value).toBe('Desa/kelurahan tidak diketahui');
    expect(sheet.getRow(19).getCell(3).value).toBe(f.districts[17]!.active);
    expect(sheet.getRow(20).getCell(2).value).toBe('Jumlah');
    expect(sheet.getRow(20).getCell(3).value).toMatchObject({ formula: 'SUM(C2:C19)' });
    const rules = wb.getWorksheet('Target')!.getColumn(17).values.join('\n');
    expect(rules).not.toMatch(/§|\.md\b|\[[SVM]\]|⚠|bpu\.income\.row/);
    // Claims (issue 15 §8): the benefits delivered, with their words, from the claims module's figures.
    const claims = wb.getWorksheet('Klaim')!;
    expect(claims.getRow(4).getCell(1).value).toBe('Manfaat yang sudah dirasakan (dibayar BPJS)');
    expect(claims.getRow(4).getCell(3).value).toBe(f.claims!.delivered.amount);
    expect(claims.getRow(4).getCell(4).value).toBe(f.claims!.delivered.words);
  });

  it('keeps reports inside the scope and refuses what cannot be made', async () => {
    const other = await app.inject({ method: 'GET', url: `/api/reports/${reportId}`, headers: sleman });
    expect(other.statusCode).toBe(404);
    const otherFile = await app.inject({ method: 'GET', url: `/api/reports/${reportId}/files/pdf`, headers: sleman });
    expect(otherFile.statusCode).toBe(404);
    const list = (await app.inject({ method: 'GET', url: '/api/reports', headers: sleman })).json();
    expect(list.total).toBe(0);
    const create = await app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: sleman,
      payload: { region: REGENCY, month: MONTH },
    });
    expect(create.statusCode).toBe(403);
    const byOperator = await app.inject({ method: 'GET', url: '/api/reports', headers: operator });
    expect(byOperator.statusCode).toBe(403);
    const future = await app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: pimpinan,
      // The HTTP API reads the server's clock: a month after this one is in the future whatever the date.
      payload: { region: REGENCY, month: addMonths(currentMonthWib(systemClock()), 3) },
    });
    expect(future.statusCode).toBe(400);
    const queued = await db.owner
      .insertInto('monthly_report')
      .values({ region_code: REGENCY, month: '2026-01-01', trigger: 'manual', requested_by: 'uji' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notReady = await app.inject({ method: 'GET', url: `/api/reports/${queued.id}/files/pdf`, headers: pimpinan });
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json().error.code).toBe('REPORT_NOT_READY');
  });
});

describe('the monthly schedule', () => {
  it('makes the previous month’s report of each planning region once, catching up on start', async () => {
    const runner = new ReportRunner(db.app, createLogger('silent'), { clock: () => new Date('2027-01-01T02:00:00Z') });
    expect(await runner.catchUp()).toBe(1);
    expect(await runner.catchUp()).toBe(0);
    await runner.stop();
    const rows = await db.owner
      .selectFrom('monthly_report')
      .select(['status', 'month', 'requested_by'])
      .where('trigger', '=', 'schedule')
      .where('month', '=', '2026-12-01')
      .execute();
    expect(rows).toEqual([{ status: 'done', month: '2026-12-01', requested_by: 'jadwal-laporan' }]);
    const scheduled = await db.owner
      .selectFrom('monthly_report')
      .select('figures')
      .where('trigger', '=', 'schedule')
      .where('month', '=', '2026-12-01')
      .executeTakeFirstOrThrow();
    // The system actor reads the bills: the year's billed and paid totals are numbers.
    expect(typeof (scheduled.figures as ReportFigures).budget.billed).toBe('number');
  });
});
