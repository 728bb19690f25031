import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramCreate } from '../../../lib/contracts/programs.ts';
import type { RolloverView } from '../../../lib/contracts/programs.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import {
  acceptedByBranch,
  actorContext,
  addWorkers,
  BANTUL_PROGRAM,
  markDeceased,
  TRIRENGGO,
} from '../../testing/programs-fixtures.ts';
import { createProgram, proposeWages, proposeWorkers, rollOver } from './index.ts';

// Roll-over (issue 18 §4): the carried and not-carried members equal a hand-made fixture, the preview equals the
// roll-over, and the new programme's quota and budget hold. Today is 2026-07-15: the source ran January–June.

const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const SOURCE: ProgramCreate = {
  ...BANTUL_PROGRAM,
  name: 'Non ASN Kapanewon Bantul 2026-I',
  targetSegments: ['non_civil_servant'],
  declaredIncome: 2_500_000,
  quota: 20,
  startMonth: '2026-01',
  months: 6,
  budgetCeiling: 1_000_000_000,
  dpaReference: 'DPA 2026-I',
  category: 'pu',
  pu: {
    employerName: 'Kapanewon Bantul',
    employerKind: 'opd',
    programs: ['jkk', 'jkm'],
    riskClass: 1,
    employerSize: 'micro',
  },
};
const NAMES = [
  'Aktif',
  'Selesai Periode',
  'Meninggal',
  'Pindah',
  'Diganti',
  'Ditanggung Lain',
  'Aktif Kedua',
  'Usulan',
];

let db: TestDatabase;
let id: Map<string, string>;
let sourceId: string;

beforeAll(async () => {
  db = await createTestDatabase('programs_rollover');
  id = await addWorkers(
    db,
    NAMES.map((name) => ({ name, village: TRIRENGGO, segment: 'non_civil_servant' as const })),
  );
  const source = await createProgram(db.app, disnaker, SOURCE);
  sourceId = source.id;
  await proposeWages(db.app, disnaker, source.id, {
    rows: NAMES.map((n, i) => ({ workerId: id.get(n)!, wage: 2_400_000 + i * 100_000 })),
    fromMonth: '2026-01',
  });
  // The branch's answers and the endings, written as the exchange and Disnaker would leave them.
  const w = (n: string) => id.get(n)!;
  await acceptedByBranch(db, source.id, '2026-01-01', w('Usulan'));
  await db.owner
    .updateTable('enrollment')
    .set({ status: 'ended', end_reason: 'period_end' })
    .where('worker_id', '=', w('Selesai Periode'))
    .execute();
  for (const [name, reason] of [
    ['Pindah', 'moved'],
    ['Diganti', 'replaced'],
  ] as const) {
    await db.owner
      .updateTable('enrollment')
      .set({ status: 'ended', end_reason: reason, last_month: '2026-03-01' })
      .where('worker_id', '=', w(name))
      .execute();
  }
  await markDeceased(db, w('Meninggal'), '2026-05-02');
  // Covered from July by another programme (the province's BPU cohort).
  const other = await createProgram(db.app, disnaker, {
    ...BANTUL_PROGRAM,
    name: 'BPU Provinsi',
    targetSegments: ['non_civil_servant'],
    startMonth: '2026-07',
  });
  await proposeWorkers(db.app, disnaker, other.id, { workerIds: [w('Ditanggung Lain')], fromMonth: '2026-07' });
});
afterAll(async () => {
  await db?.drop();
});

describe('Lanjutkan ke tahun berikutnya', () => {
  it('previews and carries exactly the members who remain eligible, within quota and budget', async () => {
    const input = { dpaReference: 'DPA 2026-II', budgetCeiling: 1_000_000_000, quota: 2 };
    const preview = await rollOver(db.app, disnaker, sourceId, input, { dryRun: true });
    const name = new Map([...id].map(([n, i]) => [i, n]));
    const view = (r: typeof preview) => ({
      carried: r.carried.map((c) => name.get(c.workerId)).sort(),
      notCarried: Object.fromEntries(r.notCarried.map((c) => [name.get(c.workerId), c.reason])),
    });
    // Hand-made: quota 2 takes the first two eligible members in the source's order; the rest wait for a slot.
    const expected = {
      carried: ['Aktif', 'Selesai Periode'],
      notCarried: {
        Meninggal: 'DECEASED',
        Pindah: 'ENDED_MOVED',
        Diganti: 'ENDED_REPLACED',
        'Ditanggung Lain': 'ALREADY_COVERED',
        'Aktif Kedua': 'QUOTA_FULL',
      },
    };
    expect(view(preview), JSON.stringify(preview.notCarried)).toEqual(expected);
    expect(preview.programId).toBeNull();
    expect(preview.startMonth).toBe('2026-07');
    expect(
      await db.owner.selectFrom('program').select('id').where('dpa_reference', '=', 'DPA 2026-II').execute(),
    ).toEqual([]);

    const done = await rollOver(db.app, disnaker, sourceId, input);
    expect(view(done)).toEqual(expected);
    expect(done.budgetNeeded).toBe(preview.budgetNeeded);
    const next = await db.owner
      .selectFrom('program')
      .selectAll()
      .where('id', '=', done.programId!)
      .executeTakeFirstOrThrow();
    expect(next).toMatchObject({ category: 'pu', dpa_reference: 'DPA 2026-II', quota: 2, months: 6 });
    expect(next.persons_by_month).toEqual(Array(6).fill(2));
    expect(next.money_by_month.map(Number).reduce((a, b) => a + b, 0)).toBe(done.budgetNeeded);
    const rows = await db.owner
      .selectFrom('enrollment')
      .select(['worker_id', 'status', 'wage'])
      .where('program_id', '=', done.programId!)
      .orderBy('worker_id')
      .execute();
    expect(rows.map((r) => [name.get(r.worker_id), r.status, Number(r.wage)]).sort()).toEqual([
      ['Aktif', 'proposed', 2_400_000],
      ['Selesai Periode', 'proposed', 2_500_000],
    ]);

    // Rolled over once, the carried members are covered from July; a second roll-over of the same programme
    // carries none of them twice, and a ceiling too small for the one member left names the budget.
    const again = await rollOver(
      db.app,
      disnaker,
      sourceId,
      { dpaReference: 'DPA 2026-III', budgetCeiling: 1 },
      { dryRun: true },
    );
    expect(view(again)).toEqual({
      carried: [],
      notCarried: {
        ...expected.notCarried,
        Aktif: 'ALREADY_COVERED',
        'Selesai Periode': 'ALREADY_COVERED',
        'Aktif Kedua': 'BUDGET_EXCEEDED',
      },
    });
  });
});

describe('the programme page of a PU cohort and its roll-over over HTTP', () => {
  it('shows the PU terms, the employer/worker split and each wage; previews and confirms a roll-over, audited', async () => {
    const app = await testApp(db);
    try {
      const user = await makeUser(db, 'disnaker', '34.02', 'disnaker.http');
      const headers = await signIn(app, user.username, user.password);
      const get = async (url: string) => (await app.inject({ method: 'GET', url, headers })).json();
      const detail = await get(`/api/programs/${sourceId}`);
      expect(detail).toMatchObject({ category: 'pu', pu: { employerName: 'Kapanewon Bantul', riskClass: 1 } });
      expect(detail.split.employer + detail.split.worker).toBe(detail.figures.committed);
      const list = await get(`/api/programs/${sourceId}/enrollments?pageSize=50`);
      const wages = Object.fromEntries(
        (list.items as { fullName: string; wage: number }[]).map((e) => [e.fullName, e.wage]),
      );
      expect(wages).toMatchObject({ Aktif: 2_400_000, 'Selesai Periode': 2_500_000, Usulan: 3_100_000 });

      const body = { dpaReference: 'DPA 2026-IV', budgetCeiling: 1_000_000_000 };
      const post = (url: string) => app.inject({ method: 'POST', url, headers, payload: body });
      const preview = await post(`/api/programs/${sourceId}/rollover/preview`);
      expect(preview.statusCode, preview.body).toBe(200);
      const shown = preview.json() as RolloverView;
      expect(shown.programId).toBeNull();
      expect(shown.endMonth).toBe('2026-12');
      // The first roll-over (quota 2) left 'Aktif Kedua' waiting; every other living member is covered from July.
      expect(shown.carried.map((c) => c.fullName)).toEqual(['Aktif Kedua']);
      expect(shown.budgetNeeded).toBeGreaterThan(0);
      const deceased = shown.notCarried.find((n) => n.fullName === 'Meninggal');
      expect(deceased).toMatchObject({ reason: 'DECEASED', nikMasked: '340208••••••0003' });
      expect(shown.notCarried.find((n) => n.fullName === 'Pindah')?.message).toMatch(/pindah/);

      const done = await post(`/api/programs/${sourceId}/rollover`);
      expect(done.statusCode, done.body).toBe(201);
      const made = (done.json() as RolloverView).programId!;
      const audit = await db.owner
        .selectFrom('audit_log')
        .select(['actor_username', 'after'])
        .where('action', '=', 'program.create')
        .where('entity_id', '=', made)
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor_username: 'disnaker.http', after: { rolledOverFrom: sourceId } });

      const refused = await app.inject({
        method: 'POST',
        url: `/api/programs/${sourceId}/rollover/preview`,
        headers,
        payload: { dpaReference: '', budgetCeiling: 0 },
      });
      expect(refused.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
