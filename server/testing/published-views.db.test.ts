// Issue 14 §1: the read views a module publishes for the others (server/db/ownership.ts) must cost the reader
// nothing and hide nothing less than the table: each is a simple view that PostgreSQL inlines (the same plan, on
// the same indexes, as the query on the table), with security_invoker so the table's row-level security applies to
// the reader, and readable by the application role.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED_VIEWS } from '../db/ownership.ts';
import { APP_ROLE } from '../platform/db.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('published_views');
});
afterAll(async () => {
  await db?.drop();
});

/** The plan as the application role in one regency's scope, with aliases and column qualifiers left out. */
async function planOf(query: string): Promise<string> {
  return db.owner.transaction().execute(async (tx) => {
    await sql`SET LOCAL ROLE ${sql.id(APP_ROLE)}`.execute(tx);
    await sql`SELECT set_config('lindung.scope', '34.02', true)`.execute(tx);
    // Empty tables: without this every plan is a sequential scan, and the index paths are what is compared.
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (COSTS OFF) ${sql.raw(query)}`.execute(tx);
    return r.rows
      .map((x) => x['QUERY PLAN'])
      .join('\n')
      .replace(/ on ([a-z_]+) [a-z_]+$/gm, ' on $1')
      .replace(/\b[a-z_]+\.(?=[a-z_])/g, '');
  });
}

describe('published read views', () => {
  it('are views with security_invoker, readable by the application role', async () => {
    const names = Object.keys(PUBLISHED_VIEWS);
    const r = await sql<{ relname: string; relkind: string; invoker: boolean; readable: boolean }>`
      SELECT c.relname, c.relkind,
             coalesce('security_invoker=true' = ANY (c.reloptions), false) AS invoker,
             has_table_privilege(${APP_ROLE}, c.oid, 'SELECT') AS readable
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = ANY (${names}::text[])
      ORDER BY c.relname`.execute(db.owner);
    expect(r.rows.map((x) => x.relname)).toEqual([...names].sort());
    for (const v of r.rows)
      expect({ view: v.relname, kind: v.relkind, invoker: v.invoker, readable: v.readable }).toEqual({
        view: v.relname,
        kind: 'v',
        invoker: true,
        readable: true,
      });
  });

  // Each published view of programmes and exchange (repeatable files) against the same query on its table: the same plan, on the table's index.
  const cases = [
    {
      view: `SELECT p.id, p.name FROM program_directory p WHERE p.id = 7`,
      table: `SELECT p.id, p.name FROM program p WHERE p.id = 7`,
      index: 'program_pkey',
    },
    {
      view: `SELECT e.id, e.status FROM enrollment_directory e WHERE e.worker_id = 7 AND e.status = 'active'`,
      table: `SELECT e.id, e.status FROM enrollment e WHERE e.worker_id = 7 AND e.status = 'active'`,
      index: 'enrollment_worker_idx',
    },
    {
      view: `SELECT b.id FROM enrollment_batch_directory b WHERE b.program_id = 7`,
      table: `SELECT b.id FROM enrollment_batch b WHERE b.program_id = 7`,
      index: 'enrollment_batch_program_idx',
    },
    {
      view: `SELECT m.nik, m.as_of FROM bpjs_member_current m WHERE m.nik = '3402081234567890'`,
      table: `SELECT m.nik, s.as_of FROM bpjs_member m JOIN membership_snapshot_current s ON s.id = m.snapshot_id
              WHERE m.nik = '3402081234567890'`,
      index: 'bpjs_member_nik_idx',
    },
  ];
  for (const c of cases) {
    it(`plans ${c.view.split(' FROM ')[1]!.split(' ')[0]} as its table, on ${c.index}`, async () => {
      const [view, table] = await Promise.all([planOf(c.view), planOf(c.table)]);
      expect(view).toBe(table);
      expect(view).toContain(c.index);
      expect(view).not.toMatch(/Subquery Scan/);
    });
  }
});
