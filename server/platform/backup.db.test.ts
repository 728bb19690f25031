import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, makeUser, type TestDatabase } from '../testing/test-db.ts';
import { databaseUrl, withServerClient } from '../testing/pg-server.ts';
import { openDatabase, type Database } from './db.ts';
import { MIGRATIONS_DIR } from './migrate.ts';
import { backupDatabase, databaseManifest, readBackupHeader, restoreDatabase } from './backup.ts';
import { seedDemo } from '../modules/demo/index.ts';

let source: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-backup-test-'));
const file = path.join(dir, 'cadangan.backup.gz');
const empties: { name: string; database: Database }[] = [];

/** A new database with nothing in it (not copied from the migrated template): what a restore starts from. */
async function emptyDatabase(): Promise<Database> {
  const name = `lindung_t_restore_${Math.random().toString(16).slice(2, 10)}`;
  await withServerClient((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0`));
  const database = openDatabase(databaseUrl(name), { appPoolSize: 2 });
  empties.push({ name, database });
  return database;
}

beforeAll(async () => {
  source = await createTestDatabase('backup');
  // The whole demo: users, workers, programmes with enrollments (slot counters), batches, snapshots, bills, audit.
  await seedDemo(source);
}, 300_000);

afterAll(async () => {
  await source?.drop();
  for (const e of empties) {
    await e.database.close();
    await withServerClient((c) => c.query(`DROP DATABASE IF EXISTS ${e.name} WITH (FORCE)`));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into an empty database with the same rows and checksums in every table', async () => {
    const backup = await backupDatabase(source.ownerPool, file);
    const counted = Object.fromEntries(backup.manifest.tables.map((t) => [t.name, t.rows]));
    expect(counted.worker).toBeGreaterThan(0);
    expect(counted.enrollment).toBeGreaterThan(0);
    expect(counted.audit_log).toBeGreaterThan(0);
    expect(counted.region).toBeGreaterThan(80_000);
    expect(backup.header.tables.map((t) => t.name)).not.toContain('session');
    // Parents before children.
    const order = backup.header.tables.map((t) => t.name);
    expect(order.indexOf('program')).toBeLessThan(order.indexOf('enrollment'));
    expect(order.indexOf('enrollment_batch')).toBeLessThan(order.indexOf('enrollment'));
    expect(order.indexOf('bill')).toBeLessThan(order.indexOf('bill_line'));

    const target = await emptyDatabase();
    const restored = await restoreDatabase(target.ownerPool, file);
    expect(restored.migrations).toBe(fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length);

    const before = await databaseManifest(source.ownerPool);
    const after = await databaseManifest(target.ownerPool);
    const withoutSessions = (m: typeof before) => m.tables.filter((t) => t.name !== 'session');
    expect(withoutSessions(after)).toEqual(withoutSessions(before));
    expect(withoutSessions(after)).toEqual(backup.manifest.tables);

    // Identity sequences continue after the restored rows; triggers are back on (the audit log refuses a DELETE).
    const user = await makeUser(target, 'admin', '34.02');
    expect(Number(user.id)).toBeGreaterThan(Number(counted.app_user));
    await expect(target.ownerPool.query('DELETE FROM audit_log')).rejects.toThrow();
  });

  it('refuses a database that already holds Lindung data, and changes nothing', async () => {
    await expect(restoreDatabase(source.ownerPool, file)).rejects.toMatchObject({ code: 'BACKUP_TARGET_NOT_EMPTY' });
  });

  it('refuses a file from a newer schema before touching the target', async () => {
    // An older Lindung: the same migrations without the newest one.
    const older = path.join(dir, 'older-migrations');
    fs.mkdirSync(older);
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    for (const f of files.slice(0, -1)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(older, f));
    const target = await emptyDatabase();
    await expect(restoreDatabase(target.ownerPool, file, older)).rejects.toMatchObject({
      code: 'BACKUP_NEWER_SCHEMA',
      params: { migration: files.at(-1) },
    });
    const tables = await target.ownerPool.query(`SELECT to_regclass('public.lindung_migration') AS t`);
    expect(tables.rows[0].t).toBeNull();
  });

  it('refuses a file cut off in the middle, leaving no table half-loaded', async () => {
    const whole = zlib.gunzipSync(fs.readFileSync(file));
    const cut = path.join(dir, 'terpotong.backup.gz');
    fs.writeFileSync(cut, zlib.gzipSync(whole.subarray(0, Math.floor(whole.length / 2))));
    expect((await readBackupHeader(cut)).format).toBe(1);
    const target = await emptyDatabase();
    await expect(restoreDatabase(target.ownerPool, cut)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    const workers = await target.ownerPool.query('SELECT count(*)::int AS n FROM worker');
    expect(workers.rows[0].n).toBe(0);
  });
});
