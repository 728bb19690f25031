// Issue 14 §6: the Kysely types (server/db/schema.ts) cannot drift from the migrated database.
//
// The TypeScript compiler reads schema.ts as the code sees it (type checker, not text: mapped view types, ColumnType
// and Generated resolve as in the repositories), and every relation of the DB interface is compared with the
// migrated template: the same relations, the same columns, and for tables the same nullability (a select type with
// `null` ⇔ a nullable column). `unknown` columns (jsonb) say nothing about null; views carry no NOT NULL in
// PostgreSQL, so only their columns are compared.
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';

const root = path.join(import.meta.dirname, '..', '..');
// Bookkeeping of the migration runner, not read through Kysely.
const UNTYPED = new Set(['lindung_migration', 'lindung_repeatable']);

type Column = { name: string; nullable: boolean | null };

/** The DB interface of schema.ts: relation → columns, each nullable (true/false) or unknown (null). */
function declaredSchema(): Map<string, Column[]> {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const file = path.join(root, 'server', 'db', 'schema.ts');
  const program = ts.createProgram([file], { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const db = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === 'DB');
  if (!db) throw new Error('schema.ts exports no DB interface');
  const relations = new Map<string, Column[]>();
  for (const relation of checker.getDeclaredTypeOfSymbol(db).getProperties()) {
    const columns: Column[] = [];
    for (const column of checker.getTypeOfSymbolAtLocation(relation, source).getProperties()) {
      let type = checker.getTypeOfSymbolAtLocation(column, source);
      const select = type.getProperty('__select__');
      if (select) type = checker.getTypeOfSymbolAtLocation(select, source);
      const parts = type.isUnion() ? type.types : [type];
      const opaque = parts.some((t) => t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any));
      columns.push({
        name: column.name,
        nullable: opaque ? null : parts.some((t) => t.flags & ts.TypeFlags.Null),
      });
    }
    relations.set(relation.name, columns);
  }
  return relations;
}

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('schema');
});

afterAll(async () => {
  await db?.drop();
});

async function migratedSchema(): Promise<Map<string, { view: boolean; columns: Map<string, boolean> }>> {
  const r = await db.ownerPool.query<{ relation: string; kind: string; column: string; nullable: boolean }>(`
    SELECT c.relname AS relation, c.relkind::text AS kind, a.attname AS column, NOT a.attnotnull AS nullable
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition`);
  const out = new Map<string, { view: boolean; columns: Map<string, boolean> }>();
  for (const row of r.rows) {
    if (UNTYPED.has(row.relation)) continue;
    const rel = out.get(row.relation) ?? { view: row.kind === 'v' || row.kind === 'm', columns: new Map() };
    rel.columns.set(row.column, row.nullable);
    out.set(row.relation, rel);
  }
  return out;
}

describe('server/db/schema.ts against the migrated database', () => {
  let declared: Map<string, Column[]>;
  let migrated: Awaited<ReturnType<typeof migratedSchema>>;

  beforeAll(async () => {
    declared = declaredSchema();
    migrated = await migratedSchema();
  }, 60_000);

  it('types every table and view, and only those', () => {
    expect([...declared.keys()].sort()).toEqual([...migrated.keys()].sort());
  });

  it('has the columns of each relation', () => {
    const drift: string[] = [];
    for (const [relation, columns] of declared) {
      const actual = migrated.get(relation);
      if (!actual) continue;
      const typed = new Set(columns.map((c) => c.name));
      for (const c of typed) if (!actual.columns.has(c)) drift.push(`${relation}.${c}: typed, not in the database`);
      for (const c of actual.columns.keys())
        if (!typed.has(c)) drift.push(`${relation}.${c}: in the database, not typed`);
    }
    expect(drift).toEqual([]);
  });

  it('says null exactly where a table column is nullable', () => {
    const drift: string[] = [];
    for (const [relation, columns] of declared) {
      const actual = migrated.get(relation);
      if (!actual || actual.view) continue;
      for (const c of columns) {
        const nullable = actual.columns.get(c.name);
        if (c.nullable === null || nullable === undefined || c.nullable === nullable) continue;
        drift.push(`${relation}.${c.name}: ${nullable ? 'nullable in the database' : 'NOT NULL in the database'}`);
      }
    }
    expect(drift).toEqual([]);
  });

  it('reads nullability from the types as the code sees them (the checks above can fail)', () => {
    const worker = new Map(declared.get('worker')!.map((c) => [c.name, c.nullable]));
    expect(worker.get('nik')).toBe(false);
    expect(worker.get('phone')).toBe(true);
    // A published view typed by mapping the table's columns resolves to the same columns.
    expect(declared.get('worker_directory')!.map((c) => c.name)).toEqual(declared.get('worker')!.map((c) => c.name));
    expect(declared.get('audit_log')!.find((c) => c.name === 'before')!.nullable).toBeNull();
  });
});
