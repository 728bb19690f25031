import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWorkerCsv } from '../../bench/worker-files.ts';
import { childEnv, LINDUNG_BIN, ROOT, runCli } from '../testing/run-cli.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';

// `lindung workers import` as a script or an operator at a terminal uses it: the --json shape, and a process killed
// in the middle of an import leaving the registry exactly as it was.

let db: TestDatabase;
let dir: string;
const workers = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM worker`.execute(db.owner)).rows[0]?.n);

beforeAll(async () => {
  db = await createTestDatabase('workers_import_cli');
  dir = await mkdtemp(path.join(tmpdir(), 'lindung-cli-import-'));
});
afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('lindung workers import', () => {
  it('--json prints the summary and each issue with its spreadsheet row', async () => {
    const fixture = path.join(ROOT, 'test-fixtures/imports/pekerja-ilmiah.csv');
    const r = await runCli(['workers', 'import', fixture, '--dry-run', '--json', '--region', '34.02'], {
      DATABASE_URL: db.url,
    });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual([
      'total',
      'inserted',
      'updated',
      'unchanged',
      'rejected',
      'warnings',
      'issues',
    ]);
    expect(report).toMatchObject({ total: 3, inserted: 1, rejected: 2, warnings: 0 });
    expect(report.issues[0]).toEqual({
      row: 2,
      column: 'NIK',
      code: 'NIK_SCIENTIFIC',
      severity: 'error',
      message: expect.stringContaining('angka ilmiah'),
    });
    expect(r.stderr).toMatch(/100% .* selesai/);
    expect(await workers()).toBe(0);
  });

  it('killed half-way it changes nothing; run again, it imports everything', async () => {
    const file = path.join(dir, 'besar.csv');
    await writeWorkerCsv(file, { rows: 30_000, seed: 3 });
    const child = spawn(process.execPath, [LINDUNG_BIN, 'workers', 'import', file, '--region', '34.02'], {
      cwd: ROOT,
      env: childEnv({ DATABASE_URL: db.url }),
    });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        // Some rows read (and streamed into the staging table), not yet written.
        if (/[1-9][\d.]* baris .* membaca/.test(stderr)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`finished before it could be killed:\n${stderr}`)));
    });
    await new Promise((r) => child.once('exit', r));
    expect(await workers()).toBe(0);

    const again = await runCli(['workers', 'import', file, '--region', '34.02', '--json'], { DATABASE_URL: db.url });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 30_000, inserted: 30_000, rejected: 0 });
    expect(await workers()).toBe(30_000);
  }, 180_000);
});
