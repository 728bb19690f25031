import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { applyRepeatable, readRepeatable, type RepeatableSource } from './repeatable.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations');

// Any constant works; it only has to be the same for every Lindung process on this database.
const MIGRATION_LOCK = 7_263_411;

export type MigrationResult = { applied: string[]; alreadyApplied: number; repeatable: string[] };

/**
 * Applies the SQL files of server/db/migrations in name order, each in its own transaction, under an advisory lock
 * so that two processes starting together do not race. Landed files are frozen: a changed checksum stops start-up.
 * Then, under the same lock, the repeatable files (the current text of the domain functions and published views,
 * server/db/repeatable.ts) in one transaction when any of them changed or a migration was applied. A restore to a
 * backup's version (`upTo`) stops before them: they are the text of this build's newest schema, applied by the next
 * start.
 */
export async function migrate(
  pool: pg.Pool,
  dir = MIGRATIONS_DIR,
  options: { upTo?: string; repeatable?: RepeatableSource[] } = {},
): Promise<MigrationResult> {
  // upTo: a restore brings a database to the backup's schema version first, never beyond it.
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && (options.upTo === undefined || f <= options.upTo))
    .sort();
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS lindung_migration (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM lindung_migration')).rows.map(
        (r) => [r.name, r.checksum],
      ),
    );
    const applied: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = done.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(
            `Migrasi ${file} berubah setelah diterapkan. Migrasi yang sudah mendarat dibekukan: buat file baru.\n` +
              `Migration ${file} changed after it was applied. Landed migrations are frozen: add a new file.`,
          );
        }
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query(text);
        await client.query('INSERT INTO lindung_migration (name, checksum) VALUES ($1, $2)', [file, checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migrasi ${file} gagal / migration failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(file);
    }
    // After a new migration the files are applied again even if unchanged: a migration may have had to drop a view
    // or function to change a table under it, and the current text must stand on the new schema.
    const repeatable =
      options.upTo === undefined
        ? (await applyRepeatable(client, options.repeatable ?? readRepeatable(), { force: applied.length > 0 })).applied
        : [];
    return { applied, alreadyApplied: files.length - applied.length, repeatable };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
