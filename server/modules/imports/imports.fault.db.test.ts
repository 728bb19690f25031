// Fault injection in the import's write phase (issue 13 §10): a failure after the workers are written, while the
// job's result is recorded, must leave nothing — no worker, no audit row, the job failed. Were the workers ever
// committed before the job row (a transaction of their own), this test would find them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { nikFor } from '../../testing/nik.ts';
import { importFileNow } from './imports.service.ts';

let db: TestDatabase;
let dir: string;

const ctx = () => {
  const base = systemContext('uji');
  return { ...base, actor: { ...base.actor, scope: '34.02' } };
};

beforeAll(async () => {
  db = await createTestDatabase('import_fault');
  dir = await mkdtemp(path.join(tmpdir(), 'lindung-import-fault-'));
});
afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('an import that fails in its write phase', () => {
  it('leaves no worker and no audit row when recording its result fails after the workers are in', async () => {
    const file = path.join(dir, 'gagal.csv');
    const rows = [1, 2, 3, 4, 5].map(
      (i) => `${nikFor('1986-04-04', 'P', 500 + i)};Sri Gagal ${i};04-04-1986;P;34.02.08.2004;Petani`,
    );
    await writeFile(file, `${['NIK;Nama Lengkap;Tgl Lahir;L/P;Desa/Kelurahan;Pekerjaan', ...rows].join('\r\n')}\r\n`);
    // The fault: the job row cannot become 'committed' (after the workers were inserted in the same run).
    await sql`CREATE FUNCTION test_fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM worker WHERE full_name LIKE 'Sri Gagal %') = 0 THEN
          RAISE EXCEPTION 'the fault must come after the workers were written';
        END IF;
        RAISE EXCEPTION 'injected fault';
      END $$`.execute(db.owner);
    await sql`CREATE TRIGGER test_fail_commit BEFORE UPDATE ON import_job FOR EACH ROW
      WHEN (NEW.status = 'committed') EXECUTE FUNCTION test_fail_commit()`.execute(db.owner);
    try {
      await expect(importFileNow(db, ctx(), { path: file, mode: 'commit' })).rejects.toThrow(/injected fault/);
    } finally {
      await sql`DROP TRIGGER test_fail_commit ON import_job`.execute(db.owner);
      await sql`DROP FUNCTION test_fail_commit()`.execute(db.owner);
    }
    const workers = await sql<{ n: string }>`
      SELECT count(*) AS n FROM worker WHERE full_name LIKE 'Sri Gagal %'`.execute(db.owner);
    expect(Number(workers.rows[0]!.n)).toBe(0);
    const job = await db.owner
      .selectFrom('import_job')
      .select(['id', 'status'])
      .where('file_name', '=', 'gagal.csv')
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    const audits = await sql<{ n: string }>`
      SELECT count(*) AS n FROM audit_log WHERE entity_id = ${String(job.id)} AND action LIKE 'import.%'`.execute(
      db.owner,
    );
    expect(Number(audits.rows[0]!.n)).toBe(0);

    // The same file afterwards imports whole: the failure left nothing in the way.
    const again = await importFileNow(db, ctx(), { path: file, mode: 'commit' });
    expect(again.summary.inserted).toBe(5);
  });
});
