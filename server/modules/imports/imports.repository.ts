// The import's own SQL (import_job, import_issue, its staging tables): the per-regency lock, the staging table the
// rows are COPied into, their classification against the registry (read through the published worker_directory),
// issues found in JS (one COPY), and the job's cancellation flag. The writes to the registry go through
// registry/index.ts (writeWorkerStage); the set-based checks are in imports.checks.ts.
import { sql } from 'kysely';
import type pg from 'pg';
import type { Scope } from '../../../lib/access/roles.ts';
import type { ImportField } from '../../../lib/imports/headers.ts';
import { copyFrom } from '../../platform/copy.ts';
import { copyText } from '../../platform/copy-text.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { WORKER_FILE_COLUMNS, type WorkerValueColumn } from '../registry/index.ts';
import type { JobRow } from './imports.present.ts';
import type { RowIssue, StagedWorker } from './imports.rows.ts';

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

/** The transaction's settings for set-based steps over up to millions of staged rows. */
export async function configureImportTransaction(tx: Tx): Promise<void> {
  await sql`SELECT set_config('statement_timeout', ${IMPORT_STATEMENT_TIMEOUT}, true)`.execute(tx);
  // Hash joins over small groups (a merge join sorts the whole file by name first), and no JIT (compiling the wide
  // duplicate query cost seconds, saved nothing).
  await sql`SET LOCAL work_mem = '128MB'`.execute(tx);
  await sql`SET LOCAL enable_mergejoin = off`.execute(tx);
  await sql`SET LOCAL jit = off`.execute(tx);
}

// Columns of the staging table, in COPY order: the row number, the worker values a file can carry and the name's
// matching key.
export const STAGE_COLUMNS: readonly (keyof StagedWorker)[] = ['row', ...WORKER_FILE_COLUMNS, 'name_key'];

/** The staging table of this transaction (dropped at its end); the job's issues of an earlier run removed. */
export async function createStage(tx: Tx, jobId: string): Promise<void> {
  await sql`CREATE TEMP TABLE import_stage (
      "row" integer, nik text COLLATE "C", full_name text, name_key text COLLATE "C", birth_place text, birth_date date, sex text,
      village_code text, address text, rt text, rw text, phone text, segment text, category text,
      monthly_income bigint, vulnerability text[], kpj_number text
    ) ON COMMIT DROP`.execute(tx);
  await sql`DELETE FROM import_issue WHERE job_id = ${jobId}`.execute(tx);
}

/** The COPY statement that fills import_stage from stageLine's lines. */
export const STAGE_COPY = `COPY import_stage (${STAGE_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;

/** One COPY line of the staging table (a loop, not map/join: no array per row of a million). */
export function stageLine(w: StagedWorker): string {
  let line = copyText(w[STAGE_COLUMNS[0]!]);
  for (let i = 1; i < STAGE_COLUMNS.length; i++) line += `\t${copyText(w[STAGE_COLUMNS[i]!])}`;
  return `${line}\n`;
}

type UpdatableColumn = Exclude<(typeof WORKER_FILE_COLUMNS)[number], 'nik'>;
const FIELD_OF: Record<UpdatableColumn, ImportField> = {
  full_name: 'fullName',
  birth_place: 'birthPlace',
  birth_date: 'birthDate',
  sex: 'sex',
  village_code: 'village',
  address: 'address',
  rt: 'rt',
  rw: 'rw',
  phone: 'phone',
  segment: 'segment',
  category: 'category',
  monthly_income: 'monthlyIncome',
  vulnerability: 'vulnerability',
  kpj_number: 'kpjNumber',
};

/** Worker columns an import may change, with the import field (header) that fills each. */
export const UPDATABLE: readonly (readonly [column: UpdatableColumn & WorkerValueColumn, field: ImportField])[] =
  WORKER_FILE_COLUMNS.filter((c): c is UpdatableColumn => c !== 'nik').map((c) => [c, FIELD_OF[c]] as const);

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

/** Issues found in JS, held as COPY lines (compact) until the staging COPY is done; then one COPY of their own. */
export class IssueBuffer {
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
    await copyFrom(
      client,
      `COPY import_issue (${ISSUE_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`,
      this.chunks,
    );
    this.chunks = [];
  }
}

const same = (c: string) => sql.raw(`(s.${c} IS NULL OR s.${c} IS NOT DISTINCT FROM w.${c})`);

/** Staged rows → import_class with the action each row gets; returns the counts per action. */
export async function classify(tx: Tx, scope: Scope) {
  await sql`ANALYZE import_stage`.execute(tx);
  await sql`
    CREATE TEMP TABLE import_class ON COMMIT DROP AS
    SELECT s.*, w.id AS worker_id,
      CASE
        WHEN w.id IS NULL THEN 'insert'
        WHEN NOT ${regionInScope(sql`w.village_code`, scope)} THEN 'elsewhere'
        WHEN w.merged_into IS NOT NULL THEN 'merged'
        WHEN ${sql.join(
          UPDATABLE.map(([c]) => same(c)),
          sql` AND `,
        )} THEN 'unchanged'
        ELSE 'update'
      END AS action
    FROM import_stage s LEFT JOIN worker_directory w ON w.nik = s.nik`.execute(tx);
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

export async function countWarnings(tx: Tx, jobId: string, afterSeq: number): Promise<number> {
  const r = await sql<{ n: string }>`
    SELECT count(*) AS n FROM import_issue WHERE job_id = ${jobId} AND seq > ${afterSeq} AND severity = 'warning'`.execute(
    tx,
  );
  return Number(r.rows[0]?.n ?? 0);
}

/** Has someone asked to cancel the job (read inside the import's transaction, before it commits)? */
export async function cancelAsked(tx: Tx, jobId: string): Promise<boolean> {
  const asked = await sql<{ at: Date | null }>`
    SELECT cancel_requested_at AS at FROM import_job WHERE id = ${jobId}::bigint`.execute(tx);
  return Boolean(asked.rows[0]?.at);
}

/** The job `id` as the transaction's scope sees it (row-level security), or NOT_FOUND. */
export async function findJob(tx: Tx, id: string): Promise<JobRow> {
  const row = await tx.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'Impor' });
  return row as unknown as JobRow;
}
