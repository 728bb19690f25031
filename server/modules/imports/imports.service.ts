// Import jobs: upload → (mapping) → dry run → commit. The work itself runs in the background (imports.runner.ts);
// these functions create and steer jobs and read them back, always within the actor's scope.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { WORKER_EDITORS, inScope } from '../../../lib/access/roles.ts';
import type {
  ImportInspection,
  ImportIssue,
  ImportJob,
  ImportMappingBody,
  ImportPhase,
  ImportStatus,
  ImportSummary,
} from '../../../lib/contracts/imports.ts';
import { IMPORT_FIELDS, type ImportField } from '../../../lib/imports/headers.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Database, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';
import {
  CANCELLED_TEXT,
  ImportCancelledError,
  MappingRequiredError,
  mappingProblems,
  planColumns,
  runPipeline,
  type PipelineProgress,
  type PipelineResult,
} from './imports.pipeline.ts';
import { openTabular, TabularError, type TabularInfo } from './tabular.ts';
import { fileLimits, type FileLimits } from './upload-limits.ts';

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

type JobRow = {
  id: string;
  region_code: string;
  created_by: string;
  file_name: string;
  file_size: string;
  sheet: string | null;
  mapping: Record<string, string | null>;
  default_village: string | null;
  status: string;
  mode: string;
  phase: string | null;
  rows_estimated: string | null;
  rows_done: string;
  inspection: unknown;
  summary: unknown;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

const PHASE_SPAN: Record<ImportPhase, [number, number]> = {
  waiting: [0, 0],
  reading: [0, 80],
  checking: [80, 90],
  writing: [90, 99],
  done: [100, 100],
};

/** Percent, rows per second and time left, from what the runner last wrote. */
export function progressOf(row: Pick<JobRow, 'phase' | 'rows_done' | 'rows_estimated' | 'started_at' | 'status'>) {
  const done = Number(row.rows_done);
  const estimated = row.rows_estimated === null ? null : Number(row.rows_estimated);
  const phase = (row.phase as ImportPhase | null) ?? null;
  const finished = row.status === 'validated' || row.status === 'committed';
  let percent = finished ? 100 : 0;
  if (!finished && phase) {
    const [from, to] = PHASE_SPAN[phase];
    const share = phase === 'reading' && estimated ? Math.min(1, done / Math.max(1, estimated)) : 0;
    percent = Math.round(from + (to - from) * share);
  }
  const seconds = row.started_at ? (Date.now() - row.started_at.getTime()) / 1000 : 0;
  const rowsPerSecond = row.status === 'running' && seconds > 0.5 && done > 0 ? Math.round(done / seconds) : null;
  const secondsLeft =
    rowsPerSecond && estimated && phase === 'reading'
      ? Math.max(0, Math.round((estimated - done) / rowsPerSecond + (estimated * 0.25) / rowsPerSecond))
      : null;
  return { phase, rowsDone: done, rowsEstimated: estimated, percent, rowsPerSecond, secondsLeft };
}

function present(row: JobRow): ImportJob {
  return {
    id: String(row.id),
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    status: row.status as ImportStatus,
    mode: row.mode as ImportJob['mode'],
    defaultVillage: row.default_village,
    inspection: (row.inspection as ImportInspection | null) ?? null,
    progress: progressOf(row),
    summary: (row.summary as ImportSummary | null) ?? null,
    error: row.error,
  };
}

export function inspectionOf(
  info: TabularInfo,
  manual: Record<string, ImportField | null>,
  defaultVillage: string | null,
): ImportInspection {
  const { mapping } = planColumns(info, manual);
  const problems = mappingProblems(mapping, defaultVillage);
  return {
    format: info.format,
    encoding: info.encoding ?? null,
    delimiter: info.delimiter ?? null,
    sheet: info.sheet ?? null,
    sheets: info.sheets ?? [],
    columns: info.header.map((header, i) => ({ header, field: mapping.columns[i] ?? null })),
    unknown: mapping.unknown,
    missingRequired: problems.missing,
    duplicated: problems.duplicated,
  };
}

const needsMapping = (i: ImportInspection) => i.missingRequired.length > 0 || i.duplicated.length > 0;

/** Writes the stored file to a private temporary folder for the readers; `dispose` removes it. */
export async function materialise(content: Buffer, fileName: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lindung-import-'));
  const file = path.join(dir, path.basename(fileName).replace(/[^\w.-]+/g, '_') || 'berkas');
  await writeFile(file, content, { mode: 0o600 });
  return { path: file, dispose: () => rm(dir, { recursive: true, force: true }) };
}

function tabularToAppError(err: unknown): never {
  if (err instanceof TabularError) throw new AppError(err.code, err.params);
  throw err;
}

async function inspectFile(filePath: string, fileName: string, sheet: string | undefined, limits: FileLimits) {
  try {
    const tabular = await openTabular(filePath, {
      fileName,
      limits,
      waiting: true,
      ...(sheet !== undefined && { sheet }),
    });
    await tabular.close();
    return tabular.info;
  } catch (err) {
    return tabularToAppError(err);
  }
}

/** The village an operator of exactly one village imports into when the file has no village column. */
function defaultVillageOf(actor: Actor): string | null {
  return /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(actor.scope) ? actor.scope : null;
}

const requireImporter = (ctx: RequestContext) => requireRole(ctx, WORKER_EDITORS);

async function findJob(tx: Tx, id: string): Promise<JobRow> {
  const row = await tx.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'Impor' });
  return row as unknown as JobRow;
}

export type JobStarter = (jobId: string) => void;

/** Stores an uploaded file as a new job, reads its header and queues the dry run (or asks for a mapping). */
export async function createImport(
  db: Db,
  ctx: RequestContext,
  upload: { fileName: string; sheet?: string | undefined; content: Buffer },
  start: JobStarter,
): Promise<ImportJob> {
  const actor = requireImporter(ctx);
  if (upload.content.length > MAX_UPLOAD_BYTES) throw new AppError('IMPORT_TOO_LARGE', { limit: '100 MB' });
  const file = await materialise(upload.content, upload.fileName);
  let info: TabularInfo;
  try {
    info = await inspectFile(file.path, upload.fileName, upload.sheet, fileLimits('imports', actor.role));
  } finally {
    await file.dispose();
  }
  const defaultVillage = defaultVillageOf(actor);
  const inspection = inspectionOf(info, {}, defaultVillage);
  const job = await withScope(db, actor.scope, async (tx) => {
    const row = await tx
      .insertInto('import_job')
      .values({
        region_code: actor.scope,
        created_by: actor.username,
        file_name: upload.fileName,
        file_sha256: createHash('sha256').update(upload.content).digest('hex'),
        file_size: upload.content.length,
        format: info.format,
        sheet: info.sheet ?? null,
        default_village: defaultVillage,
        status: needsMapping(inspection) ? 'needs_mapping' : 'queued',
        mode: 'dry_run',
        inspection: JSON.stringify(inspection),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.insertInto('import_file').values({ job_id: row.id, content: upload.content }).execute();
    await writeAudit(tx, ctx, {
      action: 'import.upload',
      entity: 'import_job',
      entityId: String(row.id),
      region: actor.scope === '*' ? null : actor.scope,
      after: { fileName: upload.fileName, size: upload.content.length, format: info.format, sheet: info.sheet ?? null },
    });
    return row as unknown as JobRow;
  });
  if (job.status === 'queued') start(String(job.id));
  return present(job);
}

const FIELD_SET = new Set<string>(IMPORT_FIELDS);

/** The mapping screen's answer: header → field (or ignored), a default village, another sheet. Queues a new dry run. */
export async function setMapping(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: ImportMappingBody,
  start: JobStarter,
): Promise<ImportJob> {
  const actor = requireImporter(ctx);
  const bad = Object.entries(body.mapping).filter(([, f]) => f !== null && !FIELD_SET.has(f));
  if (bad.length > 0) {
    throw new AppError(
      'IMPORT_MAPPING_INVALID',
      { detail: bad.map(([h, f]) => `"${h}" → ${f}`).join(', ') },
      bad.map(([h]) => ({ path: `body.mapping.${h}`, message: 'isian tidak dikenal' })),
    );
  }
  if (body.defaultVillage && !inScope(actor.scope, body.defaultVillage)) {
    throw new AppError('OUT_OF_SCOPE', { region: body.defaultVillage });
  }
  const job = await withScope(db, actor.scope, async (tx) => {
    const row = await findJob(tx, id);
    if (!['needs_mapping', 'validated', 'failed'].includes(row.status))
      throw new AppError('IMPORT_NOT_READY', { status: row.status });
    const file = await tx.selectFrom('import_file').select('content').where('job_id', '=', id).executeTakeFirst();
    if (!file) throw new AppError('IMPORT_NOT_READY', { status: row.status });
    const sheet = body.sheet ?? row.sheet ?? undefined;
    const tmp = await materialise(file.content, row.file_name);
    let info: TabularInfo;
    try {
      info = await inspectFile(tmp.path, row.file_name, sheet, fileLimits('imports', actor.role));
    } finally {
      await tmp.dispose();
    }
    const defaultVillage = body.defaultVillage === undefined ? row.default_village : body.defaultVillage;
    const mapping = body.mapping as Record<string, ImportField | null>;
    const inspection = inspectionOf(info, mapping, defaultVillage);
    if (needsMapping(inspection)) {
      const detail = [
        ...inspection.missingRequired.map((f) => `${f} belum dipilih`),
        ...inspection.duplicated.map((f) => `${f} dipilih lebih dari sekali`),
      ].join('; ');
      throw new AppError('IMPORT_MAPPING_INVALID', { detail: `${detail}.` });
    }
    const updated = await tx
      .updateTable('import_job')
      .set({
        mapping: JSON.stringify(mapping),
        default_village: defaultVillage,
        sheet: info.sheet ?? null,
        inspection: JSON.stringify(inspection),
        status: 'queued',
        mode: 'dry_run',
        phase: null,
        rows_done: 0,
        error: null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, {
      action: 'import.mapping',
      entity: 'import_job',
      entityId: id,
      region: actor.scope === '*' ? null : actor.scope,
      before: { mapping: row.mapping, defaultVillage: row.default_village, sheet: row.sheet },
      after: { mapping, defaultVillage, sheet: info.sheet ?? null },
    });
    return updated as unknown as JobRow;
  });
  start(id);
  return present(job);
}

/** After a dry run: write the valid rows (the file is read and checked again, against the registry as it is now). */
export async function commitImport(db: Db, ctx: RequestContext, id: string, start: JobStarter): Promise<ImportJob> {
  const actor = requireImporter(ctx);
  const job = await withScope(db, actor.scope, async (tx) => {
    const row = await findJob(tx, id);
    if (row.status !== 'validated') throw new AppError('IMPORT_NOT_READY', { status: row.status });
    const updated = await tx
      .updateTable('import_job')
      .set({ status: 'queued', mode: 'commit', phase: null, rows_done: 0, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'validated')
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('IMPORT_NOT_READY', { status: row.status });
    await writeAudit(tx, ctx, {
      action: 'import.commit_requested',
      entity: 'import_job',
      entityId: id,
      region: actor.scope === '*' ? null : actor.scope,
    });
    return updated as unknown as JobRow;
  });
  start(id);
  return present(job);
}

/**
 * Cancels an import: one that waits (for its mapping, in the queue, or validated and not yet written) at once; a
 * running one is asked to stop, and its heartbeat cancels its transaction within seconds (nothing is applied).
 * A committed, failed or cancelled import cannot be cancelled. Audited.
 */
export async function cancelImport(db: Db, ctx: RequestContext, id: string): Promise<ImportJob> {
  const actor = requireImporter(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await findJob(tx, id);
    if (!['needs_mapping', 'queued', 'validated', 'running'].includes(row.status)) {
      throw new AppError('IMPORT_NOT_READY', { status: row.status });
    }
    const running = row.status === 'running';
    const updated = await tx
      .updateTable('import_job')
      .set(
        running
          ? { cancel_requested_at: new Date(), cancelled_by: actor.username, updated_at: new Date() }
          : {
              status: 'cancelled',
              phase: null,
              error: CANCELLED_TEXT,
              cancel_requested_at: new Date(),
              cancelled_by: actor.username,
              finished_at: new Date(),
              updated_at: new Date(),
            },
      )
      .where('id', '=', id)
      .where('status', '=', row.status)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('IMPORT_NOT_READY', { status: row.status });
    if (!running) await tx.deleteFrom('import_file').where('job_id', '=', id).execute();
    await writeAudit(tx, ctx, {
      action: 'import.cancel',
      entity: 'import_job',
      entityId: id,
      region: actor.scope === '*' ? null : actor.scope,
      before: { status: row.status },
      after: { status: updated.status, cancelRequested: running },
    });
    return present(updated as unknown as JobRow);
  });
}

export async function getImport(db: Db, ctx: RequestContext, id: string): Promise<ImportJob> {
  const actor = requireImporter(ctx);
  return withScope(db, actor.scope, async (tx) => present(await findJob(tx, id)));
}

export async function listImports(db: Db, ctx: RequestContext, q: { page: number; pageSize: number }) {
  const actor = requireImporter(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .selectFrom('import_job')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const total = await tx
      .selectFrom('import_job')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    return {
      items: rows.map((r) => present(r as unknown as JobRow)),
      total: Number(total?.n ?? 0),
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

type IssueRow = {
  row: number | null;
  column_name: string | null;
  code: string;
  severity: string;
  message_id: string;
  message_en: string;
};

function presentIssue(r: IssueRow, locale: Locale): ImportIssue {
  return {
    row: r.row,
    column: r.column_name,
    code: r.code,
    severity: r.severity as ImportIssue['severity'],
    message: locale === 'en' ? r.message_en : r.message_id,
  };
}

export async function listIssues(
  db: Db,
  ctx: RequestContext,
  id: string,
  q: { page: number; pageSize: number; severity?: 'error' | 'warning' | undefined },
) {
  const actor = requireImporter(ctx);
  return withScope(db, actor.scope, async (tx) => {
    await findJob(tx, id);
    let query = tx.selectFrom('import_issue').where('job_id', '=', id);
    if (q.severity) query = query.where('severity', '=', q.severity);
    const rows = await query
      .select(['row', 'column_name', 'code', 'severity', 'message_id', 'message_en'])
      .orderBy(sql`"row" NULLS FIRST`)
      .orderBy('seq')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
    return {
      items: rows.map((r) => presentIssue(r, actor.locale)),
      total: Number(total?.n ?? 0),
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** Every issue of a job in spreadsheet order, in pages (for the report and the CLI). */
export async function* allIssues(db: Db, scope: string, id: string) {
  let after = { row: -1, seq: 0 };
  for (;;) {
    const page = await withScope(db, scope, (tx) =>
      tx
        .selectFrom('import_issue')
        .select(['row', 'seq', 'column_index', 'column_name', 'code', 'severity', 'message_id', 'message_en'])
        .where('job_id', '=', id)
        .where(sql<boolean>`(coalesce("row", 0), seq) > (${after.row}, ${after.seq})`)
        .orderBy(sql`coalesce("row", 0)`)
        .orderBy('seq')
        .limit(5000)
        .execute(),
    );
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1]!;
    after = { row: last.row ?? 0, seq: last.seq };
  }
}

/** Loads the stored file of a job within scope (for the report). */
export async function jobFile(db: Db, ctx: RequestContext, id: string) {
  const actor = requireImporter(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await findJob(tx, id);
    const file = await tx.selectFrom('import_file').select('content').where('job_id', '=', id).executeTakeFirst();
    return { job: row, content: file?.content ?? null, summary: (row.summary as ImportSummary | null) ?? null };
  });
}

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
        error: mapping ? null : cancelled ? CANCELLED_TEXT : String((err as Error).message),
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
