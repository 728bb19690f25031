// A worker's protection record (issue 12 §2) against the real database. The day is pinned to 20 May 2026 (WIB);
// the programme runs January–December 2026 and its BPU contributions are due the 15th, three unpaid months lapse.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  protectionBadges as badgesContract,
  workerProtection as protectionContract,
} from '../../../lib/contracts/protection.ts';
import type { WorkerProtection } from '../../../lib/contracts/protection.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import type { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { importResponse } from '../exchange/index.ts';
import { createProgram, listEnrollments, proposeWorkers, submitBatch, verifyEnrollments } from '../programs/index.ts';
import { actorContext, addWorkers, BANTUL_PROGRAM, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { protectionBadges, workerProtection } from './protection.service.ts';

const TODAY = '2026-05-20';
const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const sleman = actorContext('disnaker', '34.04', 'disnaker.sleman');
const opTrirenggo = actorContext('operator', TRIRENGGO, 'operator.trirenggo');
const opPalbapang = actorContext('operator', PALBAPANG, 'operator.palbapang');

let db: TestDatabase;
let app: App;
let workers: Map<string, string>; // name → worker id
let batchId: string;
let answeredOn: string;
const niks = new Map<string, string>();

const protectionOf = (name: string, ctx = opTrirenggo) =>
  workerProtection(db.app, ctx, workers.get(name)!, { today: TODAY });
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};
const auditRows = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(db.owner)).rows[0]!.n);

beforeAll(async () => {
  db = await createTestDatabase('protection');
  workers = await addWorkers(
    db,
    ['Ani', 'Budi', 'Citra', 'Dewi', 'Eka', 'Fajar'].map((name) => ({ name, village: TRIRENGGO })),
  );
  for (const w of await db.owner.selectFrom('worker').select(['full_name', 'nik']).execute()) {
    niks.set(w.full_name, w.nik);
  }
  const program = await createProgram(db.app, disnaker, { ...BANTUL_PROGRAM, startMonth: '2026-01', months: 12 });
  await proposeWorkers(db.app, disnaker, program.id, {
    workerIds: ['Ani', 'Budi', 'Citra', 'Dewi'].map((n) => workers.get(n)!),
    fromMonth: '2026-01',
  });
  const enrollments = new Map(
    (await listEnrollments(db.app, disnaker, program.id, { page: 1, pageSize: 50 })).items.map((e) => [
      e.fullName,
      e.id,
    ]),
  );
  // Dewi stays proposed; the others go to BPJS in one batch and the branch answers with a KPJ and a start date.
  await verifyEnrollments(
    db.app,
    disnaker,
    program.id,
    ['Ani', 'Budi', 'Citra'].map((n) => enrollments.get(n)!),
  );
  batchId = (await submitBatch(db.app, disnaker, program.id)).batchId;
  const answer = [
    'NIK;KPJ;STATUS;ALASAN;TMT',
    `${niks.get('Ani')};26010000011;DITERIMA;;01-01-2026`,
    `${niks.get('Budi')};26010000012;DITERIMA;;01-01-2026`,
    // The branch starts Citra's protection later than the programme's first month.
    `${niks.get('Citra')};26010000013;DITERIMA;;01-07-2026`,
  ].join('\n');
  const applied = await importResponse(db.app, disnaker, batchId, {
    fileName: 'jawaban-cabang.csv',
    content: Buffer.from(answer),
    dryRun: false,
  });
  expect(applied).toMatchObject({ applied: true, accepted: 3 });
  const at = (
    await db.owner
      .selectFrom('audit_log')
      .select('at')
      .where('action', '=', 'exchange.response.apply')
      .executeTakeFirstOrThrow()
  ).at;
  answeredOn = todayWib(at);
  // Billing paid Ani's programme through April; nothing was paid for Budi.
  await db.owner
    .updateTable('enrollment')
    .set({ paid_through: '2026-04-01' })
    .where('id', '=', enrollments.get('Ani')!)
    .execute();
  // Eka is in the branch's current snapshot only (self-paid), paid through April.
  const snapshot = (
    await db.owner
      .insertInto('membership_snapshot')
      .values({ region_code: '34.02', as_of: '2026-04-30', source: 'file', imported_by: 'test', persons: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db.owner
    .insertInto('bpjs_member')
    .values({
      snapshot_id: snapshot,
      region_code: '34.02',
      nik: niks.get('Eka')!,
      kpj_number: '99000000055',
      category: 'BPU',
      coverage_start: '2025-06-01',
      coverage_end: null,
      paid_through: '2026-04-01',
      worker_id: workers.get('Eka')!,
      village_code: TRIRENGGO,
      segment: null,
    })
    .execute();
  app = await testApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const only = (p: WorkerProtection) => {
  expect(p.participations).toHaveLength(1);
  return p.participations[0]!;
};

describe('the protection record of a worker', () => {
  it('an active, paid enrollment: covered, with the KPJ from the branch answer, paid-through month and lapse date', async () => {
    const p = await protectionOf('Ani');
    expect(p).toMatchObject({
      at: TODAY,
      covered: true,
      summary: 'covered',
      paidThrough: '2026-04',
      // Unpaid from May; three unpaid BPU months lapse the day after July's due date.
      nextLapseDate: '2026-07-16',
      kpj: {
        number: '26010000011',
        source: 'branch_answer',
        batchId,
        date: answeredOn,
        fileName: 'jawaban-cabang.csv',
      },
    });
    expect(only(p)).toMatchObject({
      source: 'program',
      programName: BANTUL_PROGRAM.name,
      category: 'BPU',
      status: 'active',
      state: 'covered',
      firstMonth: '2026-01',
      lastMonth: '2026-12',
      months: 12,
      coverageStart: '2026-01-01',
    });
  });

  it('the trail of the enrollment: proposed, verified, sent, answered, in that order, also for the village operator', async () => {
    const p = await protectionOf('Ani');
    expect(p.trail.map((e) => [e.action, e.actor, e.programName])).toEqual([
      ['enrollment.propose', 'disnaker.bantul', BANTUL_PROGRAM.name],
      ['enrollment.verify', 'disnaker.bantul', BANTUL_PROGRAM.name],
      ['enrollment.submit', 'disnaker.bantul', BANTUL_PROGRAM.name],
      ['exchange.response.apply', 'disnaker.bantul', BANTUL_PROGRAM.name],
    ]);
    // Dewi was only proposed.
    expect((await protectionOf('Dewi')).trail.map((e) => e.action)).toEqual(['enrollment.propose']);
    expect((await protectionOf('Eka')).trail).toEqual([]);
  });

  it('an active enrollment with nothing paid: lapsed (the function answers, not the status)', async () => {
    const p = await protectionOf('Budi');
    expect(p).toMatchObject({ covered: false, summary: 'lapsed', nextLapseDate: null, paidThrough: null });
    expect(only(p)).toMatchObject({ status: 'active', state: 'lapsed', lapseDate: '2026-03-16' });
  });

  it('an active enrollment whose branch start is later: not started, from the coverage start', async () => {
    const p = await protectionOf('Citra');
    expect(p).toMatchObject({
      covered: false,
      summary: 'not_started',
      summaryFrom: '2026-07-01',
      // Nothing paid: three unpaid months from July lapse the day after September's due date.
      nextLapseDate: '2026-09-16',
    });
    expect(only(p)).toMatchObject({ status: 'active', state: 'not_started', coverageStart: '2026-07-01' });
    expect(p.kpj?.number).toBe('26010000013');
  });

  it('a proposed enrollment: shown by its step, no state', async () => {
    const p = await protectionOf('Dewi');
    expect(p).toMatchObject({ covered: false, summary: 'pending', kpj: null });
    expect(only(p)).toMatchObject({ status: 'proposed', state: null, kpj: null });
  });

  it('a person in the BPJS snapshot only: covered, KPJ from the snapshot with its date', async () => {
    const p = await protectionOf('Eka');
    expect(p).toMatchObject({
      covered: true,
      summary: 'covered',
      paidThrough: '2026-04',
      nextLapseDate: '2026-07-16',
      kpj: { number: '99000000055', source: 'snapshot', batchId: null, date: '2026-04-30' },
    });
    expect(only(p)).toMatchObject({ source: 'bpjs', programName: null, status: null, state: 'covered', months: null });
  });

  it('a person with nothing: none', async () => {
    const p = await protectionOf('Fajar');
    expect(p).toMatchObject({ covered: false, summary: 'none', kpj: null, participations: [] });
  });

  it('a worker outside the reader’s region answers as one that does not exist', async () => {
    expect((await fails(protectionOf('Ani', sleman))).code).toBe('NOT_FOUND');
    expect((await fails(protectionOf('Ani', opPalbapang))).code).toBe('NOT_FOUND');
    expect((await fails(workerProtection(db.app, opTrirenggo, '999999', { today: TODAY }))).code).toBe('NOT_FOUND');
    const badges = await protectionBadges(db.app, sleman, [...workers.values()], { today: TODAY });
    expect(badges.items).toEqual([]);
  });

  it('badges for a page of results, one per worker in scope', async () => {
    const badges = await protectionBadges(db.app, disnaker, [...workers.values()], { today: TODAY });
    const byName = new Map([...workers].map(([name, id]) => [name, badges.items.find((b) => b.workerId === id)]));
    expect(Object.fromEntries([...byName].map(([n, b]) => [n, b?.summary]))).toEqual({
      Ani: 'covered',
      Budi: 'lapsed',
      Citra: 'not_started',
      Dewi: 'pending',
      Eka: 'covered',
      Fajar: 'none',
    });
    expect(byName.get('Citra')?.summaryFrom).toBe('2026-07-01');
  });

  it('over HTTP: the contracts hold, no NIK is shown and reading is not audited', async () => {
    const user = await makeUser(db, 'operator', TRIRENGGO, 'operator.http');
    const headers = await signIn(app, user.username, user.password);
    const before = await auditRows();
    const one = await app.inject({ method: 'GET', url: `/api/workers/${workers.get('Ani')}/protection`, headers });
    expect(one.statusCode, one.body).toBe(200);
    const body = protectionContract.parse(one.json());
    expect(body.kpj?.number).toBe('26010000011');
    for (const nik of niks.values()) expect(one.body).not.toContain(nik);
    const ids = [...workers.values()].join(',');
    const page = await app.inject({ method: 'GET', url: `/api/workers/protection?ids=${ids}`, headers });
    expect(page.statusCode, page.body).toBe(200);
    expect(badgesContract.parse(page.json()).items).toHaveLength(6);
    expect(await auditRows()).toBe(before);

    const sl = await makeUser(db, 'disnaker', '34.04', 'disnaker.http.sleman');
    const other = await app.inject({
      method: 'GET',
      url: `/api/workers/${workers.get('Ani')}/protection`,
      headers: await signIn(app, sl.username, sl.password),
    });
    expect(other.statusCode).toBe(404);
    const bad = await app.inject({ method: 'GET', url: '/api/workers/protection?ids=1,x', headers });
    expect(bad.statusCode).toBe(400);
  });
});
