// Issue 14 §6: one current home for each domain function and published view.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPEATABLE_FILES } from './repeatable.ts';
import { declaredNames, readRepeatable } from '../platform/repeatable.ts';

const root = join(import.meta.dirname, '..', '..');
const migrations = join(root, 'server', 'db', 'migrations');

// The last migration written before the repeatable files took over the current text of functions and views. A later
// migration that defines one of them would be overridden at the next start: change the repeatable file instead.
const CUT_OVER = '20261207_0026_published_views.sql';

describe('repeatable SQL files', () => {
  it('lists every sql/ file of every module, once', () => {
    const found: string[] = [];
    const modules = join(root, 'server', 'modules');
    for (const m of readdirSync(modules)) {
      let files: string[] = [];
      try {
        files = readdirSync(join(modules, m, 'sql'));
      } catch {
        continue;
      }
      for (const f of files) if (f.endsWith('.sql')) found.push(`server/modules/${m}/sql/${f}`);
    }
    expect([...REPEATABLE_FILES].sort()).toEqual(found.sort());
    expect(new Set(REPEATABLE_FILES).size).toBe(REPEATABLE_FILES.length);
  });

  it('gives each function and view one home', () => {
    const home = new Map<string, string>();
    for (const s of readRepeatable()) {
      for (const name of [...declaredNames(s.text, 'function'), ...declaredNames(s.text, 'view')]) {
        expect(home.get(name) ?? s.name, `${name} is declared in two files`).toBe(s.name);
        home.set(name, s.name);
      }
    }
    expect(home.get('lindung_coverage_state')).toBe('server/modules/programs/sql/coverage-state.sql');
  });

  it('is not contradicted by a migration written after the cut-over', () => {
    const declared = new Set(
      readRepeatable().flatMap((s) => [...declaredNames(s.text, 'function'), ...declaredNames(s.text, 'view')]),
    );
    const offending: string[] = [];
    for (const file of readdirSync(migrations).filter((f) => f.endsWith('.sql') && f > CUT_OVER)) {
      const text = readFileSync(join(migrations, file), 'utf8');
      for (const name of [...declaredNames(text, 'function'), ...declaredNames(text, 'view')])
        if (declared.has(name)) offending.push(`${file}: ${name}`);
    }
    expect(offending, 'change these in their repeatable file, not in a migration').toEqual([]);
  });

  it('recognises a migration line that redefines a repeatable function (the check above can fail)', () => {
    const line = 'CREATE OR REPLACE FUNCTION lindung_coverage_state(category text) RETURNS text';
    expect(declaredNames(line, 'function')).toEqual(['lindung_coverage_state']);
    expect(declaredNames('create view public.enrollment_coverage as select 1', 'view')).toEqual([
      'enrollment_coverage',
    ]);
  });
});
