import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../lib/access/roles.ts';

/**
 * The application-level half of region scoping: a WHERE clause every repository adds on its region column.
 * Row-level security (lindung_in_scope) enforces the same rule again inside PostgreSQL.
 */
export function regionInScope(column: string, scope: Scope): RawBuilder<boolean> {
  if (scope === '*') return sql<boolean>`true`;
  const ref = sql.ref(column);
  const below = `${scope.replace(/[%_\\]/g, '\\$&')}.%`;
  return sql<boolean>`(${ref} = ${scope} OR ${ref} LIKE ${below})`;
}
