import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

export type EnrollmentWork = {
  proposed: number;
  verified: number;
  rejectedSince: number;
  /** Batches sent to BPJS with someone still waiting for the branch's answer. */
  batchesWaiting: number;
};

/**
 * The enrollments that wait for someone in the scope's villages, for the home page's to-do list: one scan of the
 * partial index of open enrollments (migration 0020), never of the active and ended ones.
 */
export async function enrollmentWork(tx: Tx, scope: Scope, rejectedSince: Date): Promise<EnrollmentWork> {
  const row = await tx
    .selectFrom('enrollment')
    .select([
      sql<string>`count(*) FILTER (WHERE status = 'proposed')`.as('proposed'),
      sql<string>`count(*) FILTER (WHERE status = 'verified')`.as('verified'),
      sql<string>`count(*) FILTER (WHERE status = 'rejected' AND decided_at >= ${rejectedSince})`.as('rejected'),
      sql<string>`count(DISTINCT batch_id) FILTER (WHERE status = 'submitted')`.as('batches'),
    ])
    // Literal, so the planner matches the partial index's predicate.
    .where(sql<boolean>`status IN ('proposed', 'verified', 'submitted', 'rejected')`)
    .where(() => regionInScope('village_code', scope))
    .executeTakeFirstOrThrow();
  return {
    proposed: Number(row.proposed),
    verified: Number(row.verified),
    rejectedSince: Number(row.rejected),
    batchesWaiting: Number(row.batches),
  };
}
