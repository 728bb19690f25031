// Issue 14 §1: module code names only its own tables and the views published for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { TABLE_OWNER } from '../db/ownership.js';
import { foreignUses, relationsNamed, scanCheckout } from './ownership.js';

const root = join(import.meta.dirname, '..', '..');

describe('table ownership', () => {
  it('lists an owner for every table the migrations create', () => {
    const dir = join(root, 'server', 'db', 'migrations');
    const created = new Set<string>();
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi))
        created.add(m[1]!.toLowerCase());
    }
    const unowned = [...created].filter((t) => TABLE_OWNER[t] === undefined);
    expect(unowned).toEqual([]);
    expect(Object.keys(TABLE_OWNER).filter((t) => !created.has(t))).toEqual([]);
  });

  it('finds no module code naming a foreign table', () => {
    const found = scanCheckout(root).map((u) => `${u.file}:${u.line} ${u.relation} | ${u.text}`);
    expect(found, "module code names another module's table: go through its index.ts or a published view").toEqual([]);
  });

  it('sees a foreign table in SQL text and in the query builder, and ignores comments', () => {
    const source = [
      '// reads FROM worker in a comment only',
      'const a = sql`SELECT w.nik FROM worker w JOIN program p ON p.id = w.id`;',
      "const b = db.selectFrom('bill_line as l').innerJoin('enrollment as e', 'e.id', 'l.enrollment_id');",
      "const c = sql`INSERT INTO audit_log (action) VALUES ('x')`;",
      'const d = sql`UPDATE enrollment SET paid_through = ${x}`;',
      'const e = sql`SELECT * FROM enrollment_coverage`;',
    ].join('\n');
    expect(relationsNamed(source).map((u) => `${u.line} ${u.relation}`)).toEqual(
      expect.arrayContaining([
        '2 worker',
        '2 program',
        '3 bill_line',
        '3 enrollment',
        '4 audit_log',
        '5 enrollment',
        '6 enrollment_coverage',
      ]),
    );
    expect(relationsNamed(source).some((u) => u.line === 1)).toBe(false);
    const uses = foreignUses('billing', 'server/modules/billing/x.ts', source).map((u) => `${u.line} ${u.relation}`);
    expect(uses).toEqual(['2 worker', '2 program', '3 enrollment', '4 audit_log', '5 enrollment']);
  });
});
