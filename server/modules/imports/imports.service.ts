// Import jobs: upload → (mapping) → dry run → commit. The work itself runs in the background (imports.runner.ts);
// these functions create and steer jobs and read them back, always within the actor's scope.
import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inScope } from '../../../lib/access/roles.ts';
import type { ImportJob, ImportMappingBody } from '../../../lib/contracts/imports.ts';
import { IMPORT_FIELDS, type ImportField } from '../../../lib/imports/headers.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import {
  openTabular,
  TabularError,
  type TabularInfo,
  fileLimits,
  type FileLimits,
} from '../../platform/spreadsheet/index.ts';
import { CANCELLED_TEXT } from './imports.pipeline.ts';
import { requireImporter } from './imports.policy.ts';
import { inspectionOf, needsMapping, present, type JobRow } from './imports.present.ts';
import { findJob } from './imports.repository.ts';

// Parts of the import's use cases live in their own files; their names are exported here for the routes and the runner.
export { progressOf, inspectionOf } from './imports.present.ts';
export { listIssues, allIssues, jobFile } from './imports.issues.ts';
export { finishJob, importFileNow } from './imports.now.ts';

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

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

export type JobStarter = (jobId: string) => void;

/** Stores an uploaded file as a new job, reads its header and queues the dry run (or asks for a mapping). */
export async function createImport(
  db: Db,
  ctx: RequestContext,
  upload: { fileName: string; sheet?: string | undefined; content: Buffer; channelId?: string | null },
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
        channel_id: sql<string | null>`lindung_channel_for(${upload.channelId ?? null}::bigint, ${actor.username})`,
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
