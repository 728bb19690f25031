// Issue 14 §1: coverage and targets depend on each other in one direction only. Targets calls coverage (its
// progress counts active persons); both divide by the workforce module's figures; neither coverage nor workforce
// reaches back (docs/decisions-coverage.md). Imports and data count alike: the table check is ownership.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { TABLE_OWNER } from '../db/ownership.js';
import { relationsNamed } from './ownership.js';

const modules = join(import.meta.dirname, '..', 'modules');

/** The sibling modules the non-test files of `module` import from. */
function importedModules(module: string): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(join(modules, module))) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
    const text = readFileSync(join(modules, module, file), 'utf8');
    for (const m of text.matchAll(/from\s+'\.\.\/([a-z]+)\//g)) found.add(m[1]!);
  }
  return [...found].sort();
}

/** The owners of the tables the non-test files of `module` name. */
function tableOwnersNamed(module: string): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(join(modules, module))) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
    for (const use of relationsNamed(readFileSync(join(modules, module, file), 'utf8'))) {
      const owner = TABLE_OWNER[use.relation];
      if (owner) found.add(owner);
    }
  }
  return [...found].sort();
}

describe('coverage, targets and workforce', () => {
  it('point one way: targets → coverage → workforce, and targets → workforce', () => {
    expect(importedModules('targets')).toEqual(expect.arrayContaining(['coverage', 'workforce']));
    expect(importedModules('coverage')).toContain('workforce');
    expect(importedModules('coverage')).not.toContain('targets');
    expect(importedModules('workforce')).not.toContain('coverage');
    expect(importedModules('workforce')).not.toContain('targets');
  });

  it('keeps the workforce table with its own module', () => {
    expect(TABLE_OWNER.workforce).toBe('workforce');
    expect(tableOwnersNamed('workforce')).toEqual(['workforce']);
    expect(tableOwnersNamed('coverage')).toEqual(['coverage']);
    expect(tableOwnersNamed('targets')).toEqual(['targets']);
  });
});
