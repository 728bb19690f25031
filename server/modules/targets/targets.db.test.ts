import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/http.ts';
import type { RequestContext } from '../../platform/context.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { quote } from '../contributions/index.ts';
import { costPeriod, createTarget, getTarget, monthsToTarget } from './index.ts';
import { tableDigest } from '../../testing/unchanged.ts';

// Denominators and targets through the HTTP API and the services: BPS-style files imported all-or-nothing with
// errors by row and column, scope, audit, and progress with the APBD needed priced by the contribution rules.

const FIXTURES = 'test-fixtures/targets';
const CSV_2026 = fs.readFileSync(`${FIXTURES}/bantul-angkatan-kerja-2026.csv`);
const XLSX_2026 = fs.readFileSync(`${FIXTURES}/bantul-angkatan-kerja-2026.xlsx`);
const CSV_BAD = fs.readFileSync(`${FIXTURES}/bantul-angkatan-kerja-salah.csv`);
const BANTUL_EMPLOYED_2026 = 571_550;

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;
let pimpinan: Record<string, string>;
let sleman: Record<string, string>;

const disnakerCtx: RequestContext = {
  actor: { userId: '1', username: 'disnaker.bantul', role: 'disnaker', scope: '34.02', locale: 'id' },
  requestId: 'test-targets',
  ip: null,
};
/** 15 March 2026 (WIB): the last complete month is February; the gap is paid April–December. */
const MARCH_2026 = () => new Date('2026-03-15T03:00:00Z');

async function upload(headers: Record<string, string>, content: Buffer, query: string) {
  const r = await app.inject({
    method: 'POST',
    url: `/api/workforce/import?${query}`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: content,
  });
  return { status: r.statusCode, body: r.json() };
}

const workforceCount = async () =>
  Number(
    (
      await db.owner
        .selectFrom('workforce')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  db = await createTestDatabase('targets');
  app = await testApp(db);
  const [d, p, s] = await Promise.all([
    makeUser(db, 'disnaker', '34.02', 'disnaker.bantul'),
    makeUser(db, 'pimpinan', '34.02', 'pimpinan.bantul'),
    makeUser(db, 'disnaker', '34.04', 'disnaker.sleman'),
  ]);
  [disnaker, pimpinan, sleman] = await Promise.all([
    signIn(app, d.username, d.password),
    signIn(app, p.username, p.password),
    signIn(app, s.username, s.password),
  ]);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('denominator import', () => {
  it('refuses a file with problems, naming row and column, and saves nothing', async () => {
    const r = await upload(disnaker, CSV_BAD, 'fileName=salah.csv');
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('DENOMINATOR_FILE_INVALID');
    expect(r.body.error.message).toContain('salah.csv');
    const issues = r.body.error.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual(['Baris 3, kolom Kecamatan', 'Baris 4, kolom Penduduk Bekerja']);
    expect(issues[0]!.message).toContain('"Srandakn" tidak ditemukan');
    expect(issues[1]!.message).toContain('18.400,5');
    expect(await workforceCount()).toBe(0);
  });

  it('asks for the year and source a BPS table leaves in its title', async () => {
    const r = await upload(disnaker, CSV_2026, 'fileName=bps.csv');
    expect(r.status).toBe(422);
    expect((r.body.error.issues as { path: string }[])[0]!.path).toBe('Baris 4, kolom Tahun');
    expect(await workforceCount()).toBe(0);
  });

  it('checks without saving on a dry run, then imports a ;-separated CSV with a title row and a total row', async () => {
    const query = `fileName=bps.csv&year=2026&source=${encodeURIComponent('BPS Kab. Bantul, Sakernas Agustus 2026')}`;
    const dry = await upload(disnaker, CSV_2026, `${query}&dryRun=true`);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 18, values: 36, inserted: 0 });
    expect(await workforceCount()).toBe(0);

    const r = await upload(disnaker, CSV_2026, query);
    expect(r.body).toMatchObject({ dryRun: false, rows: 18, values: 36, inserted: 36, updated: 0, unchanged: 0 });
    const again = await upload(disnaker, CSV_2026, query);
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 36 });

    const list = (
      await app.inject({
        method: 'GET',
        url: '/api/workforce?region=34.02&kind=employed&pageSize=50',
        headers: pimpinan,
      })
    ).json();
    expect(list.total).toBe(18);
    expect(list.items[0]).toMatchObject({
      region: '34.02',
      regionLabel: 'Kab. Bantul',
      persons: BANTUL_EMPLOYED_2026,
      canEdit: false,
    });
    const bantulDistrict = list.items.find((w: { region: string }) => w.region === '34.02.08');
    expect(bantulDistrict.regionLabel).toContain('Kec. Bantul');
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['actor_username', 'after'])
      .where('action', '=', 'workforce.import')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.actor_username).toBe('disnaker.bantul');
    expect(audit[0]!.after).toMatchObject({ inserted: 36, fileName: 'bps.csv' });
  });

  it('exports the filtered figures as XLSX', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/workforce.xlsx?region=34.02&year=2026', headers: pimpinan });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(37);
    expect(sheet.getRow(1).getCell(1).value).toBe('Kode Wilayah');
    const rows = sheet.getRows(2, 36)!.map((row) => [1, 2, 3, 4, 6, 7].map((c) => row.getCell(c).value));
    expect(rows).toContainEqual([
      '34.02',
      'Kab. Bantul',
      2026,
      'Penduduk bekerja',
      BANTUL_EMPLOYED_2026,
      'BPS Kab. Bantul, Sakernas Agustus 2026',
    ]);
  });

  it('imports an XLSX with codes, a year and a source per row; a changed source updates every figure', async () => {
    const r = await upload(disnaker, XLSX_2026, 'fileName=tabel.xlsx');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ rows: 18, values: 36, inserted: 0, updated: 36 });
    const row = await db.owner
      .selectFrom('workforce')
      .select(['source', 'persons'])
      .where('region_code', '=', '34.02.16')
      .where('kind', '=', 'bpu_universe')
      .executeTakeFirstOrThrow();
    expect(row.source).toBe('BPS Kab. Bantul, Sakernas Agustus 2026 (angka uji)');
    expect(row.persons).toBe(Math.round(Math.round(122_000 * 0.575) * 0.53));
  });

  it('keeps another regency out: codes outside the scope and names it cannot see are row errors', async () => {
    const byCode = await upload(sleman, XLSX_2026, 'fileName=tabel.xlsx');
    expect(byCode.status).toBe(422);
    expect(byCode.body.error.issues[0].message).toContain('di luar wilayah kerja Anda');
    const byName = await upload(sleman, CSV_2026, 'fileName=bps.csv&year=2025&source=BPS');
    expect(byName.status).toBe(422);
    expect(byName.body.error.issues[0].message).toContain('tidak ditemukan di wilayah kerja Anda');
    const list = (await app.inject({ method: 'GET', url: '/api/workforce?region=34.02', headers: sleman })).json();
    expect(list.total).toBe(0);
  });

  it('edits one figure by hand, audited with before and after; pimpinan reads but may not edit', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/api/workforce',
      headers: disnaker,
      payload: { region: '34.02', year: 2025, kind: 'employed', persons: 560_000, source: 'BPS Kab. Bantul 2025' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const id = put.json().id as string;
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/workforce/${id}`,
      headers: disnaker,
      payload: { persons: 561_234 },
    });
    expect(patch.json()).toMatchObject({ persons: 561_234, year: 2025, canEdit: true });
    const before = await tableDigest(db.owner, ['workforce']);
    const denied = await app.inject({
      method: 'PATCH',
      url: `/api/workforce/${id}`,
      headers: pimpinan,
      payload: { persons: 1 },
    });
    expect(denied.statusCode).toBe(403);
    expect(await tableDigest(db.owner, ['workforce'])).toEqual(before);
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'workforce.update')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.before).toEqual({ persons: 560_000, source: 'BPS Kab. Bantul 2025' });
    expect(audit.after).toEqual({ persons: 561_234, source: 'BPS Kab. Bantul 2025' });
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/workforce',
      headers: disnaker,
      payload: { region: '34.02', year: 2025, kind: 'employed', persons: 1.5, source: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('targets and progress', () => {
  it('computes progress, gap, pace and the APBD needed from the contribution rules', async () => {
    const created = await createTarget(
      db.app,
      disnakerCtx,
      { region: '34.02', year: 2026, kind: 'employed', targetPercent: 40, basis: 'RPJMD', document: 'Perda RPJMD' },
      MARCH_2026,
    );
    const targetPersons = Math.ceil(BANTUL_EMPLOYED_2026 * 0.4);
    expect(created).toMatchObject({
      regionLabel: 'Kab. Bantul',
      asOfMonth: '2026-02',
      active: 0,
      targetPersons,
      progressPercent: 0,
      gapPersons: targetPersons,
      monthlyIncrease: 0,
      monthsToTarget: null,
      denominator: { persons: BANTUL_EMPLOYED_2026, year: 2026 },
    });
    expect(created.pace.map((p) => p.month)).toEqual([
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    // April–December 2026: 9 months at the APBD price, without the PP 50/2025 discount.
    expect(created.cost).toMatchObject({
      package: 'BPU JKK+JKM',
      declaredIncome: 1_000_000,
      perPersonMonth: 16_800,
      fromMonth: '2026-04',
      months: 9,
      total: targetPersons * 16_800 * 9,
    });
    const keys = created.cost!.rulesUsed.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['bpu.income.row', 'bpu.jkk.rate', 'bpu.jkm.flat']));
    expect(keys.some((k) => k.startsWith('discount.'))).toBe(false);
    for (const r of created.cost!.rulesUsed) {
      expect(r.citation.length).toBeGreaterThan(5);
      expect(r.note).toBeUndefined();
    }
    expect(created.cost!.totalWords).toMatch(/ rupiah$/);

    // The engine does exclude APBD funding from the discount: a self-paid participant pays half that month.
    const self = await quote(db.app, {
      category: 'bpu',
      income: 1_000_000,
      programs: ['jkk', 'jkm'],
      funding: 'self',
      sector: 'other',
      date: '2026-04-01',
    });
    expect(self.total).toBe(8_400);
    expect((await getTarget(db.app, disnakerCtx, created.id, MARCH_2026)).cost!.perPersonMonth).toBe(16_800);
  });

  it('sets, refuses a duplicate, updates with an audit row, and lists with progress', async () => {
    const payload = {
      region: '34.02',
      year: 2027,
      kind: 'bpu_universe',
      targetPercent: 34.99,
      basis: 'UCJ',
      document: 'RKP 2026',
    };
    const r = await app.inject({ method: 'POST', url: '/api/targets', headers: disnaker, payload });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.denominator).toMatchObject({ year: 2026, persons: 302_923 });
    expect(body.targetPersons).toBe(Math.ceil((302_923 * 3499) / 10_000));
    expect(body.cost.months).toBe(12);
    expect(body.cost.total).toBe(body.gapPersons * 16_800 * 12);

    const before = await tableDigest(db.owner, ['coverage_target']);
    const dup = await app.inject({ method: 'POST', url: '/api/targets', headers: disnaker, payload });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('sudah ada');

    const byPimpinan = await app.inject({ method: 'POST', url: '/api/targets', headers: pimpinan, payload });
    expect(byPimpinan.statusCode).toBe(403);
    const bySleman = await app.inject({ method: 'POST', url: '/api/targets', headers: sleman, payload });
    expect(bySleman.statusCode).toBe(403);
    expect(await tableDigest(db.owner, ['coverage_target'])).toEqual(before);

    const upd = await app.inject({
      method: 'PATCH',
      url: `/api/targets/${body.id}`,
      headers: disnaker,
      payload: { targetPercent: 43.92, basis: 'RKPD' },
    });
    expect(upd.json()).toMatchObject({ targetPercent: 43.92, basis: 'RKPD' });
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'coverage_target.update')
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ targetPercent: 34.99, basis: 'UCJ' });
    expect(audit.after).toMatchObject({ targetPercent: 43.92, basis: 'RKPD' });

    const list = (await app.inject({ method: 'GET', url: '/api/targets?region=34.02', headers: pimpinan })).json();
    expect(list.total).toBe(2);
    expect(list.items.every((t: { canEdit: boolean }) => t.canEdit === false)).toBe(true);
    const other = (await app.inject({ method: 'GET', url: '/api/targets', headers: sleman })).json();
    expect(other.total).toBe(0);

    const del = await app.inject({ method: 'DELETE', url: `/api/targets/${body.id}`, headers: disnaker });
    expect(del.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/targets/${body.id}`, headers: disnaker })).statusCode).toBe(
      404,
    );
  });

  it('months to target follow the last six months’ pace, and none when the pace is flat or falling', () => {
    expect(monthsToTarget(0, 0)).toBe(0);
    expect(monthsToTarget(100, 0)).toBeNull();
    expect(monthsToTarget(100, -3)).toBeNull();
    expect(monthsToTarget(100, 30)).toBe(4);
    expect(costPeriod(2026, '2026-03')).toMatchObject({ fromMonth: '2026-04', months: 9 });
    expect(costPeriod(2027, '2026-11')).toMatchObject({ fromMonth: '2027-01', months: 12 });
    expect(costPeriod(2026, '2026-12')).toMatchObject({ fromMonth: '2027-01', months: 12 });
    expect(costPeriod(2025, '2026-03')).toMatchObject({ fromMonth: '2026-04', months: 12 });
  });
});
