// The import of one worker file, in ONE transaction: parse and check each row in JS while it streams by COPY into a
// staging table, then classify, find duplicates and write with set-based SQL. A process killed half-way leaves the
// registry exactly as it was (PostgreSQL rolls the transaction back); a dry run is the same pass without the writes.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { Scope } from '../../../lib/access/roles.ts';
import type { ImportMode, ImportPhase, ImportSummary } from '../../../lib/contracts/imports.ts';
import type { Bilingual } from '../../../lib/i18n/locale.ts';
import { isCombinedRtRw, mapHeaders, type HeaderMapping, type ImportField } from '../../../lib/imports/headers.ts';
import type { DB } from '../../db/schema.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { regionCodeSets } from '../regions/index.ts';
import { WORKER_VALUE_COLUMNS } from '../registry/index.ts';
import { VillageDirectory } from './imports.regions.ts';
import { parseWorkerRow, type ColumnPlan, type RowIssue, type StagedWorker } from './imports.rows.ts';
import { openTabular, type TabularInfo } from './tabular.ts';
import { fileLimits } from './upload-limits.ts';
import { ROLES, type Role } from '../../../lib/access/roles.ts';
import { copyText } from '../../platform/copy-text.ts';
import { NikRows } from './nik-rows.ts';

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

// Columns of the staging table, in COPY order: the row number, the worker values a file can carry (life status is
// not imported) and the name's matching key.
const STAGE_COLUMNS: readonly (keyof StagedWorker)[] = [
  'row',
  ...WORKER_VALUE_COLUMNS.filter(
    (c): c is Exclude<typeof c, 'life_status' | 'death_date'> => c !== 'life_status' && c !== 'death_date',
  ),
  'name_key',
];

/** One COPY line of the staging table (a loop, not map/join: no array per row of a million). */
function stageLine(w: StagedWorker): string {
  let line = copyText(w[STAGE_COLUMNS[0]!]);
  for (let i = 1; i < STAGE_COLUMNS.length; i++) line += `\t${copyText(w[STAGE_COLUMNS[i]!])}`;
  return `${line}\n`;
}

/** Worker columns an import may change, with the import field (header) that fills each. */
const UPDATABLE: readonly (readonly [column: string, field: ImportField])[] = [
  ['full_name', 'fullName'],
  ['birth_place', 'birthPlace'],
  ['birth_date', 'birthDate'],
  ['sex', 'sex'],
  ['village_code', 'village'],
  ['address', 'address'],
  ['rt', 'rt'],
  ['rw', 'rw'],
  ['phone', 'phone'],
  ['segment', 'segment'],
  ['category', 'category'],
  ['monthly_income', 'monthlyIncome'],
  ['vulnerability', 'vulnerability'],
  ['kpj_number', 'kpjNumber'],
];

const ISSUE_COLUMNS = [
  'job_id',
  'region_code',
  'seq',
  'row',
  'column_index',
  'column_name',
  'code',
  'severity',
  'message_id',
  'message_en',
] as const;

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

/** A Kysely bound to one client, so every statement (and writeAudit) joins the COPY's transaction. */
function singleConnection(client: pg.PoolClient): Kysely<DB> {
  return new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: {
        connect: async () => ({ query: client.query.bind(client), release: () => undefined }),
        end: async () => {},
      },
    }),
  });
}

/** Awaits one step of the run and reports its duration (the benchmark prints them). */
async function timed<X>(input: Pick<PipelineInput, 'onTiming'>, step: string, work: Promise<X>): Promise<X> {
  const started = performance.now();
  const result = await work;
  input.onTiming?.(step, Math.round(performance.now() - started));
  return result;
}

/**
 * Key of the import advisory locks. An import whose scope is one regency (or a district or village in it) holds the
 * key shared and its regency's lock exclusively: imports of different regencies run side by side, two of one
 * regency one after another (two imports of one NIK must not interleave). A province or national import holds the
 * key exclusively, so it runs alone. Two regencies' imports of the same new NIK meet at the registry's unique NIK:
 * the later one fails whole and says so.
 */
export const IMPORT_LOCK = 730_301;

/** Takes the import locks for `scope` inside the transaction (see IMPORT_LOCK). */
export async function lockImportScope(tx: Tx, scope: string): Promise<void> {
  const regency = /^\d{2}\.\d{2}/.exec(scope)?.[0];
  if (regency === undefined) {
    await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK}::bigint)`.execute(tx);
    return;
  }
  await sql`SELECT pg_advisory_xact_lock_shared(${IMPORT_LOCK}::bigint)`.execute(tx);
  await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${regency}))`.execute(tx);
}

/** No single statement of an import may run longer than this (a pathological file fails instead of blocking). */
export const IMPORT_STATEMENT_TIMEOUT = '10min';
/** Rows of one name and birth date (or one name) beyond which probable duplicates are not paired one by one. */
export const DUPLICATE_GROUP_CAP = 200;
export const DUPLICATE_NAME_CAP = 2_000;
/** How often a running import says it is alive (and looks for a cancellation). */
export const HEARTBEAT_MS = 5_000;

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

  const client = await database.ownerPool.connect();
  const db = singleConnection(client);
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  const heartbeat = startHeartbeat(database, input.jobId, pid);
  try {
    return await db.transaction().execute(async (tx) => {
      await lockImportScope(tx, input.scope);
      await sql`SELECT set_config('statement_timeout', ${IMPORT_STATEMENT_TIMEOUT}, true)`.execute(tx);
      // Set-based steps over up to millions of staged rows: hash joins over small groups (a merge join sorts the
      // whole file by name first), and no JIT (compiling the wide duplicate query cost seconds, saved nothing).
      await sql`SET LOCAL work_mem = '128MB'`.execute(tx);
      await sql`SET LOCAL enable_mergejoin = off`.execute(tx);
      await sql`SET LOCAL jit = off`.execute(tx);
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

      await sql`CREATE TEMP TABLE import_stage (
          "row" integer, nik text COLLATE "C", full_name text, name_key text COLLATE "C", birth_place text, birth_date date, sex text,
          village_code text, address text, rt text, rw text, phone text, segment text, category text,
          monthly_income bigint, vulnerability text[], kpj_number text
        ) ON COMMIT DROP`.execute(tx);
      await sql`DELETE FROM import_issue WHERE job_id = ${input.jobId}`.execute(tx);

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
      const copy = client.query(
        copyStreams.from(`COPY import_stage (${STAGE_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`),
      );
      await timed(input, 'copy', pipeline(Readable.from(stageLines()), copy));

      progress('checking', total);
      const staged = await timed(input, 'classify', classify(tx, input.scope));
      rejected += staged.elsewhere + staged.merged;
      await timed(input, 'flush', issues.flush(client));
      await sqlIssues(tx, input, plan, info.header, issues.count);
      const warnings = issues.warnings + (await countWarnings(tx, input.jobId, issues.count));

      if (input.mode === 'commit') {
        progress('writing', total);
        await timed(input, 'write', writeWorkers(tx, input));
      }
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
      const asked = await sql<{ at: Date | null }>`
        SELECT cancel_requested_at AS at FROM import_job WHERE id = ${input.jobId}::bigint`.execute(tx);
      if (heartbeat.cancelled() || asked.rows[0]?.at) throw new ImportCancelledError();
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
    await db.destroy();
    client.release();
  }
}

export const CANCELLED_TEXT = 'Impor dibatalkan; tidak ada data yang berubah.';

/** The job was cancelled while it ran: its transaction rolled back, nothing was applied. */
export class ImportCancelledError extends Error {
  constructor() {
    super('import cancelled');
  }
}

/**
 * While an import runs: every HEARTBEAT_MS, its job row's heartbeat, and when someone asked to cancel it, the
 * import's statement is cancelled on its own connection (`pid`), so even a long set-based step stops at once and
 * the transaction rolls back. The beats use a connection of their own, outside the pool, so a busy pool never holds
 * up a beat, and no beat can reach a pooled connection that a later user has taken over.
 */
function startHeartbeat(database: Database, jobId: string, pid: number) {
  let cancelled = false;
  let stopped = false;
  const client = new pg.Client({ connectionString: database.ownerPool.options.connectionString });
  client.on('error', () => undefined);
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  let beating: Promise<void> = Promise.resolve();
  const beat = () => {
    beating = beating.then(async () => {
      if (stopped || !(await connected)) return;
      try {
        const r = await client.query<{ cancel_requested_at: Date | null }>(
          'UPDATE import_job SET heartbeat_at = now() WHERE id = $1 RETURNING cancel_requested_at',
          [jobId],
        );
        if (r.rows[0]?.cancel_requested_at && !cancelled && !stopped) {
          cancelled = true;
          await client.query('SELECT pg_cancel_backend($1::integer)', [pid]);
        }
      } catch {
        // A missed beat is not an error of the import; the next one tries again.
      }
    });
  };
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();
  return {
    cancelled: () => cancelled,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await beating;
      await client.end().catch(() => undefined);
    },
  };
}

/** Issues found in JS, held as COPY lines (compact) until the staging COPY is done; then one COPY of their own. */
class IssueBuffer {
  private chunks: string[] = [];
  private current = '';
  count = 0;
  warnings = 0;

  constructor(
    private readonly jobId: string,
    private readonly region: string,
    private readonly header: readonly string[],
  ) {}

  add(issue: RowIssue): void {
    this.count++;
    if (issue.severity === 'warning') this.warnings++;
    const column = issue.columnIndex === null ? null : (this.header[issue.columnIndex] ?? null);
    const values = [
      this.jobId,
      this.region,
      this.count,
      issue.row,
      issue.columnIndex,
      column,
      issue.code,
      issue.severity,
      issue.message.id,
      issue.message.en,
    ];
    this.current += `${values.map(copyText).join('\t')}\n`;
    if (this.current.length > 1 << 20) {
      this.chunks.push(this.current);
      this.current = '';
    }
  }

  async flush(client: pg.PoolClient): Promise<void> {
    if (this.current) this.chunks.push(this.current);
    this.current = '';
    if (this.chunks.length === 0) return;
    const copy = client.query(
      copyStreams.from(`COPY import_issue (${ISSUE_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`),
    );
    await pipeline(Readable.from(this.chunks), copy);
    this.chunks = [];
  }
}

/** `w.village_code` lies within the scope (the owner connection bypasses row-level security, so say it here). */
function inScope(scope: Scope, column: RawBuilder<unknown>): RawBuilder<boolean> {
  return regionInScope(column, scope);
}

const same = (c: string) => sql.raw(`(s.${c} IS NULL OR s.${c} IS NOT DISTINCT FROM w.${c})`);

/** Staged rows → import_class with the action each row gets; returns the counts per action. */
async function classify(tx: Tx, scope: Scope) {
  await sql`ANALYZE import_stage`.execute(tx);
  await sql`
    CREATE TEMP TABLE import_class ON COMMIT DROP AS
    SELECT s.*, w.id AS worker_id,
      CASE
        WHEN w.id IS NULL THEN 'insert'
        WHEN NOT ${inScope(scope, sql`w.village_code`)} THEN 'elsewhere'
        WHEN w.merged_into IS NOT NULL THEN 'merged'
        WHEN ${sql.join(
          UPDATABLE.map(([c]) => same(c)),
          sql` AND `,
        )} THEN 'unchanged'
        ELSE 'update'
      END AS action
    FROM import_stage s LEFT JOIN worker w ON w.nik = s.nik`.execute(tx);
  await sql`ANALYZE import_class`.execute(tx);
  const counts = await sql<{ action: string; n: string }>`
    SELECT action, count(*) AS n FROM import_class GROUP BY action`.execute(tx);
  const n = (a: string) => Number(counts.rows.find((r) => r.action === a)?.n ?? 0);
  return {
    insert: n('insert'),
    update: n('update'),
    unchanged: n('unchanged'),
    elsewhere: n('elsewhere'),
    merged: n('merged'),
  };
}

function message(m: Bilingual) {
  return { id: m.id, en: m.en };
}

/** Issues found set-based: NIKs registered elsewhere or merged, changed values, probable duplicates. */
async function sqlIssues(
  tx: Tx,
  input: PipelineInput,
  plan: ColumnPlan,
  header: readonly string[],
  startSeq: number,
): Promise<number> {
  const col = (field: ImportField | 'rtRw') => {
    const index = (plan as Record<string, number | undefined>)[field] ?? null;
    return { index, name: index === null ? null : (header[index] ?? null) };
  };
  const nik = col('nik');
  const insert = (select: RawBuilder<unknown>) => sql`
    INSERT INTO import_issue (job_id, region_code, seq, "row", column_index, column_name, code, severity, message_id, message_en)
    SELECT ${input.jobId}, ${input.scope}, nextval('import_issue_seq'), i.* FROM (${select}) i ORDER BY i."row"`;
  // A temporary sequence outlives the transaction on this pooled connection: start afresh each run.
  await sql`DROP SEQUENCE IF EXISTS pg_temp.import_issue_seq`.execute(tx);
  await sql`CREATE TEMP SEQUENCE import_issue_seq START ${sql.lit(startSeq + 1)}`.execute(tx);

  const elsewhere = message({
    id: 'NIK ini sudah terdaftar di wilayah lain; satu NIK hanya untuk satu pekerja. Bila orang ini pindah ke wilayah Anda, minta Disnaker memindahkan datanya.',
    en: 'This NIK is already registered in another region; one NIK belongs to one worker. If this person moved to your region, ask the Disnaker to move the record.',
  });
  const merged = message({
    id: 'NIK ini milik data pekerja yang sudah digabung sebagai duplikat. Periksa NIK pada KTP dan perbaiki berkasnya.',
    en: 'This NIK belongs to a record merged as a duplicate. Check the NIK on the KTP and correct the file.',
  });
  await timed(
    input,
    'elsewhere',
    insert(sql`
    SELECT "row", ${nik.index}::int, ${nik.name}::text,
      CASE action WHEN 'elsewhere' THEN 'NIK_REGISTERED_ELSEWHERE' ELSE 'NIK_MERGED' END, 'error',
      CASE action WHEN 'elsewhere' THEN ${elsewhere.id} ELSE ${merged.id} END,
      CASE action WHEN 'elsewhere' THEN ${elsewhere.en} ELSE ${merged.en} END
    FROM import_class WHERE action IN ('elsewhere', 'merged')`).execute(tx),
  );

  // Newer non-empty values win; where a stored value is replaced by a different one, say so.
  const changes = UPDATABLE.map(([c, field]) => {
    const { index, name } = field === 'rt' && plan.rtRw !== undefined ? col('rtRw') : col(field);
    return sql`(${c}, ${index}::int, ${name}::text, w.${sql.raw(c)}::text, s.${sql.raw(c)}::text)`;
  });
  await timed(
    input,
    'conflicts',
    insert(sql`
    SELECT s."row", v.idx, v.header, 'UPDATE_CONFLICT', 'warning',
      format('Data lama "%s" diganti "%s" dari berkas ini (nilai terbaru yang terisi dipakai).', v.old, v.new),
      format('The stored value "%s" is replaced by "%s" from this file (the newest non-empty value wins).', v.old, v.new)
    FROM import_class s JOIN worker w ON w.id = s.worker_id
    CROSS JOIN LATERAL (VALUES ${sql.join(changes)}) AS v(field, idx, header, old, new)
    WHERE s.action = 'update' AND v.old IS NOT NULL AND v.new IS NOT NULL AND v.old <> v.new`).execute(tx),
  );

  // Probable duplicates of new rows: the same name key and birth date with another NIK, or a NIK one digit apart
  // with the same name key: five equi-joins (hash joins with small groups, see ONE_DIGIT_KEYS) find every candidate
  // pair; an OR in one join would compare whole groups of common names.
  const name = col('fullName');
  const existing = sql`(SELECT id AS "row", nik, name_key, birth_date FROM worker
    WHERE merged_into IS NULL AND name_key IS NOT NULL AND ${inScope(input.scope, sql`village_code`)})`;
  // The new rows go into an unlogged table of this transaction, not a temporary one: only a session's own process
  // reads its temporary tables, while this one PostgreSQL may scan with parallel workers, and the pairing is the
  // longest set-based step (the JS side is idle by then). Dropped before commit; a rollback removes it as well.
  const freshTable = sql.id(`import_fresh_${input.jobId.replace(/\W/g, '')}`);
  await sql`CREATE UNLOGGED TABLE ${freshTable} AS
    SELECT "row", nik, name_key, birth_date FROM import_class WHERE action = 'insert'`.execute(tx);
  await sql`ANALYZE ${freshTable}`.execute(tx);
  // Groups too large to pair one by one (a file of one name and birth date repeated a million times would need half
  // a trillion comparisons): one warning on each group's first row instead, and its rows are not paired.
  const crowded = await sql<{ name_key: string; birth_date: string | null; n: string; first_row: number }>`
    SELECT name_key, birth_date::text, count(*) AS n, min("row") AS first_row FROM ${freshTable}
    GROUP BY name_key, birth_date HAVING count(*) > ${DUPLICATE_GROUP_CAP}
    UNION ALL
    SELECT name_key, NULL, count(*), min("row") FROM ${freshTable}
    GROUP BY name_key HAVING count(*) > ${DUPLICATE_NAME_CAP}`.execute(tx);
  let unpaired: RawBuilder<boolean> = sql<boolean>`true`;
  if (crowded.rows.length > 0) {
    await sql`CREATE TEMP TABLE import_crowded ON COMMIT DROP AS
      SELECT name_key, birth_date FROM (VALUES ${sql.join(
        crowded.rows.map((c) => sql`(${c.name_key}::text, ${c.birth_date}::date)`),
      )}) AS c(name_key, birth_date)`.execute(tx);
    unpaired = sql<boolean>`NOT EXISTS (SELECT 1 FROM import_crowded c
      WHERE c.name_key = b.name_key AND (c.birth_date IS NULL OR c.birth_date = b.birth_date))`;
    const crowdIssue = (c: (typeof crowded.rows)[number]) =>
      message({
        id: `${c.n} baris baru bernama sama${c.birth_date ? ' dan lahir pada tanggal yang sama' : ''} (mulai baris ini): terlalu banyak untuk diperiksa kemiripannya satu per satu, jadi kemungkinan duplikat di kelompok ini tidak diperiksa. Pastikan berkasnya benar.`,
        en: `${c.n} new rows with the same name${c.birth_date ? ' and birth date' : ''} (from this row on): too many to compare one by one, so probable duplicates in this group were not checked. Make sure the file is right.`,
      });
    await insert(
      sql`SELECT * FROM (VALUES ${sql.join(
        crowded.rows.map(
          (c) =>
            sql`(${c.first_row}::integer, ${name.index}::integer, ${name.name}::text, 'DUPLICATE_CHECK_SKIPPED',
                 'warning', ${crowdIssue(c).id}::text, ${crowdIssue(c).en}::text)`,
        ),
      )}) AS v("row", column_index, column_name, code, severity, message_id, message_en)`,
    ).execute(tx);
  }
  // Pairs into temporary tables (CREATE TABLE AS may run in parallel; an INSERT … SELECT may not), then one issue
  // per row from the pairs.
  const duplicates = async (step: string, others: RawBuilder<unknown>, kind: 'registered' | 'row') =>
    timed(
      input,
      step,
      (async () => {
        const pairs = sql.id(`import_pairs_${kind}`);
        await sql`CREATE TEMP TABLE ${pairs} ON COMMIT DROP AS ${duplicatePairs(freshTable, others, kind, unpaired)}`.execute(
          tx,
        );
        await insert(duplicateIssues(pairs, name, kind)).execute(tx);
      })(),
    );
  await duplicates('dup-existing', existing, 'registered');
  // … and among the file's own new rows (reported on the later row).
  await duplicates('dup-file', freshTable, 'row');
  await sql`DROP TABLE ${freshTable}`.execute(tx);

  const last = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM import_issue WHERE job_id = ${input.jobId} AND seq > ${startSeq}`.execute(tx);
  return Number(last.rows[0]?.n ?? 0);
}

/**
 * Keys for NIKs one digit apart: twelve of the sixteen digits, leaving out one block of four. If exactly one digit
 * differs, it lies in one block, so the pair shares the key that leaves that block out; twelve digits plus the name
 * make small hash groups (halves of eight digits did not: the last eight are mostly month, year and a low serial).
 */
const ONE_DIGIT_KEYS: readonly { key: (t: 'a' | 'b') => RawBuilder<unknown>; block: number }[] = [
  { key: (t) => sql`left(${sql.ref(`${t}.nik`)}, 12)`, block: 13 },
  { key: (t) => sql`right(${sql.ref(`${t}.nik`)}, 12)`, block: 1 },
  { key: (t) => sql`left(${sql.ref(`${t}.nik`)}, 4) || right(${sql.ref(`${t}.nik`)}, 8)`, block: 5 },
  { key: (t) => sql`left(${sql.ref(`${t}.nik`)}, 8) || right(${sql.ref(`${t}.nik`)}, 4)`, block: 9 },
];

/**
 * Exactly one of the four digits from `block` differs. Pairs that share a key already agree on the other twelve
 * digits, so this is `lindung_nik_distance(a, b) = 1` at a quarter of the comparisons (the synthetic million has
 * ~2M key matches to test).
 */
function oneDigitApart(block: number): RawBuilder<boolean> {
  const differs = [0, 1, 2, 3].map(
    (i) => sql`(substr(a.nik, ${sql.lit(block + i)}, 1) <> substr(b.nik, ${sql.lit(block + i)}, 1))::int`,
  );
  return sql<boolean>`${sql.join(differs, sql` + `)} = 1`;
}

/**
 * Candidate pairs of probable duplicates: each row of `rows` with every row of `others` that has its name key and
 * either its birth date or a NIK one digit apart (b_row: the row; a_row: the other's spreadsheet row, or for
 * registered workers their id). Within one file only earlier rows count as the other.
 */
function duplicatePairs(
  rows: RawBuilder<unknown>,
  others: RawBuilder<unknown>,
  kind: 'registered' | 'row',
  unpaired: RawBuilder<boolean>,
): RawBuilder<unknown> {
  const within = kind === 'row';
  const pairs = (on: RawBuilder<unknown>, sameBirth: boolean) => sql`
    SELECT b."row" AS b_row, a."row" AS a_row, a.nik AS a_nik, ${sql.lit(sameBirth)} AS same_birth
    FROM ${others} a JOIN ${rows} b ON b.name_key = a.name_key AND ${on}
    WHERE a.nik <> b.nik ${within ? sql`AND a."row" < b."row"` : sql``} AND ${unpaired}`;
  return sql`
    ${pairs(sql`b.birth_date = a.birth_date`, true)}
    ${sql.join(
      ONE_DIGIT_KEYS.map(
        ({ key, block }) => sql`UNION ALL ${pairs(sql`${key('b')} = ${key('a')} AND ${oneDigitApart(block)}`, false)}`,
      ),
      sql` `,
    )}`;
}

/**
 * PROBABLE_DUPLICATE issues from the candidate pairs: one per row, on the name column, naming the closest other
 * (the same birth date first, then the earliest).
 */
function duplicateIssues(
  pairs: RawBuilder<unknown>,
  name: { index: number | null; name: string | null },
  kind: 'registered' | 'row',
): RawBuilder<unknown> {
  const other =
    kind === 'row'
      ? { id: sql`'baris ' || p.a_row`, en: sql`'row ' || p.a_row` }
      : {
          id: sql`'pekerja terdaftar NIK ' || left(p.a_nik, 6) || '••••••' || right(p.a_nik, 4)`,
          en: sql`'registered worker NIK ' || left(p.a_nik, 6) || '••••••' || right(p.a_nik, 4)`,
        };
  return sql`
    SELECT DISTINCT ON (p.b_row) p.b_row AS "row", ${name.index}::int, ${name.name}::text, 'PROBABLE_DUPLICATE', 'warning',
      format('Mungkin orang yang sama dengan %s (%s). Tetap dimasukkan; periksa di menu Kemungkinan Duplikat.', ${other.id},
        CASE WHEN p.same_birth THEN 'nama dan tanggal lahir sama' ELSE 'nama sama, NIK beda satu angka' END),
      format('Probably the same person as %s (%s). Imported anyway; review it under Probable duplicates.', ${other.en},
        CASE WHEN p.same_birth THEN 'same name and birth date' ELSE 'same name, NIK one digit apart' END)
    FROM ${pairs} p
    ORDER BY p.b_row, p.same_birth DESC, p.a_row`;
}

async function countWarnings(tx: Tx, jobId: string, afterSeq: number): Promise<number> {
  const r = await sql<{ n: string }>`
    SELECT count(*) AS n FROM import_issue WHERE job_id = ${jobId} AND seq > ${afterSeq} AND severity = 'warning'`.execute(
    tx,
  );
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The writes, as the application role with the importer's scope, so row-level security checks every row again.
 * Updated workers get one audit row each (the changed fields before and after); new workers carry the job in
 * `source` and the job's own audit row counts them.
 */
async function writeWorkers(tx: Tx, input: PipelineInput): Promise<void> {
  await sql`GRANT SELECT ON import_class TO lindung_app`.execute(tx);
  await sql`SET LOCAL ROLE lindung_app`.execute(tx);
  await sql`SELECT set_config('lindung.scope', ${input.scope}, true)`.execute(tx);

  const changed = (c: string) => sql.raw(`(s.${c} IS NOT NULL AND s.${c} IS DISTINCT FROM w.${c})`);
  const pairs = (side: 'w' | 's') =>
    sql.join(
      UPDATABLE.map(([c]) => sql`${c}::text, CASE WHEN ${changed(c)} THEN to_jsonb(${sql.raw(`${side}.${c}`)}) END`),
    );
  await sql`
    INSERT INTO audit_log (actor_username, actor_role, action, entity, entity_id, region_code, before, after, request_id)
    SELECT ${input.actor.username}, ${input.actor.role}, 'worker.import_update', 'worker', w.id::text,
      coalesce(s.village_code, w.village_code),
      jsonb_strip_nulls(jsonb_build_object(${pairs('w')})) || jsonb_build_object('import', ${input.jobId}::text),
      jsonb_strip_nulls(jsonb_build_object(${pairs('s')})) || jsonb_build_object('import', ${input.jobId}::text),
      ${input.requestId}
    FROM import_class s JOIN worker w ON w.id = s.worker_id
    WHERE s.action = 'update'`.execute(tx);

  const setters = UPDATABLE.map(([c]) => sql`${sql.raw(c)} = coalesce(s.${sql.raw(c)}, w.${sql.raw(c)})`);
  await sql`
    UPDATE worker w SET ${sql.join(setters)},
      name_key = CASE WHEN s.full_name IS NULL THEN w.name_key ELSE s.name_key END,
      kabkota_code = left(coalesce(s.village_code, w.village_code), 5),
      updated_at = now()
    FROM import_class s
    WHERE s.action = 'update' AND w.id = s.worker_id`.execute(tx);

  const columns = STAGE_COLUMNS.filter((c) => c !== 'row');
  const values = columns.map((c) =>
    c === 'segment'
      ? sql`coalesce(segment, 'other')`
      : c === 'category'
        ? sql`coalesce(category, 'BPU')`
        : c === 'vulnerability'
          ? sql`coalesce(vulnerability, '{}')`
          : sql.ref(c),
  );
  await sql`
    INSERT INTO worker (kabkota_code, ${sql.join(columns.map((c) => sql.ref(c)))}, source)
    SELECT left(village_code, 5), ${sql.join(values)}, ${`import:${input.jobId}`}
    FROM import_class WHERE action = 'insert'
    -- In the order of the widest index (name key, birth date): its pages then fill one after another instead of at
    -- random, which cut the write of a million new workers by about a third (docs/benchmarks.md).
    ORDER BY name_key, birth_date`.execute(tx);
  await sql`RESET ROLE`.execute(tx);
}
