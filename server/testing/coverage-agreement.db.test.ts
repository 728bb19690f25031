// One truth about a person's protection (issue 12 §1): over random programmes, batches, coverage start dates
// (before, inside and after the period), endings, bills and payments (so some lapse), every view answers the same
// for every person and month as the coverage check, which is lindung_coverage_state over the published
// participations:
//   - the programme's committed slots (and so its money) hold no month before the branch's coverage start;
//   - the enrollment list's protection today;
//   - the bills: a person is on a month's bill exactly when protected or lapsed (not before the start, not after
//     the end) that month;
//   - the coverage rollups (every dashboard, report and open-data figure): a person counts in a month exactly when
//     covered on that month's evaluation day;
//   - the lapse list today.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageCheckResult } from '../../lib/contracts/billing.ts';
import { addMonths, firstDay, monthIndex, type Month } from '../../lib/rules/eligibility.ts';
import { checkCoverage, generateBills, listBills, listLapseWarnings, recordPayment } from '../modules/billing/index.ts';
import { refreshCoverageRollups } from '../modules/coverage/index.ts';
import {
  activateEnrollments,
  createProgram,
  endEnrollments,
  listEnrollments,
  proposeWorkers,
  submitBatch,
  verifyEnrollments,
} from '../modules/programs/index.ts';
import { actorContext, addWorkers, BANTUL_PROGRAM } from './programs-fixtures.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

const NOW = new Date('2026-05-20T05:00:00Z'); // 12:00 WIB
const TODAY = '2026-05-20';
const CURRENT: Month = '2026-05';
const clock = () => NOW;
const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const WORKERS_PER_RUN = 4;

type PersonPlan = {
  /** null: the branch has not answered (the enrollment stays submitted). */
  start: { monthOffset: number; day: 1 | 10 | 28 } | null;
  /** End the enrollment after this many months of the period (from its start), or never. */
  endAfter: number | null;
};
type Plan = { startOffset: number; months: number; persons: PersonPlan[]; paidMonths: number };

const personPlan = (months: number) =>
  fc.record({
    start: fc.option(
      fc.record({
        monthOffset: fc.integer({ min: -2, max: months + 1 }),
        day: fc.constantFrom(1 as const, 10 as const, 28 as const),
      }),
      { freq: 5 },
    ),
    endAfter: fc.option(fc.integer({ min: 0, max: months - 1 }), { freq: 2 }),
  });

const plans = fc
  .record({ startOffset: fc.integer({ min: -14, max: 2 }), months: fc.integer({ min: 2, max: 12 }) })
  .chain(({ startOffset, months }) =>
    fc.record({
      startOffset: fc.constant(startOffset),
      months: fc.constant(months),
      persons: fc.array(personPlan(months), { minLength: WORKERS_PER_RUN, maxLength: WORKERS_PER_RUN }),
      paidMonths: fc.integer({ min: 0, max: 14 }),
    }),
  );

let db: TestDatabase;
let run = 0;

beforeAll(async () => {
  db = await createTestDatabase('coverage_agreement');
});
afterAll(async () => {
  await db?.drop();
});

const lastDayOf = (m: Month) => {
  const d = new Date(`${addMonths(m, 1)}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
};
const minDate = (a: string, b: string) => (a < b ? a : b);

async function scenario(plan: Plan) {
  run += 1;
  const start = addMonths(CURRENT, plan.startOffset);
  const end = addMonths(start, plan.months - 1);
  const names = plan.persons.map((_, i) => `Agree${run}x${i}`);
  const workerIds = await addWorkers(
    db,
    names.map((name) => ({ name })),
  );
  const program = await createProgram(db.app, disnaker, {
    ...BANTUL_PROGRAM,
    name: `Program Kesepakatan ${run}`,
    startMonth: start,
    months: plan.months,
  });
  await proposeWorkers(
    db.app,
    disnaker,
    program.id,
    { workerIds: [...workerIds.values()], fromMonth: start },
    { clock },
  );
  const listed = await listEnrollments(db.app, disnaker, program.id, { page: 1, pageSize: 50 }, clock);
  const enrollmentOf = new Map(listed.items.map((e) => [e.fullName, e.id]));
  await verifyEnrollments(db.app, disnaker, program.id, [...enrollmentOf.values()]);
  await submitBatch(db.app, disnaker, program.id);
  const answered = plan.persons.flatMap((p, i) =>
    p.start
      ? [
          {
            enrollmentId: enrollmentOf.get(names[i]!)!,
            kpjNumber: `77${String(run).padStart(4, '0')}${String(i).padStart(5, '0')}`,
            coverageStart: `${addMonths(start, p.start.monthOffset)}-${String(p.start.day).padStart(2, '0')}`,
          },
        ]
      : [],
  );
  if (answered.length) await activateEnrollments(db.app, disnaker, program.id, answered);
  for (const [i, p] of plan.persons.entries()) {
    if (p.endAfter === null) continue;
    await endEnrollments(
      db.app,
      disnaker,
      program.id,
      { ids: [enrollmentOf.get(names[i]!)!], reason: 'withdrawn', lastMonth: addMonths(start, p.endAfter) },
      clock,
    );
  }
  // Bills up to this month; the first `paidMonths` of them paid in full, in order (so some persons lapse).
  if (monthIndex(start) <= monthIndex(CURRENT)) {
    await generateBills(db.app, disnaker, { programId: program.id }, clock);
    const bills = (await listBills(db.app, disnaker, { programId: program.id, page: 1, pageSize: 100 }, clock)).items
      .filter((b) => b.amount > 0)
      .sort((a, b) => a.month.localeCompare(b.month));
    for (const b of bills.slice(0, plan.paidMonths)) {
      await recordPayment(
        db.app,
        disnaker,
        b.id,
        { paidOn: '2026-05-19', amount: b.amount, reference: `SP2D-${run}-${b.month}` },
        clock,
      );
    }
  }
  await refreshCoverageRollups(db.owner, { full: true, today: TODAY });
  return { program, start, end, names, workerIds, enrollmentOf };
}

async function assertAgreement(plan: Plan) {
  const s = await scenario(plan);
  const { program, start, end } = s;
  const nikOf = new Map(
    (
      await db.owner
        .selectFrom('worker')
        .select(['id', 'nik'])
        .where('id', 'in', [...s.workerIds.values()])
        .execute()
    ).map((w) => [w.id, w.nik]),
  );
  const enrollments = await db.owner
    .selectFrom('enrollment')
    .select(['id', 'worker_id', 'status', 'first_month', 'last_month', 'coverage_start'])
    .where('program_id', '=', program.id)
    .execute();
  const programRow = await db.owner
    .selectFrom('program')
    .select(['persons_by_month'])
    .where('id', '=', program.id)
    .executeTakeFirstOrThrow();

  const checks = new Map<string, CoverageCheckResult>();
  const check = async (nik: string, date: string) => {
    const key = `${nik}@${date}`;
    if (!checks.has(key)) checks.set(key, await checkCoverage(db.app, disnaker, { nik, date }));
    return checks.get(key)!;
  };
  const stateIn = async (nik: string, date: string) =>
    (await check(nik, date)).programs.find((p) => p.program === program.name)?.state ?? null;

  const months: Month[] = [];
  for (let m = addMonths(start, -2); monthIndex(m) <= monthIndex(addMonths(end, 2)); m = addMonths(m, 1))
    months.push(m);

  // 1. Slots held (committed money): in each month exactly the enrollments holding it, and no accepted enrollment
  //    holds a month in which the check says its protection has not started.
  for (let i = 0; i < plan.months; i++) {
    const m = firstDay(addMonths(start, i));
    const holding = enrollments.filter((e) => e.status !== 'rejected' && e.first_month <= m && m <= e.last_month);
    expect(programRow.persons_by_month[i], `slots in ${m}`).toBe(holding.length);
    for (const e of holding.filter((x) => x.coverage_start !== null)) {
      const state = await stateIn(nikOf.get(e.worker_id)!, m);
      expect(state, `${e.id} holds ${m}`).not.toBe('not_started');
    }
  }

  // 2. The enrollment list's protection today is the check's.
  const listed = await listEnrollments(db.app, disnaker, program.id, { page: 1, pageSize: 50 }, () => NOW);
  for (const e of listed.items) {
    const nik = nikOf.get(e.workerId)!;
    expect(e.coverageState, `${e.fullName} listed today`).toBe(await stateIn(nik, TODAY));
  }

  // 3. Bills: on a month's bill exactly when covered or lapsed in that month.
  const bills = await listBills(db.app, disnaker, { programId: program.id, page: 1, pageSize: 100 }, clock);
  const lines = await sql<{ month: string; enrollment_id: string }>`
    SELECT to_char(b.month, 'YYYY-MM') AS month, l.enrollment_id::text
    FROM bill b JOIN bill_line l ON l.bill_id = b.id
    WHERE b.program_id = ${program.id}::bigint`.execute(db.owner);
  expect(bills.items.every((b) => monthIndex(b.month) <= monthIndex(CURRENT))).toBe(true);
  for (const e of enrollments) {
    const nik = nikOf.get(e.worker_id)!;
    for (const m of months.filter((x) => monthIndex(x) <= monthIndex(CURRENT))) {
      const billed = lines.rows.some((l) => l.month === m && l.enrollment_id === e.id);
      const state = await stateIn(nik, `${m}-15`);
      expect(billed, `${e.id} billed in ${m} (state ${state})`).toBe(state === 'covered' || state === 'lapsed');
    }
  }

  // 4. Rollups (dashboards, reports, open data): counted in a month exactly when covered on its evaluation day.
  const windowStart = addMonths(CURRENT, -59);
  for (const [, workerId] of s.workerIds) {
    const nik = nikOf.get(workerId)!;
    const person = await db.owner
      .selectFrom('coverage_person')
      .select(sql<string>`months::bit(64)::text`.as('months'))
      .where('nik', '=', nik)
      .executeTakeFirst();
    for (const m of months.filter((x) => monthIndex(x) <= monthIndex(CURRENT))) {
      const bit = monthIndex(m) - monthIndex(windowStart);
      const counted = person ? person.months[person.months.length - 1 - bit] === '1' : false;
      const covered = (await check(nik, minDate(lastDayOf(m), TODAY))).covered;
      expect(counted, `${nik} counted in ${m}`).toBe(covered);
    }
  }

  // 5. The lapse list today: lapsed exactly when the active enrollment's state is lapsed; soon when covered and
  //    lapsing within 30 days.
  const warnings = await listLapseWarnings(
    db.app,
    disnaker,
    { programId: program.id, source: 'program', page: 1, pageSize: 100 },
    clock,
  );
  for (const e of enrollments) {
    const nik = nikOf.get(e.worker_id)!;
    const name = listed.items.find((x) => x.id === e.id)!.fullName;
    const warning = warnings.items.find((w) => w.fullName === name);
    const source = (await check(nik, TODAY)).programs.find((p) => p.program === program.name);
    const horizon = new Date(NOW.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const expected =
      e.status !== 'active' || !source
        ? undefined
        : source.state === 'lapsed'
          ? 'lapsed'
          : source.state === 'covered' && source.lapseDate !== null && source.lapseDate <= horizon
            ? 'soon'
            : undefined;
    expect(warning?.kind, `${name} in the lapse list (state ${source?.state})`).toBe(expected);
  }
}

describe('one truth about protection', () => {
  it('every view agrees with the coverage check for every person and month', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (plan) => {
        await assertAgreement(plan);
      }),
      { numRuns: 12, seed: 20261207, endOnFailure: true },
    );
  }, 300_000);

  it('a start after the programme month frees the months before it, and says "not started" until then', async () => {
    const plan: Plan = {
      startOffset: 1,
      months: 12,
      persons: [
        { start: { monthOffset: 1, day: 1 }, endAfter: null },
        { start: { monthOffset: 0, day: 1 }, endAfter: null },
        { start: null, endAfter: null },
        { start: { monthOffset: 13, day: 1 }, endAfter: null },
      ],
      paidMonths: 0,
    };
    const s = await scenario(plan);
    const rows = await db.owner
      .selectFrom('enrollment')
      .select(['id', 'first_month', 'last_month', 'coverage_start'])
      .where('program_id', '=', s.program.id)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const row = (i: number) => byId.get(s.enrollmentOf.get(s.names[i]!)!)!;
    // Starts a month after the programme: the first month is freed.
    expect(row(0)).toMatchObject({
      first_month: firstDay(addMonths(s.start, 1)),
      coverage_start: firstDay(addMonths(s.start, 1)),
    });
    expect(row(1).first_month).toBe(firstDay(s.start));
    // Not answered: still holds the whole period (the slot is reserved while the branch decides).
    expect(row(2).first_month).toBe(firstDay(s.start));
    // Starts after the period: holds nothing.
    expect(row(3).last_month < row(3).first_month).toBe(true);
    const p = await db.owner
      .selectFrom('program')
      .select('persons_by_month')
      .where('id', '=', s.program.id)
      .executeTakeFirstOrThrow();
    expect(p.persons_by_month[0]).toBe(2);
    expect(p.persons_by_month[1]).toBe(3);
    const listed = await listEnrollments(db.app, disnaker, s.program.id, { page: 1, pageSize: 50 }, clock);
    const first = listed.items.find((e) => e.fullName === s.names[0])!;
    expect(first).toMatchObject({ status: 'active', coverageState: 'not_started', months: 11 });
    const onStart = await listEnrollments(
      db.app,
      disnaker,
      s.program.id,
      { page: 1, pageSize: 50 },
      () => new Date(`${addMonths(s.start, 1)}-01T05:00:00Z`),
    );
    expect(onStart.items.find((e) => e.fullName === s.names[0])!.coverageState).toBe('covered');
    expect(listed.items.find((e) => e.fullName === s.names[2])!.coverageState).toBeNull();
  });
});
