// Synthetic coverage data for the database test and the benchmark (not used at runtime): set-based SQL, so the
// same statements load 400 workers in a test and 5 million in the benchmark. Lapses come from random paid-through
// months; double sources from BPJS snapshot rows of registered NIKs; "village unknown" from snapshot rows without
// a village; superseded snapshots from a second, older snapshot per regency.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';

export type SeedOptions = { workers: number; today: string; seed: number; province?: string };

const SEGMENTS = ['farmer', 'fisher', 'small_trader', 'driver', 'construction_worker', 'domestic_worker'];

export async function seedCoverage(pool: Db, o: SeedOptions): Promise<void> {
  // One connection: the village list is a temporary table.
  await pool.connection().execute((owner) => seedOn(owner, o));
}

async function seedOn(owner: Db, o: SeedOptions): Promise<void> {
  const province = o.province ?? '34';
  const today = o.today;
  await sql`SELECT setseed(${o.seed})`.execute(owner);
  await sql`
    CREATE TEMP TABLE seed_village ON COMMIT PRESERVE ROWS AS
    SELECT row_number() OVER (ORDER BY code)::integer AS k, code FROM region
    WHERE level = 'village' AND starts_with(code, ${province} || '.') AND valid_to IS NULL`.execute(owner);
  await sql`
    INSERT INTO worker (kabkota_code, nik, full_name, birth_date, sex, village_code, segment, category, source)
    SELECT left(v.code, 5), '9' || lpad(g.i::text, 15, '0'), 'Pekerja ' || g.i, '1980-01-01', 'L', v.code,
           (${SEGMENTS}::text[])[1 + (g.i::bigint * 7) % 6],
           CASE WHEN g.i % 10 < 7 THEN 'BPU' WHEN g.i % 10 < 9 THEN 'PU' WHEN g.i % 20 = 9 THEN 'JAKON' ELSE 'PMI' END,
           'test'
    FROM generate_series(1, ${o.workers}) AS g(i)
    JOIN seed_village v ON v.k = 1 + (g.i::bigint * 7919) % (SELECT count(*) FROM seed_village)`.execute(owner);
  // One programme over the province: 36 months ending 6 months after today, quota and ceiling that never bind.
  await sql`
    INSERT INTO program (region_code, name, funder, funder_region_code, target_segments, package, declared_income,
                         quota, start_month, months, budget_ceiling, min_age, max_age, price_by_month, created_by)
    VALUES (${province}, 'Program Sintetis Cakupan', 'apbd_province', ${province}, ${SEGMENTS}::text[], 'jkk_jkm',
            1000000, 10000000, (date_trunc('month', ${today}::date) - interval '29 months')::date, 36,
            1000000000000000, 0, 120, array_fill(16800::bigint, ARRAY[36]), 'test')`.execute(owner);
  await sql`
    INSERT INTO enrollment_batch (program_id, region_code, persons, submitted_by)
    SELECT id, region_code, 1, 'test' FROM program WHERE name = 'Program Sintetis Cakupan'`.execute(owner);
  // About 60% of workers enrolled: a first run of 1–24 months, for some a second run after it; paid-through
  // anywhere from "nothing paid" to the last month (so some lapse, some stay covered).
  await sql`
    WITH p AS (SELECT p.id, p.start_month, b.id AS batch FROM program p JOIN enrollment_batch b ON b.program_id = p.id
               WHERE p.name = 'Program Sintetis Cakupan'),
    w AS (SELECT w.id, w.kabkota_code, w.village_code, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                 random() AS r5
          FROM worker w WHERE w.source = 'test'),
    runs AS (
      SELECT w.*, (p.start_month + make_interval(months => (w.r1 * 24)::integer))::date AS first_month,
             1 + (w.r2 * 11)::integer AS len, p.id AS program_id, p.batch
      FROM w, p WHERE w.r5 < 0.6
      UNION ALL
      -- a second run, ended (one open enrollment per worker and programme)
      SELECT w.id, w.kabkota_code, w.village_code, w.r1, w.r2, w.r3, 0.2, w.r5,
             (p.start_month + make_interval(months => (w.r1 * 24)::integer + 13))::date, 1 + (w.r3 * 9)::integer,
             p.id, p.batch
      FROM w, p WHERE w.r5 < 0.15
    )
    INSERT INTO enrollment (kabkota_code, program_id, worker_id, village_code, status, first_month, last_month,
                            proposed_by, decided_by, batch_id, kpj_number, coverage_start, end_reason, paid_through)
    SELECT kabkota_code, program_id, id, village_code,
           CASE WHEN r4 < 0.1 THEN 'proposed' WHEN r4 < 0.35 THEN 'ended' ELSE 'active' END,
           first_month, (first_month + make_interval(months => len - 1))::date,
           'test', CASE WHEN r4 < 0.1 THEN NULL ELSE 'test' END, CASE WHEN r4 < 0.1 THEN NULL ELSE batch END,
           CASE WHEN r4 < 0.1 THEN NULL ELSE '12345678' END,
           CASE WHEN r4 < 0.1 THEN NULL ELSE (first_month + ((r3 * 20)::integer) * interval '1 day')::date END,
           CASE WHEN r4 >= 0.1 AND r4 < 0.35 THEN 'period_end' END,
           CASE WHEN r3 < 0.2 THEN NULL
                ELSE (first_month + make_interval(months => ((len - 1) * r2 * r3 * 1.6)::integer - 1))::date END
    FROM runs
    WHERE (first_month + make_interval(months => len - 1))::date
          <= (SELECT start_month + interval '35 months' FROM p)`.execute(owner);
  // Per regency: an older snapshot (superseded) and the current one. Current members: ~25% of registered workers
  // (double source, some as PU), plus persons not in the registry (a third without a known village).
  await sql`
    INSERT INTO membership_snapshot (region_code, as_of, source, persons, imported_by)
    SELECT code, d, 'simulator', 0, 'test'
    FROM region, (VALUES ((${today}::date - 70)), (${today}::date - 5)) AS s(d)
    WHERE level = 'regency' AND starts_with(code, ${province} || '.') AND valid_to IS NULL`.execute(owner);
  await sql`
    WITH snaps AS (
      SELECT id, region_code, row_number() OVER (PARTITION BY region_code ORDER BY as_of) AS nth
      FROM membership_snapshot WHERE imported_by = 'test'
    ),
    registered AS (
      SELECT w.nik, w.kabkota_code AS region, w.village_code, w.segment, w.id AS worker_id, random() AS r, random() AS q
      FROM worker w WHERE w.source = 'test' AND w.id % 4 = 0
    ),
    outsiders AS (
      SELECT '8' || lpad(g.i::text, 15, '0') AS nik, left(v.code, 5) AS region,
             CASE WHEN g.i % 3 = 0 THEN NULL ELSE v.code END AS village_code, random() AS r, random() AS q
      FROM generate_series(1, greatest(${o.workers} / 5, 1)) AS g(i)
      JOIN seed_village v ON v.k = 1 + (g.i::bigint * 104729) % (SELECT count(*) FROM seed_village)
    ),
    members AS (
      SELECT nik, region, village_code, segment, worker_id, r, q FROM registered
      UNION ALL
      SELECT nik, region, village_code, 'farmer', NULL, r, q FROM outsiders
    )
    INSERT INTO bpjs_member (snapshot_id, region_code, nik, category, coverage_start, coverage_end, paid_through,
                             worker_id, village_code, segment)
    SELECT s.id, m.region, m.nik, CASE WHEN m.q < 0.5 THEN 'BPU' WHEN m.q < 0.9 THEN 'PU' ELSE 'JAKON' END,
           (date_trunc('month', ${today}::date) - make_interval(months => (m.r * 40)::integer))::date,
           CASE WHEN m.q > 0.9 THEN (date_trunc('month', ${today}::date) - interval '3 months')::date END,
           CASE WHEN m.r < 0.15 THEN NULL
                ELSE (date_trunc('month', ${today}::date) - make_interval(months => (m.q * 8)::integer))::date END,
           m.worker_id, m.village_code, m.segment
    FROM members m JOIN snaps s ON s.region_code = m.region AND (s.nth = 2 OR m.r < 0.3)`.execute(owner);
  await sql`DROP TABLE seed_village`.execute(owner);
  await sql`ANALYZE`.execute(owner);
}
