import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

/** Import jobs in scope that failed since a moment (partial index of failed jobs, migration 0020). */
export async function countFailedImports(tx: Tx, scope: Scope, since: Date): Promise<number> {
  const row = await tx
    .selectFrom('import_job')
    .select(sql<string>`count(*)`.as('n'))
    .where(sql<boolean>`status = 'failed'`)
    .where('created_at', '>=', since)
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
