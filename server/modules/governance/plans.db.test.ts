// Must-show (issue 16 §3): a computed action item's progress equals a hand count on a fixture and changes when an
// enrollment of that channel becomes active or lapses; the default channel comes from the user's organisation;
// the assessment's read functions answer with the rows behind their counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nikFor } from '../../testing/nik.ts';
import { actorContext, BANTUL_PROGRAM, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import {
  activateEnrollments,
  createProgram,
  listEnrollments,
  proposeWorkers,
  submitBatch,
  verifyEnrollments,
} from '../programs/index.ts';
import { registerWorker } from '../registry/index.ts';
import {
  computeProgress,
  createInstrument,
  createOrganisation,
  createPlan,
  getPlan,
  instrumentsInForce,
  setItemDone,
  setMember,
  villagesBriefed,
  workItemsDoneOnTime,
} from './index.ts';

const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const operator = actorContext('operator', TRIRENGGO, 'operator.trirenggo');
const pimpinan = actorContext('pimpinan', '34.02', 'pimpinan.bantul');

let db: TestDatabase;
const org: Record<string, string> = {};
const worker: Record<string, string> = {};
let planId = '';
let programId = '';
const enrollment: Record<string, string> = {};

const register = async (name: string, n: number, channelId?: string | null) =>
  (
    await registerWorker(db.app, operator, {
      nik: nikFor('1985-09-05', 'P', n),
      fullName: name,
      birthDate: '1985-09-05',
      sex: 'P',
      village: TRIRENGGO,
      segment: 'farmer',
      category: 'BPU',
      monthlyIncome: 1_000_000,
      ...(channelId !== undefined ? { channelId } : {}),
    })
  ).id;

const computedItem = async () =>
  (await getPlan(db.app, pimpinan, planId)).items.find((i) => i.measureKind === 'participants')!;

beforeAll(async () => {
  db = await createTestDatabase('governance_plans');
  for (const [key, name] of [
    ['dinsos', 'Dinas Sosial'],
    ['kesra', 'Bagian Kesra'],
    ['bappeda', 'Bappeda'],
  ] as const) {
    org[key] = (await createOrganisation(db.app, disnaker, { region: '34.02', kind: 'opd', name, active: true })).id;
  }
  worker.a = await register('Ani Dinsos', 21, org.dinsos);
  worker.b = await register('Budi Dinsos', 22, org.dinsos);
  worker.c = await register('Citra Tanpa Saluran', 23);
  worker.d = await register('Dewi Kesra', 24, org.kesra);
  const program = await createProgram(db.app, disnaker, { ...BANTUL_PROGRAM, startMonth: '2026-07', months: 12 });
  programId = program.id;
  // A and C proposed through Dinsos (C counts through the proposal), D through Kesra; B is never enrolled.
  await proposeWorkers(db.app, disnaker, programId, {
    workerIds: [worker.a, worker.c],
    fromMonth: '2026-07',
    channelId: org.dinsos,
  });
  await proposeWorkers(db.app, disnaker, programId, {
    workerIds: [worker.d],
    fromMonth: '2026-07',
    channelId: org.kesra,
  });
  const listed = await listEnrollments(db.app, disnaker, programId, { page: 1, pageSize: 50 });
  for (const e of listed.items) enrollment[e.fullName] = e.id;
  await verifyEnrollments(db.app, disnaker, programId, Object.values(enrollment));
  await submitBatch(db.app, disnaker, programId);
  planId = (
    await createPlan(db.app, disnaker, {
      region: '34.02',
      title: 'Rencana Kerja Bersama Perlindungan Pekerja Rentan Bantul 2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      signedOn: '2026-02-10',
      signatories: [
        { organisationId: org.dinsos!, personName: 'Kepala Dinas Sosial', position: 'Kepala' },
        { organisationId: org.kesra!, personName: 'Kepala Bagian Kesra', position: 'Kepala' },
        { organisationId: org.bappeda!, personName: 'Kepala Bappeda', position: 'Kepala' },
      ],
      items: [
        {
          title: 'Dinsos: 2 pekerja rentan terdaftar aktif',
          ownerOrganisationId: org.dinsos!,
          dueOn: '2026-12-31',
          measureKind: 'participants',
          target: 2,
          areaCode: '34.02',
          channelId: org.dinsos!,
          segment: 'farmer',
          instrumentKind: null,
        },
        {
          title: 'Perbup perlindungan pekerja rentan ditetapkan',
          ownerOrganisationId: org.bappeda!,
          dueOn: '2026-06-30',
          measureKind: 'instrument_enacted',
          target: null,
          areaCode: '34.02',
          channelId: null,
          segment: null,
          instrumentKind: 'perbup',
        },
        {
          title: 'Sosialisasi ke seluruh desa',
          ownerOrganisationId: null,
          dueOn: '2026-06-30',
          measureKind: 'manual',
          target: null,
          areaCode: null,
          channelId: null,
          segment: null,
          instrumentKind: null,
        },
      ],
    })
  ).id;
});
afterAll(async () => {
  await db?.drop();
});

describe('channels', () => {
  it('records the channel given, or the user’s organisation, or none (tidak diketahui)', async () => {
    await setMember(db.app, disnaker, { username: operator.actor!.username, organisationId: org.kesra! });
    worker.e = await register('Eka Bawaan', 25);
    const rows = await db.owner
      .selectFrom('worker_directory')
      .select(['full_name', 'channel_id'])
      .where('id', 'in', Object.values(worker))
      .orderBy('full_name')
      .execute();
    expect(rows.map((r) => [r.full_name, r.channel_id === null ? null : String(r.channel_id)])).toEqual([
      ['Ani Dinsos', org.dinsos],
      ['Budi Dinsos', org.dinsos],
      ['Citra Tanpa Saluran', null],
      ['Dewi Kesra', org.kesra],
      ['Eka Bawaan', org.kesra],
    ]);
    const proposals = await db.owner.selectFrom('enrollment_directory').select(['worker_id', 'channel_id']).execute();
    expect(Object.fromEntries(proposals.map((p) => [String(p.worker_id), String(p.channel_id)]))).toEqual({
      [worker.a!]: org.dinsos,
      [worker.c!]: org.dinsos,
      [worker.d!]: org.kesra,
    });
  });
});

describe('a computed action item (clock pinned to 2026-07-15)', () => {
  it('is not computed on page load: nothing before the job runs', async () => {
    expect(await computedItem()).toMatchObject({ value: null, computedAt: null });
  });

  it('equals the hand count and moves when an enrollment of the channel becomes active, then lapses', async () => {
    await computeProgress(db.app);
    expect(await computedItem()).toMatchObject({ value: 0, target: 2, trend: null });

    await activateEnrollments(db.app, disnaker, programId, [
      { enrollmentId: enrollment['Ani Dinsos']!, kpjNumber: '77000000001', coverageStart: '2026-07-01' },
    ]);
    await computeProgress(db.app);
    expect(await computedItem()).toMatchObject({ value: 1, previousValue: 0, trend: 'up' });

    // Citra (no channel of her own, proposed through Dinsos) and Dewi (Kesra) become active: by hand, Dinsos has
    // brought in Ani and Citra; Budi is not enrolled, Dewi came through Kesra.
    await activateEnrollments(db.app, disnaker, programId, [
      { enrollmentId: enrollment['Citra Tanpa Saluran']!, kpjNumber: '77000000002', coverageStart: '2026-07-01' },
      { enrollmentId: enrollment['Dewi Kesra']!, kpjNumber: '77000000003', coverageStart: '2026-07-01' },
    ]);
    await computeProgress(db.app);
    const done = await computedItem();
    expect(done).toMatchObject({ value: 2, previousValue: 1, trend: 'up', standing: 'done', done: true });

    // Months later without a single payment the enrollments have lapsed (lindung_nik_covered): the count falls.
    await computeProgress(db.app, '2027-03-20');
    expect(await computedItem()).toMatchObject({ value: 0, previousValue: 2, trend: 'down' });
  });

  it('counts an instrument of the type reaching enacted, and a manual item done with evidence', async () => {
    await createInstrument(db.app, disnaker, {
      region: '34.02',
      kind: 'perbup',
      stage: null,
      number: '12 Tahun 2026',
      title: 'Perlindungan Pekerja Rentan',
      signedOn: '2026-03-02',
      effectiveFrom: '2026-03-02',
      effectiveUntil: null,
      issuer: 'Bupati Bantul',
      counterparty: null,
      regionsCovered: [],
      subjectTags: ['pekerja_rentan'],
      status: 'enacted',
      programIds: [programId],
      targetIds: [],
    });
    await computeProgress(db.app);
    const plan = await getPlan(db.app, pimpinan, planId);
    expect(plan.signatories).toHaveLength(3);
    const perbup = plan.items.find((i) => i.measureKind === 'instrument_enacted')!;
    expect(perbup).toMatchObject({ value: 1, target: 1, standing: 'done' });
    const manual = plan.items.find((i) => i.measureKind === 'manual')!;
    expect(manual.standing).toBe('late'); // due 30 June, not done on 15 July
    await setItemDone(db.app, disnaker, planId, manual.id, {
      done: true,
      doneOn: '2026-06-20',
      evidence: 'Daftar hadir sosialisasi',
    });
    const after = await getPlan(db.app, pimpinan, planId);
    expect(after.items.find((i) => i.id === manual.id)).toMatchObject({ standing: 'done', done: true });
  });
});

describe('read functions for the assessment', () => {
  it('answer with the rows behind the counts', async () => {
    const inForce = await instrumentsInForce(db.app, pimpinan, { region: '34.02', at: '2026-07-15' });
    expect(inForce.counts).toEqual([{ kind: 'perbup', count: 1 }]);
    expect(inForce.rows.map((r) => r.number)).toEqual(['12 Tahun 2026']);
    expect((await instrumentsInForce(db.app, pimpinan, { region: '34.02', at: '2026-03-01' })).rows).toEqual([]);

    const onTime = await workItemsDoneOnTime(db.app, pimpinan, {
      region: '34.02',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(onTime.due).toBe(3);
    // The manual item was done on 20 June (due 30 June); the Perbup counted on 15 July (due 30 June: late); the
    // participants item reached its target on 15 July, before its due date.
    expect(
      onTime.rows
        .filter((r) => r.doneOnTime)
        .map((r) => r.measureKind)
        .sort(),
    ).toEqual(['manual', 'participants']);
    expect(onTime.doneOnTime).toBe(2);

    const briefed = await villagesBriefed(db.app, pimpinan, {
      region: '34.02.08',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(briefed.villages).toBeGreaterThan(1);
    expect(briefed.briefed).toBe(0);
    expect(briefed.rows.map((r) => r.villageCode)).toContain(PALBAPANG);
  });
});
