import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

/** Accounts in scope locked now after too many wrong passwords (partial index of locked accounts, migration 0020). */
export async function countLockedUsers(tx: Tx, scope: Scope): Promise<number> {
  const row = await tx
    .selectFrom('app_user')
    .select(sql<string>`count(*)`.as('n'))
    .where('locked_until', 'is not', null)
    .where('locked_until', '>', sql<Date>`now()`)
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
