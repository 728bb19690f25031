import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { QUALITY_METRICS, type Dashboard, type QualityMetric } from '../../../lib/contracts/coverage.ts';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { refresh, refreshQuality } from './coverage.repository.ts';
import { pinTestToday } from '../../testing/fixed-clock.ts';

// Data-quality counts (migration 0014) and per-segment denominators on a hand-made Kab. Bantul, counted by hand:
// per village, district, regency and province, through the dashboard API, for the roles that get them.

const A = '34.02.08.2004'; // Desa Trirenggo, Kec. Bantul
const B = '34.02.08.2001'; // Desa Palbapang, Kec. Bantul
const KULON_PROGO = '34.01.01.2001';
// A fixed clock: the server's today and this file's dates are the same pinned day.
const { month: current } = pinTestToday();
const year = Number(current.slice(0, 4));

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;
let pimpinan: Record<string, string>;
let operator: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase('coverage_quality');
  const month = `${current}-01`;
  const start = `${addMonths(current, -6)}-01`;
  // W1 Ani (A, phone, farmer); W2 Budi (A, no phone, 'other'); W3 Citra (B, no phone, NIK of district 34.99.01
  // which does not exist); W4/W5 Dewi Lestari, same birth date (A and B: a probable duplicate pair; W5 'other');
  // W6/W7 Eko Prasetyo, same birth date, pair dismissed; W8 merged into W1 (same name and birth date, no phone,
  // 'other': counted nowhere); W9 in Kulon Progo (no phone: the province only).
  await sql`
    INSERT INTO worker (kabkota_code, nik, full_name, name_key, birth_date, sex, village_code, phone, segment, category,
                        source) VALUES
    ('34.02', '3402084101900001', 'Ani', 'ANI', '1990-01-01', 'P', ${A}, '+6281200000001', 'farmer', 'BPU', 'hand'),
    ('34.02', '3402080101900002', 'Budi', 'BUDI', '1990-01-01', 'L', ${A}, NULL, 'other', 'BPU', 'hand'),
    ('34.02', '3499014101900003', 'Citra', 'CITRA', '1990-01-01', 'P', ${B}, NULL, 'farmer', 'BPU', 'hand'),
    ('34.02', '3402084101850004', 'Dewi Lestari', 'DEWI LESTARI', '1985-01-01', 'P', ${A}, '+6281200000004', 'farmer', 'BPU', 'hand'),
    ('34.02', '3402084101850005', 'Dewi Lestari', 'DEWI LESTARI', '1985-01-01', 'P', ${B}, '+6281200000005', 'other', 'BPU', 'hand'),
    ('34.02', '3402080505800006', 'Eko Prasetyo', 'EKO PRASETYO', '1980-05-05', 'L', ${A}, '+6281200000006', 'fisher', 'BPU', 'hand'),
    ('34.02', '3402080505800007', 'Eko Prasetyo', 'EKO PRASETYO', '1980-05-05', 'L', ${A}, '+6281200000007', 'fisher', 'BPU', 'hand'),
    ('34.02', '3402084101900008', 'Ani', 'ANI', '1990-01-01', 'P', ${A}, NULL, 'other', 'BPU', 'hand'),
    ('34.01', '3401010101900009', 'Gita', 'GITA', '1990-01-01', 'P', ${KULON_PROGO}, NULL, 'farmer', 'BPU', 'hand')
  `.execute(db.owner);
  await sql`UPDATE worker SET merged_into = (SELECT id FROM worker WHERE nik = '3402084101900001')
            WHERE nik = '3402084101900008'`.execute(db.owner);
  await sql`INSERT INTO worker_duplicate_dismissal (worker_low, worker_high, dismissed_by)
            SELECT min(id), max(id), 'hand' FROM worker WHERE name_key = 'EKO PRASETYO'`.execute(db.owner);

  await sql`
    INSERT INTO program (region_code, name, funder, funder_region_code, target_segments, package, declared_income,
                         quota, start_month, months, budget_ceiling, min_age, max_age, price_by_month, created_by)
    VALUES ('34.02', 'Program Mutu Data', 'apbd_regency', '34.02', '{farmer,fisher,other}', 'jkk_jkm', 1000000, 10,
            ${start}::date, 12, 10000000, 18, 65, array_fill(16800::bigint, ARRAY[12]), 'hand')`.execute(db.owner);
  // Two batches: one sent 45 days ago, one 5 days ago.
  await sql`INSERT INTO enrollment_batch (program_id, region_code, persons, submitted_by, submitted_at)
            SELECT id, '34.02', 1, 'old', now() - interval '45 days' FROM program
            UNION ALL SELECT id, '34.02', 1, 'new', now() - interval '5 days' FROM program`.execute(db.owner);
  // E1 W1 proposed 40 days ago (waiting to be sent); E2 W2 verified 10 days ago (not yet late); E3 W4 sent 45 days
  // ago without a KPJ (late); E4 W6 sent 5 days ago (not yet late); E5 W3 active with a KPJ, paid: covered.
  await sql`
    INSERT INTO enrollment (kabkota_code, program_id, worker_id, village_code, status, first_month, last_month,
                            proposed_by, proposed_at, decided_by, batch_id, kpj_number, coverage_start, paid_through)
    SELECT '34.02', p.id, w.id, w.village_code, e.status, ${start}::date, (${start}::date + interval '11 months')::date,
           'hand', now() - make_interval(days => e.days), e.decided,
           (SELECT b.id FROM enrollment_batch b WHERE b.submitted_by = e.batch),
           e.kpj, CASE WHEN e.kpj IS NOT NULL THEN ${start}::date END, CASE WHEN e.kpj IS NOT NULL THEN ${month}::date END
    FROM program p
    JOIN (VALUES ('3402084101900001', 'proposed', 40, NULL, NULL, NULL),
                 ('3402080101900002', 'verified', 10, NULL, NULL, NULL),
                 ('3402084101850004', 'submitted', 50, 'hand', 'old', NULL),
                 ('3402080505800006', 'submitted', 50, 'hand', 'new', NULL),
                 ('3499014101900003', 'active', 60, 'hand', 'old', '12345678'))
      AS e(nik, status, days, decided, batch, kpj) ON true
    JOIN worker w ON w.nik = e.nik`.execute(db.owner);

  // BPJS: an old snapshot (superseded: its unknown NIK counts nowhere) and the current one: M1 W1 in A (matched),
  // M2 unknown NIK in B, M3 unknown NIK without a village, M4 W3 without a village.
  await sql`INSERT INTO membership_snapshot (region_code, as_of, source, persons, imported_by) VALUES
            ('34.02', current_date - 60, 'file', 1, 'old'), ('34.02', current_date, 'file', 4, 'new')`.execute(
    db.owner,
  );
  await sql`
    INSERT INTO bpjs_member (snapshot_id, region_code, nik, category, coverage_start, paid_through, village_code)
    SELECT s.id, '34.02', m.nik, 'PU', ${start}::date, ${month}::date, m.village
    FROM membership_snapshot s
    JOIN (VALUES ('new', '3402084101900001', ${A}), ('new', '3402085001900011', ${B}),
                 ('new', '3402085001900012', NULL), ('new', '3499014101900003', NULL),
                 ('old', '3402085001900013', ${A})) AS m(snap, nik, village)
      ON s.imported_by = m.snap`.execute(db.owner);

  // Denominators of Kab. Bantul this year: all segments, farmers and fishers (employed), farmers' BPU universe.
  await sql`INSERT INTO workforce (region_code, year, kind, segment, persons, source, updated_by) VALUES
            ('34.02', ${year}, 'employed', '', 100, 'BPS uji', 'hand'),
            ('34.02', ${year}, 'employed', 'farmer', 40, 'BPS uji', 'hand'),
            ('34.02', ${year}, 'employed', 'fisher', 10, 'BPS uji', 'hand'),
            ('34.02', ${year}, 'bpu_universe', 'farmer', 30, 'BPS uji', 'hand'),
            ('34.02', ${year - 1}, 'employed', 'driver', 7, 'BPS uji', 'hand')`.execute(db.owner);

  await refresh(db.owner, { full: true });
  app = await testApp(db);
  const d = await makeUser(db, 'disnaker', '34.02');
  const p = await makeUser(db, 'pimpinan', '34.02');
  const o = await makeUser(db, 'operator', A);
  disnaker = await signIn(app, d.username, d.password);
  pimpinan = await signIn(app, p.username, p.password);
  operator = await signIn(app, o.username, o.password);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function dashboardOf(region: string, headers: Record<string, string>): Promise<Dashboard> {
  const r = await app.inject({ method: 'GET', url: `/api/coverage/dashboard?region=${region}`, headers });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Dashboard;
}

async function countsOf(region: string): Promise<Record<QualityMetric, number>> {
  const d = await dashboardOf(region, disnaker);
  expect(d.quality).not.toBeNull();
  expect(d.quality!.items.map((i) => i.metric)).toEqual([...QUALITY_METRICS]);
  return Object.fromEntries(d.quality!.items.map((i) => [i.metric, i.count])) as Record<QualityMetric, number>;
}

const zero = Object.fromEntries(QUALITY_METRICS.map((m) => [m, 0])) as Record<QualityMetric, number>;

describe('data-quality counts', () => {
  it('counts the regency, its district and each village by hand', async () => {
    const bantul = {
      workers_registered: 7, // W1–W7 (W8 merged, W9 elsewhere)
      workers_without_phone: 2, // W2, W3
      nik_district_not_current: 1, // W3
      probable_duplicates: 2, // W4, W5 (W6/W7 dismissed; W1 and the merged W8 not a pair)
      segment_other: 2, // W2, W5
      enrollment_not_sent_30d: 1, // E1
      enrollment_no_kpj_30d: 1, // E3
      bpjs_not_in_registry: 2, // M2, M3
      bpjs_village_unknown: 2, // M3, M4
    };
    expect(await countsOf('34.02')).toEqual(bantul);
    // The district holds both villages, but not the snapshot rows without a village (known at the regency only).
    expect(await countsOf('34.02.08')).toEqual({ ...bantul, bpjs_not_in_registry: 1, bpjs_village_unknown: 0 });
    expect(await countsOf(A)).toEqual({
      ...zero,
      workers_registered: 5, // W1, W2, W4, W6, W7
      workers_without_phone: 1, // W2
      probable_duplicates: 1, // W4
      segment_other: 1, // W2
      enrollment_not_sent_30d: 1,
      enrollment_no_kpj_30d: 1,
    });
    expect(await countsOf(B)).toEqual({
      ...zero,
      workers_registered: 2, // W3, W5
      workers_without_phone: 1, // W3
      nik_district_not_current: 1, // W3
      probable_duplicates: 1, // W5
      segment_other: 1, // W5
      bpjs_not_in_registry: 1, // M2
    });
    // Another district of Bantul: nothing to look at.
    expect(await countsOf('34.02.01')).toEqual(zero);
  });

  it('adds the other regency at the province, in the table itself', async () => {
    const rows = await db.owner
      .selectFrom('coverage_quality')
      .select(['metric', 'count', 'parent_code'])
      .where('area_code', '=', '34')
      .execute();
    const province = Object.fromEntries(rows.map((r) => [r.metric, r.count]));
    expect(province).toMatchObject({ workers_registered: 8, workers_without_phone: 3 });
    expect(rows.every((r) => r.parent_code === '')).toBe(true);
    // Zero counts have no row.
    const zeros = await db.owner.selectFrom('coverage_quality').select('area_code').where('count', '<=', 0).execute();
    expect(zeros).toEqual([]);
  });

  it('gives the counts and their time to the Disnaker dashboard only', async () => {
    const d = await dashboardOf('34.02', disnaker);
    // The time of the last computation as stored, not compared with this machine's clock.
    const state = await db.owner.selectFrom('coverage_quality_state').select('computed_at').executeTakeFirstOrThrow();
    expect(state.computed_at).not.toBeNull();
    expect(d.quality!.computedAt).toBe(state.computed_at!.toISOString());
    expect((await dashboardOf('34.02', pimpinan)).quality).toBeNull();
    expect((await dashboardOf(A, operator)).quality).toBeNull();
  });

  it('is recomputed by the refresh, at most once per max age from the job, and drops counts that fall to 0', async () => {
    // Fresh counts are not recomputed when the job asks with a ten-minute max age.
    expect(await refreshQuality(db.owner, { maxAgeSeconds: 600 })).toBe(-1);
    await sql`UPDATE worker SET phone = '+6281200000002', segment = 'driver' WHERE nik = '3402080101900002'`.execute(
      db.owner,
    );
    await sql`INSERT INTO worker_duplicate_dismissal (worker_low, worker_high, dismissed_by)
              SELECT min(id), max(id), 'hand' FROM worker WHERE name_key = 'DEWI LESTARI'`.execute(db.owner);
    // Not on page load: the dashboard still shows the old counts.
    expect((await countsOf(A)).workers_without_phone).toBe(1);
    const rows = await refreshQuality(db.owner);
    expect(rows).toBeGreaterThan(0);
    const a = await countsOf(A);
    expect(a).toMatchObject({ workers_without_phone: 0, segment_other: 0, probable_duplicates: 0 });
    const left = await db.owner
      .selectFrom('coverage_quality')
      .select('metric')
      .where('area_code', '=', A)
      .orderBy('metric')
      .execute();
    expect(left.map((r) => r.metric)).toEqual([
      'enrollment_no_kpj_30d',
      'enrollment_not_sent_30d',
      'workers_registered',
    ]);
    expect(await countsOf('34.02')).toMatchObject({
      workers_without_phone: 1,
      segment_other: 1,
      probable_duplicates: 0,
    });
    // An explicit refresh by Disnaker recomputes them too (audited like any refresh).
    await sql`UPDATE worker SET phone = '+6281200000003' WHERE nik = '3499014101900003'`.execute(db.owner);
    const r = await app.inject({ method: 'POST', url: '/api/coverage/refresh', headers: disnaker, payload: {} });
    expect(r.statusCode, r.body).toBe(200);
    expect((await countsOf('34.02')).workers_without_phone).toBe(0);
  });
});

describe('per-segment denominators', () => {
  it('shows the segment figure of the region and year with its coverage, and — where there is none', async () => {
    const d = await dashboardOf('34.02', pimpinan);
    // Active this month: W1 (farmer, through the BPJS snapshot), W3 (farmer, enrolled and in the snapshot, once),
    // M2 and M3 (not registered: segment unknown). Fishers: a denominator, nobody active. Drivers: only last year's.
    expect(d.summary.active).toBe(4);
    expect(d.bySegment).toEqual([
      { segment: 'farmer', label: 'Petani', active: 2, employed: 40, coveragePercent: 5 },
      { segment: '', label: 'Tidak diketahui', active: 2, employed: null, coveragePercent: null },
      { segment: 'fisher', label: 'Nelayan', active: 0, employed: 10, coveragePercent: 0 },
    ]);
    // The district has no per-segment figures: every percent is unknown (M3, without a village, is not in it).
    const district = await dashboardOf('34.02.08', pimpinan);
    expect(district.bySegment.map((s) => [s.segment, s.active, s.employed, s.coveragePercent])).toEqual([
      ['farmer', 2, null, null],
      ['', 1, null, null],
    ]);
  });
});
