// Repeatable SQL (issue 14 §6): the current text of the domain functions and views, re-applied at start on change.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';
import { REPEATABLE_FILES } from '../db/repeatable.ts';
import { MIGRATIONS_DIR, migrate } from './migrate.ts';
import { applyRepeatable, readRepeatable, type RepeatableSource } from './repeatable.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('repeatable');
});

afterAll(async () => {
  await db?.drop();
});

// Every definition that matters to behaviour: function text, owner and privileges; triggers; views with options and
// privileges; policies and constraints.
const DEFINITIONS = `
  SELECT 'function ' || p.oid::regprocedure::text || E'\\n' || pg_get_functiondef(p.oid) || E'\\nacl ' ||
         coalesce(p.proacl::text, '-') AS d
    FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
   WHERE p.pronamespace = 'public'::regnamespace AND l.lanname <> 'c'
  UNION ALL SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text FROM pg_trigger t
   WHERE NOT t.tgisinternal
  UNION ALL SELECT 'view ' || c.relname || ' ' || pg_get_viewdef(c.oid) || ' ' || coalesce(c.relacl::text, '-') ||
         ' ' || coalesce(c.reloptions::text, '-')
    FROM pg_class c WHERE c.relkind = 'v' AND c.relnamespace = 'public'::regnamespace
  UNION ALL SELECT 'policy ' || polname || ' ' || coalesce(pg_get_expr(polqual, polrelid), '') FROM pg_policy
  UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
   WHERE connamespace = 'public'::regnamespace
  ORDER BY 1`;

async function definitions(): Promise<string[]> {
  return (await db.ownerPool.query<{ d: string }>(DEFINITIONS)).rows.map((r) => r.d);
}

function source(name: string, text: string): RepeatableSource {
  return { name, text, checksum: createHash('sha256').update(text).digest('hex') };
}

async function apply(sources: RepeatableSource[]) {
  const client = await db.ownerPool.connect();
  try {
    return await applyRepeatable(client, sources);
  } finally {
    client.release();
  }
}

async function value(sql: string): Promise<unknown> {
  return (await db.ownerPool.query<{ v: unknown }>(sql)).rows[0]!.v;
}

const PROBE = 'test/probe.sql';
const probe = (fn: string, view: string) =>
  source(
    PROBE,
    `${fn};
     CREATE OR REPLACE VIEW lindung_probe_view AS ${view};
     GRANT SELECT ON lindung_probe_view TO lindung_app;`,
  );

describe('repeatable SQL', () => {
  it('is applied with the migrations and recorded; an unchanged start applies nothing', async () => {
    const recorded = await db.ownerPool.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM lindung_repeatable ORDER BY name',
    );
    expect(recorded.rows).toEqual(
      readRepeatable()
        .map((s) => ({ name: s.name, checksum: s.checksum }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
    const again = await migrate(db.ownerPool);
    expect(again).toMatchObject({ applied: [], repeatable: [] });
  });

  it('re-applied in full, leaves every definition, trigger, view and privilege as it was', async () => {
    const before = await definitions();
    const client = await db.ownerPool.connect();
    try {
      const result = await applyRepeatable(client, readRepeatable(), { force: true });
      expect(result.applied).toEqual([...REPEATABLE_FILES]);
    } finally {
      client.release();
    }
    expect(await definitions()).toEqual(before);
  });

  it('applies a changed body in place and the file text wins over signature and column changes', async () => {
    const current = readRepeatable();
    // 1. A new file: the function and the view it feeds.
    await apply([
      ...current,
      probe(
        'CREATE OR REPLACE FUNCTION lindung_probe(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$',
        'SELECT lindung_probe(1) AS a, 2 AS b',
      ),
    ]);
    const oid = await value(`SELECT 'lindung_probe(integer)'::regprocedure::oid::text AS v`);
    expect(await value('SELECT a AS v FROM lindung_probe_view')).toBe(2);

    // 2. A changed body: replaced in place (same function, so whatever uses it keeps it).
    const changed = await apply([
      ...current,
      probe(
        'CREATE OR REPLACE FUNCTION lindung_probe(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 10 $$',
        'SELECT lindung_probe(1) AS a, 2 AS b',
      ),
    ]);
    expect(changed.applied).toEqual([PROBE]);
    expect(await value(`SELECT 'lindung_probe(integer)'::regprocedure::oid::text AS v`)).toBe(oid);
    expect(await value('SELECT a AS v FROM lindung_probe_view')).toBe(11);

    // 3. A new return type and a view without column b: PostgreSQL refuses both in place; dropped and re-created.
    await apply([
      ...current,
      probe(
        `CREATE OR REPLACE FUNCTION lindung_probe(x integer) RETURNS text LANGUAGE sql AS $$ SELECT 'n' || x $$`,
        'SELECT lindung_probe(1) AS a',
      ),
    ]);
    expect(await value('SELECT a AS v FROM lindung_probe_view')).toBe('n1');
    expect(await value(`SELECT has_table_privilege('lindung_app', 'lindung_probe_view', 'SELECT') AS v`)).toBe(true);

    // 4. A new argument type: the old overload goes, only the current text remains.
    await apply([
      ...current,
      probe(
        `CREATE OR REPLACE FUNCTION lindung_probe(x bigint) RETURNS text LANGUAGE sql AS $$ SELECT 'b' || x $$`,
        'SELECT lindung_probe(1::bigint) AS a',
      ),
    ]);
    expect(
      await value(`SELECT array_agg(oid::regprocedure::text) AS v FROM pg_proc WHERE proname = 'lindung_probe'`),
    ).toEqual(['lindung_probe(bigint)']);
    expect(await value('SELECT a AS v FROM lindung_probe_view')).toBe('b1');
  });

  it('rolls back and names what a drop would take that no file re-creates', async () => {
    const current = readRepeatable();
    const base = probe(
      'CREATE OR REPLACE FUNCTION lindung_probe(x bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT x $$',
      'SELECT 1 AS a, 2 AS b',
    );
    await apply([...current, base]);
    // An object outside the repeatable files that depends on the view.
    await db.ownerPool.query('CREATE VIEW lindung_probe_outsider AS SELECT b FROM lindung_probe_view');
    await expect(
      apply([
        ...current,
        probe(
          'CREATE OR REPLACE FUNCTION lindung_probe(x bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT x $$',
          'SELECT 1 AS a',
        ),
      ]),
    ).rejects.toThrow(/relation lindung_probe_outsider/);
    // Nothing changed: the view keeps column b, and the old checksum stays recorded (the next start tries again).
    expect(await value('SELECT b AS v FROM lindung_probe_outsider')).toBe(2);
    expect(await value(`SELECT checksum AS v FROM lindung_repeatable WHERE name = '${PROBE}'`)).toBe(base.checksum);
    await db.ownerPool.query('DROP VIEW lindung_probe_outsider');
  });

  it('applies the files again after a new migration (which may have dropped a view to alter a table)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-repeatable-'));
    try {
      for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
      fs.writeFileSync(path.join(dir, '99999999_9999_drops_a_view.sql'), 'DROP VIEW region_directory;');
      const result = await migrate(db.ownerPool, dir);
      expect(result.applied).toEqual(['99999999_9999_drops_a_view.sql']);
      expect(result.repeatable).toEqual([...REPEATABLE_FILES]);
      expect(await value(`SELECT count(*)::int AS v FROM region_directory WHERE level = 'province'`)).toBeGreaterThan(
        0,
      );
      expect(await value(`SELECT has_table_privilege('lindung_app', 'region_directory', 'SELECT') AS v`)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails start-up on a broken file, naming it, and applies nothing of the set', async () => {
    const current = readRepeatable();
    const broken = source('test/broken.sql', 'CREATE OR REPLACE FUNCTION lindung_probe_broken( RETURNS int');
    await expect(apply([...current, broken])).rejects.toThrow(/test\/broken\.sql/);
    expect(await value(`SELECT count(*)::int AS v FROM lindung_repeatable WHERE name = 'test/broken.sql'`)).toBe(0);
  });
});
