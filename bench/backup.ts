// `npm run bench:backup -- --workers 1000000`: on two fresh databases of the PostgreSQL server, generates N workers
// with `lindung demo generate` (Kab. Bantul), times `lindung backup` (online, one snapshot, gzip) and `lindung
// restore` into the empty second database (the real commands, as an operator runs them), then compares every
// table's row count and checksum. Prints JSON {"workers","generate_ms","backup_ms","backup_mb","restore_ms",
// "rows","tables","equal"}.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { databaseManifest } from '../server/platform/backup.ts';
import { openDatabase } from '../server/platform/db.ts';
import { databaseUrl, withServerClient } from '../server/testing/pg-server.ts';

const run = promisify(execFile);
const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const workers = Number(arg('workers')) || 100_000;
const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

const source = `lindung_bench_backup_src_${process.pid}`;
const target = `lindung_bench_backup_dst_${process.pid}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-bench-backup-'));
const file = path.join(dir, 'lindung.backup.gz');

async function lindung(url: string, args: string[]): Promise<{ ms: number; stdout: string }> {
  const t = performance.now();
  const { stdout } = await run(process.execPath, ['bin/lindung.mjs', ...args], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ms: Math.round(performance.now() - t), stdout };
}

await withServerClient(async (c) => {
  await c.query(`CREATE DATABASE ${source}`);
  await c.query(`CREATE DATABASE ${target}`);
});
try {
  const generate = await lindung(databaseUrl(source), [
    'demo',
    'generate',
    '--regency',
    '34.02',
    '--workers',
    String(workers),
    '--seed',
    '7',
  ]);
  log(`generated in ${generate.ms} ms`);
  const backup = await lindung(databaseUrl(source), ['backup', file, '--json']);
  const backed = JSON.parse(backup.stdout) as { bytes: number; rows: number; tables: number };
  log(`backup in ${backup.ms} ms, ${backed.bytes} bytes`);
  const restore = await lindung(databaseUrl(target), ['restore', file, '--json']);
  log(`restore in ${restore.ms} ms`);

  const before = openDatabase(databaseUrl(source), { appPoolSize: 1 });
  const after = openDatabase(databaseUrl(target), { appPoolSize: 1 });
  const t = performance.now();
  const [a, b] = [await databaseManifest(before.ownerPool), await databaseManifest(after.ownerPool)];
  const compareMs = Math.round(performance.now() - t);
  await before.close();
  await after.close();
  const withoutSessions = (m: typeof a) => m.tables.filter((x) => x.name !== 'session');
  const equal = JSON.stringify(withoutSessions(a)) === JSON.stringify(withoutSessions(b));
  process.stdout.write(
    `${JSON.stringify({
      workers,
      generate_ms: generate.ms,
      backup_ms: backup.ms,
      backup_mb: Math.round((backed.bytes / 1024 / 1024) * 10) / 10,
      restore_ms: restore.ms,
      compare_ms: compareMs,
      rows: backed.rows,
      tables: backed.tables,
      equal,
      cpus: os.cpus().length,
      memory_gib: Math.round(os.totalmem() / 2 ** 30),
    })}\n`,
  );
  if (!equal) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await withServerClient(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
  });
}
