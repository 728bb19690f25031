// Bulk work on workers, the one way many workers are written at once: a staging relation of the caller's
// transaction (filled by COPY) and set-based SQL — `writeWorkerStage` updates and inserts from it with one audit row
// per updated worker (the worker import, through index.ts), `bulkInsertWorkers` loads new workers through it (demo
// generator, fixtures); and the start-up fill of name keys.
import { sql } from 'kysely';
import type pg from 'pg';
import type { Scope } from '../../../lib/access/roles.ts';
import { nameKey } from '../../../lib/rules/import-values.ts';
import { writeAudit, writeAuditRows, type AuditSource } from '../../platform/audit.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { copyFrom, withClientTransaction } from '../../platform/copy.ts';
import { copyText } from '../../platform/copy-text.ts';
import { APP_ROLE, type Db, type Tx } from '../../platform/db.ts';
import { WORKER_VALUE_COLUMNS, type WorkerValues } from './registry.repository.ts';

export type BulkWorker = WorkerValues;
export type WorkerValueColumn = (typeof WORKER_VALUE_COLUMNS)[number];

/** The worker columns a file of workers may carry (life status and death date are not bulk data). */
export const WORKER_FILE_COLUMNS = WORKER_VALUE_COLUMNS.filter(
  (c): c is Exclude<WorkerValueColumn, 'life_status' | 'death_date'> => c !== 'life_status' && c !== 'death_date',
);

export type WorkerStageWrite = {
  /**
   * A relation of the caller's transaction: the worker columns `columns` (with `nik`), `name_key`, `action`
   * ('insert' for a new worker, 'update' for the registered worker `worker_id`; other rows are left alone) and
   * `worker_id`. Values of an update that are NULL keep the stored value (the newest non-empty value wins).
   */
  stage: string;
  columns: readonly WorkerValueColumn[];
  /** Stored in worker.source of new workers, e.g. 'import:<job id>' or 'demo:42'. */
  source: string;
  /** Stored in worker.channel_id of new workers (issue 16: the import's channel); NULL: tidak diketahui. */
  channelId?: string | null;
  /** Write as the application role within this scope: row-level security checks every row again. */
  scope?: Scope;
  /**
   * A NIK that is registered by the time of the insert: 'fail' fails the whole write on the unique NIK (an import:
   * two regencies' imports of one new NIK, the later one fails whole); 'skip' keeps the first row of each NIK and
   * skips NIKs already registered (loads of generated rows).
   */
  onConflict: 'fail' | 'skip';
  /** The audit action of each updated worker's row, and marks added to its before and after (e.g. the import). */
  updateAudit?: { action: string; marks: Record<string, string> };
  /**
   * After the inserts, a temporary table of this name (dropped at commit) holds the stored probable-duplicate pairs
   * among the workers this write inserted (nik_low, nik_high, same_birth), as the registry's pair trigger found them:
   * the import reports its file's duplicates from them instead of pairing the same rows a second time.
   */
  insertedPairs?: string;
};

/**
 * The registry's set-based upsert from a staging relation, inside the caller's transaction: one audit row per
 * updated worker (the changed fields before and after, through platform/audit.ts), the updates, then the inserts in
 * the order of the widest index (name key, birth date): its pages then fill one after another instead of at random,
 * which cut the write of a million new workers by about a third (docs/benchmarks.md).
 */
export async function writeWorkerStage(
  tx: Tx,
  who: AuditSource,
  w: WorkerStageWrite,
): Promise<{ inserted: number; updated: number }> {
  const stage = sql.table(w.stage);
  if (w.scope !== undefined) {
    await sql`GRANT SELECT ON ${stage} TO ${sql.id(APP_ROLE)}`.execute(tx);
    await sql`SET LOCAL ROLE ${sql.id(APP_ROLE)}`.execute(tx);
    await sql`SELECT set_config('lindung.scope', ${w.scope}, true)`.execute(tx);
  }
  const updatable = w.columns.filter((c) => c !== 'nik');

  if (w.updateAudit !== undefined) {
    const changed = (c: string) => sql.raw(`(s.${c} IS NOT NULL AND s.${c} IS DISTINCT FROM w.${c})`);
    const pairs = (side: 'w' | 's') =>
      sql.join(
        updatable.map((c) => sql`${c}::text, CASE WHEN ${changed(c)} THEN to_jsonb(${sql.raw(`${side}.${c}`)}) END`),
      );
    const marks = sql`${JSON.stringify(w.updateAudit.marks)}::jsonb`;
    await writeAuditRows(
      tx,
      who,
      sql`
      SELECT ${w.updateAudit.action}::text AS action, 'worker' AS entity, w.id::text AS entity_id,
        coalesce(s.village_code, w.village_code) AS region_code,
        jsonb_strip_nulls(jsonb_build_object(${pairs('w')})) || ${marks} AS before,
        jsonb_strip_nulls(jsonb_build_object(${pairs('s')})) || ${marks} AS after
      FROM ${stage} s JOIN worker w ON w.id = s.worker_id
      WHERE s.action = 'update'`,
    );
  }

  const setters = updatable.map((c) => sql`${sql.raw(c)} = coalesce(s.${sql.raw(c)}, w.${sql.raw(c)})`);
  const updated = await sql`
    UPDATE worker w SET ${sql.join(setters)},
      name_key = CASE WHEN s.full_name IS NULL THEN w.name_key ELSE s.name_key END,
      kabkota_code = left(coalesce(s.village_code, w.village_code), 5),
      updated_at = now()
    FROM ${stage} s
    WHERE s.action = 'update' AND w.id = s.worker_id`.execute(tx);

  const columns = [...w.columns, 'name_key'] as const;
  const values = columns.map((c) =>
    c === 'segment'
      ? sql`coalesce(segment, 'other')`
      : c === 'category'
        ? sql`coalesce(category, 'BPU')`
        : c === 'vulnerability'
          ? sql`coalesce(vulnerability, '{}')`
          : sql.ref(c),
  );
  const into = sql`INSERT INTO worker (kabkota_code, ${sql.join(columns.map((c) => sql.ref(c)))}, source, channel_id)`;
  const channel = sql`${w.channelId ?? null}::bigint`;
  // The new ids' range comes back with the count (one row, not a million ids): the file's own pairs are read by it.
  const insert =
    w.onConflict === 'skip'
      ? sql`${into}
        SELECT DISTINCT ON (nik) left(village_code, 5), ${sql.join(values)}, ${w.source}, ${channel}
        FROM ${stage} WHERE action = 'insert'
        ORDER BY nik
        ON CONFLICT (nik) DO NOTHING RETURNING id`
      : sql`${into}
        SELECT left(village_code, 5), ${sql.join(values)}, ${w.source}, ${channel}
        FROM ${stage} WHERE action = 'insert'
        ORDER BY name_key, birth_date RETURNING id`;
  const { rows } = await sql<{ n: string; lo: string | null; hi: string | null }>`
    WITH ins AS (${insert}) SELECT count(*) AS n, min(id) AS lo, max(id) AS hi FROM ins`.execute(tx);
  const added = rows[0]!;
  if (w.scope !== undefined) await sql`RESET ROLE`.execute(tx);
  if (w.insertedPairs !== undefined) {
    // Pairs of two workers this statement inserted: both ids in its range and both rows carrying its source.
    await sql`CREATE TEMP TABLE ${sql.table(w.insertedPairs)} ON COMMIT DROP AS
      SELECT lo.nik AS nik_low, hi.nik AS nik_high, p.same_birth
      FROM worker_duplicate_pair p JOIN worker lo ON lo.id = p.worker_low JOIN worker hi ON hi.id = p.worker_high
      WHERE p.worker_low BETWEEN ${added.lo}::bigint AND ${added.hi}::bigint
        AND p.worker_high BETWEEN ${added.lo}::bigint AND ${added.hi}::bigint
        AND lo.source = ${w.source} AND hi.source = ${w.source}`.execute(tx);
  }
  return { inserted: Number(added.n), updated: Number(updated.numAffectedRows ?? 0) };
}

export type BulkInsertOptions = {
  /** Stored in worker.source, e.g. 'demo:42'. */
  source: string;
  audit: { action: string; region: string | null; details: Record<string, unknown> };
  /** Called as rows are streamed into the staging table. */
  onRow?: (streamed: number) => void;
};

function* copyLines(rows: Iterable<BulkWorker>, onRow?: (n: number) => void): Generator<string> {
  let n = 0;
  let chunk = '';
  for (const row of rows) {
    chunk += `${WORKER_VALUE_COLUMNS.map((c) => copyText(row[c])).join('\t')}\t${copyText(nameKey(row.full_name))}\n`;
    n++;
    if (n % 1000 === 0) {
      yield chunk;
      chunk = '';
      onRow?.(n);
    }
  }
  if (chunk) yield chunk;
  onRow?.(n);
}

/**
 * Loads new workers in one transaction on the owner connection, through writeWorkerStage; a NIK already registered
 * (or repeated) is skipped, never overwritten. One audit row counts the load. Returns how many rows were streamed
 * and how many became new workers.
 */
export async function bulkInsertWorkers(
  ownerPool: pg.Pool,
  rows: Iterable<BulkWorker>,
  ctx: RequestContext,
  options: BulkInsertOptions,
): Promise<{ streamed: number; inserted: number }> {
  let streamed = 0;
  return withClientTransaction(ownerPool, async (tx, client) => {
    await sql`CREATE TEMP TABLE stage_worker (
        nik text, full_name text, birth_place text, birth_date date, sex text, village_code text, address text,
        rt text, rw text, phone text, segment text, category text, monthly_income bigint, vulnerability text[],
        kpj_number text, life_status text, death_date date, name_key text,
        action text NOT NULL DEFAULT 'insert', worker_id bigint
      ) ON COMMIT DROP`.execute(tx);
    await copyFrom(
      client,
      `COPY stage_worker (${[...WORKER_VALUE_COLUMNS, 'name_key'].join(', ')}) FROM STDIN WITH (FORMAT text)`,
      copyLines(rows, (n) => {
        streamed = n;
        options.onRow?.(n);
      }),
    );
    const { inserted } = await writeWorkerStage(tx, ctx, {
      stage: 'stage_worker',
      columns: WORKER_VALUE_COLUMNS,
      source: options.source,
      onConflict: 'skip',
    });
    await writeAudit(tx, ctx, {
      action: options.audit.action,
      entity: 'worker',
      region: options.audit.region,
      after: { ...options.audit.details, streamed, inserted, source: options.source },
    });
    return { streamed, inserted };
  });
}

/**
 * Start-up step: fills `name_key` where it is missing, i.e. on workers written before migration 0005 added the
 * column (every write since computes it). SQL cannot run the TypeScript rule, so the keys are computed here, in
 * batches of one transaction each, walking the ids upwards; a partial index makes the check instant once done.
 * One audit row counts what was filled.
 */
export async function ensureWorkerNameKeys(owner: Db, batchSize = 5000): Promise<{ filled: number }> {
  let filled = 0;
  let after = '0';
  for (;;) {
    const rows = await owner
      .selectFrom('worker')
      .select(['id', 'full_name'])
      .where('name_key', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    await sql`
      UPDATE worker w SET name_key = v.key
      FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => nameKey(r.full_name))}::text[]) AS v(id, key)
      WHERE w.id = v.id AND w.name_key IS NULL`.execute(owner);
    filled += rows.length;
    after = String(rows[rows.length - 1]!.id);
  }
  if (filled > 0) {
    await owner.transaction().execute((tx) =>
      writeAudit(tx, systemContext('registry'), {
        action: 'worker.name_key_fill',
        entity: 'worker',
        region: null,
        after: { filled },
      }),
    );
  }
  return { filled };
}
