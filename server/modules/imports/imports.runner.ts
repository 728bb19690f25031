// Runs queued import jobs in the background, one at a time, and keeps their progress row current for the page.
import { sql } from 'kysely';
import type { ImportField } from '../../../lib/imports/headers.ts';
import type { Role } from '../../../lib/access/roles.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db.ts';
import type { Logger } from '../../platform/logger.ts';
import { ERROR_CATALOGUE } from '../../../lib/contracts/errors.ts';
import { interpolate } from '../../../lib/i18n/locale.ts';
import { AppError } from '../../platform/errors.ts';
import {
  CANCELLED_TEXT,
  ImportCancelledError,
  MappingRequiredError,
  runPipeline,
  type PipelineProgress,
} from './imports.pipeline.ts';
import { finishJob, inspectionOf, materialise } from './imports.service.ts';
import { TabularError } from './tabular.ts';

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
    return interpolate(ERROR_CATALOGUE[err.code].message.id, err.params as Record<string, string>);
  }
  return 'Impor gagal karena kesalahan sistem; tidak ada data yang berubah. Coba lagi; bila terulang, hubungi admin dengan nomor impor ini.';
}

export class ImportRunner {
  private queue: string[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;
  private reaper: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {}

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
        error:
          'Impor terputus (prosesnya berhenti) sebelum selesai; tidak ada data yang berubah. Jalankan lagi dari halaman impor.',
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
   * At start: dead jobs are failed, queued ones run, and every 15 seconds dead jobs are looked for again, so a job
   * whose process died is failed within a minute (40 s without a heartbeat, beats every 5 s).
   */
  async recover(): Promise<void> {
    await this.reapDead();
    this.reaper = setInterval(() => void this.reapDead().catch(() => undefined), 15_000);
    this.reaper.unref();
    const queued = await this.database.owner
      .selectFrom('import_job')
      .select('id')
      .where('status', '=', 'queued')
      .orderBy('id')
      .execute();
    for (const row of queued) this.start(String(row.id));
  }

  start = (jobId: string): void => {
    if (this.stopped) return;
    this.queue.push(jobId);
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
  };

  /** Waits for the current job (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reaper) clearInterval(this.reaper);
    this.queue = [];
    await this.idle();
  }

  private async drain(): Promise<void> {
    for (let id = this.queue.shift(); id !== undefined; id = this.queue.shift()) {
      try {
        await this.runJob(id);
      } catch (err) {
        this.log.error({ err, jobId: id }, 'Impor gagal');
      }
    }
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
    const user = await owner
      .selectFrom('app_user')
      .select(['id', 'role', 'locale'])
      .where('username', '=', claimed.created_by)
      .executeTakeFirst();
    const ctx: RequestContext & { actor: NonNullable<RequestContext['actor']> } = {
      actor: {
        userId: user ? String(user.id) : '0',
        username: claimed.created_by,
        role: (user?.role ?? 'admin') as Role,
        scope: claimed.region_code,
        locale: user?.locale === 'en' ? 'en' : 'id',
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
