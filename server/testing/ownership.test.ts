// Issue 14 §1: module code names only its own tables and the views published for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { TABLE_OWNER } from '../db/ownership.js';
import { foreignUses, relationsNamed, scanCheckout } from './ownership.js';

const root = join(import.meta.dirname, '..', '..');

// Foreign uses that existed when the list was written down, to be removed module by module (issue 14).
// The list may only shrink: a new foreign use fails, and so does a line here that no longer matches the code.
const KNOWN_FOREIGN_USES: readonly string[] = [
  'server/modules/billing/billing.repository.ts: bpjs_member',
  'server/modules/billing/billing.repository.ts: enrollment',
  'server/modules/billing/billing.repository.ts: program',
  'server/modules/billing/billing.repository.ts: worker',
  'server/modules/coverage/coverage.fixtures.ts: bpjs_member',
  'server/modules/coverage/coverage.fixtures.ts: enrollment',
  'server/modules/coverage/coverage.fixtures.ts: enrollment_batch',
  'server/modules/coverage/coverage.fixtures.ts: membership_snapshot',
  'server/modules/coverage/coverage.fixtures.ts: program',
  'server/modules/coverage/coverage.fixtures.ts: region',
  'server/modules/coverage/coverage.fixtures.ts: worker',
  'server/modules/coverage/coverage.naive.ts: bpjs_member',
  'server/modules/coverage/coverage.naive.ts: membership_snapshot',
  'server/modules/coverage/coverage.naive.ts: worker',
  'server/modules/coverage/coverage.repository.ts: worker',
  'server/modules/coverage/coverage.repository.ts: workforce',
  'server/modules/demo/demo.billing.ts: bill',
  'server/modules/demo/demo.billing.ts: bpjs_member',
  'server/modules/demo/demo.billing.ts: enrollment',
  'server/modules/demo/demo.billing.ts: worker',
  'server/modules/demo/demo.exchange.ts: membership_snapshot',
  'server/modules/demo/demo.service.ts: app_user',
  'server/modules/exchange/exchange.repository.ts: enrollment',
  'server/modules/exchange/exchange.repository.ts: enrollment_batch',
  'server/modules/exchange/exchange.repository.ts: program',
  'server/modules/exchange/exchange.repository.ts: region',
  'server/modules/exchange/exchange.repository.ts: worker',
  'server/modules/imports/imports.runner.ts: app_user',
  'server/modules/programs/programs.fixtures.ts: worker',
  'server/modules/programs/programs.workers.ts: worker',
];

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

  it('finds no module code naming a foreign table beyond the known list', () => {
    const found = [...new Set(scanCheckout(root).map((u) => `${u.file}: ${u.relation}`))].sort();
    const unexpected = found.filter((f) => !KNOWN_FOREIGN_USES.includes(f));
    const gone = KNOWN_FOREIGN_USES.filter((f) => !found.includes(f));
    expect(unexpected, "module code names another module's table: go through its index.ts or a published view").toEqual(
      [],
    );
    expect(gone, 'these foreign uses are gone: remove them from KNOWN_FOREIGN_USES').toEqual([]);
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
