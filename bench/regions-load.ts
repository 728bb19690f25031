// `npm run bench:regions`: times the first-start load of every Indonesian region (COPY into staging + one
// set-based insert per level) on a fresh database of the PostgreSQL server (TEST_DATABASE_URL or the local one).
import os from 'node:os';
import pg from 'pg';
import { migrate } from '../server/platform/migrate.ts';
import { ensureRegionsLoaded } from '../server/modules/regions/index.ts';
import { databaseUrl, withServerClient } from '../server/testing/pg-server.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const timings: number[] = [];
let regions = 0;
for (let i = 0; i < runs; i++) {
  const name = `lindung_bench_regions_${process.pid}_${i}`;
  await withServerClient((c) => c.query(`CREATE DATABASE ${name}`));
  const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 2 });
  try {
    await migrate(pool);
    const { ms } = await ensureRegionsLoaded(pool);
    timings.push(ms);
    regions = Number((await pool.query('SELECT count(*) AS n FROM region')).rows[0].n);
  } finally {
    await pool.end();
    await withServerClient((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
  }
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] ?? 0;
console.log(
  JSON.stringify({
    regions,
    runs,
    load_ms_median: median,
    load_ms_all: timings,
    rows_per_s: Math.round((regions / median) * 1000),
    cpus: os.cpus().length,
    node: process.version,
  }),
);
