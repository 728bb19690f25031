// The measured day of `bench:coverage` (issue 20 §3): a realistic day on which a chosen share of persons changes
// state. The synthetic fixture puts about 11 % of persons at the lapse threshold on the day after the due day; a real
// regency pays most of its arrears by the due day. So, after the full refresh of the load day (the due day):
//   1. arrears paid on the due day: the persons at the threshold beyond the wanted lapses pay up to this month (their
//      enrollments' and snapshot rows' paid-through), and the refresh of that day takes them (not timed);
//   2. the measured day's writes, picked among persons not at the threshold: payments recorded, enrollments ended
//      (withdrawn, last month their last), new enrollments started (covered from that day, the first month paid). The triggers mark them.
// The first refresh of the measured day then recomputes the lapses plus the marked persons: `changing` % of persons.
import type pg from 'pg';

export type DayMix = { lapses: number; payments: number; ends: number; starts: number; arrears_paid: number };

type Shape = { changing: number | null; current: string; loadDay: string; today: string };

export async function shapeTheDay(pool: pg.Pool, o: Shape): Promise<DayMix | null> {
  if (o.changing === null) return null;
  const client = await pool.connect(); // one connection: the picks are temporary tables
  try {
    return await shapeOn(client, o.changing, o);
  } finally {
    client.release();
  }
}

async function shapeOn(pool: pg.PoolClient, changing: number, o: Shape): Promise<DayMix> {
  const q = async (text: string, values: unknown[] = []) => (await pool.query(text, values)).rowCount ?? 0;
  const cur = `${o.current}-01`;
  const persons = Number((await pool.query(`SELECT count(*) AS n FROM coverage_person`)).rows[0].n);
  const target = Math.round((persons * changing) / 100);
  const wantedLapses = Math.round(target * 0.5);

  // 1. Arrears paid on the due day by the persons at the threshold beyond the wanted lapses.
  await q(`CREATE TEMP TABLE bench_paid (nik text PRIMARY KEY)`);
  const arrears = await q(
    `INSERT INTO bench_paid SELECT nik FROM coverage_person WHERE next_change <= $1
     ORDER BY md5(nik) OFFSET $2`,
    [o.today, wantedLapses],
  );
  await q(
    `UPDATE enrollment e SET paid_through = $1, updated_at = now()
     FROM worker w JOIN bench_paid p ON p.nik = w.nik
     WHERE e.worker_id = w.id AND e.status IN ('active', 'ended') AND e.coverage_start IS NOT NULL
       AND e.coverage_start < ($1::date + interval '1 month') AND e.last_month >= $1
       AND (e.paid_through IS NULL OR e.paid_through < $1)`,
    [cur],
  );
  // Snapshot rows: the next snapshot would carry the payment and its trigger mark the persons; marked here.
  await q(
    `UPDATE bpjs_member b SET paid_through = $1 FROM bench_paid p
     WHERE b.nik = p.nik AND b.coverage_start < ($1::date + interval '1 month')
       AND (b.coverage_end IS NULL OR b.coverage_end >= $1) AND (b.paid_through IS NULL OR b.paid_through < $1)`,
    [cur],
  );
  await q(`INSERT INTO coverage_dirty (nik) SELECT nik FROM bench_paid ON CONFLICT DO NOTHING`);
  await q(`SELECT lindung_coverage_refresh(false, $1::date)`, [o.loadDay]);
  const lapses = Number(
    (await pool.query(`SELECT count(*) AS n FROM coverage_person WHERE next_change <= $1`, [o.today])).rows[0].n,
  );

  // 2. The measured day's writes, on persons not at the threshold.
  const rest = Math.max(0, target - lapses);
  const payments = Math.round(rest * 0.5);
  const ends = Math.round(rest * 0.25);
  const starts = rest - payments - ends;
  await q(`DROP TABLE bench_paid`);
  // Enrollments covering this month, one per worker, in a fixed random order: the last ones end, the first ones pay.
  // (Utility statements take no parameters: the two dates, checked, are written into the text.)
  for (const d of [o.today, cur]) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a date: ${d}`);
  await q(`CREATE TEMP TABLE bench_pick AS
    SELECT DISTINCT ON (w.id) e.id, w.nik, e.paid_through FROM enrollment e JOIN worker w ON w.id = e.worker_id
    WHERE e.status = 'active' AND e.coverage_start < (DATE '${cur}' + interval '1 month') AND e.last_month > '${cur}'
      AND NOT EXISTS (SELECT 1 FROM coverage_person p WHERE p.nik = w.nik AND p.next_change <= '${o.today}')
    ORDER BY w.id, e.id`);
  const ended = await q(
    `WITH k AS (DELETE FROM bench_pick WHERE id IN (SELECT id FROM bench_pick ORDER BY md5(id::text) DESC LIMIT $2)
               RETURNING id)
     UPDATE enrollment e SET status = 'ended', end_reason = 'withdrawn', ended_by = 'bench', ended_at = now(),
            last_month = ($1::date - interval '1 month')::date, updated_at = now()
     FROM k WHERE e.id = k.id`,
    [cur, ends],
  );
  const done = await q(
    `UPDATE enrollment e SET paid_through = $1, updated_at = now()
     FROM (SELECT id FROM bench_pick WHERE paid_through IS NULL OR paid_through < $1 ORDER BY md5(id::text) LIMIT $2) k
     WHERE e.id = k.id`,
    [cur, payments],
  );
  const started = await q(
    `INSERT INTO enrollment (kabkota_code, program_id, worker_id, village_code, status, first_month, last_month,
                             proposed_by, decided_by, batch_id, kpj_number, coverage_start, paid_through)
     SELECT w.kabkota_code, b.program_id, w.id, w.village_code, 'active', $1, ($1::date + interval '5 months')::date,
            'bench', 'bench', b.id, '12345678', $2, $1
     FROM (SELECT * FROM worker w WHERE w.source = 'test'
             AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.worker_id = w.id)
             AND NOT EXISTS (SELECT 1 FROM coverage_person p WHERE p.nik = w.nik AND p.next_change <= $2)
           ORDER BY md5(w.nik) LIMIT $3) w
     CROSS JOIN (SELECT id, program_id FROM enrollment_batch ORDER BY id LIMIT 1) b`,
    [cur, o.today, starts],
  );
  await q(`DROP TABLE bench_pick`);
  return { lapses, payments: done, ends: ended, starts: started, arrears_paid: arrears };
}
