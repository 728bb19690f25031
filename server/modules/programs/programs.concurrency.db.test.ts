import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import {
  createProgram,
  endEnrollments,
  listEnrollments,
  proposeWages,
  proposeWorkers,
  rejectEnrollments,
  verifyEnrollments,
} from './index.ts';
import {
  actorContext,
  addWorkers,
  BANTUL_PROGRAM,
  PALBAPANG,
  recount,
  START,
  TRIRENGGO,
} from '../../testing/programs-fixtures.ts';

// Quota and budget hold under concurrent requests. Two layers (migration 0006): every proposal, verification,
// rejection and ending locks the programme row first, so requests on one programme queue and a bulk proposal
// fills exactly the slots left; and CHECK constraints on the programme's slot counters refuse any write that
// would exceed the quota or the ceiling, which the second test proves with the lock bypassed.

const PRICE_YEAR = 16_800 * 12;
const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const operators = [actorContext('operator', TRIRENGGO), actorContext('operator', PALBAPANG)];

let db: TestDatabase;
let workerIds: { id: string; village: string }[];

function invariantsHold(c: Awaited<ReturnType<typeof recount>>) {
  expect(c.counters, 'the counters match the enrollment rows').toEqual(c.persons);
  for (const n of c.persons) expect(n).toBeLessThanOrEqual(c.quota);
  expect(c.committed).toBeLessThanOrEqual(c.ceiling);
}

beforeAll(async () => {
  db = await createTestDatabase('programs_race');
  const specs = Array.from({ length: 150 }, (_, i) => ({
    name: `Pekerja Uji ${String(i).padStart(3, '0')}`,
    village: i % 2 === 0 ? TRIRENGGO : PALBAPANG,
  }));
  const ids = await addWorkers(db, specs);
  workerIds = specs.map((s) => ({ id: ids.get(s.name)!, village: s.village }));
});
afterAll(async () => {
  await db?.drop();
});

describe('many parallel requests at a nearly full programme', () => {
  it('never hold more slots than the quota, fill it exactly, and keep the counters true', async () => {
    const program = await createProgram(db.app, disnaker, {
      ...BANTUL_PROGRAM,
      name: 'Hampir penuh',
      quota: 20,
      budgetCeiling: PRICE_YEAR * 25,
    });
    const first = workerIds.slice(0, 18);
    const seeded = await proposeWorkers(db.app, disnaker, program.id, { workerIds: first.map((w) => w.id) });
    expect(seeded.proposed).toBe(18);
    const enrolled = (await listEnrollments(db.app, disnaker, program.id, { page: 1, pageSize: 200 })).items;

    // 60 single proposals from the villages' operators and Disnaker, two bulk proposals, verifications of the
    // seeded proposals in three chunks and the rejection of four of them, all at once.
    const singles = workerIds.slice(18, 78).map((w, i) =>
      proposeWorkers(db.app, i % 3 === 2 ? disnaker : operators[w.village === TRIRENGGO ? 0 : 1]!, program.id, {
        workerIds: [w.id],
      }),
    );
    const bulks = [TRIRENGGO, PALBAPANG].map((village) =>
      proposeWorkers(db.app, disnaker, program.id, { filter: { region: village } }),
    );
    const chunks = [enrolled.slice(0, 5), enrolled.slice(5, 10), enrolled.slice(10, 14)];
    const verifications = chunks.map((c) =>
      verifyEnrollments(
        db.app,
        disnaker,
        program.id,
        c.map((e) => e.id),
      ),
    );
    const rejection = rejectEnrollments(db.app, disnaker, program.id, {
      ids: enrolled.slice(14, 18).map((e) => e.id),
      reason: 'Sudah ditanggung perusahaan',
    });
    const results = await Promise.all([...singles, ...bulks]);
    const decisions = await Promise.all([...verifications, rejection]);
    // Whether the rejection ran before or after the last proposal is up to the scheduler; one more bulk proposal
    // afterwards takes whatever it freed.
    results.push(await proposeWorkers(db.app, disnaker, program.id, { filter: {} }));

    expect(decisions.slice(0, 3).map((d) => ('verified' in d ? d.verified : 0))).toEqual([5, 5, 4]);
    const proposed = results.reduce((s, r) => s + r.proposed, 0);
    // The four rejected slots and the two free ones were each taken once, by whichever request came first.
    expect(proposed).toBe(6);
    const quotaFull = results.reduce((s, r) => s + (r.reasons.find((x) => x.code === 'QUOTA_FULL')?.count ?? 0), 0);
    expect(quotaFull).toBeGreaterThan(0);
    const counted = await recount(db, program.id);
    invariantsHold(counted);
    expect(counted.persons).toEqual(Array(12).fill(20));
  });

  it('never commit more money than the ceiling when the budget binds before the quota', async () => {
    const program = await createProgram(db.app, disnaker, {
      ...BANTUL_PROGRAM,
      name: 'Pagu mengikat',
      quota: 100,
      budgetCeiling: PRICE_YEAR * 7 + 16_800 * 5,
    });
    const pool = workerIds.slice(78, 118);
    const results = await Promise.all(
      pool.map((w) => proposeWorkers(db.app, disnaker, program.id, { workerIds: [w.id] })),
    );
    expect(results.reduce((s, r) => s + r.proposed, 0)).toBe(7);
    const counted = await recount(db, program.id);
    invariantsHold(counted);
    expect(counted.committed).toBe(PRICE_YEAR * 7);

    // Ending two enrollments after month 6 frees 2 × 6 months; refills for months 7–12 run in parallel and take
    // exactly what the freed money and the five spare months of budget pay for.
    const active = (await listEnrollments(db.app, disnaker, program.id, { page: 1, pageSize: 200 })).items;
    await verifyEnrollments(
      db.app,
      disnaker,
      program.id,
      active.map((e) => e.id),
    );
    await endEnrollments(db.app, disnaker, program.id, {
      ids: active.slice(0, 2).map((e) => e.id),
      reason: 'withdrawn',
      lastMonth: addMonths(START, 5),
    });
    const refills = await Promise.all(
      pool.map((w) =>
        proposeWorkers(db.app, disnaker, program.id, { workerIds: [w.id], fromMonth: addMonths(START, 6) }),
      ),
    );
    // Budget left: 2 × 6 months freed + 5 spare months = 17 months of Rp16,800; each refill costs 6 months → 2.
    expect(refills.reduce((s, r) => s + r.proposed, 0)).toBe(2);
    invariantsHold(await recount(db, program.id));
  });
});

describe('the database constraints on their own', () => {
  it('let exactly the free slots through when parallel transactions insert without the programme lock', async () => {
    const program = await createProgram(db.app, disnaker, {
      ...BANTUL_PROGRAM,
      name: 'Tanpa kunci',
      quota: 3,
      budgetCeiling: PRICE_YEAR * 10,
    });
    const pool = new pg.Pool({ connectionString: db.url, max: 10 });
    try {
      const outcomes = await Promise.allSettled(
        workerIds.slice(120, 130).map(async (w) => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query(
              `INSERT INTO enrollment (kabkota_code, program_id, worker_id, village_code, status, first_month,
                                       last_month, proposed_by)
               VALUES ('34.02', $1, $2, $3, 'proposed', $4, $5, 'race')`,
              [program.id, w.id, w.village, `${START}-01`, `${addMonths(START, 11)}-01`],
            );
            await client.query('SELECT pg_sleep(0.05)'); // hold the slot a moment: the others must wait, not overtake
            await client.query('COMMIT');
          } catch (err) {
            await client.query('ROLLBACK');
            throw err;
          } finally {
            client.release();
          }
        }),
      );
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
      expect(refused).toHaveLength(7);
      for (const o of refused) expect(String((o as PromiseRejectedResult).reason)).toMatch(/program_quota_held/);
    } finally {
      await pool.end();
    }
    invariantsHold(await recount(db, program.id));
  });
});

// Issue 18 §1: the same guarantees for a PU programme, where every person holds their own price (money_by_month).
describe('a PU programme under parallel proposals with individual wages', () => {
  const moneyRecount = async (programId: string) => {
    const r = await sql<{ month: number; money: string }>`
      SELECT k AS month, sum(e.price_by_month[k])::text AS money
      FROM enrollment e JOIN program p ON p.id = e.program_id, generate_subscripts(e.price_by_month, 1) AS k
      WHERE e.program_id = ${programId}::bigint AND e.status <> 'rejected'
        AND (p.start_month + make_interval(months => k - 1))::date BETWEEN e.first_month AND e.last_month
      GROUP BY k`.execute(db.owner);
    const program = await db.owner
      .selectFrom('program')
      .select(['money_by_month', 'budget_ceiling'])
      .where('id', '=', programId)
      .executeTakeFirstOrThrow();
    const money = program.money_by_month.map(() => 0);
    for (const row of r.rows) money[row.month - 1] = Number(row.money);
    return { counters: program.money_by_month.map(Number), money, ceiling: Number(program.budget_ceiling) };
  };

  it('keep the money within the ceiling, with and without the programme lock', async () => {
    const pu = {
      ...BANTUL_PROGRAM,
      targetSegments: ['farmer' as const],
      declaredIncome: 3_000_000,
      category: 'pu' as const,
      pu: {
        employerName: 'Sekretariat KPU Kab. Bantul',
        employerKind: 'kpu' as const,
        programs: ['jkk' as const, 'jkm' as const],
        riskClass: 1 as const,
        employerSize: 'micro' as const,
      },
    };
    const probe = await createProgram(db.app, disnaker, { ...pu, name: 'PU harga', quota: 1 });
    const yearAt3m = probe.figures.periodCostForQuota;
    const program = await createProgram(db.app, disnaker, {
      ...pu,
      name: 'PU pagu mengikat',
      quota: 100,
      budgetCeiling: yearAt3m * 4,
    });
    const pool = workerIds.slice(130, 145);
    const results = await Promise.all(
      pool.map((w, i) =>
        proposeWages(db.app, disnaker, program.id, {
          rows: [{ workerId: w.id, wage: i % 2 === 0 ? 3_000_000 : 1_500_000 }],
        }),
      ),
    );
    expect(results.reduce((s, r) => s + r.proposed.length, 0)).toBeGreaterThanOrEqual(4);
    const after = await moneyRecount(program.id);
    expect(after.counters).toEqual(after.money);
    expect(after.money.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(after.ceiling);

    // Raw transactions without the lock, each holding a full year at the 3-million price: the ceiling lets
    // exactly two through.
    const raw = await createProgram(db.app, disnaker, { ...pu, name: 'PU tanpa kunci', budgetCeiling: yearAt3m * 2 });
    const prices = `{${probe.byMonth.map((m) => m.pricePerPerson).join(',')}}`;
    const client = new pg.Pool({ connectionString: db.url, max: 5 });
    try {
      const outcomes = await Promise.allSettled(
        workerIds.slice(145, 150).map(async (w) => {
          const c = await client.connect();
          try {
            await c.query('BEGIN');
            await c.query(
              `INSERT INTO enrollment (kabkota_code, program_id, worker_id, village_code, status, first_month,
                                       last_month, proposed_by, wage, price_by_month, worker_by_month)
               VALUES ('34.02', $1, $2, $3, 'proposed', $4, $5, 'race', 3000000, $6, array_fill(0::bigint, ARRAY[12]))`,
              [raw.id, w.id, w.village, `${START}-01`, `${addMonths(START, 11)}-01`, prices],
            );
            await c.query('SELECT pg_sleep(0.05)');
            await c.query('COMMIT');
          } catch (err) {
            await c.query('ROLLBACK');
            throw err;
          } finally {
            c.release();
          }
        }),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
      for (const o of outcomes.filter((x) => x.status === 'rejected')) {
        expect(String((o as PromiseRejectedResult).reason)).toMatch(/program_budget_held/);
      }
    } finally {
      await client.end();
    }
    const rawCount = await moneyRecount(raw.id);
    expect(rawCount.counters).toEqual(rawCount.money);
    expect(rawCount.money.reduce((a, b) => a + b, 0)).toBe(yearAt3m * 2);
  });
});
