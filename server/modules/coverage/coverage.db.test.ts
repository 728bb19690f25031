import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import type { App } from '../../platform/http.ts';
import { pinTestToday } from '../../testing/fixed-clock.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { seedCoverage } from '../../testing/coverage-fixtures.ts';
import { naiveLeafCounts, rollupAreaCounts, rollUpNaive } from '../../testing/coverage-naive.ts';
import { refresh } from './coverage.repository.ts';

// Coverage rollups against the naive recount (random data with lapses, ended enrollments, double sources,
// superseded snapshots, unknown villages; after a full pass and after incremental changes), a hand count through
// the dashboard API, scope, the people behind a figure and open data without counts from 1 to 4.

// A fixed clock: the server's today and this file's dates are the same pinned day.
const { today, month: current } = pinTestToday();
const from = addMonths(current, -35);

const rollupMap = (db: TestDatabase) => rollupAreaCounts(db.owner, from);

async function segmentRollupEqualsArea(db: TestDatabase) {
  const { rows } = await sql<{ bad: number }>`
    SELECT count(*)::integer AS bad FROM (
      SELECT area_code, month, sum(persons) AS n FROM coverage_rollup GROUP BY 1, 2
    ) s FULL JOIN coverage_rollup_area a USING (area_code, month)
    WHERE coalesce(s.n, 0) <> coalesce(a.persons, 0)`.execute(db.owner);
  return rows[0]!.bad;
}

async function expectEqualToNaive(db: TestDatabase) {
  const naive = rollUpNaive(await naiveLeafCounts(db.owner, { today, from, to: current }));
  const rollups = await rollupMap(db);
  expect(naive.size).toBeGreaterThan(100);
  expect(Object.fromEntries([...rollups].sort())).toEqual(Object.fromEntries([...naive].sort()));
  expect(await segmentRollupEqualsArea(db)).toBe(0);
}

describe('coverage rollups on random data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('coverage_random');
    await seedCoverage(db.owner, { workers: 800, today, seed: 0.42 });
  });
  afterAll(async () => db.drop());

  it('equal the naive recount after a full pass, and again after incremental changes', async () => {
    await refresh(db.owner, { full: true, today });
    await expectEqualToNaive(db);
    const persons = await db.owner
      .selectFrom('coverage_person')
      .select(sql<number>`count(*)::integer`.as('n'))
      .executeTakeFirstOrThrow();
    expect(persons.n).toBeGreaterThan(200);

    // Changes of every kind the triggers watch: payments, endings, a worker moving, a new snapshot, a new worker
    // whose NIK a snapshot already holds.
    await sql`UPDATE enrollment SET paid_through = last_month WHERE id % 7 = 0 AND status IN ('active', 'ended')`.execute(
      db.owner,
    );
    await sql`UPDATE enrollment SET status = 'ended', end_reason = 'withdrawn', last_month = least(last_month, greatest(first_month, (date_trunc('month', now()) - interval '4 months')::date))
              WHERE id % 11 = 0 AND status = 'active'`.execute(db.owner);
    await sql`UPDATE worker SET village_code = '34.02.08.2004', kabkota_code = '34.02', segment = 'fisher'
              WHERE id IN (SELECT worker_id FROM enrollment WHERE status = 'active' ORDER BY id LIMIT 5)`.execute(
      db.owner,
    );
    await sql`INSERT INTO membership_snapshot (region_code, as_of, source, persons, imported_by)
              VALUES ('34.04', ${today}::date, 'simulator', 0, 'test2')`.execute(db.owner);
    await sql`INSERT INTO bpjs_member (snapshot_id, region_code, nik, category, coverage_start, paid_through, village_code)
              SELECT (SELECT id FROM membership_snapshot WHERE imported_by = 'test2'), '34.04', nik, 'PU',
                     (date_trunc('month', now()) - interval '10 months')::date, date_trunc('month', now())::date, NULL
              FROM bpjs_member WHERE region_code = '34.04' AND snapshot_id = (SELECT max(id) FROM membership_snapshot WHERE region_code = '34.04' AND imported_by = 'test')
              LIMIT 20`.execute(db.owner);
    const outsider = await db.owner
      .selectFrom('bpjs_member')
      .select('nik')
      .where('worker_id', 'is', null)
      .where('village_code', 'is not', null)
      .orderBy('nik')
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO worker (kabkota_code, nik, full_name, birth_date, sex, village_code, segment, category, source)
              VALUES ('34.01', ${outsider.nik}, 'Baru Terdaftar', '1990-01-01', 'P', '34.01.01.2001', 'driver', 'BPU', 'test2')`.execute(
      db.owner,
    );

    const dirty = await db.owner
      .selectFrom('coverage_dirty' as never)
      .select(sql<number>`count(*)::integer`.as('n'))
      .executeTakeFirstOrThrow();
    expect(dirty.n).toBeGreaterThan(0);
    const recomputed = await refresh(db.owner, { today });
    expect(recomputed).toBe(dirty.n);
    expect(recomputed).toBeLessThan(persons.n);
    await expectEqualToNaive(db);

    // A second refresh without changes recomputes nobody and changes nothing.
    expect(await refresh(db.owner, { today })).toBe(0);
    await expectEqualToNaive(db);
  });
});

describe('coverage by hand, through the API', () => {
  let db: TestDatabase;
  let app: App;
  let pimpinan: Record<string, string>;
  let operator: Record<string, string>;
  let sleman: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('coverage_hand');
    const month = `${current}-01`;
    const start = `${addMonths(current, -6)}-01`;
    // Five persons in Kab. Bantul. Ani: enrolled and paid. Budi: enrolled, BPU, nothing paid for 6 months (lapsed).
    // Citra: enrolled and in the BPJS snapshot (counted once). Dedi: only in the snapshot, village unknown (counted
    // for the regency only). Eka: only in the superseded snapshot (not counted).
    await sql`
      INSERT INTO worker (kabkota_code, nik, full_name, birth_date, sex, village_code, segment, category, source) VALUES
      ('34.02', '3402010101900001', 'Ani', '1990-01-01', 'P', '34.02.08.2004', 'farmer', 'BPU', 'hand'),
      ('34.02', '3402010101900002', 'Budi', '1990-01-01', 'L', '34.02.08.2004', 'farmer', 'BPU', 'hand'),
      ('34.02', '3402010101900003', 'Citra', '1990-01-01', 'P', '34.02.08.2001', 'fisher', 'BPU', 'hand')`.execute(
      db.owner,
    );
    await sql`
      INSERT INTO program (region_code, name, funder, funder_region_code, target_segments, package, declared_income,
                           quota, start_month, months, budget_ceiling, min_age, max_age, price_by_month, created_by)
      VALUES ('34.02', 'Program Tangan', 'apbd_regency', '34.02', '{farmer,fisher}', 'jkk_jkm', 1000000, 10,
              ${start}::date, 12, 10000000, 18, 65, array_fill(16800::bigint, ARRAY[12]), 'hand')`.execute(db.owner);
    await sql`INSERT INTO enrollment_batch (program_id, region_code, persons, submitted_by)
              SELECT id, '34.02', 3, 'hand' FROM program`.execute(db.owner);
    await sql`
      INSERT INTO enrollment (kabkota_code, program_id, worker_id, village_code, status, first_month, last_month,
                              proposed_by, decided_by, batch_id, kpj_number, coverage_start, paid_through)
      SELECT '34.02', p.id, w.id, w.village_code, 'active', ${start}::date, (${start}::date + interval '11 months')::date,
             'hand', 'hand', b.id, '12345678', ${start}::date,
             CASE WHEN w.full_name = 'Budi' THEN NULL ELSE ${month}::date END
      FROM worker w, program p, enrollment_batch b WHERE w.source = 'hand'`.execute(db.owner);
    await sql`INSERT INTO membership_snapshot (region_code, as_of, source, persons, imported_by) VALUES
              ('34.02', ${today}::date - 60, 'file', 1, 'hand-old'), ('34.02', ${today}::date, 'file', 2, 'hand')`.execute(
      db.owner,
    );
    await sql`
      INSERT INTO bpjs_member (snapshot_id, region_code, nik, category, coverage_start, paid_through, village_code)
      SELECT s.id, '34.02', m.nik, 'PU', ${start}::date, ${month}::date, m.village
      FROM membership_snapshot s, (VALUES ('hand', '3402010101900003', '34.02.08.2001'),
                                          ('hand', '3402010101900004', NULL),
                                          ('hand-old', '3402010101900005', '34.02.08.2004')) AS m(snap, nik, village)
      WHERE s.imported_by = m.snap`.execute(db.owner);
    await sql`INSERT INTO workforce (region_code, year, kind, persons, source, updated_by)
              VALUES ('34.02', ${Number(current.slice(0, 4))}, 'employed', 100, 'BPS uji', 'hand'),
                     ('34.02', ${Number(current.slice(0, 4))}, 'bpu_universe', 40, 'BPS uji', 'hand')`.execute(
      db.owner,
    );
    await refresh(db.owner, { full: true });
    app = await testApp(db);
    const p = await makeUser(db, 'pimpinan', '34.02');
    const o = await makeUser(db, 'operator', '34.02.08.2004');
    const s = await makeUser(db, 'disnaker', '34.04');
    pimpinan = await signIn(app, p.username, p.password);
    operator = await signIn(app, o.username, o.password);
    sleman = await signIn(app, s.username, s.password);
  });
  afterAll(async () => {
    await app?.close();
    await db.drop();
  });

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const r = await app.inject({ method: 'GET', url, headers });
    const json = r.headers['content-type']?.toString().includes('json');
    return { status: r.statusCode, body: (json ? r.json() : {}) as Record<string, never>, text: r.body };
  };

  it('shows the hand count on the dashboard: 3 persons, 3% of 100 employed, BPU 2 of 40', async () => {
    const r = await get('/api/coverage/dashboard?region=34.02', pimpinan);
    expect(r.status).toBe(200);
    const d = r.body as unknown as {
      summary: {
        active: number;
        activeBpu: number;
        coveragePercent: number;
        bpuCoveragePercent: number;
        formulas: { bpu: string };
      };
      children: { code: string; active: number }[];
      trend: { month: string; active: number }[];
      canSeePeople: boolean;
    };
    expect(d.summary.active).toBe(3);
    // Ani is BPU in the registry; Citra is BPU in the registry (the registry's category wins); Dedi is PU.
    expect(d.summary.activeBpu).toBe(2);
    expect(d.summary.coveragePercent).toBe(3);
    expect(d.summary.bpuCoveragePercent).toBe(5);
    expect(d.summary.formulas.bpu).toContain('06.02.021');
    expect(d.children.find((c) => c.code === '34.02.08')?.active).toBe(2);
    expect(d.children.find((c) => c.code === '34.02')?.active).toBe(1);
    expect(d.trend).toHaveLength(24);
    expect(d.canSeePeople).toBe(false);

    const village = await get(
      `/api/coverage/active?region=34.02.08&fromMonth=${current}&toMonth=${current}&by=child`,
      pimpinan,
    );
    expect(village.body).toEqual({
      items: [
        { month: current, key: '34.02.08.2001', persons: 1 },
        { month: current, key: '34.02.08.2004', persons: 1 },
      ],
    });
  });

  it('gives a village its own share of the regency programme’s spending, never the regency’s ceiling', async () => {
    const regency = (await get('/api/coverage/dashboard?region=34.02', pimpinan)).body as unknown as {
      budget: { ceiling: number; committed: number } | null;
      budgetShare: unknown;
    };
    expect(regency.budget).toMatchObject({ ceiling: 10_000_000, committed: 3 * 12 * 16_800 });
    expect(regency.budgetShare).toBeNull();
    const village = (await get('/api/coverage/dashboard?region=34.02.08.2004', pimpinan)).body as unknown as {
      budget: unknown;
      budgetShare: Record<string, unknown> | null;
    };
    expect(village.budget).toBeNull();
    expect(village.budgetShare).toEqual({
      committed: 2 * 12 * 16_800,
      persons: 2,
      programmesCommitted: 3 * 12 * 16_800,
      sharePercent: expect.closeTo(66.67, 1),
      programmes: ['Program Tangan'],
    });
    const district = (await get('/api/coverage/dashboard?region=34.02.08', pimpinan)).body as unknown as {
      budgetShare: { committed: number; persons: number };
    };
    expect(district.budgetShare).toMatchObject({ committed: 3 * 12 * 16_800, persons: 3 });
  });

  it('refuses regions outside the scope, and the people list to pimpinan', async () => {
    expect((await get('/api/coverage/dashboard?region=34.02', sleman)).status).toBe(403);
    expect((await get('/api/coverage/people?region=34.02', pimpinan)).status).toBe(403);
    expect((await get('/api/coverage/dashboard?region=34.02')).status).toBe(401);
  });

  it('lists the people behind the village figure for its operator, NIK masked', async () => {
    const r = await get(`/api/coverage/people?region=34.02.08.2004&month=${current}`, operator);
    expect(r.status).toBe(200);
    const list = r.body as unknown as { total: number; items: { name: string; nik: string; source: string }[] };
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ name: 'Ani', nik: '340201••••••0001', source: 'registry' });
    // The operator's dashboard: registered workers of the village (Ani, Budi) against its potential.
    const dash = await get('/api/coverage/dashboard', operator);
    expect(dash.body).toMatchObject({ registered: 2, summary: { region: '34.02.08.2004', active: 1 } });
    const out = await get(`/api/coverage/people?region=34.02.08.2001`, operator);
    expect(out.status).toBe(403);
  });

  it('publishes open data without sign-in and never a count from 1 to 4', async () => {
    const r = await get('/open/coverage');
    expect(r.status).toBe(200);
    const data = r.body as unknown as { districts: { code: string; active: number | null }[] };
    expect(data.districts.find((d) => d.code === '34.02.08')?.active).toBeNull();
    const csv = await get('/open/coverage?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('kode_kecamatan');
    expect(csv.text).toContain('34.02.08');
    for (const line of csv.text.trim().split('\n').slice(1)) {
      const count = line.split(',')[4];
      expect(['1', '2', '3', '4']).not.toContain(count);
    }
  });

  it('counts a payment after an incremental refresh: Budi pays and is covered again', async () => {
    await sql`UPDATE enrollment SET paid_through = ${`${current}-01`}::date
              WHERE worker_id = (SELECT id FROM worker WHERE full_name = 'Budi')`.execute(db.owner);
    const h = await app.inject({ method: 'POST', url: '/api/coverage/refresh', headers: pimpinan, payload: {} });
    expect(h.statusCode).toBe(403);
    const admin = await makeUser(db, 'disnaker', '34.02');
    const headers = await signIn(app, admin.username, admin.password);
    const r = await app.inject({ method: 'POST', url: '/api/coverage/refresh', headers, payload: {} });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ persons: 1 });
    const s = await get('/api/coverage/summary?region=34.02', pimpinan);
    expect((s.body as unknown as { active: number }).active).toBe(4);
    const audit = await db.owner
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'coverage.refresh')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('coverage rollups across a new month', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('coverage_new_month');
    await seedCoverage(db.owner, { workers: 300, today, seed: 0.17 });
  });
  afterAll(async () => db.drop());

  it('are recomputed on the first day of the next month and equal the naive recount then', async () => {
    await refresh(db.owner, { full: true, today });
    const next = addMonths(current, 1);
    const firstDay = `${next}-01`;
    // The job's ordinary (not full) refresh on the first day of a month: the window moves by one month.
    await refresh(db.owner, { today: firstDay });
    const naive = rollUpNaive(await naiveLeafCounts(db.owner, { today: firstDay, from, to: next }));
    const rollups = await rollupMap(db);
    expect(naive.size).toBeGreaterThan(50);
    expect(Object.fromEntries([...rollups].sort())).toEqual(Object.fromEntries([...naive].sort()));
    expect(await segmentRollupEqualsArea(db)).toBe(0);
    const state = await db.owner
      .selectFrom('coverage_refresh_state')
      .select(['as_of', 'window_start'])
      .executeTakeFirstOrThrow();
    expect(state.as_of).toBe(firstDay);
    expect(state.window_start).toBe(`${addMonths(next, -59)}-01`);
  });
});
