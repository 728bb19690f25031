import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

/** Monthly reports in scope whose making failed since a moment (partial index of failed reports, migration 0020). */
export async function countFailedReports(tx: Tx, scope: Scope, since: Date): Promise<number> {
  const row = await tx
    .selectFrom('monthly_report')
    .select(sql<string>`count(*)`.as('n'))
    .where(sql<boolean>`status = 'failed'`)
    .where('requested_at', '>=', since)
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
