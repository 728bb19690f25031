import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import { pinTestToday } from '../../testing/fixed-clock.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { seedCoverage } from '../../testing/coverage-fixtures.ts';
import { naiveLeafCounts, rollupAreaCounts, rollUpNaive } from '../../testing/coverage-naive.ts';
import { refresh } from './coverage.repository.ts';

// The first refresh of a new day (issue 20 §3) recomputes only the persons whose coverage can change that day
// (coverage_person.next_change: the day after the lapse rules' due day), and its rollups equal both the naive
// recount and a full refresh of that day.

const { month: current } = pinTestToday();
const dueDay = `${current}-15`;
const dayAfter = `${current}-16`;
const from = addMonths(current, -35);

let db: TestDatabase;

const rollups = async () =>
  (
    await sql<{ row: string }>`
      SELECT concat_ws('|', 'r', area_code, month, segment, category, persons) AS row FROM coverage_rollup
      UNION ALL SELECT concat_ws('|', 'a', area_code, month, parent_code, persons, leavers) FROM coverage_rollup_area
      ORDER BY 1`.execute(db.owner)
  ).rows.map((r) => r.row);

beforeAll(async () => {
  db = await createTestDatabase('coverage_daily');
  await seedCoverage(db.owner, { workers: 800, today: dueDay, seed: 0.42 });
});
afterAll(async () => db.drop());

describe('the daily refresh', () => {
  it('recomputes only the persons due that day, and equals the naive recount and a full refresh', async () => {
    await refresh(db.owner, { full: true, today: dueDay });
    const counts = await sql<{ due: number; persons: number }>`
      SELECT count(*) FILTER (WHERE next_change <= ${dayAfter}::date)::integer AS due, count(*)::integer AS persons
      FROM coverage_person`.execute(db.owner);
    const { due, persons } = counts.rows[0]!;
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(persons);

    // The same day again: nothing marked, nothing due.
    expect(await refresh(db.owner, { today: dueDay })).toBe(0);
    // The next day: exactly the persons due, and some of them lose the current month.
    const before = await rollups();
    expect(await refresh(db.owner, { today: dayAfter })).toBe(due);
    const daily = await rollups();
    expect(daily).not.toEqual(before);
    const state = await db.owner.selectFrom('coverage_refresh_state').select('as_of').executeTakeFirstOrThrow();
    expect(state.as_of).toBe(dayAfter);

    const naive = rollUpNaive(await naiveLeafCounts(db.owner, { today: dayAfter, from, to: current }));
    const area = await rollupAreaCounts(db.owner, from);
    expect(Object.fromEntries([...area].sort())).toEqual(Object.fromEntries([...naive].sort()));

    // A full refresh of the same day from the same data finds nothing else.
    await refresh(db.owner, { full: true, today: dayAfter });
    expect(await rollups()).toEqual(daily);
    // After the due day nothing else can change this month.
    const left = await sql<{ n: number }>`
      SELECT count(*)::integer AS n FROM coverage_person WHERE next_change IS NOT NULL`.execute(db.owner);
    expect(left.rows[0]!.n).toBe(0);
  });

  it("leaves the caller's planner settings as they were (work_mem and random_page_cost are set for the call only)", async () => {
    const settings = await db.owner.transaction().execute(async (tx) => {
      await sql`SET LOCAL work_mem = '5MB'`.execute(tx);
      await sql`SET LOCAL random_page_cost = 3`.execute(tx);
      await refresh(tx, { full: true, today: dayAfter, quality: false });
      await refresh(tx, { today: dayAfter, quality: false });
      return (
        await sql<{ w: string; r: string }>`
        SELECT current_setting('work_mem') AS w, current_setting('random_page_cost') AS r`.execute(tx)
      ).rows[0];
    });
    expect(settings).toEqual({ w: '5MB', r: '3' });
  });
});
