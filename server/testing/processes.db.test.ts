// Several Lindung processes on one database act as one (issue 14 §3), with real processes (`node bin/lindung.mjs`):
//   - a report generation whose worker is killed (kill -9) mid-run is claimed again by the restarted worker when its
//     lease runs out, and finishes once (one PDF, one XLSX, one completion audit row);
//   - a server with LINDUNG_JOBS=off runs no job; two `lindung worker` processes beside it claim each job once, and
//     run an import's dry run;
//   - a contribution rule added by another process is seen by the server at once (its cached rule set is dropped by
//     the LISTEN/NOTIFY announcement of the change).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_READY } from '../cli/worker.ts';
import { addRule } from '../modules/contributions/index.ts';
import { COVERAGE_REFRESH_JOB } from '../modules/coverage/index.ts';
import { ImportRunner } from '../modules/imports/index.ts';
import { createImport } from '../modules/imports/imports.service.ts';
import { REPORT_JOB } from '../modules/reports/reports.runner.ts';
import { systemContext } from '../platform/context.ts';
import { JobQueue } from '../platform/jobs.ts';
import { createLogger } from '../platform/logger.ts';
import { childEnv, LINDUNG_BIN, ROOT, startLindung, stopLindung } from './run-cli.ts';
import { nikFor } from './nik.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

const LEASE_SECONDS = '2';
let db: TestDatabase;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase('processes');
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db?.drop();
});

/** Starts `lindung worker` on the test database and resolves once it claims jobs. */
function startWorker(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LINDUNG_BIN, 'worker'], {
      cwd: ROOT,
      env: childEnv({ DATABASE_URL: db.url, LINDUNG_JOB_LEASE_SECONDS: LEASE_SECONDS }),
    });
    children.push(child);
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      if (out.includes(WORKER_READY)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${out}`)));
  });
}

/** Polls until `probe` answers; gives up (fails) after a minute, so a missing effect fails instead of hanging. */
async function until<T>(probe: () => Promise<T | undefined | null | false>): Promise<T> {
  for (const end = Date.now() + 60_000; Date.now() < end;) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('gave up waiting');
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe('a job whose process is killed mid-run', () => {
  it('is picked up again after restart and finishes once', async () => {
    const report = await db.owner
      .insertInto('monthly_report')
      .values({ region_code: '34.02', month: '2026-01-01', trigger: 'manual', requested_by: 'uji' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reportId = String(report.id);
    const queue = new JobQueue(db.owner, createLogger('silent'));
    const jobId = (await queue.enqueue(REPORT_JOB, { id: reportId, ctx: systemContext('uji') }, { key: reportId }))!;

    // The report row is held, so the worker's generation stops at its first write: mid-run, deterministically.
    const holder = await db.ownerPool.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM monthly_report WHERE id = $1 FOR UPDATE', [reportId]);
    const first = await startWorker();
    await until(async () => {
      const job = await db.owner
        .selectFrom('platform_job')
        .select('locked_by')
        .where('id', '=', jobId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      const waiting = await sql<{ n: string }>`
        SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = ${db.name} AND wait_event_type = 'Lock'`.execute(db.owner);
      return job?.locked_by?.includes(`:${first.pid}:`) && Number(waiting.rows[0]!.n) > 0;
    });
    first.kill('SIGKILL');
    await exited(first);
    await holder.query('COMMIT');
    holder.release();

    const second = await startWorker();
    const finished = await until(async () => {
      const job = await db.owner
        .selectFrom('platform_job')
        .select(['status', 'attempts', 'locked_by'])
        .where('id', '=', jobId)
        .executeTakeFirstOrThrow();
      return job.status === 'done' || job.status === 'failed' ? job : null;
    });
    await stopLindung(second);

    expect(finished.status).toBe('done');
    expect(finished.attempts).toBe(2);
    expect(finished.locked_by).toContain(`:${second.pid}:`);
    const row = await db.owner
      .selectFrom('monthly_report')
      .select('status')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
    const files = await db.owner
      .selectFrom('monthly_report_file')
      .select('format')
      .where('report_id', '=', reportId)
      .orderBy('format')
      .execute();
    expect(files.map((f) => f.format)).toEqual(['pdf', 'xlsx']);
    const completions = await sql<{ n: string }>`
      SELECT count(*) AS n FROM audit_log
      WHERE action = 'monthly_report.complete' AND entity_id = ${reportId}`.execute(db.owner);
    expect(completions.rows[0]!.n).toBe('1');
  }, 240_000);
});

describe('a server and two workers on one database', () => {
  it('claim each job once (none by the server with LINDUNG_JOBS=off), run an import and share a rule change', async () => {
    const port = await freePort();
    const [server, w1, w2] = await Promise.all([
      startLindung(['--no-demo'], {
        DATABASE_URL: db.url,
        PORT: String(port),
        LINDUNG_JOBS: 'off',
        LINDUNG_JOB_LEASE_SECONDS: LEASE_SECONDS,
      }),
      startWorker(),
      startWorker(),
    ]);
    children.push(server.child);

    // The server caches the rule set on the first read; another process adds a row.
    const caps = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/contributions/rules?key=pu.jp.wage_cap`);
      return ((await res.json()) as { items: { validFrom: string }[] }).items.map((r) => r.validFrom);
    };
    const before = await caps();
    expect(before).not.toContain('2027-03-01');
    await addRule(db.app, systemContext('uji'), {
      key: 'pu.jp.wage_cap',
      scope: '',
      validFrom: '2027-03-01',
      validTo: null,
      citation: 'PP 45/2015 Pasal 29 ayat (3) dan (4)',
      note: 'batas upah JP Maret 2027 (angka uji)',
      value: { kind: 'cap', rupiah: 11_600_000 },
    });
    const after = await until(async () => {
      const now = await caps();
      return now.includes('2027-03-01') ? now : null;
    });
    expect(after).toHaveLength(before.length + 1);

    // Jobs queued by yet another process: each claimed once, by a worker, never by the server.
    const queue = new JobQueue(db.owner, createLogger('silent'));
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await queue.enqueue(COVERAGE_REFRESH_JOB))!);
    await queue.waitFor(ids);
    const rows = await db.owner
      .selectFrom('platform_job')
      .select(['status', 'attempts', 'locked_by'])
      .where('id', 'in', ids)
      .execute();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ['done', 1]));
    const pids = rows.map((r) => Number(r.locked_by!.split(':').at(-2)));
    expect(pids.every((pid) => pid === w1.pid || pid === w2.pid)).toBe(true);
    expect(pids).not.toContain(server.child.pid);

    // An import uploaded while no server runs jobs: its dry run is done by a worker.
    const runner = new ImportRunner(db, createLogger('silent'));
    const ctx = { ...systemContext('uji'), actor: { ...systemContext('uji').actor, scope: '34.02' } };
    const csv = [
      'NIK;Nama Lengkap;Tgl Lahir;L/P;Desa/Kelurahan;Pekerjaan',
      `${nikFor('1988-02-02', 'P', 701)};Siti Pekerja;02-02-1988;P;34.02.08.2004;Petani`,
    ].join('\r\n');
    const upload = await createImport(
      db.app,
      ctx,
      { fileName: 'pekerja.csv', content: Buffer.from(csv) },
      runner.start,
    );
    const dryRun = await until(async () => {
      const job = await db.owner
        .selectFrom('import_job')
        .select(['status', 'rows_done'])
        .where('id', '=', upload.id)
        .executeTakeFirstOrThrow();
      return job.status !== 'queued' && job.status !== 'running' ? job : null;
    });
    await runner.stop();
    expect(dryRun.status).toBe('validated');
    const run = await db.owner
      .selectFrom('platform_job')
      .select(['locked_by', 'attempts'])
      .where('name', '=', 'imports.run')
      .executeTakeFirstOrThrow();
    expect([w1.pid, w2.pid]).toContain(Number(run.locked_by!.split(':').at(-2)));

    await Promise.all([stopLindung(server.child), stopLindung(w1), stopLindung(w2)]);
  }, 240_000);
});
