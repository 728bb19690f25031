// Bulk loads of workers (demo generator now, the file import later): COPY into a temporary staging table and one
// set-based INSERT … SELECT, through the owner pool, with the audit row in the same transaction.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { WorkerValues } from './registry.repository.ts';

export type BulkWorker = WorkerValues;

export type BulkInsertOptions = {
  /** Stored in worker.source, e.g. 'demo:42' or later 'import:<job id>'. */
  source: string;
  audit: { action: string; region: string | null; details: Record<string, unknown> };
  /** Called as rows are streamed into the staging table. */
  onRow?: (streamed: number) => void;
};

const COLUMNS = [
  'nik',
  'full_name',
  'birth_place',
  'birth_date',
  'sex',
  'village_code',
  'address',
  'rt',
  'rw',
  'phone',
  'segment',
  'category',
  'monthly_income',
  'vulnerability',
  'kpj_number',
  'life_status',
  'death_date',
] as const satisfies readonly (keyof WorkerValues)[];

// COPY text format: backslash, tab and line breaks escaped, NULL as \N.
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value))
    return copyText(`{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

function* copyLines(rows: Iterable<BulkWorker>, onRow?: (n: number) => void): Generator<string> {
  let n = 0;
  let chunk = '';
  for (const row of rows) {
    chunk += `${COLUMNS.map((c) => copyText(row[c])).join('\t')}\n`;
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
          kpj_number text, life_status text, death_date date
        ) ON COMMIT DROP`.execute(tx);
      const copy = client.query(
        copyStreams.from(`COPY stage_worker (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT text)`),
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
        INSERT INTO worker (kabkota_code, ${sql.raw(COLUMNS.join(', '))}, source)
        SELECT DISTINCT ON (nik) left(village_code, 5), ${sql.raw(COLUMNS.join(', '))}, ${options.source}
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
