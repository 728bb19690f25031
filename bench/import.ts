// `npm run bench:import -- --rows 1000000 [--xlsx-rows 100000] [--bounds]`: on a fresh database of the PostgreSQL server
// (TEST_DATABASE_URL or the local one), generates a worker CSV of N rows and, in the same run, times
//   1. the floor: `psql \copy` of that file into a bare table of text columns;
//   2. Lindung's whole import of it (parse, validate, deduplicate, upsert, audit) into an empty registry;
// then the same import of an XLSX of --xlsx-rows rows (people of another regency, so all of them new). Prints one JSON line per file format.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';
import { systemContext } from '../server/platform/context.ts';
import { ensureRegionsLoaded } from '../server/modules/regions/index.ts';
import { importFileNow } from '../server/modules/imports/index.ts';
import { openTabular } from '../server/platform/spreadsheet/index.ts';
import { databaseUrl, withServerClient } from '../server/testing/pg-server.ts';
import { FILE_HEADER, writeWorkerCsv, writeWorkerXlsx } from './worker-files.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const rows = Number(arg('rows') ?? 100_000);
const xlsxRows = Number(arg('xlsx-rows') ?? 100_000);

const name = `lindung_bench_import_${process.pid}`;
const url = databaseUrl(name);
const dir = await mkdtemp(path.join(os.tmpdir(), 'lindung-bench-import-'));
await withServerClient((c) => c.query(`CREATE DATABASE ${name}`));
const database = openDatabase(url);
const ctxFor = (scope: string) => {
  const base = systemContext('bench');
  return { ...base, actor: { ...base.actor, scope } };
};
const mb = (kb: number) => Math.round(kb / 1024);

try {
  await migrate(database.ownerPool);
  await ensureRegionsLoaded(database.ownerPool);

  const csv = path.join(dir, 'pekerja.csv');
  process.stderr.write(`generating ${rows} rows…\n`);
  await writeWorkerCsv(csv, { rows, seed: 11 });
  const csvBytes = (await stat(csv)).size;

  // The floor: psql's \copy of the same file into a bare table (no checks, no indexes).
  const columns = FILE_HEADER.map((_, i) => `c${i} text`).join(', ');
  await database.ownerPool.query(`CREATE TABLE bare_copy (${columns})`);
  const floorStarted = performance.now();
  const psql = spawnSync(
    'psql',
    [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy bare_copy FROM '${csv}' WITH (FORMAT csv, DELIMITER ';', HEADER true)`,
    ],
    { encoding: 'utf8' },
  );
  const floorMs = performance.now() - floorStarted;
  if (psql.status !== 0) throw new Error(`psql failed: ${psql.stderr}`);
  await database.ownerPool.query('DROP TABLE bare_copy');

  process.stderr.write('lindung import (csv)…\n');
  const started = performance.now();
  const steps: Record<string, number> = {};
  const result = await importFileNow(database, ctxFor('34.02'), {
    path: csv,
    mode: 'commit',
    onTiming: (step, ms) => (steps[step] = ms),
  });
  const lindungMs = performance.now() - started;
  if (result.summary.inserted !== rows) throw new Error(`expected ${rows} inserted: ${JSON.stringify(result.summary)}`);
  const floorRate = Math.round(rows / (floorMs / 1000));
  const lindungRate = Math.round(rows / (lindungMs / 1000));
  const peakRss = mb(process.resourceUsage().maxRSS);
  const pool = database.ownerPool;
  const timedSql = async (text: string) => {
    const t = performance.now();
    await pool.query(text);
    return Math.round(performance.now() - t);
  };
  const values = `kabkota_code, nik, full_name, name_key, birth_place, birth_date, sex, village_code, address, rt, rw,
    phone, segment, category, monthly_income, vulnerability, kpj_number, source`;
  // The indexed floor (issue 20 §1), measured in every run: the same validated rows into a copy of the registry
  // table with its CHECK constraints and indexes (no foreign key, trigger or row-level security), in the import's
  // order. Start from written-out buffers, as the floor did (a superuser's right; skipped otherwise).
  await pool.query('CHECKPOINT').catch(() => undefined);
  await pool.query('CREATE TABLE bound_indexed (LIKE worker INCLUDING ALL)');
  const indexedMs = await timedSql(
    `INSERT INTO bound_indexed (${values}) SELECT ${values} FROM worker ORDER BY name_key, birth_date`,
  );
  await pool.query('DROP TABLE bound_indexed');
  console.log(
    JSON.stringify({
      rows,
      floor_rows_per_s: floorRate,
      lindung_rows_per_s: lindungRate,
      ratio: Math.round((lindungRate / floorRate) * 100) / 100,
      indexed_floor_ms: indexedMs,
      ratio_to_indexed_floor: Math.round((lindungMs / indexedMs) * 100) / 100,
      peak_rss_mb: peakRss,
      floor_ms: Math.round(floorMs),
      lindung_ms: Math.round(lindungMs),
      csv_mb: Math.round(csvBytes / 1e6),
      summary: result.summary,
      steps_ms: steps,
      cpus: os.cpus().length,
      node: process.version,
      load_average: os.loadavg().map((n) => Math.round(n * 10) / 10),
    }),
  );

  // `--bounds`: what no import of these rows can go below on this machine, measured on the same rows: reading the
  // CSV alone (the decided parser, no checks) and writing the already-valid rows into a copy of the registry table
  // (its CHECK constraints and indexes; no foreign key, trigger or row-level security, so lower than the real write),
  // in the import's own order (name key, birth date), also without indexes, and the cost of building those indexes
  // afterwards.
  if (process.argv.includes('--bounds')) {
    const readStarted = performance.now();
    const tabular = await openTabular(csv);
    let read = 0;
    for await (const batch of tabular.batches) read += batch.length;
    const readMs = performance.now() - readStarted;
    await pool.query('CHECKPOINT').catch(() => undefined);
    await pool.query(
      'CREATE TABLE bound_bare (LIKE worker INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY INCLUDING GENERATED)',
    );
    const bareMs = await timedSql(`INSERT INTO bound_bare (${values}) SELECT ${values} FROM worker`);
    const indexes = await pool.query<{ def: string }>(
      `SELECT replace(pg_get_indexdef(indexrelid), 'ON public.worker ', 'ON public.bound_bare ') AS def
       FROM pg_index WHERE indrelid = 'worker'::regclass`,
    );
    let rebuildMs = 0;
    for (const { def } of indexes.rows) rebuildMs += await timedSql(def.replace(/INDEX \S+ ON/, 'INDEX ON'));
    await pool.query('DROP TABLE bound_bare');
    const target = floorMs / 0.3;
    console.log(
      JSON.stringify({
        bounds_rows: read,
        target_ms_at_0_3: Math.round(target),
        read_only_ms: Math.round(readMs),
        insert_valid_rows_indexed_ms: indexedMs,
        insert_valid_rows_no_index_ms: bareMs,
        build_indexes_after_ms: rebuildMs,
        indexes: indexes.rows.length,
      }),
    );
  }

  if (xlsxRows > 0) {
    const xlsx = path.join(dir, 'pekerja.xlsx');
    process.stderr.write(`generating ${xlsxRows} xlsx rows…\n`);
    // Another regency (Kulon Progo), so that these rows are new people, not updates of the CSV's.
    await writeWorkerXlsx(xlsx, { regency: '34.01', rows: xlsxRows, seed: 12 });
    process.stderr.write('lindung import (xlsx)…\n');
    const xStarted = performance.now();
    const x = await importFileNow(database, ctxFor('34.01'), { path: xlsx, mode: 'commit' });
    const xMs = performance.now() - xStarted;
    console.log(
      JSON.stringify({
        xlsx_rows: xlsxRows,
        seconds: Math.round(xMs / 100) / 10,
        rows_per_s: Math.round(xlsxRows / (xMs / 1000)),
        peak_rss_mb: mb(process.resourceUsage().maxRSS),
        summary: x.summary,
      }),
    );
  }
} finally {
  await database.close();
  await withServerClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  await rm(dir, { recursive: true, force: true });
}
