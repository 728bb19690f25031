import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { MIGRATIONS_DIR, migrate } from '../platform/migrate.ts';
import { readRepeatable } from '../platform/repeatable.ts';
import { ensureRegionsLoaded } from '../modules/regions/index.ts';
import { ensureContributionRulesSeeded } from '../modules/contributions/index.ts';

// Tests run against the PostgreSQL server of the machine (TEST_DATABASE_URL, default the local one on 5432).
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

// Seed data loaded into the template besides the migrations: a change to any of them makes a new template.
const SEED_SOURCES = ['lib/rules/contribution-rules.seed.ts', 'server/modules/regions/regions.loader.ts'].map((p) =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..', p),
);

const CHECKOUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A short tag of this checkout, so two checkouts on one server never use or drop each other's templates. */
function checkoutTag(): string {
  return createHash('sha256').update(CHECKOUT).digest('hex').slice(0, 6);
}

/**
 * The template's name changes with the migrations, the repeatable SQL and the seed data, so a stale template is never
 * used; it carries the checkout's tag, so clean-up removes only this checkout's old templates.
 */
export function templateName(): string {
  const hash = createHash('sha256');
  for (const f of fs.readdirSync(MIGRATIONS_DIR).sort())
    hash.update(f).update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)));
  for (const r of readRepeatable()) hash.update(r.name).update(r.checksum);
  for (const f of SEED_SOURCES) hash.update(fs.readFileSync(f));
  return `lindung_tpl_${checkoutTag()}_${hash.digest('hex').slice(0, 12)}`;
}

export async function withServerClient<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Builds the migrated template with regions and the contribution rule seed once per migration set; each test file
 * copies it (fast, isolated).
 */
export async function prepareTemplate(): Promise<string> {
  const name = templateName();
  const exists = await withServerClient(async (c) => {
    // The application role is cluster-wide: create it once here so parallel test databases never race for it.
    await c.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lindung_app') THEN
          CREATE ROLE lindung_app NOLOGIN NOSUPERUSER NOINHERIT;
        END IF; END $$`);
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (r.rowCount ?? 0) > 0;
  });
  if (exists) return name;
  const building = `${name}_build_${process.pid}`;
  await withServerClient((c) => c.query(`CREATE DATABASE ${building}`));
  const pool = new pg.Pool({ connectionString: databaseUrl(building), max: 2 });
  try {
    await migrate(pool);
    await ensureRegionsLoaded(pool);
    await ensureContributionRulesSeeded(pool);
  } finally {
    await pool.end();
  }
  await withServerClient(async (c) => {
    await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`).catch(async (err: Error) => {
      await c.query(`DROP DATABASE IF EXISTS ${building}`);
      if (!/already exists/.test(err.message)) throw err;
    });
    // This checkout's templates of earlier migration sets are removed; other checkouts' are theirs to manage.
    const old = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $2) AND datname <> $1 AND datname NOT LIKE '%_build_%'`,
      [name, `lindung_tpl_${checkoutTag()}_`],
    );
    for (const row of old.rows) await c.query(`DROP DATABASE IF EXISTS ${row.datname}`).catch(() => undefined);
  });
  return name;
}
