import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../lib/access/roles.ts';

/**
 * The application-level half of region scoping: a WHERE clause every repository adds on its region column.
 * Row-level security (lindung_in_scope) enforces the same rule again inside PostgreSQL.
 *
 * Written with `=` and `starts_with`, which PostgreSQL marks leakproof. Under row-level security the planner only
 * uses leakproof conditions of ours to pick an index (it may not run anything else before the policy has filtered
 * the row); with LIKE or lower() every worker query read every row in scope (2.5 s for a name prefix at a million
 * workers). The one definition: no module writes its own.
 */
export function regionInScope(column: string | RawBuilder<unknown>, scope: Scope): RawBuilder<boolean> {
  if (scope === '*') return sql<boolean>`true`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<boolean>`(${ref} = ${scope} OR starts_with(${ref}, ${`${scope}.`}))`;
}

/** The region lies within the scope or above it (programmes and their bills are seen from below too). */
export function regionOverlapsScope(column: string | RawBuilder<unknown>, scope: Scope): RawBuilder<boolean> {
  if (scope === '*') return sql<boolean>`true`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<boolean>`(${regionInScope(ref, scope)} OR starts_with(${scope}, ${ref} || '.'))`;
}
