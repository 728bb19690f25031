// What programmes spend on the people of one region (issue 12 §4): a district's or village's dashboard shows its own
// share of a regency programme instead of the programme's whole ceiling.
import { sql } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { requireProgramReader } from './programs.policy.ts';

export type RegionSpending = {
  /** Contributions committed for the enrollments whose village is inside the region (rejected ones excluded). */
  committed: number;
  /** Persons of those enrollments. */
  persons: number;
};

/**
 * The committed contributions of the enrollments in `programIds` whose village lies inside `region`: per enrollment,
 * its price of each of its months: a PU enrollment's own price (its wage), else the programme's (BPU) — the same
 * sum as the programme's committed money, cut by village.
 */
export async function spendingInRegion(
  db: Db,
  ctx: RequestContext,
  region: string,
  programIds: readonly string[],
): Promise<RegionSpending> {
  const actor = requireProgramReader(ctx);
  if (programIds.length === 0) return { committed: 0, persons: 0 };
  return withScope(db, actor.scope, async (tx) => {
    const r = await sql<{ committed: string | null; persons: string }>`
      SELECT sum(CASE WHEN e.price_by_month IS NULL THEN months.price ELSE own.price END) AS committed,
             count(DISTINCT e.id) AS persons
      FROM enrollment e
      JOIN program pr ON pr.id = e.program_id
      -- Two sums, so the programme's (BPU) one depends only on the programme and the months and is computed once
      -- per programme and run of months (memoized); a PU enrollment's own prices are summed on their own.
      LEFT JOIN LATERAL (
        SELECT sum(p.price) AS price
        FROM unnest(pr.price_by_month) WITH ORDINALITY AS p(price, i)
        WHERE p.i BETWEEN lindung_month_number(e.first_month) - lindung_month_number(pr.start_month) + 1
                      AND lindung_month_number(e.last_month) - lindung_month_number(pr.start_month) + 1
      ) months ON true
      LEFT JOIN LATERAL (
        SELECT sum(p.price) AS price
        FROM unnest(e.price_by_month) WITH ORDINALITY AS p(price, i)
        WHERE p.i BETWEEN lindung_month_number(e.first_month) - lindung_month_number(pr.start_month) + 1
                      AND lindung_month_number(e.last_month) - lindung_month_number(pr.start_month) + 1
      ) own ON true
      WHERE e.program_id = ANY (${programIds.map(Number)}::bigint[])
        AND e.status <> 'rejected'
        AND ${regionInScope('e.village_code', region)}
        AND ${regionInScope('e.village_code', actor.scope)}`.execute(tx);
    return { committed: Number(r.rows[0]?.committed ?? 0), persons: Number(r.rows[0]?.persons ?? 0) };
  });
}
