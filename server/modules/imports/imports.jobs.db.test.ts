// Imports that cannot starve others (issue 13 §5), on the real PostgreSQL: a lock per regency (another regency's
// import runs while one waits), cancelling a waiting and a running import (nothing applied, audited), a job whose
// process died failed by the heartbeat rule, and groups too large to pair for duplicates reported, not paired.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { createLogger } from '../../platform/logger.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { nikFor } from '../../testing/nik.ts';
import { DUPLICATE_GROUP_CAP, IMPORT_LOCK, ImportCancelledError } from './imports.pipeline.ts';
import { ImportRunner } from './imports.runner.ts';
import { cancelImport, importFileNow } from './imports.service.ts';

let db: TestDatabase;
let dir: string;

const ctxFor = (scope: string) => {
  const base = systemContext('uji');
  return { ...base, actor: { ...base.actor, scope } };
};
const HEADER = 'NIK;Nama Lengkap;Tgl Lahir;L/P;Desa/Kelurahan;Pekerjaan';

async function csv(name: string, lines: string[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `${[HEADER, ...lines].join('\r\n')}\r\n`);
  return file;
}
const countWorkers = async (prefix: string) =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM worker WHERE starts_with(village_code, ${prefix})`.execute(
        db.owner,
      )
    ).rows[0]!.n,
  );
const jobOf = async (fileName: string) =>
  db.owner
    .selectFrom('import_job')
    .select(['id', 'status', 'error', 'cancel_requested_at', 'cancelled_by'])
    .where('file_name', '=', fileName)
    .orderBy('id', 'desc')
    .executeTakeFirst();

async function until<T>(probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Holds the import lock of a regency in a transaction of its own until `release` is called. */
async function holdRegency(regency: string) {
  const client = await db.ownerPool.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_advisory_xact_lock($1::integer, hashtext($2))', [IMPORT_LOCK, regency]);
  return async () => {
    await client.query('ROLLBACK');
    client.release();
  };
}

beforeAll(async () => {
  db = await createTestDatabase('import_jobs');
  dir = await mkdtemp(path.join(tmpdir(), 'lindung-import-jobs-'));
});
afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('import jobs', () => {
  it("run beside another regency's import, and a running one is cancelled with nothing applied", async () => {
    const bantul = await csv(
      'bantul.csv',
      [1, 2, 3].map((i) => `${nikFor('1985-03-12', 'P', i)};Siti Bantul ${i};12-03-1985;P;34.02.08.2004;Petani`),
    );
    const sleman = await csv(
      'sleman.csv',
      [1, 2].map((i) => `${nikFor('1980-01-02', 'L', i, '340401')};Budi Sleman ${i};02-01-1980;L;34.04.01.2001;Petani`),
    );
    const release = await holdRegency('34.02');
    try {
      // Bantul's import waits for Bantul's lock …
      const waiting = importFileNow(db, ctxFor('34.02'), { path: bantul, mode: 'commit' });
      const settled = waiting.then(
        () => 'committed',
        (err: unknown) => err,
      );
      const job = await until(async () => {
        const j = await jobOf('bantul.csv');
        return j?.status === 'running' ? j : null;
      });
      // … while Sleman's runs and commits.
      const s = await importFileNow(db, ctxFor('34.04'), { path: sleman, mode: 'commit' });
      expect(s.summary.inserted).toBe(2);
      expect(await countWorkers('34.04.')).toBe(2);

      // Cancelling the waiting (running) Bantul import stops it within seconds; nothing is applied.
      const asked = await cancelImport(db.app, systemContext('uji'), String(job.id));
      expect(asked.status).toBe('running');
      expect(await settled).toBeInstanceOf(ImportCancelledError);
      const after = await jobOf('bantul.csv');
      expect(after).toMatchObject({ status: 'cancelled', cancelled_by: 'uji' });
      expect(await countWorkers('34.02.')).toBe(0);
      const audit = await sql<{ n: string }>`
        SELECT count(*) AS n FROM audit_log WHERE action = 'import.cancel' AND entity_id = ${String(job.id)}`.execute(
        db.owner,
      );
      expect(Number(audit.rows[0]!.n)).toBe(1);
    } finally {
      await release();
    }
  });

  it('a validated import is cancelled at once; a committed one cannot be', async () => {
    const file = await csv('dry.csv', [`${nikFor('1990-07-01', 'L', 7)};Agus Uji;01-07-1990;L;34.02.08.2004;Petani`]);
    const dry = await importFileNow(db, ctxFor('34.02'), { path: file, mode: 'dry_run' });
    await db.owner.updateTable('import_job').set({ status: 'validated' }).where('id', '=', dry.jobId).execute();
    const cancelled = await cancelImport(db.app, systemContext('uji'), dry.jobId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.error).toContain('dibatalkan');

    const done = await importFileNow(db, ctxFor('34.02'), { path: file, mode: 'commit' });
    await expect(cancelImport(db.app, systemContext('uji'), done.jobId)).rejects.toMatchObject({
      code: 'IMPORT_NOT_READY',
    });
    // The refusal changed nothing.
    expect(
      (await db.owner.selectFrom('import_job').select('status').where('id', '=', done.jobId).executeTakeFirst())!,
    ).toMatchObject({ status: 'committed' });
  });

  it('fails a running job whose heartbeat stopped (its process died), and leaves a beating one alone', async () => {
    const insert = (name: string, beat: string) =>
      db.owner
        .insertInto('import_job')
        .values({
          region_code: '34.02',
          created_by: 'uji',
          file_name: name,
          file_sha256: 'a'.repeat(64),
          file_size: 1,
          status: 'running',
          mode: 'commit',
          heartbeat_at: sql`now() - ${beat}::interval` as unknown as Date,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const dead = await insert('dead.csv', '2 minutes');
    const alive = await insert('alive.csv', '2 seconds');
    const runner = new ImportRunner(db, createLogger('silent'));
    expect(await runner.reapDead()).toBe(1);
    const status = async (id: string) =>
      (await db.owner.selectFrom('import_job').select(['status', 'error']).where('id', '=', id).executeTakeFirst())!;
    expect(await status(dead.id)).toMatchObject({ status: 'failed' });
    expect((await status(dead.id)).error).toContain('terputus');
    expect(await status(alive.id)).toMatchObject({ status: 'running' });
    await runner.stop();
  });

  it('does not pair a group too large to compare, and says so once', async () => {
    const n = DUPLICATE_GROUP_CAP + 5;
    const rows = Array.from(
      { length: n },
      (_, i) => `${nikFor('1970-05-05', 'L', 100 + i)};Slamet Riyadi;05-05-1970;L;34.02.08.2004;Petani`,
    );
    rows.push(`${nikFor('1971-06-06', 'L', 900)};Joko Susilo;06-06-1971;L;34.02.08.2004;Petani`);
    rows.push(`${nikFor('1971-06-06', 'L', 901)};Joko Susilo;06-06-1971;L;34.02.08.2004;Petani`);
    const file = await csv('crowd.csv', rows);
    const r = await importFileNow(db, ctxFor('34.02'), { path: file, mode: 'dry_run' });
    const issues = await sql<{ row: number; code: string; message_id: string }>`
      SELECT "row", code, message_id FROM import_issue WHERE job_id = ${r.jobId} ORDER BY "row"`.execute(db.owner);
    const skipped = issues.rows.filter((i) => i.code === 'DUPLICATE_CHECK_SKIPPED');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ row: 2 });
    expect(skipped[0]!.message_id).toContain(`${n} baris baru bernama sama dan lahir pada tanggal yang sama`);
    // The small group is still paired.
    const probable = issues.rows.filter((i) => i.code === 'PROBABLE_DUPLICATE');
    expect(probable.map((i) => i.row)).toEqual([n + 3]);
  });
});
