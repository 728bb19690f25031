import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ProgramCreate } from '../../../lib/contracts/programs.ts';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import {
  acceptedByBranch,
  actorContext,
  addWorkers,
  BANTUL_PROGRAM,
  TRIRENGGO,
} from '../../testing/programs-fixtures.ts';
import { contributionJson, parseContributionArgs } from '../../cli/contribution.ts';
import { quote } from '../contributions/index.ts';
import { createProgram, getProgram, proposeWages, proposeWorkers } from './index.ts';

// PU programmes (issue 18 §1): a programme of 100 non-ASN staff, each with their own wage, holds exactly the sum of
// the per-person quotes of `lindung contribution --category pu` (the same `quote`), month by month, across the
// March 2026 JP wage cap change; the budget guard holds at each person's own price; BPU programmes are unchanged.

const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const PROGRAMS = ['jkk', 'jkm', 'jht', 'jp'] as const;
const START = '2026-01';

const PU_PROGRAM: ProgramCreate = {
  ...BANTUL_PROGRAM,
  name: 'Jaminan sosial pegawai non ASN Setda Bantul 2026',
  targetSegments: ['non_civil_servant'],
  declaredIncome: 2_500_000,
  quota: 100,
  startMonth: START,
  months: 12,
  budgetCeiling: 5_000_000_000,
  dpaReference: 'DPA 4.01.01/2026',
  category: 'pu',
  pu: {
    employerName: 'Sekretariat Daerah Kab. Bantul',
    employerKind: 'opd',
    programs: [...PROGRAMS],
    riskClass: 1,
    employerSize: 'medium',
  },
};

let db: TestDatabase;
let staff: { workerId: string; wage: number }[];

/** Wages from Rp2.1 million to Rp14 million: some above both JP caps, some between the 2025 and the 2026 cap. */
const wageOf = (i: number) => (i % 10 === 9 ? 10_800_000 : 2_100_000 + i * 119_000);

beforeAll(async () => {
  db = await createTestDatabase('programs_pu');
  const specs = Array.from({ length: 104 }, (_, i) => ({
    name: `Pegawai Non ASN ${String(i).padStart(3, '0')}`,
    village: TRIRENGGO,
    segment: 'non_civil_servant' as const,
  }));
  const ids = await addWorkers(db, specs);
  staff = specs.map((s, i) => ({ workerId: ids.get(s.name)!, wage: wageOf(i) }));
});
afterAll(async () => {
  await db?.drop();
});

/**
 * One person's month as `lindung contribution --category pu --wage … --risk-class 1 --employer-size medium
 * --programs jkk,jkm,jht,jp --date YYYY-MM-01 --json` prints it: the command's own argument parser, the same quote,
 * the command's JSON. The Pemda pays the employer's and the worker's parts (not the central government's JKP part).
 */
async function quotedMonth(wage: number, month: string) {
  const input = parseContributionArgs({
    category: 'pu',
    wage: String(wage),
    'risk-class': '1',
    'employer-size': 'medium',
    programs: PROGRAMS.join(','),
    date: `${month}-01`,
    json: true,
  });
  const printed = contributionJson(await quote(db.app, input));
  return { total: printed.byPayer.employer + printed.byPayer.worker, worker: printed.byPayer.worker };
}

describe('a PU programme', () => {
  it('holds, month by month, the sum of the per-person PU quotes of 100 staff with individual wages', async () => {
    const program = await createProgram(db.app, disnaker, PU_PROGRAM);
    expect(program).toMatchObject({ category: 'pu', pu: { employerKind: 'opd', riskClass: 1 } });
    const hundred = staff.slice(0, 100);
    const outcome = await proposeWages(db.app, disnaker, program.id, { rows: hundred, fromMonth: START });
    expect(outcome.notProposed).toEqual([]);
    expect(outcome.proposed).toHaveLength(100);

    const expected = Array<number>(12).fill(0);
    const expectedWorker = Array<number>(12).fill(0);
    for (const p of hundred) {
      for (let i = 0; i < 12; i += 1) {
        const q = await quotedMonth(p.wage, addMonths(START, i));
        expected[i]! += q.total;
        expectedWorker[i]! += q.worker;
      }
    }
    const row = await db.owner
      .selectFrom('program')
      .select(['money_by_month', 'persons_by_month'])
      .where('id', '=', program.id)
      .executeTakeFirstOrThrow();
    expect(row.money_by_month.map(Number)).toEqual(expected);
    expect(row.persons_by_month).toEqual(Array(12).fill(100));
    // The JP cap rose on 1 March 2026: a wage above it pays more JP from March.
    const high = await quotedMonth(10_800_000, '2026-02');
    const highMarch = await quotedMonth(10_800_000, '2026-03');
    expect(highMarch.total).toBeGreaterThan(high.total);
    expect(expected[2]).toBeGreaterThan(expected[1]!);

    const detail = await getProgram(db.app, disnaker, program.id);
    const total = expected.reduce((a, b) => a + b, 0);
    const worker = expectedWorker.reduce((a, b) => a + b, 0);
    expect(detail.figures.committed).toBe(total);
    expect(detail.split).toEqual({ employer: total - worker, worker });
    expect(detail.byMonth.map((m) => m.committed)).toEqual(expected);
  });

  it('stops at the budget at each person’s own price, and the database refuses to pass it', async () => {
    const price = async (wage: number) => {
      let sum = 0;
      for (let i = 0; i < 12; i += 1) sum += (await quotedMonth(wage, addMonths(START, i))).total;
      return sum;
    };
    const [a, b, c] = staff.slice(100, 103) as [(typeof staff)[0], (typeof staff)[0], (typeof staff)[0]];
    const wages = [
      { ...a, wage: 9_000_000 },
      { ...b, wage: 3_000_000 },
      { ...c, wage: 2_200_000 },
    ];
    const ceiling = (await price(9_000_000)) + (await price(2_200_000));
    const program = await createProgram(db.app, disnaker, {
      ...PU_PROGRAM,
      name: 'Pagu sempit PU',
      budgetCeiling: ceiling,
    });
    // The second person (Rp3 million) does not fit after the first; the third (Rp2.2 million) still does.
    const outcome = await proposeWages(db.app, disnaker, program.id, { rows: wages, fromMonth: START });
    expect(outcome.proposed.map((p) => p.workerId)).toEqual([a.workerId, c.workerId]);
    expect(outcome.notProposed).toEqual([{ workerId: b.workerId, reasons: ['BUDGET_EXCEEDED'] }]);
    expect(outcome.cost).toBe(ceiling);
    // A raw raise of a wage past the ceiling, without the service and its lock, is refused by program_budget_held.
    const raise = sql`UPDATE enrollment SET price_by_month = array_fill(999999::bigint, ARRAY[12])
                      WHERE program_id = ${program.id}::bigint`.execute(db.owner);
    await expect(raise).rejects.toMatchObject({ constraint: 'program_budget_held' });
  });

  it('prices persons proposed without a wage at the reference wage; a BPU programme holds no PU money', async () => {
    const bpu = await createProgram(db.app, disnaker, { ...BANTUL_PROGRAM, name: 'BPU tetap', startMonth: START });
    expect(bpu).toMatchObject({ category: 'bpu', pu: null, split: null });
    const pu = await createProgram(db.app, disnaker, { ...PU_PROGRAM, name: 'PU upah acuan' });
    const last = staff[103]!;
    await proposeWorkers(db.app, disnaker, pu.id, { workerIds: [last.workerId], fromMonth: START });
    const rows = await db.owner
      .selectFrom('enrollment')
      .select(['wage', 'price_by_month'])
      .where('program_id', '=', pu.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.wage)).toBe(2_500_000);
    const reference = [];
    for (let i = 0; i < 12; i += 1) reference.push((await quotedMonth(2_500_000, addMonths(START, i))).total);
    expect(rows[0]!.price_by_month!.map(Number)).toEqual(reference);
    await expect(
      proposeWages(db.app, disnaker, bpu.id, { rows: [{ workerId: last.workerId, wage: 2_000_000 }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const bpuRow = await db.owner
      .selectFrom('program')
      .select(['money_by_month', 'price_by_month'])
      .where('id', '=', bpu.id)
      .executeTakeFirstOrThrow();
    expect(bpuRow.money_by_month.map(Number)).toEqual(Array(12).fill(0));
    expect(bpuRow.price_by_month.map(Number)).toEqual(Array(12).fill(16_800));
  });

  it('lapses a PU enrollment by the PU rule (due the 15th of the next month), a BPU one by the BPU rule', async () => {
    const bpu = await createProgram(db.app, disnaker, { ...BANTUL_PROGRAM, name: 'BPU lapse', startMonth: START });
    const pu = await createProgram(db.app, disnaker, { ...PU_PROGRAM, name: 'PU lapse' });
    const ids = await addWorkers(db, [
      { name: 'Pekerja BPU Lapse', village: TRIRENGGO, segment: BANTUL_PROGRAM.targetSegments[0]! },
      { name: 'Pegawai PU Lapse', village: TRIRENGGO, segment: 'non_civil_servant' as const },
    ]);
    const a = { workerId: ids.get('Pekerja BPU Lapse')! };
    const b = { workerId: ids.get('Pegawai PU Lapse')!, wage: 3_000_000 };
    await proposeWorkers(db.app, disnaker, bpu.id, { workerIds: [a.workerId], fromMonth: START });
    await proposeWages(db.app, disnaker, pu.id, { rows: [{ workerId: b.workerId, wage: b.wage }], fromMonth: START });
    // Both accepted by BPJS from January and paid for January only.
    await acceptedByBranch(db, bpu.id, '2026-01-01');
    await acceptedByBranch(db, pu.id, '2026-01-01');
    await sql`UPDATE enrollment SET paid_through = '2026-01-01'
              WHERE program_id IN (${bpu.id}::bigint, ${pu.id}::bigint)`.execute(db.owner);
    const states = await sql<{ program_id: string; category: string; state: string }>`
      SELECT program_id::text, category, lindung_coverage_state(category, coverage_start, coverage_end, paid_through,
                                                                '2026-04-20') AS state
      FROM enrollment_coverage WHERE program_id IN (${bpu.id}::bigint, ${pu.id}::bigint)`.execute(db.owner);
    // 20 April: BPU February–April are past their due dates (3 unpaid months: nonaktif); PU April falls due on
    // 15 May, so February and March are unpaid (2 of the 6 months the PU rule row allows).
    expect(states.rows.map((r) => [r.program_id === pu.id ? 'pu' : 'bpu', r.category, r.state]).sort()).toEqual([
      ['bpu', 'BPU', 'lapsed'],
      ['pu', 'PU', 'covered'],
    ]);
  });
});
