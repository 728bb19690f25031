import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { REPEATABLE_FILES } from '../db/repeatable.ts';

// Repeatable SQL (issue 14 §6): the current text of the domain functions, triggers and published views, one home per
// module (server/db/repeatable.ts lists the files in order). migrate() calls this after the migrations, under the
// same advisory lock: when any file's checksum differs from the one recorded, every file is applied again, in order,
// in one transaction. Unchanged files cost one small query at start.
//
// The file's text always wins:
//  - files say CREATE OR REPLACE, so a changed body replaces the old one in place (same object: triggers, checks,
//    policies and grants that use it stay);
//  - a change PostgreSQL refuses in place (a function's return type or parameter names, a view's columns) drops the
//    old object with CASCADE and applies the file again; what the drop took with it must be re-created by the files;
//  - an overload the files no longer declare (a function whose argument types changed) is dropped;
//  - and nothing the database held before may be missing afterwards (relations, triggers, policies, constraints,
//    functions by name, granted privileges): otherwise the transaction rolls back and start-up stops, naming it.

export const CHECKOUT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type RepeatableSource = { name: string; text: string; checksum: string };

export function readRepeatable(files: readonly string[] = REPEATABLE_FILES, root = CHECKOUT_ROOT): RepeatableSource[] {
  return files.map((name) => {
    const text = fs.readFileSync(path.join(root, name), 'utf8');
    return { name, text, checksum: createHash('sha256').update(text).digest('hex') };
  });
}

const FUNCTION_NAME = /\bcreate\s+(?:or\s+replace\s+)?function\s+(?:public\.)?([a-z_][a-z0-9_]*)/gi;
const VIEW_NAME = /\bcreate\s+(?:or\s+replace\s+)?view\s+(?:public\.)?([a-z_][a-z0-9_]*)/gi;

/** The names a file declares with CREATE [OR REPLACE] FUNCTION / VIEW (comments included: a harmless over-match). */
export function declaredNames(text: string, kind: 'function' | 'view'): string[] {
  const pattern = kind === 'function' ? FUNCTION_NAME : VIEW_NAME;
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1]!.toLowerCase()))];
}

// Everything a re-application must leave in place: identities, and each privilege granted on a relation or function
// (a function without an ACL has the owner's default one, PUBLIC EXECUTE included).
const CATALOGUE = `
  SELECT 'relation ' || c.relname AS item FROM pg_class c
   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'i', 'S', 'f')
  UNION ALL SELECT 'trigger ' || t.tgname || ' on ' || t.tgrelid::regclass::text FROM pg_trigger t
   JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
  UNION ALL SELECT 'policy ' || p.polname || ' on ' || p.polrelid::regclass::text FROM pg_policy p
  UNION ALL SELECT 'constraint ' || k.conname || ' on ' || k.conrelid::regclass::text FROM pg_constraint k
   WHERE k.connamespace = 'public'::regnamespace
  UNION ALL SELECT 'function ' || p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
  UNION ALL SELECT 'grant ' || a.privilege_type || ' on ' || c.relname || ' to ' || a.grantee::regrole::text
    FROM pg_class c, aclexplode(c.relacl) a
   WHERE c.relnamespace = 'public'::regnamespace AND c.relacl IS NOT NULL
  UNION ALL SELECT 'grant ' || a.privilege_type || ' on function ' || p.proname || ' to ' ||
         CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END
    FROM pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
   WHERE p.pronamespace = 'public'::regnamespace AND a.grantee <> p.proowner`;

async function catalogue(client: pg.PoolClient): Promise<Set<string>> {
  return new Set((await client.query<{ item: string }>(CATALOGUE)).rows.map((r) => r.item));
}

/** Each version of the declared functions (oid and row version): an unchanged one was not re-created. */
async function functionVersions(client: pg.PoolClient, names: string[]): Promise<Map<string, string>> {
  const r = await client.query<{ oid: string; version: string }>(
    `SELECT oid::text, xmin::text AS version FROM pg_proc
     WHERE pronamespace = 'public'::regnamespace AND proname = ANY($1)`,
    [names],
  );
  return new Map(r.rows.map((row) => [row.oid, row.version]));
}

const MAX_ATTEMPTS = 20;

/** Applies one file; a change PostgreSQL refuses in place drops the old object (CASCADE) and tries again. */
async function applyFile(client: pg.PoolClient, file: RepeatableSource): Promise<void> {
  const views = declaredNames(file.text, 'view');
  for (let attempt = 1; ; attempt++) {
    await client.query('SAVEPOINT lindung_repeatable_file');
    try {
      await client.query(file.text);
      await client.query('RELEASE SAVEPOINT lindung_repeatable_file');
      return;
    } catch (err) {
      await client.query('ROLLBACK TO SAVEPOINT lindung_repeatable_file');
      const e = err as pg.DatabaseError;
      const drop = e.code === '42P13' ? /^Use (DROP FUNCTION .+) first\.$/.exec(e.hint ?? '') : null;
      if (attempt < MAX_ATTEMPTS && drop) {
        // A function's return type, parameter names or defaults changed.
        await client.query(`${drop[1]} CASCADE`);
      } else if (attempt < MAX_ATTEMPTS && e.code === '42P16' && views.length > 0) {
        // A view's columns changed (dropped, renamed, retyped or reordered).
        for (const v of views) await client.query(`DROP VIEW IF EXISTS ${v} CASCADE`);
      } else {
        throw new Error(`SQL ${file.name} gagal / failed: ${e.message}`, { cause: err });
      }
    }
  }
}

export type RepeatableResult = { applied: string[] };

/**
 * Brings the database to the current text of the repeatable files. Call under the migration lock, after the
 * migrations; applies nothing (one query) when every checksum matches the recorded one.
 */
export async function applyRepeatable(
  client: pg.PoolClient,
  sources: RepeatableSource[] = readRepeatable(),
  options: { force?: boolean } = {},
): Promise<RepeatableResult> {
  await client.query(`CREATE TABLE IF NOT EXISTS lindung_repeatable (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const recorded = new Map(
    (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM lindung_repeatable')).rows.map(
      (r) => [r.name, r.checksum],
    ),
  );
  const changed =
    options.force || recorded.size !== sources.length || sources.some((s) => recorded.get(s.name) !== s.checksum);
  if (!changed) return { applied: [] };

  const functions = [...new Set(sources.flatMap((s) => declaredNames(s.text, 'function')))];
  try {
    await client.query('BEGIN');
    const before = await catalogue(client);
    const oldVersions = await functionVersions(client, functions);
    for (const source of sources) await applyFile(client, source);
    // Overloads of a declared name the files did not (re-)create: an argument list the current text no longer has.
    for (const [oid, version] of await functionVersions(client, functions)) {
      if (oldVersions.get(oid) !== version) continue;
      const sig = (await client.query<{ sig: string }>('SELECT $1::oid::regprocedure::text AS sig', [oid])).rows[0]!;
      await client.query(`DROP FUNCTION ${sig.sig} CASCADE`);
    }
    const after = await catalogue(client);
    const lost = [...before].filter((item) => !after.has(item)).sort();
    if (lost.length > 0) {
      throw new Error(
        'SQL berulang menghapus objek yang tidak dibuat ulang / repeatable SQL would lose what it does not ' +
          `re-create (move it into a repeatable file): ${lost.join('; ')}`,
      );
    }
    await client.query('DELETE FROM lindung_repeatable');
    await client.query('INSERT INTO lindung_repeatable (name, checksum) SELECT * FROM unnest($1::text[], $2::text[])', [
      sources.map((s) => s.name),
      sources.map((s) => s.checksum),
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
  return { applied: sources.filter((s) => options.force || recorded.get(s.name) !== s.checksum).map((s) => s.name) };
}
