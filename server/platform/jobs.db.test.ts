// The job queue on the real PostgreSQL (issue 14 §3): two queues on separate pools (as two processes would be) claim
// each job once; a failed attempt is retried after its backoff and fails for good after max_attempts; a job whose
// process died is claimed again when its lease ran out; a process that lost its lease cannot finish the job; a
// schedule fires once per period whatever the number of queues. Handlers here are test handlers: the platform knows
// no domain. The same with real processes (kill -9, `lindung worker`): jobs.process.db.test.ts.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';
import { openDatabase, type Database } from './db.ts';
import { JobQueue } from './jobs.ts';
import { createLogger } from './logger.ts';
import { ChangeListener, connectionStringOf } from './notify.ts';

const log = createLogger('silent');
let db: TestDatabase;
let other: Database;

beforeAll(async () => {
  db = await createTestDatabase('jobs');
  other = openDatabase(db.url);
  await sql`CREATE TABLE test_job_effect (job_id bigint NOT NULL, worker text NOT NULL)`.execute(db.owner);
});
afterAll(async () => {
  await other?.close();
  await db?.drop();
});

const jobRow = (id: string) =>
  db.owner
    .selectFrom('platform_job')
    .select(['status', 'attempts', 'locked_by', 'last_error', 'run_after', 'finished_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/** A handler that records which queue ran which job. */
const recorder = (queue: () => JobQueue) => async (_payload: unknown, job: { id: string }) => {
  await sql`INSERT INTO test_job_effect (job_id, worker) VALUES (${job.id}, ${queue().workerId})`.execute(db.owner);
};

describe('two queues on one database', () => {
  it('claim each of 40 jobs once', async () => {
    const a: JobQueue = new JobQueue(db.owner, log, { pollMs: 50 });
    const b: JobQueue = new JobQueue(other.owner, log, { pollMs: 50 });
    a.register(
      'test.record',
      recorder(() => a),
      { concurrency: 3 },
    );
    b.register(
      'test.record',
      recorder(() => b),
      { concurrency: 3 },
    );
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await a.enqueue('test.record', { i }))!);
    await Promise.all([a.start(), b.start()]);
    await a.waitFor(ids);
    await Promise.all([a.stop(), b.stop()]);

    const effects = await sql<{ job_id: string; n: string }>`
      SELECT job_id, count(*) AS n FROM test_job_effect GROUP BY job_id`.execute(db.owner);
    expect(effects.rows).toHaveLength(40);
    expect(effects.rows.every((r) => r.n === '1')).toBe(true);
    const rows = await db.owner
      .selectFrom('platform_job')
      .select(['status', 'attempts', 'locked_by'])
      .where('id', 'in', ids)
      .execute();
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.locked_by)).size).toBeLessThanOrEqual(2);
  });

  it('keep one queued-or-running job per key', async () => {
    const q = new JobQueue(db.owner, log);
    const first = await q.enqueue('test.keyed', {}, { key: 'k1' });
    const again = await q.enqueue('test.keyed', {}, { key: 'k1' });
    const otherKey = await q.enqueue('test.keyed', {}, { key: 'k2' });
    expect(again).toBe(first);
    expect(otherKey).not.toBe(first);
  });
});

describe('a failing job', () => {
  it('is queued again after its backoff, then fails for good after max_attempts', async () => {
    const q = new JobQueue(db.owner, log, { pollMs: 50 });
    let calls = 0;
    q.register(
      'test.fail-once-slowly',
      async () => {
        calls += 1;
        throw new Error(`gagal ${calls}`);
      },
      { maxAttempts: 3, backoffSeconds: 3_600 },
    );
    q.register(
      'test.always-fails',
      async () => {
        throw new Error('selalu gagal');
      },
      { maxAttempts: 2, backoffSeconds: 0 },
    );
    const slow = (await q.enqueue('test.fail-once-slowly'))!;
    const always = (await q.enqueue('test.always-fails'))!;
    await q.start();
    await q.waitFor([always]);
    await q.stop();

    const retried = await jobRow(slow);
    expect(retried).toMatchObject({ status: 'queued', attempts: 1, last_error: 'gagal 1', locked_by: q.workerId });
    const wait = await sql<{ seconds: number }>`
      SELECT extract(epoch FROM run_after - now())::float8 AS seconds FROM platform_job WHERE id = ${slow}`.execute(
      db.owner,
    );
    expect(wait.rows[0]!.seconds).toBeGreaterThan(3_000); // the first backoff: an hour, not retried at once
    expect(calls).toBe(1);

    expect(await jobRow(always)).toMatchObject({ status: 'failed', attempts: 2, last_error: 'selalu gagal' });
  });
});

describe('a job whose process died', () => {
  it('is claimed again when its lease ran out and finishes once; on its last attempt it fails', async () => {
    // What a killed process leaves: running, its lease over, nobody renewing it.
    const orphan = await sql<{ id: string }>`
      INSERT INTO platform_job (name, status, attempts, max_attempts, locked_by, lease_until, started_at)
      VALUES ('test.record', 'running', 1, 3, 'mati:1', now() - interval '1 second', now() - interval '1 minute')
      RETURNING id`.execute(db.owner);
    const exhausted = await sql<{ id: string }>`
      INSERT INTO platform_job (name, status, attempts, max_attempts, locked_by, lease_until)
      VALUES ('test.record', 'running', 1, 1, 'mati:2', now() - interval '1 second')
      RETURNING id`.execute(db.owner);
    const id = orphan.rows[0]!.id;
    const q: JobQueue = new JobQueue(db.owner, log, { pollMs: 50 });
    q.register(
      'test.record',
      recorder(() => q),
    );
    await q.start();
    await q.waitFor([id, exhausted.rows[0]!.id]);
    await q.stop();

    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2, locked_by: q.workerId });
    const effects = await sql<{ n: string }>`SELECT count(*) AS n FROM test_job_effect WHERE job_id = ${id}`.execute(
      db.owner,
    );
    expect(effects.rows[0]!.n).toBe('1');
    expect(await jobRow(exhausted.rows[0]!.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('cannot be finished by a process that lost its lease', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let started: () => void = () => undefined;
    const running = new Promise<void>((r) => (started = r));
    const slow = new JobQueue(db.owner, log, { pollMs: 50, leaseSeconds: 600 });
    slow.register('test.lease', async () => {
      started();
      await held;
    });
    const id = (await slow.enqueue('test.lease'))!;
    await slow.start();
    await running;
    // The lease of the slow process runs out (as if it had hung): another one takes the job and finishes it.
    await sql`UPDATE platform_job SET lease_until = now() - interval '1 second' WHERE id = ${id}`.execute(db.owner);
    const fast = new JobQueue(other.owner, log, { pollMs: 50 });
    fast.register('test.lease', async () => undefined);
    await fast.start();
    await fast.waitFor([id]);
    await fast.stop();
    release();
    await slow.stop();
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2, locked_by: fast.workerId });
  });
});

describe('a recurring job', () => {
  it('fires once per period across two queues', async () => {
    const a: JobQueue = new JobQueue(db.owner, log, { pollMs: 50 });
    const b: JobQueue = new JobQueue(other.owner, log, { pollMs: 50 });
    for (const q of [a, b]) {
      q.register(
        'test.every-hour',
        recorder(() => q),
        { maxAttempts: 1 },
      );
      q.every('test.every-hour', 3_600, { firstAfterSeconds: 0 });
    }
    await Promise.all([a.start(), b.start()]);
    const fired = async () =>
      db.owner.selectFrom('platform_job').select(['id', 'status']).where('name', '=', 'test.every-hour').execute();
    let runs = await fired();
    while (runs.length === 0 || runs.some((r) => r.status !== 'done')) {
      await new Promise((r) => setTimeout(r, 50));
      runs = await fired();
    }
    // Both queues have looked at the schedule since it fired (two more rounds each).
    a.wake();
    b.wake();
    await Promise.all([a.idle(), b.idle()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(await fired()).toHaveLength(1);
    const next = await db.owner
      .selectFrom('platform_job_schedule')
      .select(sql<number>`extract(epoch FROM next_run_at - now())::float8`.as('seconds'))
      .where('name', '=', 'test.every-hour')
      .executeTakeFirstOrThrow();
    expect(next.seconds).toBeGreaterThan(3_000);
  });
});

describe('a job due at every start', () => {
  it('fires as soon as a queue starts on a database that has never seen its schedule', async () => {
    const q: JobQueue = new JobQueue(db.owner, log, { pollMs: 50 });
    q.register(
      'test.at-start',
      recorder(() => q),
      { maxAttempts: 1 },
    );
    q.every('test.at-start', 3_600, { atStart: true });
    const before = await db.owner
      .selectFrom('platform_job_schedule')
      .select('name')
      .where('name', '=', 'test.at-start')
      .execute();
    expect(before).toEqual([]);
    await q.start();
    const fired = () =>
      db.owner.selectFrom('platform_job').select(['status']).where('name', '=', 'test.at-start').execute();
    let runs = await fired();
    while (runs.length === 0 || runs.some((r) => r.status !== 'done')) {
      await new Promise((r) => setTimeout(r, 50));
      runs = await fired();
    }
    await q.stop();
    expect(runs).toEqual([{ status: 'done' }]);
  });
});

describe('announcements', () => {
  it('reach a listener of another connection when the transaction commits, not when it rolls back', async () => {
    const listener = new ChangeListener(connectionStringOf(other.ownerPool), log);
    await listener.start();
    const heard: string[] = [];
    let heardCommit: () => void = () => undefined;
    const committed = new Promise<void>((r) => (heardCommit = r));
    listener.on('test.topic', () => {
      heard.push('test.topic');
      heardCommit();
    });
    await db.owner
      .transaction()
      .execute(async (tx) => {
        await sql`SELECT pg_notify('lindung_change', 'test.topic')`.execute(tx);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await db.owner.transaction().execute(async (tx) => {
      await sql`SELECT pg_notify('lindung_change', 'test.topic')`.execute(tx);
    });
    await committed;
    // A second, marker announcement: once it arrives, anything sent before it has arrived too.
    let marker: () => void = () => undefined;
    const markerHeard = new Promise<void>((r) => (marker = r));
    listener.on('test.marker', () => marker());
    await sql`SELECT pg_notify('lindung_change', 'test.marker')`.execute(db.owner);
    await markerHeard;
    await listener.stop();
    expect(heard).toEqual(['test.topic']);
  });
});
