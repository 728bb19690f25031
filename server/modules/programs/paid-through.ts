// An enrollment's paid_through (migration 0008) is the programmes module's column; billing knows which months are
// paid and hands them over here (issue 14 §1: writes go through the owner's index.ts).
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

/** One fully paid month of an enrollment (first day of the month). */
export type PaidMonth = { enrollment_id: string; month: string };

/**
 * Moves paid_through of the enrollments in `paidMonths` to the last month M such that every month from the coverage
 * start to M is paid (islands of consecutive paid months: the first one must start at the coverage start), in one
 * statement. `paidMonths` is a relation (enrollment_id, month) listing every paid month of each enrollment to move,
 * each once. Returns the enrollments whose paid_through changed.
 */
export async function advancePaidThrough(tx: Tx, scope: Scope, paidMonths: RawBuilder<PaidMonth>): Promise<string[]> {
  const r = await sql<{ id: string }>`
    WITH paid AS (
      SELECT p.enrollment_id, p.month,
             row_number() OVER (PARTITION BY p.enrollment_id ORDER BY p.month) AS rn
      FROM (${paidMonths}) AS p
    ), run AS (
      SELECT p.enrollment_id, max(p.month) AS through
      FROM paid p JOIN enrollment e ON e.id = p.enrollment_id
      WHERE lindung_month_number(p.month) - p.rn = lindung_month_number(e.coverage_start) - 1
      GROUP BY p.enrollment_id
    )
    UPDATE enrollment e SET paid_through = run.through
    FROM run
    WHERE e.id = run.enrollment_id AND ${regionInScope('e.village_code', scope)}
      AND e.paid_through IS DISTINCT FROM run.through
    RETURNING e.id`.execute(tx);
  return r.rows.map((x) => x.id);
}
