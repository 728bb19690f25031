// The one job system (issue 14 §3): background work is a row in platform_job, claimed with FOR UPDATE SKIP LOCKED
// by whichever Lindung process is free (the server, or `lindung worker`). Domain-free: modules register handlers by
// job name and queue jobs by name; this file knows no module.
//
//   - A job survives a restart: it is a row, not a promise.
//   - A claim holds a lease that the running process renews every third of it. A process that died (kill -9) stops
//     renewing; when the lease has run out, another process (or the restarted one) claims the job again.
//   - A failed attempt is retried after an exponential backoff until max_attempts, then the job is 'failed'.
//   - Every state change of a job is fenced by (id, locked_by, attempts): a process that lost its lease can no longer
//     finish or fail the job, so a job is finished once.
//   - Recurring jobs: due rows of platform_job_schedule are claimed with SKIP LOCKED too, so each period queues one
//     run whatever the number of processes; a run still going makes the next one wait (singleton key).
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Logger } from './logger.ts';
import { announce, type ChangeListener } from './notify.ts';

/** The topic under which a queued job is announced to every process (platform/notify.ts). */
export const JOBS_TOPIC = 'jobs';
const SCHEDULE_KEY = 'schedule';
const MAX_BACKOFF_SECONDS = 3_600;
const KEEP_FINISHED_DAYS = 7;

export type JobInfo = {
  id: string;
  name: string;
  /** 1 on the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when this process lost the job's lease (another process may run it now). */
  signal: AbortSignal;
};
export type JobHandler = (payload: unknown, job: JobInfo) => Promise<void>;
export type HandlerOptions = {
  /** How many jobs of this name this process runs at once (default 1). */
  concurrency?: number;
  /** Attempts before the job fails for good (default 5; recurring runs: 1, the next period is the retry). */
  maxAttempts?: number;
  /** Wait before the second attempt; doubles with each further one (default 10 s, at most an hour). */
  backoffSeconds?: number;
};
export type EnqueueOptions = {
  /** At most one queued-or-running job per (name, key): queueing again returns the job already there. */
  key?: string;
  delaySeconds?: number;
  maxAttempts?: number;
};
export type ScheduleOptions = {
  /** The first run is due this long after the schedule is first declared (default: one period). */
  firstAfterSeconds?: number;
  /** Due at every start of a process that declares it (catching up), besides every period. */
  atStart?: boolean;
};
export type QueueOptions = {
  /** How long a claim holds without renewal (default 60 s). */
  leaseSeconds?: number;
  /** How often the table is looked at besides announcements (default 2 s). */
  pollMs?: number;
  workerId?: string;
};

type Registered = Required<HandlerOptions> & { handler: JobHandler; active: number };
type Claimed = { id: string; name: string; payload: unknown; attempts: number; max_attempts: number };

export class JobQueue {
  readonly workerId: string;
  private readonly handlers = new Map<string, Registered>();
  private readonly schedules = new Map<string, { everySeconds: number } & ScheduleOptions>();
  private readonly running = new Set<Promise<void>>();
  private readonly leaseSeconds: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => void) | null = null;
  private started = false;
  private stopping = false;
  private ticking: Promise<void> | null = null;
  private again = false;
  private lastPrune = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: Logger,
    options: QueueOptions = {},
  ) {
    this.leaseSeconds = options.leaseSeconds ?? 60;
    this.pollMs = options.pollMs ?? 2_000;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  }

  /** The work behind a job name. Every process that may run jobs registers the same names. */
  register(name: string, handler: JobHandler, options: HandlerOptions = {}): this {
    if (this.handlers.has(name)) throw new Error(`job ${name} registered twice`);
    this.handlers.set(name, {
      handler,
      concurrency: options.concurrency ?? 1,
      maxAttempts: options.maxAttempts ?? 5,
      backoffSeconds: options.backoffSeconds ?? 10,
      active: 0,
    });
    return this;
  }

  /** Runs the job `name` (registered) every `everySeconds`, once per period across all processes. */
  every(name: string, everySeconds: number, options: ScheduleOptions = {}): this {
    this.schedules.set(name, { everySeconds, ...options });
    return this;
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * Queues a job; returns its id (with a key: the id of the job already queued or running under it, if any). Given
   * a transaction, the job exists only if it commits; the announcement goes out at commit.
   */
  async enqueue(name: string, payload: unknown = {}, options: EnqueueOptions = {}, db: Kysely<DB> = this.db) {
    const maxAttempts = options.maxAttempts ?? this.handlers.get(name)?.maxAttempts ?? 5;
    const inserted = await sql<{ id: string }>`
      INSERT INTO platform_job (name, payload, singleton_key, max_attempts, run_after)
      VALUES (${name}, ${JSON.stringify(payload)}::jsonb, ${options.key ?? null}, ${maxAttempts},
              now() + make_interval(secs => ${options.delaySeconds ?? 0}))
      ON CONFLICT (name, singleton_key) WHERE singleton_key IS NOT NULL AND status IN ('queued', 'running')
      DO NOTHING
      RETURNING id`.execute(db);
    let id = inserted.rows[0]?.id;
    if (id === undefined) {
      const existing = await db
        .selectFrom('platform_job')
        .select('id')
        .where('name', '=', name)
        .where('singleton_key', '=', options.key ?? '')
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      id = existing?.id;
    }
    await announce(db, JOBS_TOPIC);
    this.wake();
    return id === undefined ? null : String(id);
  }

  /** Starts claiming: declares the schedules, listens for announcements and looks at the table every pollMs. */
  async start(listener?: ChangeListener): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    for (const [name, s] of this.schedules) {
      await sql`
        INSERT INTO platform_job_schedule (name, every_seconds, next_run_at)
        VALUES (${name}, ${s.everySeconds},
                CASE WHEN ${s.atStart ?? false} THEN now()
                     ELSE now() + make_interval(secs => ${s.firstAfterSeconds ?? s.everySeconds}) END)
        ON CONFLICT (name) DO UPDATE SET
          every_seconds = EXCLUDED.every_seconds,
          next_run_at = CASE WHEN ${s.atStart ?? false} THEN now()
                             ELSE least(platform_job_schedule.next_run_at,
                                        now() + make_interval(secs => EXCLUDED.every_seconds)) END`.execute(this.db);
    }
    this.unlisten = listener?.on(JOBS_TOPIC, () => this.wake()) ?? null;
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for work now (after an announcement, a finished job, or the poll). */
  wake(): void {
    if (!this.started || this.stopping) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick()
      .catch((err: unknown) => this.log.warn({ err }, 'Antrean tugas tidak terbaca'))
      .finally(() => {
        this.ticking = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves when this process claims nothing more and runs nothing (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.ticking || this.running.size > 0) {
      await this.ticking;
      await Promise.allSettled([...this.running]);
    }
  }

  /** Resolves when the given jobs are finished (done or failed), by whichever process ran them. */
  async waitFor(ids: readonly string[], pollMs = 50): Promise<void> {
    for (let left = ids.length; left > 0;) {
      const open = await this.db
        .selectFrom('platform_job')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('id', 'in', ids)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirstOrThrow();
      left = Number(open.n);
      if (left > 0) await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** Stops claiming and waits for the jobs this process runs; jobs still queued stay for the next process. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.unlisten?.();
    this.timer = null;
    await this.idle();
    this.started = false;
  }

  private async tick(): Promise<void> {
    await this.fireSchedules();
    await this.failExhausted();
    for (;;) {
      if (this.stopping) return;
      const free = [...this.handlers].filter(([, h]) => h.active < h.concurrency).map(([n]) => n);
      if (free.length === 0) return;
      const job = await this.claim(free);
      if (!job) break;
      const h = this.handlers.get(job.name)!;
      h.active += 1;
      const run: Promise<void> = this.run(job, h).finally(() => {
        h.active -= 1;
        this.running.delete(run);
        this.wake();
      });
      this.running.add(run);
    }
    if (Date.now() - this.lastPrune > 3_600_000) {
      this.lastPrune = Date.now();
      await sql`DELETE FROM platform_job WHERE status IN ('done', 'failed')
        AND finished_at < now() - make_interval(days => ${KEEP_FINISHED_DAYS})`.execute(this.db);
    }
  }

  /** Due schedules of jobs this process can run: one queued job each, the schedule moved on by one period. */
  private async fireSchedules(): Promise<void> {
    const names = [...this.schedules.keys()].filter((n) => this.handlers.has(n));
    if (names.length === 0) return;
    await sql`
      WITH due AS (
        SELECT name FROM platform_job_schedule
        WHERE next_run_at <= now() AND name = ANY(${names}::text[])
        FOR UPDATE SKIP LOCKED
      ), moved AS (
        UPDATE platform_job_schedule s
        SET next_run_at = now() + make_interval(secs => s.every_seconds), last_run_at = now()
        FROM due WHERE s.name = due.name
        RETURNING s.name, s.payload
      )
      INSERT INTO platform_job (name, payload, singleton_key, max_attempts)
      SELECT name, payload, ${SCHEDULE_KEY}, 1 FROM moved
      ON CONFLICT (name, singleton_key) WHERE singleton_key IS NOT NULL AND status IN ('queued', 'running')
      DO NOTHING`.execute(this.db);
  }

  /** Jobs whose process died on their last allowed attempt: failed, not claimed again. */
  private async failExhausted(): Promise<void> {
    const rows = await sql<{ id: string; name: string }>`
      UPDATE platform_job
      SET status = 'failed', finished_at = now(), lease_until = NULL,
          last_error = 'proses berhenti saat menjalankan tugas (lease habis) pada percobaan terakhir'
      WHERE status = 'running' AND lease_until < now() AND attempts >= max_attempts
      RETURNING id, name`.execute(this.db);
    if (rows.rows.length > 0) this.log.warn({ jobs: rows.rows }, 'Tugas gagal: prosesnya berhenti');
  }

  private async claim(names: string[]): Promise<Claimed | undefined> {
    const r = await sql<Claimed>`
      UPDATE platform_job j
      SET status = 'running', attempts = j.attempts + 1, locked_by = ${this.workerId},
          lease_until = now() + make_interval(secs => ${this.leaseSeconds}), started_at = now(),
          last_error = CASE WHEN j.status = 'running' THEN 'lease habis: proses sebelumnya berhenti'
                            ELSE j.last_error END
      FROM (
        SELECT id FROM platform_job
        WHERE name = ANY(${names}::text[])
          AND ((status = 'queued' AND run_after <= now()) OR (status = 'running' AND lease_until < now()))
        ORDER BY run_after, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      ) c
      WHERE j.id = c.id
      RETURNING j.id, j.name, j.payload, j.attempts, j.max_attempts`.execute(this.db);
    return r.rows[0];
  }

  private fenced(job: Claimed) {
    return sql`id = ${job.id} AND locked_by = ${this.workerId} AND attempts = ${job.attempts} AND status = 'running'`;
  }

  private async run(job: Claimed, h: Registered): Promise<void> {
    const lost = new AbortController();
    const beat = setInterval(
      () => {
        void sql`UPDATE platform_job SET lease_until = now() + make_interval(secs => ${this.leaseSeconds})
                 WHERE ${this.fenced(job)}`
          .execute(this.db)
          .then((r) => {
            if (Number(r.numAffectedRows ?? 0) === 0 && !lost.signal.aborted) {
              this.log.warn({ job: job.id, name: job.name }, 'Tugas diambil alih proses lain (lease habis)');
              lost.abort();
            }
          })
          .catch(() => undefined);
      },
      Math.max(100, (this.leaseSeconds * 1000) / 3),
    );
    beat.unref();
    const info: JobInfo = {
      id: String(job.id),
      name: job.name,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      signal: lost.signal,
    };
    let failure: { err: unknown } | null = null;
    try {
      await h.handler(job.payload, info);
    } catch (err) {
      failure = { err };
    } finally {
      clearInterval(beat);
    }
    if (!failure) {
      await sql`UPDATE platform_job SET status = 'done', finished_at = now(), lease_until = NULL
                WHERE ${this.fenced(job)}`
        .execute(this.db)
        .catch((e: unknown) => this.log.error({ err: e, job: job.id }, 'Status tugas tidak tersimpan'));
      return;
    }
    const err = failure.err;
    const message = err instanceof Error ? err.message : String(err);
    const final = job.attempts >= job.max_attempts;
    this.log.warn({ err, job: job.id, name: job.name, attempt: job.attempts, final }, 'Tugas gagal');
    const backoff = Math.min(MAX_BACKOFF_SECONDS, h.backoffSeconds * 2 ** (job.attempts - 1));
    await sql`
      UPDATE platform_job
      SET status = ${final ? 'failed' : 'queued'}, last_error = ${message.slice(0, 2000)}, lease_until = NULL,
          finished_at = ${final ? sql`now()` : null},
          run_after = now() + make_interval(secs => ${final ? 0 : backoff})
      WHERE ${this.fenced(job)}`
      .execute(this.db)
      .catch((e: unknown) => this.log.error({ err: e, job: job.id }, 'Status tugas tidak tersimpan'));
  }
}
