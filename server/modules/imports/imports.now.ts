// The end of a run (the job's own record, in the import's transaction) and an import without the background queue
// (the CLI, the benchmark).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { ImportSummary } from '../../../lib/contracts/imports.ts';
import type { ImportField } from '../../../lib/imports/headers.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Database, type Tx } from '../../platform/db.ts';
import { AppError, errorText } from '../../platform/errors.ts';
import { TabularError } from '../../platform/spreadsheet/index.ts';
import {
  CANCELLED_TEXT,
  ImportCancelledError,
  MappingRequiredError,
  runPipeline,
  type PipelineProgress,
  type PipelineResult,
} from './imports.pipeline.ts';
import { inspectionOf } from './imports.present.ts';

/** The job's own record at the end of a run, inside the import's transaction (owner connection). */
export async function finishJob(
  tx: Tx,
  ctx: RequestContext,
  job: { id: string; region: string; mode: 'dry_run' | 'commit' },
  result: PipelineResult,
): Promise<void> {
  await tx
    .updateTable('import_job')
    .set({
      status: job.mode === 'commit' ? 'committed' : 'validated',
      phase: 'done',
      rows_done: result.summary.total,
      rows_estimated: result.summary.total,
      summary: JSON.stringify(result.summary),
      error: null,
      finished_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', job.id)
    .execute();
  await writeAudit(tx, ctx, {
    action: job.mode === 'commit' ? 'worker.import' : 'import.dry_run',
    entity: 'import_job',
    entityId: job.id,
    region: job.region === '*' ? null : job.region,
    after: { ...result.summary, source: `import:${job.id}` },
  });
}

/**
 * Imports a file on disk without the background queue (the CLI, the benchmark): the job row is recorded as for an
 * upload, but the file is read where it lies instead of being stored.
 */
export async function importFileNow(
  database: Database,
  ctx: RequestContext & { actor: Actor },
  opts: {
    path: string;
    sheet?: string | undefined;
    mode: 'dry_run' | 'commit';
    mapping?: Record<string, ImportField | null>;
    defaultVillage?: string | null;
    onProgress?: (p: PipelineProgress) => void;
    onTiming?: (step: string, ms: number) => void;
  },
): Promise<{ jobId: string; summary: ImportSummary }> {
  const { actor } = ctx;
  const fileName = path.basename(opts.path);
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(opts.path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  const job = await withScope(database.app, actor.scope, (tx) =>
    tx
      .insertInto('import_job')
      .values({
        region_code: actor.scope,
        created_by: actor.username,
        file_name: fileName,
        file_sha256: hash.digest('hex'),
        file_size: size,
        status: 'running',
        mode: opts.mode,
        mapping: JSON.stringify(opts.mapping ?? {}),
        default_village: opts.defaultVillage ?? null,
        started_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  const jobId = String(job.id);
  try {
    const result = await runPipeline(database, {
      jobId,
      path: opts.path,
      fileName,
      sheet: opts.sheet,
      mapping: opts.mapping ?? {},
      defaultVillage: opts.defaultVillage ?? null,
      mode: opts.mode,
      scope: actor.scope,
      actor: { username: actor.username, role: actor.role },
      requestId: ctx.requestId,
      ...(opts.onProgress && { onProgress: opts.onProgress }),
      ...(opts.onTiming && { onTiming: opts.onTiming }),
      finish: async (tx, r) => {
        await tx
          .updateTable('import_job')
          .set({
            format: r.info.format,
            sheet: r.info.sheet ?? null,
            inspection: JSON.stringify(inspectionOf(r.info, opts.mapping ?? {}, opts.defaultVillage ?? null)),
          })
          .where('id', '=', jobId)
          .execute();
        await finishJob(tx, ctx, { id: jobId, region: actor.scope, mode: opts.mode }, r);
      },
    });
    return { jobId, summary: result.summary };
  } catch (err) {
    const mapping = err instanceof MappingRequiredError;
    const cancelled = err instanceof ImportCancelledError;
    await database.owner
      .updateTable('import_job')
      .set({
        status: mapping ? 'needs_mapping' : cancelled ? 'cancelled' : 'failed',
        error: mapping
          ? null
          : cancelled
            ? CANCELLED_TEXT
            : err instanceof AppError || err instanceof TabularError
              ? errorText(err, 'id')
              : String((err as Error).message),
        finished_at: new Date(),
      })
      .where('id', '=', jobId)
      .execute();
    if (mapping) {
      const i = inspectionOf(err.info, opts.mapping ?? {}, opts.defaultVillage ?? null);
      const detail = [
        ...i.missingRequired.map((f) => `kolom untuk "${f}" tidak ditemukan`),
        ...i.duplicated.map((f) => `"${f}" diisi oleh lebih dari satu kolom`),
      ].join('; ');
      throw new AppError('IMPORT_MAPPING_INVALID', {
        detail: `${detail} (judul kolom: ${err.info.header.join(', ')}).`,
      });
    }
    if (err instanceof TabularError) throw new AppError(err.code, err.params);
    throw err;
  }
}
