// COPY into a staging table inside a transaction: the COPY protocol needs the raw pg client, the set-based SQL
// around it the query builder, and both must run on ONE connection so they share the transaction (and the
// temporary tables). The one place that binds a Kysely to a single pooled connection.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { Scope } from '../../lib/access/roles.ts';
import type { DB } from '../db/schema.ts';
import { APP_ROLE, type Database, type Db, type Tx } from './db.ts';

/** A Kysely bound to one client, so every statement (and writeAudit) joins the client's transaction. */
export function singleConnection(client: pg.PoolClient): Db {
  return new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: {
        connect: async () => ({ query: client.query.bind(client), release: () => undefined }),
        end: async () => {},
      },
    }),
  });
}

/**
 * Takes one connection of `pool` for `work`, with a Kysely bound to it; released afterwards whatever happens.
 * For work that needs the connection before its transaction starts (the import: its backend pid, for cancelling).
 */
export async function onOneConnection<T>(
  pool: pg.Pool,
  work: (conn: { db: Db; client: pg.PoolClient }) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const db = singleConnection(client);
  try {
    return await work({ db, client });
  } finally {
    await db.destroy();
    client.release();
  }
}

/**
 * One transaction on one connection of `pool`, with the raw client (COPY, plain queries) and a Kysely bound to it:
 * both run in the transaction. On the owner pool it bypasses row-level security: bulk loads and start-up steps only.
 */
export async function withClientTransaction<T>(
  pool: pg.Pool,
  work: (tx: Tx, client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return onOneConnection(pool, ({ db, client }) => db.transaction().execute((tx) => work(tx, client)));
}

/**
 * One transaction on one connection, as the application role with the actor's scope (row-level security applies
 * exactly as in withScope), for a COPY into a temporary staging table.
 */
export async function withScopedCopy<T>(
  database: Database,
  scope: Scope,
  work: (tx: Tx, client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return withClientTransaction(database.ownerPool, async (tx, client) => {
    await sql`SET LOCAL ROLE ${sql.id(APP_ROLE)}`.execute(tx);
    await sql`SELECT set_config('lindung.scope', ${scope}, true)`.execute(tx);
    return work(tx, client);
  });
}

/**
 * Streams `chunks` (COPY text: tab-separated lines, see copy-text.ts) through `statement` (a `COPY … FROM STDIN`)
 * on `client`, inside whatever transaction the client is in.
 */
export async function copyFrom(
  client: pg.PoolClient,
  statement: string,
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  await pipeline(Readable.from(chunks), client.query(copyStreams.from(statement)));
}
