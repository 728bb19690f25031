// Bulk work on workers, through the owner pool: loads (demo generator) as COPY into a temporary staging table and
// one set-based INSERT … SELECT with the audit row in the same transaction; the start-up fill of name keys.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { nameKey } from '../../../lib/rules/import-values.ts';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { WORKER_VALUE_COLUMNS, type WorkerValues } from './registry.repository.ts';
import { copyText } from '../../platform/copy-text.ts';

export type BulkWorker = WorkerValues;

export type BulkInsertOptions = {
  /** Stored in worker.source, e.g. 'demo:42' or later 'import:<job id>'. */
  source: string;
  audit: { action: string; region: string | null; details: Record<string, unknown> };
  /** Called as rows are streamed into the staging table. */
  onRow?: (streamed: number) => void;
};

const COLUMNS = WORKER_VALUE_COLUMNS satisfies readonly (keyof WorkerValues)[];
// Staged besides the given columns: the matching key of the name, computed here as on every other write path.
const STAGED = [...COLUMNS, 'name_key'] as const;

function* copyLines(rows: Iterable<BulkWorker>, onRow?: (n: number) => void): Generator<string> {
  let n = 0;
  let chunk = '';
  for (const row of rows) {
    chunk += `${COLUMNS.map((c) => copyText(row[c])).join('\t')}\t${copyText(nameKey(row.full_name))}\n`;
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
 * Loads the rows in one transaction; a NIK already registered (or repeated) is skipped, never overwritten.
 * Returns how many rows were streamed and how many became new workers.
 */
export async function bulkInsertWorkers(
  ownerPool: pg.Pool,
  rows: Iterable<BulkWorker>,
  ctx: RequestContext,
  options: BulkInsertOptions,
): Promise<{ streamed: number; inserted: number }> {
  const client = await ownerPool.connect();
  // A Kysely bound to this one connection, so that writeAudit joins the COPY's transaction.
  const single = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: {
        connect: async () => ({ query: client.query.bind(client), release: () => undefined }),
        end: async () => {},
      },
    }),
  });
  let streamed = 0;
  try {
    return await single.transaction().execute(async (tx) => {
      await sql`CREATE TEMP TABLE stage_worker (
          nik text, full_name text, birth_place text, birth_date date, sex text, village_code text, address text,
          rt text, rw text, phone text, segment text, category text, monthly_income bigint, vulnerability text[],
          kpj_number text, life_status text, death_date date, name_key text
        ) ON COMMIT DROP`.execute(tx);
      const copy = client.query(
        copyStreams.from(`COPY stage_worker (${STAGED.join(', ')}) FROM STDIN WITH (FORMAT text)`),
      );
      await pipeline(
        Readable.from(
          copyLines(rows, (n) => {
            streamed = n;
            options.onRow?.(n);
          }),
        ),
        copy,
      );
      // DISTINCT ON keeps the first of NIKs repeated inside the file; ON CONFLICT skips NIKs already registered.
      const result = await sql`
        INSERT INTO worker (kabkota_code, ${sql.raw(STAGED.join(', '))}, source)
        SELECT DISTINCT ON (nik) left(village_code, 5), ${sql.raw(STAGED.join(', '))}, ${options.source}
        FROM stage_worker
        ORDER BY nik
        ON CONFLICT (nik) DO NOTHING`.execute(tx);
      const inserted = Number(result.numAffectedRows ?? 0);
      await writeAudit(tx, ctx, {
        action: options.audit.action,
        entity: 'worker',
        region: options.audit.region,
        after: { ...options.audit.details, streamed, inserted, source: options.source },
      });
      return { streamed, inserted };
    });
  } finally {
    await single.destroy();
    client.release();
  }
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
