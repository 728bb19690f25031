// The registry's one bulk write (issue 14 §1): writeWorkerStage updates and inserts from a staging relation of the
// caller's transaction, audits each update set-based through platform/audit.ts, writes under row-level security
// when given a scope, and fails or skips a NIK registered meanwhile as asked.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { copyFrom, withClientTransaction } from '../../platform/copy.ts';
import type { Tx } from '../../platform/db.ts';
import { nikFor } from '../../testing/nik.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { bulkWorker } from '../../testing/bulk-worker.ts';
import { bulkInsertWorkers, writeWorkerStage } from './index.ts';

let db: TestDatabase;
const who = { actor: { username: 'uji', role: 'operator' }, requestId: 'req-bulk', ip: null };

beforeAll(async () => {
  db = await createTestDatabase('registry_bulk');
});
afterAll(async () => {
  await db.drop();
});

const worker = (nik: string, name: string, village = '34.02.08.2004') =>
  bulkWorker({ nik, full_name: name, birth_date: '1990-01-01', village_code: village });

/** A staging table like the import's classified rows: action, worker_id and the values. */
async function stage(tx: Tx, rows: { action: string; nik: string; name: string | null; village: string | null }[]) {
  await sql`CREATE TEMP TABLE t_stage (action text, worker_id bigint, nik text, full_name text, name_key text,
      birth_date date, sex text, village_code text, phone text, segment text, category text) ON COMMIT DROP`.execute(
    tx,
  );
  for (const r of rows) {
    await sql`INSERT INTO t_stage
      SELECT ${r.action}, (SELECT id FROM worker WHERE nik = ${r.nik}), ${r.nik}, ${r.name}, upper(${r.name}),
        ${r.action === 'update' ? null : '1990-01-01'}::date, ${r.action === 'update' ? null : 'P'},
        ${r.village}, '+6281234567890', NULL, NULL`.execute(tx);
  }
}

describe('writeWorkerStage', () => {
  it('updates (newest non-empty value wins) and inserts, with one audit row per updated worker', async () => {
    const known = nikFor('1990-01-01', 'P', 1);
    await bulkInsertWorkers(db.ownerPool, [worker(known, 'Sri Lama')], systemContext('uji'), {
      source: 'test',
      audit: { action: 'worker.generate', region: null, details: {} },
    });
    const fresh = nikFor('1990-01-01', 'P', 2);
    const result = await db.owner.transaction().execute(async (tx) => {
      await stage(tx, [
        { action: 'update', nik: known, name: 'Sri Baru', village: null },
        { action: 'insert', nik: fresh, name: 'Tri Baru', village: '34.02.08.2004' },
        { action: 'unchanged', nik: nikFor('1990-01-01', 'P', 3), name: 'Tak Ditulis', village: '34.02.08.2004' },
      ]);
      return writeWorkerStage(tx, who, {
        stage: 't_stage',
        columns: ['nik', 'full_name', 'birth_date', 'sex', 'village_code', 'phone', 'segment', 'category'],
        source: 'import:7',
        scope: '34.02',
        onConflict: 'fail',
        updateAudit: { action: 'worker.import_update', marks: { import: '7' } },
      });
    });
    expect(result).toEqual({ inserted: 1, updated: 1 });
    const rows = await db.owner
      .selectFrom('worker')
      .select(['nik', 'full_name', 'village_code', 'phone', 'source', 'segment', 'category'])
      .orderBy('nik')
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({ nik: known, full_name: 'Sri Baru', village_code: '34.02.08.2004', source: 'test' }),
      expect.objectContaining({ nik: fresh, full_name: 'Tri Baru', source: 'import:7', segment: 'other' }),
    ]);
    const audit = await db.owner
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'worker.import_update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_username: 'uji',
      actor_role: 'operator',
      request_id: 'req-bulk',
      entity: 'worker',
      region_code: '34.02.08.2004',
      before: { full_name: 'Sri Lama', import: '7' },
      after: { full_name: 'Sri Baru', phone: '+6281234567890', import: '7' },
    });
    expect(audit[0]!.before).not.toHaveProperty('village_code');
  });

  it('writes under row-level security with a scope: a row outside it fails the whole write', async () => {
    const outside = nikFor('1990-01-01', 'P', 9, '340301');
    await expect(
      db.owner.transaction().execute(async (tx) => {
        await stage(tx, [{ action: 'insert', nik: outside, name: 'Di Luar', village: '34.03.01.2001' }]);
        return writeWorkerStage(tx, who, {
          stage: 't_stage',
          columns: ['nik', 'full_name', 'birth_date', 'sex', 'village_code', 'segment', 'category'],
          source: 'import:8',
          scope: '34.02',
          onConflict: 'fail',
        });
      }),
    ).rejects.toThrow(/row-level security/);
    const n = await sql<{ n: string }>`SELECT count(*) AS n FROM worker WHERE nik = ${outside}`.execute(db.owner);
    expect(n.rows[0]!.n).toBe('0');
  });

  it("fails on a registered NIK with 'fail' and skips it (and repeats) with 'skip'", async () => {
    const known = nikFor('1990-01-01', 'P', 1);
    const insertKnown = (onConflict: 'fail' | 'skip') =>
      withClientTransaction(db.ownerPool, async (tx, client) => {
        await sql`CREATE TEMP TABLE t_stage (action text, worker_id bigint, nik text, full_name text, name_key text,
            birth_date date, sex text, village_code text, segment text, category text) ON COMMIT DROP`.execute(tx);
        const line = (nik: string, name: string) =>
          `insert\t${nik}\t${name}\t${name.toUpperCase()}\t1990-01-01\tP\t34.02.08.2004\t\\N\t\\N\n`;
        await copyFrom(
          client,
          'COPY t_stage (action, nik, full_name, name_key, birth_date, sex, village_code, segment, category) FROM STDIN',
          [
            line(known, 'Sri Lagi'),
            line(nikFor('1990-01-01', 'P', 4), 'Empat'),
            line(nikFor('1990-01-01', 'P', 4), 'Empat Lagi'),
          ],
        );
        return writeWorkerStage(tx, who, {
          stage: 't_stage',
          columns: ['nik', 'full_name', 'birth_date', 'sex', 'village_code', 'segment', 'category'],
          source: 'load',
          onConflict,
        });
      });
    await expect(insertKnown('fail')).rejects.toThrow(/worker_nik/);
    expect(await insertKnown('skip')).toEqual({ inserted: 1, updated: 0 });
    const names = await db.owner
      .selectFrom('worker')
      .select('full_name')
      .where('nik', 'in', [known, nikFor('1990-01-01', 'P', 4)])
      .orderBy('nik')
      .execute();
    expect(names.map((r) => r.full_name)).toEqual(['Sri Baru', 'Empat']);
  });
});
