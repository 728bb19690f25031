// Runs queued import jobs in the background, one at a time per process, on the platform job queue
// (platform/jobs.ts: whichever Lindung process is free, the server or `lindung worker`), and keeps their progress
// row current for the page. The import's own rules stay here: its job row is claimed queued → running once, the
// per-regency advisory lock and the heartbeat/cancel live in the pipeline, and a job whose process died is failed
// by the reaper (a recurring job), never half-applied and never resumed.
import { sql } from 'kysely';
import type { ImportField } from '../../../lib/imports/headers.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db.ts';
import type { Logger } from '../../platform/logger.ts';
import { JobQueue } from '../../platform/jobs.ts';
import { word } from '../../../lib/i18n/words.ts';
import { AppError, errorText } from '../../platform/errors.ts';
import { userForJob } from '../access/index.ts';
import {
  CANCELLED_TEXT,
  ImportCancelledError,
  MappingRequiredError,
  runPipeline,
  type PipelineProgress,
} from './imports.pipeline.ts';
import { finishJob, inspectionOf, materialise } from './imports.service.ts';
import { IMPORTS_WORDS } from './imports.words.ts';
import { TabularError } from '../../platform/spreadsheet/index.ts';

const PROGRESS_EVERY_MS = 400;
/** A running job whose heartbeat is older than this is dead (its process stopped). */
export const STALE_AFTER_SECONDS = 40;

/** Writes the progress row at most every PROGRESS_EVERY_MS, outside the import's transaction. */
export function progressWriter(database: Database, jobId: string) {
  let last = 0;
  let pending: PipelineProgress | null = null;
  let writing: Promise<void> = Promise.resolve();
  const write = (p: PipelineProgress) => {
    writing = writing.then(() =>
      database.owner
        .updateTable('import_job')
        .set({ phase: p.phase, rows_done: p.rowsDone, rows_estimated: p.rowsEstimated, updated_at: new Date() })
        .where('id', '=', jobId)
        .where('status', '=', 'running')
        .execute()
        .then(
          () => undefined,
          () => undefined,
        ),
    );
  };
  return {
    update(p: PipelineProgress) {
      pending = p;
      const now = Date.now();
      if (now - last >= PROGRESS_EVERY_MS || p.phase !== 'reading') {
        last = now;
        write(p);
        pending = null;
      }
    },
    async settle() {
      if (pending) write(pending);
      await writing;
    },
  };
}

/** A failure as the operator reads it (Indonesian; the English text is in the catalogue for the API). */
export function failureText(err: unknown): string {
  if (err instanceof TabularError || err instanceof AppError) {
    return errorText(err, 'id');
  }
  return word(IMPORTS_WORDS.runner.systemFailure, 'id');
}

/** The platform job that runs one import (payload: the import job's id). */
export const IMPORT_JOB = 'imports.run';
/** The recurring job that fails imports whose process died. */
export const IMPORT_REAPER = 'imports.reap';
const REAP_EVERY_SECONDS = 15;

export class ImportRunner {
  private readonly jobs: JobQueue;
  private readonly ownQueue: boolean;
  /** Queueing in flight (awaited by recover, idle and stop). */
  private readonly queued = new Set<Promise<void>>();
  /** Platform jobs queued here, kept only on a queue of its own (for idle); the process's queue forgets them. */
  private ids: string[] = [];

  /** `jobs`: the process's queue (the server's or the worker's); without it a queue of its own, not started. */
  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    jobs?: JobQueue,
  ) {
    this.ownQueue = !jobs;
    this.jobs = jobs ?? new JobQueue(database.owner, log);
    // One import at a time per process (memory); a retry of an import whose row is no longer queued does nothing.
    this.jobs.register(IMPORT_JOB, (payload) => this.runJob(String((payload as { importId: string }).importId)), {
      concurrency: 1,
      maxAttempts: 3,
    });
    this.jobs.register(IMPORT_REAPER, () => this.reapDead().then(() => undefined), { maxAttempts: 1 });
    this.jobs.every(IMPORT_REAPER, REAP_EVERY_SECONDS, { atStart: true });
  }

  /**
   * Jobs left 'running' by a process that died (in this server, another one or the CLI): their transaction rolled
   * back, so nothing was applied. A job is dead when its heartbeat stopped for STALE_AFTER_SECONDS.
   */
  async reapDead(): Promise<number> {
    const rows = await this.database.owner
      .updateTable('import_job')
      .set({
        status: 'failed',
        phase: null,
        error: word(IMPORTS_WORDS.runner.interrupted, 'id'),
        finished_at: new Date(),
        updated_at: new Date(),
      })
      .where('status', '=', 'running')
      .where(sql<boolean>`coalesce(heartbeat_at, updated_at) < now() - make_interval(secs => ${STALE_AFTER_SECONDS})`)
      .returning('id')
      .execute();
    if (rows.length > 0) this.log.warn({ jobs: rows.map((r) => r.id) }, 'Impor yang terputus ditandai gagal');
    return rows.length;
  }

  /**
   * At start: dead jobs are failed and queued ones get a platform job (imports queued before the job system, or
   * whose platform job was lost); the reaper then runs every 15 seconds in whichever process is free, so a job whose
   * process died is failed within a minute (40 s without a heartbeat, beats every 5 s).
   */
  async recover(): Promise<void> {
    await this.reapDead();
    const queued = await this.database.owner
      .selectFrom('import_job')
      .select('id')
      .where('status', '=', 'queued')
      .orderBy('id')
      .execute();
    for (const row of queued) this.start(String(row.id));
    await this.settled();
  }

  /** Queues the run of an import job (its row is already 'queued'); any process running jobs takes it. */
  start = (jobId: string): void => {
    this.track(this.jobs.enqueue(IMPORT_JOB, { importId: jobId }), (err) =>
      this.log.error({ err, jobId }, 'Impor tidak dapat diantrekan'),
    );
  };

  private track(queueing: Promise<string | null>, onError: (err: unknown) => void): void {
    const p: Promise<void> = queueing.then((id) => {
      if (id && this.ownQueue) this.ids.push(id);
    }, onError);
    this.queued.add(p);
    void p.finally(() => this.queued.delete(p));
  }

  private async settled(): Promise<void> {
    await Promise.all([...this.queued]);
  }

  /** On a queue of its own (tests, tools): waits until the imports queued here have run, by whichever process. */
  async idle(): Promise<void> {
    await this.settled();
    await this.jobs.waitFor(this.ids);
    this.ids = [];
  }

  async stop(): Promise<void> {
    await this.settled();
    if (this.ownQueue) await this.jobs.stop();
  }

  private async runJob(id: string): Promise<void> {
    const owner = this.database.owner;
    const claimed = await owner
      .updateTable('import_job')
      .set({ status: 'running', phase: 'waiting', rows_done: 0, started_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    if (!claimed) return;
    const user = await userForJob(owner, claimed.created_by);
    const ctx: RequestContext & { actor: NonNullable<RequestContext['actor']> } = {
      actor: {
        userId: user?.id ?? '0',
        username: claimed.created_by,
        role: user?.role ?? 'admin',
        scope: claimed.region_code,
        locale: user?.locale ?? 'id',
      },
      requestId: `import-${id}`,
      ip: null,
    };
    const file = await owner.selectFrom('import_file').select('content').where('job_id', '=', id).executeTakeFirst();
    const progress = progressWriter(this.database, id);
    const mode = claimed.mode as 'dry_run' | 'commit';
    const tmp = file ? await materialise(file.content, claimed.file_name) : null;
    try {
      if (!tmp) throw new AppError('IMPORT_NOT_READY', { status: 'tanpa berkas' });
      await runPipeline(this.database, {
        jobId: id,
        path: tmp.path,
        fileName: claimed.file_name,
        sheet: claimed.sheet ?? undefined,
        mapping: claimed.mapping as Record<string, ImportField | null>,
        defaultVillage: claimed.default_village,
        mode,
        scope: claimed.region_code,
        actor: { username: claimed.created_by, role: ctx.actor.role },
        requestId: ctx.requestId,
        onProgress: (p) => progress.update(p),
        finish: (tx, result) => finishJob(tx, ctx, { id, region: claimed.region_code, mode }, result),
      });
      await progress.settle();
    } catch (err) {
      await progress.settle();
      const needsMapping = err instanceof MappingRequiredError;
      const cancelled = err instanceof ImportCancelledError;
      await owner
        .updateTable('import_job')
        .set({
          status: needsMapping ? 'needs_mapping' : cancelled ? 'cancelled' : 'failed',
          phase: null,
          error: needsMapping ? null : cancelled ? CANCELLED_TEXT : failureText(err),
          ...(needsMapping && {
            inspection: JSON.stringify(
              inspectionOf(err.info, claimed.mapping as Record<string, ImportField | null>, claimed.default_village),
            ),
          }),
          finished_at: new Date(),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      if (!needsMapping && !cancelled && !(err instanceof TabularError || err instanceof AppError)) throw err;
    } finally {
      await tmp?.dispose();
    }
  }
}
