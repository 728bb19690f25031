// Issue 21 §3 and §4 against the real database. Project workers of a certified APBD project enter the coverage
// rollups as Jakon participations, counted once per NIK: a worker also in the branch's PU snapshot stays one PU
// person, a worker on two projects is one person, an uncertified project protects nobody; the figures equal the
// naive recount and show on the coverage dashboard by category. A project priced by its workers' known wages equals
// the calculator's monthly Jakon quote for every worker and month; the basis is chosen per project and fixed by the
// certificate.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import type { App } from '../../platform/http.ts';
import { FIXED_TODAY } from '../../testing/fixed-clock.ts';
import { naiveLeafCounts, rollupAreaCounts, rollUpNaive } from '../../testing/coverage-naive.ts';
import { fails } from '../../testing/fails.ts';
import { nikFor } from '../../testing/nik.ts';
import { actorContext, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { quote } from '../contributions/index.ts';
import { checkCoverage } from '../billing/index.ts';
import { refreshCoverageRollups } from '../coverage/index.ts';
import { attachWorker, chooseJakonBasis, recordCertificate, registerProject } from './index.ts';

const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const today = FIXED_TODAY; // 2026-07-15
const month = today.slice(0, 7);

let db: TestDatabase;
let app: App;

const person = (name: string, serial: number, category: 'PU' | 'BPU' | 'JAKON', village = TRIRENGGO) => ({
  name,
  nik: nikFor('1988-03-02', 'L', serial),
  category,
  village,
});
// Anto: only on the certified project. Bagus: on the certified project and in the branch's PU snapshot. Candra: on
// both projects. Dodi: only on the uncertified project. Eko: only in the snapshot, BPU (no project).
const ANTO = person('Anto', 11, 'BPU');
const BAGUS = person('Bagus', 12, 'PU');
const CANDRA = person('Candra', 13, 'BPU', PALBAPANG);
const DODI = person('Dodi', 14, 'BPU');
const EKO = person('Eko', 15, 'BPU');

async function byCategory(region: string, m: string) {
  const r = await sql<{ category: string; persons: number }>`
    SELECT category, sum(persons)::integer AS persons FROM coverage_rollup
    WHERE area_code = ${region} AND month = ${`${m}-01`}::date GROUP BY 1 ORDER BY 1`.execute(db.owner);
  return Object.fromEntries(r.rows.map((x) => [x.category, x.persons]));
}

async function expectNaive() {
  const from = addMonths(month, -11);
  const naive = rollUpNaive(await naiveLeafCounts(db.owner, { today, from, to: month }));
  const rollups = await rollupAreaCounts(db.owner, from);
  expect(Object.fromEntries([...rollups].sort())).toEqual(Object.fromEntries([...naive].sort()));
}

beforeAll(async () => {
  db = await createTestDatabase('employers_coverage');
  app = await testApp(db);
  for (const w of [ANTO, BAGUS, CANDRA, DODI, EKO])
    await sql`INSERT INTO worker (kabkota_code, nik, full_name, birth_date, sex, village_code, segment, category, source)
              VALUES ('34.02', ${w.nik}, ${w.name}, '1988-03-02', 'L', ${w.village}, 'construction_worker',
                      ${w.category}, 'hand')`.execute(db.owner);
  await sql`INSERT INTO membership_snapshot (region_code, as_of, source, persons, imported_by)
            VALUES ('34.02', ${today}::date, 'file', 2, 'hand')`.execute(db.owner);
  await sql`
    INSERT INTO bpjs_member (snapshot_id, region_code, nik, category, coverage_start, paid_through, village_code)
    SELECT s.id, '34.02', m.nik, m.category, '2026-01-01', ${`${month}-01`}::date, ${TRIRENGGO}
    FROM membership_snapshot s, (VALUES (${BAGUS.nik}, 'PU'), (${EKO.nik}, 'BPU')) AS m(nik, category)`.execute(
    db.owner,
  );
  await refreshCoverageRollups(db.owner, { full: true, today });
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('project workers in the coverage rollups (issue 21 §4)', () => {
  let certified: string;

  it('counts nobody of a project without a certificate', async () => {
    expect(await byCategory('34.02', month)).toEqual({ PU: 1, BPU: 1 });
    const base = { contractor: 'PT Bangun Karya', contractValue: 2_000_000_000, startDate: '2026-07-01' };
    const road = await registerProject(db.app, disnaker, {
      ...base,
      village: TRIRENGGO,
      dpaReference: 'DPA 1.03.01',
      name: 'Jalan Trirenggo',
      endDate: '2026-12-31',
    });
    const bridge = await registerProject(db.app, disnaker, {
      ...base,
      village: PALBAPANG,
      dpaReference: 'DPA 1.03.02',
      name: 'Jembatan Palbapang',
      endDate: '2026-09-30',
    });
    certified = road.id;
    for (const w of [ANTO, BAGUS, CANDRA]) await attachWorker(db.app, disnaker, road.id, { nik: w.nik });
    for (const w of [CANDRA, DODI]) await attachWorker(db.app, disnaker, bridge.id, { nik: w.nik });
    // The attachments marked the workers; nobody is covered yet (no certificate).
    expect(await refreshCoverageRollups(db.owner, { today })).toBe(4);
    expect(await byCategory('34.02', month)).toEqual({ PU: 1, BPU: 1 });
  });

  it('counts the certified project workers once per NIK: Jakon only when nothing else protects them', async () => {
    await recordCertificate(db.app, disnaker, certified, { certificateNumber: '2300001078094', paidOn: '2026-06-28' });
    // The certificate marks the project's three workers; the refresh recomputes exactly them.
    expect(await refreshCoverageRollups(db.owner, { today })).toBe(3);
    // Anto and Candra: Jakon (Candra on two projects, one person). Bagus: still the one PU person. Eko: BPU.
    expect(await byCategory('34.02', month)).toEqual({ JAKON: 2, PU: 1, BPU: 1 });
    expect(await byCategory('34.02', '2026-06')).toEqual({ PU: 1, BPU: 1 });
    expect(await byCategory(PALBAPANG, month)).toEqual({ JAKON: 1 });
    await expectNaive();
    // A full pass gives the same.
    await refreshCoverageRollups(db.owner, { full: true, today });
    expect(await byCategory('34.02', month)).toEqual({ JAKON: 2, PU: 1, BPU: 1 });
  });

  it('shows the categories on the coverage dashboard', async () => {
    const u = await makeUser(db, 'pimpinan', '34.02');
    const headers = await signIn(app, u.username, u.password);
    const r = await app.inject({ method: 'GET', url: '/api/coverage/dashboard?region=34.02', headers });
    expect(r.statusCode).toBe(200);
    const d = r.json() as { summary: { active: number }; byCategory: { category: string; active: number }[] };
    expect(d.summary.active).toBe(4);
    expect(Object.fromEntries(d.byCategory.map((c) => [c.category, c.active]))).toEqual({ JAKON: 2, PU: 1, BPU: 1 });
  });
});

describe('one answer to "covered" for a project worker (issue 21 §4, the one definition)', () => {
  // Anto is protected only by the certified road project; Dodi only sits on the uncertified bridge project.
  it('the coverage check, lindung_nik_covered and the protection record agree with the rollups', async () => {
    const covered = async (nik: string) =>
      (await sql<{ c: boolean }>`SELECT lindung_nik_covered(${nik}, ${today}::date) AS c`.execute(db.app)).rows[0]!.c;
    expect(await covered(ANTO.nik)).toBe(true);
    expect(await covered(DODI.nik)).toBe(false);
    // After the project's last month the Jakon ends, like any participation.
    expect(
      (await sql<{ c: boolean }>`SELECT lindung_nik_covered(${ANTO.nik}, '2027-01-15'::date) AS c`.execute(db.app))
        .rows[0]!.c,
    ).toBe(false);

    const anto = await checkCoverage(db.app, disnaker, { nik: ANTO.nik, date: today });
    expect(anto.covered).toBe(true);
    expect(anto.programs).toEqual([
      expect.objectContaining({
        source: 'project',
        program: 'Jalan Trirenggo',
        state: 'covered',
        coverageEnd: '2026-12',
      }),
    ]);
    const dodi = await checkCoverage(db.app, disnaker, { nik: DODI.nik, date: today });
    expect([dodi.covered, dodi.programs]).toEqual([false, []]);

    // A village operator outside the project's village still gets the verdict (from every region), no details.
    const palbapang = actorContext('operator', PALBAPANG, 'operator.palbapang');
    const outside = await checkCoverage(db.app, palbapang, { nik: ANTO.nik, date: today });
    expect([outside.covered, outside.programs]).toEqual([true, []]);

    const id = (await sql<{ id: string }>`SELECT id::text AS id FROM worker WHERE nik = ${ANTO.nik}`.execute(db.owner))
      .rows[0]!.id;
    const u = await makeUser(db, 'disnaker', '34.02');
    const r = await app.inject({
      method: 'GET',
      url: `/api/workers/${id}/protection`,
      headers: await signIn(app, u.username, u.password),
    });
    expect(r.statusCode).toBe(200);
    const record = r.json() as { covered: boolean; summary: string; participations: unknown[] };
    expect([record.covered, record.summary]).toEqual([true, 'covered']);
    expect(record.participations).toEqual([
      expect.objectContaining({ source: 'project', programName: 'Jalan Trirenggo', category: 'JAKON' }),
    ]);
  });
});

describe('Jakon by known wages (issue 21 §3)', () => {
  it('equals the calculator quote for every worker and month; the basis is chosen per project', async () => {
    const p = await registerProject(db.app, disnaker, {
      village: TRIRENGGO,
      dpaReference: 'DPA 1.03.03',
      name: 'Saluran Irigasi',
      contractor: 'CV Tirta',
      contractValue: 450_000_000,
      startDate: '2026-08-03',
      endDate: '2026-10-20',
    });
    const byContract = await quote(db.app, { category: 'jakon', contractValue: 450_000_000, date: today });
    expect(p.jakonBasis).toBe('contract_value');
    expect(p.jakonContribution).toBe(byContract.total);

    // Without workers, or with a worker whose wage is unknown, the wages basis is refused and nothing changes.
    const none = await fails(chooseJakonBasis(db.app, disnaker, p.id, 'wages'));
    expect([none.code, none.params]).toEqual(['PROJECT_WAGES_MISSING', { missing: 0, workers: 0 }]);
    await attachWorker(db.app, disnaker, p.id, { nik: ANTO.nik, wage: 3_000_000 });
    await attachWorker(db.app, disnaker, p.id, { nik: DODI.nik });
    const one = await fails(chooseJakonBasis(db.app, disnaker, p.id, 'wages'));
    expect([one.code, one.params]).toEqual(['PROJECT_WAGES_MISSING', { missing: 1, workers: 2 }]);

    const p2 = await registerProject(db.app, disnaker, {
      village: TRIRENGGO,
      dpaReference: 'DPA 1.03.04',
      name: 'Talud Sungai',
      contractor: 'CV Tirta',
      contractValue: 450_000_000,
      startDate: '2026-08-03',
      endDate: '2026-10-20',
    });
    const wages = [3_000_000, 3_000_000, 4_500_000];
    await attachWorker(db.app, disnaker, p2.id, { nik: ANTO.nik, wage: wages[0] });
    await attachWorker(db.app, disnaker, p2.id, { nik: DODI.nik, wage: wages[1] });
    const byWages = await chooseJakonBasis(db.app, disnaker, p2.id, 'wages');
    // The calculator's quote: one worker's Jakon for a month at that wage, for each worker and project month.
    const calculator = async (ws: number[]) => {
      let total = 0;
      for (const m of ['2026-08-01', '2026-09-01', '2026-10-01'])
        for (const wage of ws) total += (await quote(db.app, { category: 'jakon', wage, date: m })).total;
      return total;
    };
    expect(byWages.jakonBasis).toBe('wages');
    expect(byWages.jakonContribution).toBe(await calculator(wages.slice(0, 2)));
    expect(byWages.jakonContribution).toBeGreaterThan(0);
    expect(byWages.workerList.map((w) => w.wage).sort()).toEqual([3_000_000, 3_000_000]);

    // A worker added while the project is priced by wages and unpaid prices it again.
    const more = await attachWorker(db.app, disnaker, p2.id, { nik: EKO.nik, wage: wages[2] });
    expect(more.jakonContribution).toBe(await calculator(wages));
    // Another worker without a wage is refused (nothing half-written: the worker is not attached).
    const missing = await fails(attachWorker(db.app, disnaker, p2.id, { nik: BAGUS.nik }));
    expect(missing.code).toBe('PROJECT_WAGES_MISSING');
    const audit = await sql<{ after: Record<string, unknown> }>`
      SELECT after FROM audit_log WHERE action = 'project.jakon_basis' AND entity_id = ${p2.id}`.execute(db.owner);
    expect(audit.rows.map((a) => a.after)).toEqual([
      expect.objectContaining({ jakonBasis: 'wages', jakonContribution: byWages.jakonContribution }),
    ]);

    // Back to the contract value, then fixed by the certificate.
    const back = await chooseJakonBasis(db.app, disnaker, p2.id, 'contract_value');
    expect(back.jakonContribution).toBe(byContract.total);
    expect(back.workers).toBe(3);
    await recordCertificate(db.app, disnaker, p2.id, { certificateNumber: '2300001078095', paidOn: '2026-07-30' });
    const fixed = await fails(chooseJakonBasis(db.app, disnaker, p2.id, 'wages'));
    expect(fixed.code).toBe('PROJECT_JAKON_FIXED');
  });
});
