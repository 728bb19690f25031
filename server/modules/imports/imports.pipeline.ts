// The import of one worker file, in ONE transaction: parse and check each row in JS while it streams by COPY into a
// staging table, then classify, find duplicates and write with set-based SQL. A process killed half-way leaves the
// registry exactly as it was (PostgreSQL rolls the transaction back); a dry run is the same pass without the writes.
// The import's SQL is in imports.repository.ts and imports.checks.ts; the registry's write is registry's own
// (writeWorkerStage, through its index.ts).
import { createReadStream } from 'node:fs';
import type { Scope } from '../../../lib/access/roles.ts';
import { ROLES, type Role } from '../../../lib/access/roles.ts';
import type { ImportMode, ImportPhase, ImportSummary } from '../../../lib/contracts/imports.ts';
import { isCombinedRtRw, mapHeaders, type HeaderMapping, type ImportField } from '../../../lib/imports/headers.ts';
import { copyFrom, onOneConnection } from '../../platform/copy.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { regionCodeSets } from '../regions/index.ts';
import { WORKER_FILE_COLUMNS, writeWorkerStage } from '../registry/index.ts';
import { sqlIssues, timed } from './imports.checks.ts';
import { startHeartbeat } from './imports.heartbeat.ts';
import { VillageDirectory } from './imports.regions.ts';
import {
  cancelAsked,
  classify,
  configureImportTransaction,
  countWarnings,
  createStage,
  IssueBuffer,
  lockImportScope,
  STAGE_COPY,
  stageLine,
} from './imports.repository.ts';
import { parseWorkerRow, type ColumnPlan } from './imports.rows.ts';
import { NikRows } from './nik-rows.ts';
import { openTabular, type TabularInfo, fileLimits } from '../../platform/spreadsheet/index.ts';
import { word } from '../../../lib/i18n/words.ts';
import { IMPORTS_WORDS } from './imports.words.ts';

export { DUPLICATE_GROUP_CAP, DUPLICATE_NAME_CAP } from './imports.checks.ts';
export { HEARTBEAT_MS } from './imports.heartbeat.ts';
export { IMPORT_LOCK, IMPORT_STATEMENT_TIMEOUT, lockImportScope } from './imports.repository.ts';

export type PipelineProgress = { phase: ImportPhase; rowsDone: number; rowsEstimated: number | null };

export type PipelineInput = {
  jobId: string;
  path: string;
  fileName: string;
  sheet?: string | undefined;
  mapping: Record<string, ImportField | null>;
  defaultVillage: string | null;
  mode: ImportMode;
  scope: Scope;
  actor: { username: string; role: string };
  requestId: string;
  onProgress?: (p: PipelineProgress) => void;
  /** Duration of each step in milliseconds (read, classify, duplicates, write …), for benchmarks. */
  onTiming?: (step: string, ms: number) => void;
  /** Runs inside the import's transaction after the rows, so the job's own record commits with them. */
  finish: (tx: Tx, result: PipelineResult) => Promise<void>;
};

export type PipelineResult = { summary: ImportSummary; info: TabularInfo; mapping: HeaderMapping };

/** Thrown before anything is written when the columns cannot be used as they are: the mapping screen's cue. */
export class MappingRequiredError extends Error {
  constructor(
    readonly info: TabularInfo,
    readonly mapping: HeaderMapping,
  ) {
    super('mapping required');
  }
}

/** Fields whose column may be missing because they have a fallback. */
function stillMissing(mapping: HeaderMapping, defaultVillage: string | null): ImportField[] {
  return mapping.missingRequired.filter(
    (f) => !(f === 'village' && (defaultVillage !== null || mapping.columns.includes('district'))),
  );
}

export function planColumns(info: TabularInfo, manual: Record<string, ImportField | null>) {
  const mapping = mapHeaders(info.header, manual);
  const plan: ColumnPlan = {};
  mapping.columns.forEach((field, index) => {
    if (field === null) return;
    if (field === 'rt' && isCombinedRtRw(info.header[index] ?? '') && manual[info.header[index] ?? ''] === undefined)
      plan.rtRw = index;
    else plan[field] = index;
  });
  return { mapping, plan };
}

export function mappingProblems(mapping: HeaderMapping, defaultVillage: string | null) {
  return { missing: stillMissing(mapping, defaultVillage), duplicated: mapping.duplicated };
}

/** A quick estimate of the data rows, for the progress bar: line breaks of a CSV; none for XLSX. */
async function estimateRows(path: string, info: TabularInfo): Promise<number | null> {
  if (info.format !== 'csv') return null;
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let at = chunk.indexOf(0x0a);
    while (at !== -1) {
      lines++;
      at = chunk.indexOf(0x0a, at + 1);
    }
    last = chunk[chunk.length - 1] ?? last;
  }
  if (last !== 0x0a) lines++;
  return Math.max(0, lines - info.headerRow);
}

export async function runPipeline(database: Database, input: PipelineInput): Promise<PipelineResult> {
  const tabular = await openTabular(input.path, {
    fileName: input.fileName,
    // A job of an unknown role (a system account) reads with the import's own largest limits.
    limits: fileLimits(
      'imports',
      (ROLES as readonly string[]).includes(input.actor.role) ? (input.actor.role as Role) : 'admin',
    ),
    ...(input.sheet !== undefined && { sheet: input.sheet }),
  });
  const { info } = tabular;
  const { mapping, plan } = planColumns(info, input.mapping);
  const problems = mappingProblems(mapping, input.defaultVillage);
  if (problems.missing.length > 0 || problems.duplicated.length > 0) {
    await tabular.close();
    throw new MappingRequiredError(info, mapping);
  }
  const estimated = await estimateRows(input.path, info);
  const progress = (phase: ImportPhase, rowsDone: number) =>
    input.onProgress?.({ phase, rowsDone, rowsEstimated: estimated });
  progress('waiting', 0);

  return onOneConnection(database.ownerPool, async ({ db, client }) => {
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const heartbeat = startHeartbeat(database, input.jobId, pid);
    try {
      return await db.transaction().execute(async (tx) => {
        await lockImportScope(tx, input.scope);
        await configureImportTransaction(tx);
        progress('reading', 0);

        const codeSets = await regionCodeSets(database.app);
        const directory = await VillageDirectory.load(tx, input.scope);
        const ctx = {
          nik: {
            provinceExists: (c: string) => codeSets.provinces.has(c),
            districtExists: (c: string) => codeSets.districts.has(c),
          },
          resolveVillage: directory.resolve.bind(directory),
          defaultVillage: input.defaultVillage,
        };
        await createStage(tx, input.jobId);

        // JS pass: every row parsed once; valid rows streamed to COPY, issues kept as COPY lines for later.
        const issues = new IssueBuffer(input.jobId, input.scope, info.header);
        const firstRowOfNik = new NikRows(estimated === null ? undefined : estimated * 2);
        let total = 0;
        let rejected = 0;
        async function* stageLines(): AsyncGenerator<string> {
          for await (const batch of tabular.batches) {
            let chunk = '';
            for (const { row, cells } of batch) {
              total++;
              const parsed = parseWorkerRow(row, cells, plan, ctx);
              for (const issue of parsed.issues) issues.add(issue);
              const w = parsed.worker;
              if (w === null) {
                rejected++;
                continue;
              }
              const first = firstRowOfNik.get(w.nik);
              if (first !== undefined) {
                rejected++;
                issues.add({
                  row,
                  columnIndex: plan.nik ?? null,
                  code: 'DUPLICATE_IN_FILE',
                  severity: 'error',
                  message: {
                    id: `NIK ini sudah ada di baris ${first} berkas yang sama. Hapus salah satu baris atau perbaiki NIK-nya.`,
                    en: `This NIK is already on row ${first} of the same file. Delete one of the rows or correct its NIK.`,
                  },
                });
                continue;
              }
              firstRowOfNik.set(w.nik, row);
              chunk += stageLine(w);
            }
            progress('reading', total);
            if (chunk) yield chunk;
          }
        }
        await timed(input, 'copy', copyFrom(client, STAGE_COPY, stageLines()));

        progress('checking', total);
        const staged = await timed(input, 'classify', classify(tx, input.scope));
        rejected += staged.elsewhere + staged.merged;
        await timed(input, 'flush', issues.flush(client));
        const commit = input.mode === 'commit';
        const checks = await sqlIssues(tx, input, plan, info.header, issues.count, commit ? 'after-write' : 'now');

        if (commit) {
          progress('writing', total);
          // The registry's own bulk upsert, as the application role within the importer's scope (row-level security
          // checks every row again); updated workers get one audit row each, new ones carry the job in `source` and
          // the job's own audit row counts them.
          await timed(
            input,
            'write',
            writeWorkerStage(
              tx,
              { actor: input.actor, requestId: input.requestId, ip: null },
              {
                stage: 'import_class',
                columns: WORKER_FILE_COLUMNS,
                source: `import:${input.jobId}`,
                channelId: (
                  await tx
                    .selectFrom('import_job')
                    .select('channel_id')
                    .where('id', '=', input.jobId)
                    .executeTakeFirst()
                )?.channel_id,
                scope: input.scope,
                onConflict: 'fail',
                updateAudit: { action: 'worker.import_update', marks: { import: input.jobId } },
                insertedPairs: 'import_stored_pairs',
              },
            ),
          );
          await checks.afterWrite('import_stored_pairs');
        }
        const warnings = issues.warnings + (await countWarnings(tx, input.jobId, issues.count));
        const summary: ImportSummary = {
          total,
          inserted: staged.insert,
          updated: staged.update,
          unchanged: staged.unchanged,
          rejected,
          warnings,
        };
        const result = { summary, info, mapping };
        // A cancellation asked while the import was between statements is honoured here, before anything commits.
        if (heartbeat.cancelled() || (await cancelAsked(tx, input.jobId))) throw new ImportCancelledError();
        await input.finish(tx, result);
        progress('done', total);
        return result;
      });
    } catch (err) {
      if (heartbeat.cancelled() && !(err instanceof ImportCancelledError)) throw new ImportCancelledError();
      throw err;
    } finally {
      await heartbeat.stop();
      await tabular.close().catch(() => undefined);
    }
  });
}

/** Stored on the job row for the import page; Indonesian, like every text of a background job. */
export const CANCELLED_TEXT = word(IMPORTS_WORDS.runner.cancelled, 'id');

/** The job was cancelled while it ran: its transaction rolled back, nothing was applied. */
export class ImportCancelledError extends Error {
  constructor() {
    super('import cancelled');
  }
}
