import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Scope } from '../../lib/access/roles.ts';
import type { DB } from '../db/schema.ts';

// bigint (int8) arrives as string by default; Lindung's bigints (rupiah, ids) fit in a double only up to 2^53,
// so ids stay strings and money columns are converted where they are read.
export const APP_ROLE = 'lindung_app';

// DATE columns stay 'YYYY-MM-DD' strings: a date has no time zone, and JS Date would add one.
pg.types.setTypeParser(1082, (value: string) => value);
// …and so do DATE[] elements (program.service_months), parsed as a text[] would be.
const DATE_ARRAY = 1182 as Parameters<typeof pg.types.setTypeParser>[0];
const TEXT_ARRAY = 1009 as Parameters<typeof pg.types.getTypeParser>[0];
pg.types.setTypeParser(DATE_ARRAY, pg.types.getTypeParser(TEXT_ARRAY));

export type { Scope };

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

export type Database = {
  /** Runs as the application role, bound by row-level security. */
  app: Db;
  /** The owner connection: migrations and bulk loads only, never request handling. */
  owner: Db;
  ownerPool: pg.Pool;
  close(): Promise<void>;
};

export function openDatabase(url: string, options: { appPoolSize?: number } = {}): Database {
  // Owner connections: migrations, bulk loads, each running import (one for its transaction), background jobs.
  const ownerPool = new pg.Pool({ connectionString: url, max: 6 });
  const appPool = new pg.Pool({ connectionString: url, max: options.appPoolSize ?? 10 });
  // An idle connection that the server closes (restart, shutdown) must not crash the process: the pool
  // drops that client and opens a new one on the next query.
  for (const pool of [ownerPool, appPool]) pool.on('error', () => undefined);
  // Every application connection drops to the unprivileged role before its first query (queries queue behind it).
  appPool.on('connect', (client) => {
    client.query(`SET ROLE ${APP_ROLE}`).catch(() => client.release(new Error('SET ROLE failed')));
  });
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool: appPool }) });
  return {
    app,
    owner,
    ownerPool,
    async close() {
      await app.destroy();
      await owner.destroy();
    },
  };
}

/**
 * The one way application code reaches data: a transaction whose region scope is set first, so that
 * row-level security filters again what every repository already filters by region.
 */
export async function withScope<T>(db: Db, scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('lindung.scope', ${scope}, true)`.execute(tx);
    return work(tx);
  });
}
