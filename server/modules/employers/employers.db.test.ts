// Employers against the real database: the licensing list (CSV with ';') and the branch's employer snapshot (XLSX)
// with spelling differences give the expected matched and unmatched sets; statuses, the audited compliance answer,
// warnings and the sanction letter; projects priced by the contribution engine, "siap mulai" only with the
// certificate; the compliance figures; region scope; refused files write nothing.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/http.ts';
import { fails } from '../../testing/fails.ts';
import { nikFor } from '../../testing/nik.ts';
import { actorContext, BALECATUR, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { quote } from '../contributions/index.ts';
import { registerWorker } from '../registry/index.ts';
import {
  attachWorker,
  checkCompliance,
  complianceFigures,
  importEmployerSnapshot,
  importLicensingList,
  listEmployers,
  markReady,
  recordCertificate,
  recordWarning,
  registerProject,
  sanctionLetter,
} from './index.ts';
import { compute } from '../assessment/index.ts';

const FIXTURES = new URL('../../../test-fixtures/employers/', import.meta.url);
const LICENSING = readFileSync(new URL('perizinan-bantul.csv', FIXTURES));
const BRANCH = readFileSync(new URL('cabang-pemberi-kerja.xlsx', FIXTURES));

const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const sleman = actorContext('disnaker', '34.04', 'disnaker.sleman');
const reader = actorContext('pimpinan', '34.02', 'perizinan.bantul');

let db: TestDatabase;
let app: App;

const audits = async (action: string) =>
  (
    await sql<{ entity_id: string | null; after: Record<string, unknown> }>`
      SELECT entity_id, after FROM audit_log WHERE action = ${action} ORDER BY id`.execute(db.owner)
  ).rows;

beforeAll(async () => {
  db = await createTestDatabase('employers');
  app = await testApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('licensing list and branch snapshot', () => {
  it('refuses a file with bad cells, naming row and column, and writes nothing', async () => {
    const bad = Buffer.from(
      'NIB;NAMA USAHA;KODE DESA;SKALA USAHA\n9.12E+12;PT Satu;34.02.08.2004;Menengah\n9120001000099;;34.02.08.2004;Raksasa\n' +
        `9120001000098;PT Luar;${BALECATUR};Kecil\n`,
    );
    const r = await importLicensingList(db, disnaker, { fileName: 'salah.csv', content: bad });
    expect(r.imported).toBe(false);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'NIB'],
      [3, 'NAMA USAHA'],
      [3, 'SKALA USAHA'],
    ]);
    expect(r.issues[0]!.message).toContain('Teks');
    const outside = await importLicensingList(db, disnaker, {
      fileName: 'luar.csv',
      content: Buffer.from(`NIB;NAMA USAHA;KODE DESA\n9120001000098;PT Luar;${BALECATUR}\n`),
    });
    expect(outside.issues).toEqual([
      { row: 2, column: 'KODE DESA', message: expect.stringContaining('di luar wilayah 34.02') },
    ]);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM employer`.execute(db.owner)).rows[0]!.n).toBe(0);
  });

  it('matches by NIB, then NPWP, then name and village, with the spelling differences of the fixture', async () => {
    const lic = await importLicensingList(db, disnaker, { fileName: 'perizinan-bantul.csv', content: LICENSING });
    expect(lic).toMatchObject({ imported: true, rows: 5, created: 5, updated: 0, matched: 0, issues: [] });
    const snap = await importEmployerSnapshot(db, disnaker, {
      fileName: 'cabang-pemberi-kerja.xlsx',
      content: BRANCH,
      asOf: '2026-07-10',
    });
    expect(snap).toMatchObject({ imported: true, rows: 6, matched: 4, issues: [] });
    const rows = await sql<{ npp: string; nib: string | null; match_by: string | null }>`
      SELECT r.npp, e.nib, r.match_by FROM employer_snapshot_row r LEFT JOIN employer e ON e.id = r.employer_id
      ORDER BY r.npp`.execute(db.owner);
    expect(rows.rows).toEqual([
      { npp: '15070001', nib: '9120001000011', match_by: 'nib' },
      { npp: '15070002', nib: '9120001000022', match_by: 'npwp' },
      { npp: '15070003', nib: '9120001000033', match_by: 'name' },
      { npp: '15070004', nib: '9120001000044', match_by: 'nib' },
      // Not in the licensing list; and "PT Maju Jaya" is not "PT Maju Jaya Abadi".
      { npp: '15070009', nib: null, match_by: null },
      { npp: '15070010', nib: null, match_by: null },
    ]);
    const list = await listEmployers(db.app, disnaker, { page: 1, pageSize: 25 });
    expect(list.unmatchedSnapshotRows).toBe(2);
    expect(list.snapshotAsOf).toBe('2026-07-10');
    expect(Object.fromEntries(list.items.map((e) => [e.nib, e.status]))).toEqual({
      '9120001000011': 'paying',
      '9120001000022': 'arrears',
      '9120001000033': 'paying',
      '9120001000044': 'partial',
      '9120001000055': 'not_registered',
    });
    expect(list.counts).toEqual({ paying: 2, arrears: 1, partial: 1, not_registered: 1 });
    const noncompliant = await listEmployers(db.app, disnaker, { page: 1, pageSize: 25, compliant: 'false' });
    expect(noncompliant.total).toBe(3);
    expect(list.items.find((e) => e.nib === '9120001000022')!.reason).toBe(
      'Menunggak iuran sejak Maret 2026 (NPP 15070002).',
    );
  });

  it('matches again when the licensing list is imported after the snapshot, updating by NIB', async () => {
    const again = await importLicensingList(db, disnaker, { fileName: 'perizinan-bantul.csv', content: LICENSING });
    expect(again).toMatchObject({ imported: true, created: 0, updated: 5, matched: 4 });
    expect((await audits('employer.import')).length).toBe(2);
    expect((await audits('employer.snapshot.import'))[0]!.after).toMatchObject({ matched: 4, asOf: '2026-07-10' });
  });

  it('keeps another region out', async () => {
    expect((await listEmployers(db.app, sleman, { page: 1, pageSize: 25 })).total).toBe(0);
    const answer = await checkCompliance(db.app, sleman, '9120001000022');
    expect(answer).toMatchObject({ found: false, compliant: false, status: null });
  });
});

describe('compliance check', () => {
  it('answers with the status, the snapshot date and the reason, and audits every question', async () => {
    const no = await checkCompliance(db.app, reader, '9120 0010 0002 2');
    expect(no).toMatchObject({
      nib: '9120001000022',
      found: true,
      name: 'CV Sinar Terang',
      compliant: false,
      status: 'arrears',
      snapshotAsOf: '2026-07-10',
      reason: 'Menunggak iuran sejak Maret 2026 (NPP 15070002).',
    });
    const yes = await checkCompliance(db.app, reader, '9120001000011');
    expect(yes).toMatchObject({ compliant: true, status: 'paying' });
    const unknown = await checkCompliance(db.app, reader, '9120001000077');
    expect(unknown).toMatchObject({ found: false, compliant: false });
    expect(unknown.reason).toContain('tidak ada di daftar perizinan');
    const trail = await audits('employer.compliance_check');
    expect(trail.slice(-3).map((a) => [a.after.nib, a.after.compliant])).toEqual([
      ['9120001000022', false],
      ['9120001000011', true],
      ['9120001000077', false],
    ]);
    expect((await fails(checkCompliance(db.app, reader, '123'))).code).toBe('VALIDATION_FAILED');
  });

  it('answers over HTTP to a read-only account', async () => {
    const u = await makeUser(db, 'pimpinan', '34.02', 'dpmptsp.bantul');
    const headers = await signIn(app, u.username, u.password);
    const r = await app.inject({ method: 'GET', url: '/api/employers/compliance?nib=9120001000055', headers });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ compliant: false, status: 'not_registered' });
    const write = await app.inject({
      method: 'POST',
      url: '/api/employers/projects',
      headers,
      payload: {},
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('warnings and the sanction letter', () => {
  it('records two warnings in order, then the letter; a third warning is refused', async () => {
    const list = await listEmployers(db.app, disnaker, { page: 1, pageSize: 25 });
    const id = list.items.find((e) => e.nib === '9120001000022')!.id;
    const paying = list.items.find((e) => e.nib === '9120001000011')!.id;
    const letterQ = { branchReference: 'B/123/072026', branchDate: '2026-07-12' };
    expect((await fails(sanctionLetter(db.app, disnaker, id, letterQ))).code).toBe('EMPLOYER_WARNINGS_MISSING');
    await recordWarning(db.app, disnaker, id, { issuedOn: '2026-06-01', reference: '560/101' });
    expect(
      (await fails(recordWarning(db.app, disnaker, id, { issuedOn: '2026-05-01', reference: '560/102' }))).code,
    ).toBe('EMPLOYER_WARNING_ORDER');
    const d = await recordWarning(db.app, disnaker, id, { issuedOn: '2026-06-20', reference: '560/150' });
    expect(d.warningHistory.map((w) => [w.seq, w.issuedOn])).toEqual([
      [1, '2026-06-01'],
      [2, '2026-06-20'],
    ]);
    expect(
      (await fails(recordWarning(db.app, disnaker, id, { issuedOn: '2026-07-01', reference: '560/200' }))).code,
    ).toBe('EMPLOYER_WARNINGS_FULL');
    const letter = await sanctionLetter(db.app, disnaker, id, letterQ);
    expect(letter.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await audits('employer.sanction_letter'))[0]!.after).toMatchObject({ branchReference: 'B/123/072026' });
    expect((await audits('employer.warning')).length).toBe(2);
    await recordWarning(db.app, disnaker, paying, { issuedOn: '2026-06-01', reference: '1' });
    await recordWarning(db.app, disnaker, paying, { issuedOn: '2026-06-20', reference: '2' });
    expect((await fails(sanctionLetter(db.app, disnaker, paying, letterQ))).code).toBe('EMPLOYER_COMPLIANT');
    expect((await fails(sanctionLetter(db.app, reader, id, letterQ))).code).toBe('FORBIDDEN');
  });
});

describe('APBD construction projects', () => {
  it('prices Jakon with the contribution engine, and starts only with the certificate', async () => {
    const p = await registerProject(db.app, disnaker, {
      village: TRIRENGGO,
      dpaReference: 'DPA 1.03.02.2.01.0021',
      name: 'Peningkatan Jalan Trirenggo–Palbapang',
      contractor: 'PT Bangun Karya Tbk',
      contractorNib: '9120001000044',
      contractValue: 2_000_000_000,
      startDate: '2026-07-20',
      endDate: '2026-11-30',
    });
    const q = await quote(db.app, { category: 'jakon', contractValue: 2_000_000_000, date: '2026-07-15' });
    expect(p.jakonContribution).toBe(q.total);
    expect(p.jakonContribution).toBe(2_950_000);
    expect((await fails(markReady(db.app, disnaker, p.id))).code).toBe('PROJECT_JAKON_MISSING');
    const { listProjects } = await import('./index.ts');
    const soon = await listProjects(db.app, disnaker, {
      page: 1,
      pageSize: 25,
      startingWithinDays: 14,
      withoutJakon: 'true',
    });
    expect(soon.items.map((i) => i.id)).toEqual([p.id]);
    await recordCertificate(db.app, disnaker, p.id, { certificateNumber: '2300001078094', paidOn: '2026-07-16' });
    const ready = await markReady(db.app, disnaker, p.id);
    expect(ready.status).toBe('ready');
    const after = await listProjects(db.app, disnaker, {
      page: 1,
      pageSize: 25,
      startingWithinDays: 14,
      withoutJakon: 'true',
    });
    expect(after.total).toBe(0);
    expect((await audits('project.ready')).map((a) => a.entity_id)).toEqual([p.id]);

    const nik = nikFor('1985-04-12', 'L', 41);
    await registerWorker(db.app, actorContext('operator', TRIRENGGO, 'op.trirenggo'), {
      nik,
      fullName: 'Slamet Riyadi',
      birthDate: '1985-04-12',
      sex: 'L',
      village: TRIRENGGO,
      segment: 'construction_worker',
      category: 'JAKON',
    });
    const withWorker = await attachWorker(db.app, disnaker, p.id, { nik });
    expect(withWorker.workerList.map((w) => w.name)).toEqual(['Slamet Riyadi']);
    expect(withWorker.workerList[0]!.nikMasked).not.toContain(nik.slice(4, 12));
    expect((await fails(attachWorker(db.app, disnaker, p.id, { nik }))).code).toBe('PROJECT_WORKER_TAKEN');
    expect((await fails(attachWorker(db.app, sleman, p.id, { nik }))).code).toBe('NOT_FOUND');
  });

  it('refuses a village outside the scope and end before start', async () => {
    const base = {
      village: PALBAPANG,
      dpaReference: 'DPA 2',
      name: 'Drainase',
      contractor: 'CV Sinar Terang',
      contractValue: 150_000_000,
      startDate: '2026-08-01',
      endDate: '2026-07-01',
    };
    expect((await fails(registerProject(db.app, disnaker, base))).code).toBe('VALIDATION_FAILED');
    expect((await fails(registerProject(db.app, sleman, { ...base, endDate: '2026-09-01' }))).code).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('compliance figures for the assessment module', () => {
  it('counts employers by status and projects with Jakon', async () => {
    expect(await complianceFigures(db.app, '34.02', '34.02')).toEqual({
      region: '34.02',
      snapshotAsOf: '2026-07-10',
      employers: 5,
      registered: 4,
      paying: 2,
      arrears: 1,
      partial: 1,
      notRegistered: 1,
      projects: 1,
      projectsWithJakon: 1,
    });
    expect((await fails(complianceFigures(db.app, '34.04', '34.02'))).code).toBe('OUT_OF_SCOPE');
  });

  it('are the Paritrana indicators "employers paying" and "projects with Jakon", equal to the hand count', async () => {
    const c = { db: db.app, ctx: disnaker, region: '34.02', cutoff: '2026-07-15', year: 2026, locale: 'id' as const };
    const paying = await compute('employers.paying_percent', c);
    // Five employers on the licensing list, two registered and paying in the branch snapshot of 10 July.
    expect([paying.value, paying.available]).toEqual([40, true]);
    expect(paying.note).toContain('2 / 5 (2026-07-10)');
    expect(paying.rows.map((r) => [r.key, r.value])).toEqual([
      ['paying', 2],
      ['arrears', 1],
      ['partial', 1],
      ['not_registered', 1],
    ]);
    expect((await compute('employers.projects_with_jakon_percent', c)).value).toBe(100);
    // Another regency's Disnaker may not read these figures: unavailable, never zero.
    const other = await compute('employers.paying_percent', { ...c, ctx: sleman });
    expect([other.value, other.available]).toEqual([null, false]);
  });
});
