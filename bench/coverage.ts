// `npm run bench:coverage -- --workers 5000000`: on a fresh database of the PostgreSQL server, loads a
// province-scale synthetic dataset with set-based SQL (N workers of DIY, 36 months of programme enrollments with
// paid-through months, so some lapse; BPJS snapshots per regency with registered and unregistered NIKs), builds the
// coverage rollups once, then times the dashboard API (`GET /api/coverage/dashboard` for the province and each
// regency, as pimpinan) and the same figures by a naive GROUP BY over the raw tables, and checks they are equal.
// Then (issue 20 §3) the daily refresh: the data is loaded and fully refreshed on the 15th of this month (the due day
// of the lapse rules), and the first refresh of the 16th recomputes only the persons whose coverage can change that
// day (coverage_person.next_change); the dashboards and the naive recount are taken for the 16th, after that daily
// refresh, and (`equal_full`) the rollups after the daily refresh are compared row for row with a full refresh of
// the 16th. `--changing P` (default 1) shapes the 16th so that P % of persons are recomputed by that daily refresh
// (bench/coverage-day.ts: lapses at the threshold, payments, ends, starts). Prints JSON {"workers",
// "dashboard_p50_ms","dashboard_p95_ms","naive_ms","speedup","equal","daily_refresh_ms","daily_persons",
// "daily_due_share","day_mix","equal_full", …}.
import os from 'node:os';
import { buildApp } from '../server/app.ts';
import { createLogger } from '../server/platform/logger.ts';
import { openDatabase } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';
import { ensureRegionsLoaded } from '../server/modules/regions/index.ts';
import { refreshCoverageQuality, refreshCoverageRollups } from '../server/modules/coverage/index.ts';
import { seedCoverage } from '../server/testing/coverage-fixtures.ts';
import { shapeTheDay } from './coverage-day.ts';
import { naiveLeafCounts, rollUpNaive } from '../server/testing/coverage-naive.ts';
import { addMonths } from '../lib/rules/eligibility.ts';
import { databaseUrl, withServerClient } from '../server/testing/pg-server.ts';
import { makeUser, signIn, testConfig } from '../server/testing/test-db.ts';

const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const workers = Number(arg('workers')) || 100_000;
const SAMPLES = 60;
// `--no-naive`: time the dashboards only (the naive recount takes ~0.6 ms per worker; 50 min at 5M).
const naiveWanted = !process.argv.includes('--no-naive');
// `--changing P` (default 1): the percentage of persons whose state the first refresh of the measured day has to
// recompute (see shapeTheDay); `--changing natural` keeps the fixture as it is (about 11 % at the lapse threshold).
const changingArg = process.argv.includes('--changing') ? arg('changing') : '1';
const changing = changingArg === 'natural' ? null : Number(changingArg);
if (changing !== null && !(changing >= 0 && changing <= 100)) throw new Error('--changing: a percentage, or natural');
// `--keep`: stop before the daily refresh and keep the database (for EXPLAIN ANALYZE of that refresh, rolled back).
const keep = process.argv.includes('--keep');

const percentile = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 10) / 10;
const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

const name = `lindung_bench_coverage_${process.pid}`;
await withServerClient((c) => c.query(`CREATE DATABASE ${name}`));
const database = openDatabase(databaseUrl(name));
try {
  await migrate(database.ownerPool);
  await ensureRegionsLoaded(database.ownerPool);
  const current = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
  // The day before and the day after the lapse rules' due day (15): the day on which payments fall overdue.
  const loadDay = `${current}-15`;
  const today = `${current}-16`;

  let t = performance.now();
  await seedCoverage(database.owner, { workers, today: loadDay, seed: 0.5 });
  const loadMs = Math.round(performance.now() - t);
  log(`loaded in ${loadMs} ms`);
  t = performance.now();
  await refreshCoverageRollups(database.owner, { full: true, today: loadDay, quality: false });
  const refreshMs = Math.round(performance.now() - t);
  log(`rollups built in ${refreshMs} ms`);
  const mix = await shapeTheDay(database.ownerPool, { changing, current, loadDay, today });
  log(`day shaped: ${JSON.stringify(mix)}`);
  const due = await database.ownerPool.query<{ due: string; persons: string }>(
    `SELECT (SELECT count(*) FROM coverage_person WHERE next_change <= $1)
              + (SELECT count(*) FROM coverage_dirty d WHERE NOT EXISTS (
                   SELECT 1 FROM coverage_person p WHERE p.nik = d.nik AND p.next_change <= $1)) AS due,
            (SELECT count(*) FROM coverage_person) AS persons`,
    [today],
  );
  if (keep) {
    console.log(JSON.stringify({ kept: name, day: today, due: Number(due.rows[0]!.due), mix }));
    process.exit(0);
  }
  t = performance.now();
  const dailyPersons = await refreshCoverageRollups(database.owner, { today, quality: false });
  const dailyMs = Math.round(performance.now() - t);
  log(`daily refresh of ${today}: ${dailyPersons} persons in ${dailyMs} ms`);
  const rollups = `SELECT 'r' AS t, area_code, month::text, segment, category, persons, 0 AS leavers FROM coverage_rollup
    UNION ALL SELECT 'a', area_code, month::text, parent_code, '', persons, leavers FROM coverage_rollup_area
    ORDER BY 1, 2, 3, 4, 5`;
  const afterDaily = JSON.stringify((await database.ownerPool.query(rollups)).rows);
  // The data-quality counts (part of every full refresh, and of the job at most every 10 minutes), timed apart.
  t = performance.now();
  await refreshCoverageQuality(database.owner);
  const qualityMs = Math.round(performance.now() - t);
  log(`quality counts in ${qualityMs} ms`);
  const counts = await database.ownerPool.query<{ enrollments: string; members: string; persons: string }>(`
    SELECT (SELECT count(*) FROM enrollment) AS enrollments, (SELECT count(*) FROM bpjs_member) AS members,
           (SELECT count(*) FROM coverage_person) AS persons`);

  const app = await buildApp(
    testConfig({ LINDUNG_JOBS: 'off', LINDUNG_TODAY: today }),
    createLogger('silent'),
    database,
  );
  const user = await makeUser(database, 'pimpinan', '34');
  const headers = await signIn(app, user.username, user.password);
  const regions = ['34', '34.01', '34.02', '34.03', '34.04', '34.71'];
  type Dash = { trend: { month: string; active: number }[]; children: { code: string; active: number }[] };
  const dashboards = new Map<string, Dash>();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + regions.length; i++) {
    const region = regions[i % regions.length]!;
    const s = performance.now();
    const r = await app.inject({ method: 'GET', url: `/api/coverage/dashboard?region=${region}`, headers });
    const ms = performance.now() - s;
    if (r.statusCode !== 200) throw new Error(`dashboard ${region}: ${r.statusCode} ${r.body}`);
    if (i >= regions.length) times.push(ms); // the first round warms the caches
    dashboards.set(region, r.json() as Dash);
  }
  times.sort((a, b) => a - b);
  await app.close();
  log('dashboards timed');

  // The naive recount of the same figures: 24 months for every area.
  t = performance.now();
  const naive = naiveWanted
    ? rollUpNaive(await naiveLeafCounts(database.owner, { today, from: addMonths(current, -23), to: current }))
    : null;
  const naiveMs = naive ? Math.round(performance.now() - t) : null;
  let equal: boolean | null = naive ? true : null;
  for (const [region, d] of naive ? dashboards : []) {
    for (const p of d.trend) if ((naive!.get(`${region}|${p.month}`) ?? 0) !== p.active) equal = false;
    for (const c of d.children) {
      if (c.code !== region && (naive!.get(`${c.code}|${current}`) ?? 0) !== c.active) equal = false;
    }
  }
  // The daily refresh's rollups against a full recount of the same day (every person, from nothing).
  t = performance.now();
  await refreshCoverageRollups(database.owner, { full: true, today, quality: false });
  const afterFull = JSON.stringify((await database.ownerPool.query(rollups)).rows);
  const equalFull = afterDaily === afterFull;
  log(`full refresh of ${today} compared in ${Math.round(performance.now() - t)} ms: ${equalFull}`);
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  console.log(
    JSON.stringify({
      workers,
      dashboard_p50_ms: p50,
      dashboard_p95_ms: p95,
      naive_ms: naiveMs,
      speedup: naiveMs === null ? null : Math.round(naiveMs / p50),
      equal,
      load_ms: loadMs,
      full_refresh_ms: refreshMs,
      daily_refresh_ms: dailyMs,
      daily_persons: dailyPersons,
      daily_due_share: Math.round((Number(due.rows[0]!.due) / Math.max(1, Number(due.rows[0]!.persons))) * 10000) / 100,
      changing_wanted: changing,
      day_mix: mix,
      equal_full: equalFull,
      load_day: loadDay,
      day: today,
      load_average: os.loadavg().map((n) => Math.round(n * 10) / 10),
      quality_ms: qualityMs,
      enrollments: Number(counts.rows[0]!.enrollments),
      bpjs_members: Number(counts.rows[0]!.members),
      active_persons_any_month: Number(counts.rows[0]!.persons),
      cores: os.cpus().length,
    }),
  );
} finally {
  await database.close();
  await withServerClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
