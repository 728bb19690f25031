import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

/** The date of the newest BPJS membership snapshot in scope (null: none yet), by the snapshots' region index. */
export async function latestSnapshotDate(tx: Tx, scope: Scope): Promise<string | null> {
  const row = await tx
    .selectFrom('membership_snapshot')
    .select(sql<string | null>`max(as_of)::text`.as('asOf'))
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirst();
  return row?.asOf ?? null;
}
