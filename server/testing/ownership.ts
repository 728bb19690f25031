// Finds the tables and views a piece of module code names, in SQL text or in the query builder (issue 14 §1).
// Used by ownership.test.ts; kept apart so the test can feed it made-up lines and prove it sees them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { knownRelations, mayName, type ModuleName } from '../db/ownership.js';

export interface RelationUse {
  file: string;
  line: number;
  module: ModuleName;
  relation: string;
  text: string;
}

const BUILDER =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|using)\(\s*\[?\s*['"`]([a-z_][a-z0-9_]*)/g;
const SQL_TABLE = /\bsql\.table\(\s*['"`]([a-z_][a-z0-9_]*)/g;
const SQL_WORDS =
  /\b(?:from|join|into|update|table|truncate|references|copy)\s+(?:only\s+|lateral\s+|if\s+(?:not\s+)?exists\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Blank out comments (keeping line breaks) so prose about a table is not taken for SQL. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i += 1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      out += c;
      i += 1;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
      continue;
    }
    if (c === '/' && next === '*') {
      i += 2;
      while (i < source.length && !(source[i] === '*' && source[i + 1] === '/')) {
        if (source[i] === '\n') out += '\n';
        i += 1;
      }
      i += 2;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

/** The tracked relations named in `source`, with their line numbers. */
export function relationsNamed(source: string): Array<{ relation: string; line: number }> {
  const known = new Set(knownRelations());
  const text = stripComments(source);
  const found: Array<{ relation: string; line: number }> = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  for (const re of [BUILDER, SQL_TABLE, SQL_WORDS]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const name = (re === BUILDER ? m[2] : m[1])!.toLowerCase();
      if (known.has(name)) found.push({ relation: name, line: lineOf(m.index) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Uses of relations a module may not name, for one file of module `module`. */
export function foreignUses(module: ModuleName, file: string, source: string): RelationUse[] {
  const lines = source.split('\n');
  return relationsNamed(source)
    .filter((use) => !mayName(module, use.relation))
    .map((use) => ({ file, module, line: use.line, relation: use.relation, text: (lines[use.line - 1] ?? '').trim() }));
}

/** Module code: non-test TypeScript under server/modules/<module>/. */
export function moduleSourceFiles(root: string): Array<{ module: ModuleName; file: string }> {
  const base = join(root, 'server', 'modules');
  const files: Array<{ module: ModuleName; file: string }> = [];
  for (const module of readdirSync(base)) {
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry))
          files.push({ module: module as ModuleName, file: relative(root, path).split(sep).join('/') });
      }
    };
    walk(join(base, module));
  }
  return files;
}

/** Every foreign use in the checkout at `root`. */
export function scanCheckout(root: string): RelationUse[] {
  return moduleSourceFiles(root).flatMap(({ module, file }) =>
    foreignUses(module, file, readFileSync(join(root, file), 'utf8')),
  );
}
