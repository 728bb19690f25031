import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { activateEnrollments } from './index.ts';
import {
  actorContext,
  addWorkers,
  BALECATUR,
  BANTUL_PROGRAM,
  PALBAPANG,
  recount,
  START,
  TRIRENGGO,
} from '../../testing/programs-fixtures.ts';
import { tableDigest } from '../../testing/unchanged.ts';

// Programmes and enrollment through the HTTP API: prices from the contribution rules, eligibility with named
// reasons, proposals by filter and by worker, verification with a re-check, rejection, ending and refilling a
// slot for the remaining months, batches, scope, and an audit row for every change.

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;
let operator: Record<string, string>;
let operatorPalbapang: Record<string, string>;
let disnakerSleman: Record<string, string>;
let pimpinan: Record<string, string>;
let ids: Map<string, string>;

type Json = Record<string, unknown> & { [k: string]: unknown };

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) {
  const r = await app.inject({ method, url, headers, ...(payload !== undefined && { payload }) });
  return { status: r.statusCode, body: r.json() as Json & { error?: { code: string; message: string } } };
}

async function createProgram(overrides: object = {}, headers = disnaker) {
  const r = await call('POST', '/api/programs', headers, { ...BANTUL_PROGRAM, ...overrides });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as Json & { id: string };
}

const auditRows = (action: string) =>
  db.owner
    .selectFrom('audit_log')
    .select(['actor_username', 'entity_id', 'after'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  db = await createTestDatabase('programs');
  app = await testApp(db);
  const users = await Promise.all([
    makeUser(db, 'disnaker', '34.02', 'disnaker.bantul'),
    makeUser(db, 'operator', TRIRENGGO, 'operator.trirenggo'),
    makeUser(db, 'operator', PALBAPANG, 'operator.palbapang'),
    makeUser(db, 'disnaker', '34.04', 'disnaker.sleman'),
    makeUser(db, 'pimpinan', '34.02', 'pimpinan.bantul'),
  ]);
  const sessions: Record<string, string>[] = [];
  for (const u of users) sessions.push(await signIn(app, u.username, u.password));
  [disnaker = {}, operator = {}, operatorPalbapang = {}, disnakerSleman = {}, pimpinan = {}] = sessions;
  ids = await addWorkers(db, [
    { name: 'Siti Aminah' },
    { name: 'Sri Wahyuni', segment: 'fisher' },
    { name: 'Tukiyem', segment: 'small_trader' },
    { name: 'Budi Santoso', sex: 'L', segment: 'driver' },
    { name: 'Bayu Remaja', sex: 'L', birthDate: addMonths(START, -12 * 17).concat('-15') },
    { name: 'Mbah Karto', sex: 'L', birthDate: '1950-01-01' },
    { name: 'Almarhumah Wagiyem', deceased: '2026-01-10' },
    { name: 'Nik Rusak', nik: '3402084509850000' },
    { name: 'Warga Palbapang', village: PALBAPANG },
    { name: 'Warga Sleman', village: BALECATUR, nik: '3404014509850001' },
  ]);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('a programme', () => {
  it('previews the cost of its quota and what a short ceiling pays for, saving nothing', async () => {
    const terms = {
      funder: 'apbd_regency',
      package: 'jkk_jkm',
      declaredIncome: 1_000_000,
      quota: 1_000,
      startMonth: START,
      months: 12,
    };
    const before = await db.owner.selectFrom('program').select('id').execute();
    const short = await call('POST', '/api/programs/cost-preview', disnaker, { ...terms, budgetCeiling: 100_800_000 });
    expect(short.status, JSON.stringify(short.body)).toBe(200);
    expect(short.body).toMatchObject({
      costPerPerson: 201_600,
      quotaCost: 201_600_000,
      personsCovered: 500,
      monthsCovered: 6,
      shortfall: 100_800_000,
    });
    expect(short.body.prices).toEqual(Array(12).fill(16_800));
    const enough = await call('POST', '/api/programs/cost-preview', disnaker, { ...terms, budgetCeiling: 201_600_000 });
    expect(enough.body).toMatchObject({ personsCovered: 1_000, monthsCovered: 12, shortfall: 0 });
    expect((await call('POST', '/api/programs/cost-preview', operator, { ...terms, budgetCeiling: 1 })).status).toBe(
      403,
    );
    expect(await db.owner.selectFrom('program').select('id').execute()).toEqual(before);
  });

  it('is priced by the contribution rules: 15,000 persons × Rp16,800 × 12 months = Rp3,024,000,000', async () => {
    const p = await createProgram({ name: 'Pekerja Rentan PPU', quota: 15_000, budgetCeiling: 3_024_000_000 });
    expect(p).toMatchObject({
      funder: 'apbd_regency',
      regionLabel: expect.stringContaining('Bantul'),
      endMonth: addMonths(START, 11),
      canManage: true,
      figures: {
        pricePerPersonMonth: 16_800,
        priceVaries: false,
        monthlyCostForQuota: 252_000_000,
        periodCostForQuota: 3_024_000_000,
        annualCostForQuota: 3_024_000_000,
        committed: 0,
        budgetRemaining: 3_024_000_000,
        quotaFilled: 0,
        quotaRemaining: 15_000,
        pricesCurrent: true,
      },
    });
    expect((p.priceRuleKeys as string[]).sort()).toEqual(
      ['bpu.income.row', 'bpu.jkk.rate', 'bpu.jkm.flat', 'bpu.mandatory_programs', 'rounding.mode'].sort(),
    );
    const [audit] = await auditRows('program.create');
    expect(audit).toMatchObject({ actor_username: 'disnaker.bantul', entity_id: p.id });
  });

  it('adds JHT to the price when the package includes it (Rp36,800)', async () => {
    const p = await createProgram({ name: 'Dengan JHT', package: 'jkk_jkm_jht', quota: 10, budgetCeiling: 5_000_000 });
    expect((p.figures as Json).pricePerPersonMonth).toBe(36_800);
  });

  it('refuses wrong funding regions, regions outside the scope, and roles that do not manage programmes', async () => {
    const before = await tableDigest(db.owner, ['program']);
    const province = await call('POST', '/api/programs', disnaker, { ...BANTUL_PROGRAM, funder: 'apbd_province' });
    expect(province.status).toBe(400);
    expect(province.body.error?.message).toContain('pilih provinsi');
    const outside = await call('POST', '/api/programs', disnaker, {
      ...BANTUL_PROGRAM,
      funderRegion: '34',
      funder: 'apbd_province',
      region: '34.04',
    });
    expect(outside.status).toBe(403);
    expect(outside.body.error?.code).toBe('OUT_OF_SCOPE');
    const apbn = await call('POST', '/api/programs', disnaker, { ...BANTUL_PROGRAM, funder: 'apbn' });
    expect(apbn.status).toBe(400);
    expect((await call('POST', '/api/programs', operator, BANTUL_PROGRAM)).status).toBe(403);
    const income = await call('POST', '/api/programs', disnaker, { ...BANTUL_PROGRAM, declaredIncome: 1_234_567 });
    expect(income.status).toBe(422);
    expect(income.body.error?.code).toBe('INCOME_NOT_IN_TABLE');
    expect(await tableDigest(db.owner, ['program'])).toEqual(before);
  });

  it('is visible below and above its region, and not beside it', async () => {
    const list = async (h: Record<string, string>) =>
      ((await call('GET', '/api/programs', h)).body.items as Json[]).map((p) => p.name);
    expect(await list(operator)).toContain('Pekerja Rentan PPU');
    expect(await list(pimpinan)).toContain('Pekerja Rentan PPU');
    expect(await list(disnakerSleman)).toEqual([]);
    const ops = (await call('GET', '/api/programs', operator)).body.items as Json[];
    expect(ops.every((p) => p.canManage === false)).toBe(true);
  });
});

describe('proposals', () => {
  let programId: string;
  beforeAll(async () => {
    programId = (await createProgram({ name: 'Bantul 2027', quota: 3, budgetCeiling: 16_800 * 12 * 3 })).id;
    // Another programme already covers Tukiyem in the same months: one programme per person per month.
    const other = await createProgram({ name: 'Program lain', targetSegments: ['small_trader'], quota: 5 });
    const r = await call('POST', `/api/programs/${other.id}/proposals`, operator, { workerIds: [ids.get('Tukiyem')] });
    expect(r.body.proposed).toBe(1);
    await addWorkers(db, [
      { name: 'Petani Antri Satu', village: PALBAPANG },
      { name: 'Petani Antri Dua', village: PALBAPANG },
    ]);
  });

  it('previews a filter: how many match, how many are eligible, and every reason counted, writing nothing', async () => {
    const r = await call('POST', `/api/programs/${programId}/proposals/preview`, operator, { filter: {} });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ matched: 8, eligible: 2, proposed: 0, wouldPropose: 2, firstMonth: START });
    const reasons = Object.fromEntries(
      (r.body.reasons as { code: string; count: number }[]).map((x) => [x.code, x.count]),
    );
    expect(reasons).toEqual({
      NIK_INVALID: 1,
      DECEASED: 1,
      NOT_TARGET_SEGMENT: 1,
      AGE_OUT_OF_RANGE: 2,
      ALREADY_COVERED: 1,
    });
    // The persons the proposal would add, in name order, NIK masked, with their village: the operator sees who.
    const people = r.body.people as { fullName: string; nikMasked: string; village: string; villageLabel: string }[];
    expect(people).toHaveLength(2);
    expect(people.map((p) => p.fullName)).toEqual([...people.map((p) => p.fullName)].sort());
    for (const p of people) {
      expect(p.nikMasked).toMatch(/^340208•{6}\d{4}$/);
      expect(p.village).toBe(TRIRENGGO);
      expect(p.villageLabel).toContain('Trirenggo');
    }
    const byTail = await call('POST', `/api/programs/${programId}/proposals/preview`, operator, {
      filter: { nikEnd: people[0]!.nikMasked.slice(-4) },
    });
    expect(byTail.status, JSON.stringify(byTail.body)).toBe(200);
    expect((byTail.body.people as { fullName: string }[]).map((p) => p.fullName)).toContain(people[0]!.fullName);
    const message = (r.body.reasons as { code: string; message: string }[]).find((x) => x.code === 'ALREADY_COVERED');
    expect(message?.message).toContain('Satu orang hanya ditanggung satu program per bulan');
    const n = await db.owner
      .selectFrom('enrollment')
      .select(sql<string>`count(*)`.as('n'))
      .where('program_id', '=', programId)
      .executeTakeFirstOrThrow();
    expect(n.n).toBe('0');
  });

  it('proposes one worker with the reasons of those who cannot be, and audits it', async () => {
    const r = await call('POST', `/api/programs/${programId}/proposals`, operator, {
      workerIds: [ids.get('Siti Aminah'), ids.get('Budi Santoso')],
    });
    expect(r.status).toBe(200);
    expect(r.body.proposed).toBe(1);
    const workers = r.body.workers as { fullName: string; proposed: boolean; reasons: { code: string }[] }[];
    expect(workers.find((w) => w.fullName === 'Siti Aminah')).toMatchObject({ proposed: true, reasons: [] });
    expect(workers.find((w) => w.fullName === 'Budi Santoso')).toMatchObject({
      proposed: false,
      reasons: [{ code: 'NOT_TARGET_SEGMENT' }],
    });
    const again = await call('POST', `/api/programs/${programId}/proposals`, operator, {
      workerIds: [ids.get('Siti Aminah')],
    });
    expect((again.body.workers as { reasons: { code: string }[] }[])[0]?.reasons[0]?.code).toBe('ALREADY_ENROLLED');
    const audit = (await auditRows('enrollment.propose')).filter((a) => a.entity_id === programId);
    expect(audit[0]).toMatchObject({ actor_username: 'operator.trirenggo', after: { firstMonth: START, matched: 2 } });
  });

  it('cannot propose a worker of another village (out of the operator’s scope: not even matched)', async () => {
    const r = await call('POST', `/api/programs/${programId}/proposals`, operator, {
      workerIds: [ids.get('Warga Palbapang')],
    });
    expect(r.body).toMatchObject({ matched: 0, proposed: 0 });
  });

  it('fills the last slot from a filter and names the rest QUOTA_FULL; a district programme names OUTSIDE_REGION', async () => {
    const fisher = await call('POST', `/api/programs/${programId}/proposals`, disnaker, {
      filter: { segment: 'fisher' },
    });
    expect(fisher.body).toMatchObject({ matched: 1, proposed: 1 });
    const r = await call('POST', `/api/programs/${programId}/proposals`, disnaker, { filter: { region: PALBAPANG } });
    expect(r.body).toMatchObject({ matched: 3, eligible: 3, proposed: 1, freeSlots: 1 });
    expect(r.body.reasons).toMatchObject([{ code: 'QUOTA_FULL', count: 2 }]);
    expect((await recount(db, programId)).counters).toEqual(Array(12).fill(3));
    const list = (await call('GET', `/api/programs/${programId}/enrollments`, disnaker)).body.items as Json[];
    expect(list.map((e) => e.fullName)).toEqual(['Petani Antri Dua', 'Siti Aminah', 'Sri Wahyuni']);

    const district = await createProgram({ name: 'Kec. Sewon saja', region: '34.02.10', quota: 5 });
    const outside = await call('POST', `/api/programs/${district.id}/proposals/preview`, disnaker, {
      filter: { name: 'warga palbapang' },
    });
    expect((outside.body.reasons as { code: string }[]).map((x) => x.code)).toEqual(['OUTSIDE_REGION']);
  });

  it('names BUDGET_EXCEEDED when the ceiling pays for fewer persons than the free slots', async () => {
    const tight = await createProgram({ name: 'Pagu sempit', quota: 10, budgetCeiling: 16_800 * 12 + 1 });
    const fresh = await addWorkers(db, [{ name: 'Petani Satu' }, { name: 'Petani Dua' }]);
    const r = await call('POST', `/api/programs/${tight.id}/proposals`, disnaker, { workerIds: [...fresh.values()] });
    expect(r.body).toMatchObject({ proposed: 1, freeSlots: 10, costPerPerson: 201_600, budgetRemaining: 201_601 });
    expect((r.body.workers as { reasons: { code: string }[] }[]).flatMap((w) => w.reasons.map((x) => x.code))).toEqual([
      'BUDGET_EXCEEDED',
    ]);
  });
});

describe('verification, rejection, ending and refilling', () => {
  let programId: string;
  let enrollments: Json[];
  beforeAll(async () => {
    programId = (await createProgram({ name: 'Verifikasi 2027', quota: 2, budgetCeiling: 16_800 * 12 * 2 })).id;
    const fresh = await addWorkers(db, [{ name: 'Calon Satu' }, { name: 'Calon Dua' }, { name: 'Calon Tiga' }]);
    const r = await call('POST', `/api/programs/${programId}/proposals`, operator, { workerIds: [...fresh.values()] });
    expect(r.body.proposed).toBe(2);
    enrollments = (await call('GET', `/api/programs/${programId}/enrollments`, disnaker)).body.items as Json[];
  });

  it('lists enrollments with masked NIKs, months and cost; only managers of the region decide', async () => {
    expect(enrollments.map((e) => [e.fullName, e.status, e.months, e.cost])).toEqual([
      ['Calon Dua', 'proposed', 12, 201_600],
      ['Calon Satu', 'proposed', 12, 201_600],
    ]);
    expect(String(enrollments[0]?.nikMasked)).toMatch(/^340208•{6}\d{4}$/);
    const ids = enrollments.map((e) => e.id);
    const before = await tableDigest(db.owner, ['enrollment']);
    expect((await call('POST', `/api/programs/${programId}/enrollments/verify`, operator, { ids })).status).toBe(403);
    const sleman = await call('POST', `/api/programs/${programId}/enrollments/verify`, disnakerSleman, { ids });
    expect(sleman.status).toBe(404);
    expect(await tableDigest(db.owner, ['enrollment'])).toEqual(before);
    expect((await call('GET', `/api/programs/${programId}/enrollments`, operatorPalbapang)).body.total).toBe(0);
    expect((await call('GET', `/api/programs/${programId}/enrollments`, pimpinan)).status).toBe(403);
  });

  it('re-checks at verification: a worker who died since the proposal stays proposed, with the reason', async () => {
    const dead = enrollments.find((e) => e.fullName === 'Calon Dua')!;
    await db.owner
      .updateTable('worker')
      .set({ life_status: 'deceased', death_date: '2026-11-01' })
      .where('id', '=', String(dead.workerId))
      .execute();
    const r = await call('POST', `/api/programs/${programId}/enrollments/verify`, disnaker, {
      ids: enrollments.map((e) => e.id),
    });
    expect(r.body.verified).toBe(1);
    expect(r.body.notVerified).toMatchObject([{ id: dead.id, fullName: 'Calon Dua', reasons: [{ code: 'DECEASED' }] }]);
    const [audit] = await auditRows('enrollment.verify');
    expect(audit).toMatchObject({
      actor_username: 'disnaker.bantul',
      after: { notVerified: [{ reasons: ['DECEASED'] }] },
    });
  });

  it('rejects with a reason, frees the slot, and refuses to verify a rejected row', async () => {
    const dead = enrollments.find((e) => e.fullName === 'Calon Dua')!;
    const short = await call('POST', `/api/programs/${programId}/enrollments/reject`, disnaker, {
      ids: [dead.id],
      reason: 'x',
    });
    expect(short.status).toBe(400);
    const r = await call('POST', `/api/programs/${programId}/enrollments/reject`, disnaker, {
      ids: [dead.id],
      reason: 'Meninggal dunia sebelum verifikasi',
    });
    expect(r.body).toEqual({ rejected: 1 });
    const [audit] = await auditRows('enrollment.reject');
    expect(audit?.after).toMatchObject({ reason: 'Meninggal dunia sebelum verifikasi' });
    const again = await call('POST', `/api/programs/${programId}/enrollments/verify`, disnaker, { ids: [dead.id] });
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toContain('berstatus "ditolak"');
    const p = (await call('GET', `/api/programs/${programId}`, disnaker)).body;
    expect(p).toMatchObject({
      figures: { quotaFilled: 1, committed: 201_600 },
      statusCounts: { verified: 1, rejected: 1 },
    });
  });

  it('submits verified enrollments in a batch and activates them with the KPJ from BPJS', async () => {
    const batch = await call('POST', `/api/programs/${programId}/batches`, disnaker);
    expect(batch.status).toBe(201);
    expect(batch.body.persons).toBe(1);
    expect((await call('POST', `/api/programs/${programId}/batches`, disnaker)).body.error?.code).toBe(
      'NOTHING_TO_SUBMIT',
    );
    const satu = enrollments.find((e) => e.fullName === 'Calon Satu')!;
    const r = await activateEnrollments(db.app, actorContext('disnaker', '34.02'), programId, [
      { enrollmentId: String(satu.id), kpjNumber: '12345678901', coverageStart: `${START}-01` },
    ]);
    expect(r).toEqual({ activated: 1 });
    const list = (await call('GET', `/api/programs/${programId}/enrollments?status=active`, disnaker)).body
      .items as Json[];
    expect(list[0]).toMatchObject({ fullName: 'Calon Satu', kpjNumber: '12345678901', batchId: batch.body.batchId });
  });

  it('ends an enrollment after month 4 and refills the slot for the remaining 8 months only', async () => {
    const satu = enrollments.find((e) => e.fullName === 'Calon Satu')!;
    const month4 = addMonths(START, 3);
    const ended = await call('POST', `/api/programs/${programId}/enrollments/end`, disnaker, {
      ids: [satu.id],
      reason: 'death',
      lastMonth: month4,
      note: 'Akta kematian diterima',
    });
    expect(ended.body).toEqual({ ended: 1, lastMonth: month4 });
    const refill = await addWorkers(db, [{ name: 'Pengganti Satu' }, { name: 'Pengganti Dua' }]);
    const r = await call('POST', `/api/programs/${programId}/proposals`, disnaker, {
      workerIds: [...refill.values()],
      fromMonth: addMonths(START, 4),
    });
    // One slot was never taken (Calon Dua was rejected): from month 5 both slots are free.
    expect(r.body).toMatchObject({ proposed: 2, freeSlots: 2, costPerPerson: 8 * 16_800 });
    const counted = await recount(db, programId);
    expect(counted.counters).toEqual(counted.persons);
    expect(counted.counters).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(counted.committed).toBe(4 * 16_800 + 16 * 16_800);
    const p = (await call('GET', `/api/programs/${programId}`, disnaker)).body;
    expect(p).toMatchObject({ figures: { committed: counted.committed, quotaFilled: 2, quotaRemaining: 0 } });
    const [audit] = await auditRows('enrollment.end');
    expect(audit?.after).toMatchObject({ reason: 'death', lastMonth: month4, note: 'Akta kematian diterima' });
  });

  it('ends an enrollment before its period begins by default, freeing every month', async () => {
    const early = await createProgram({ name: 'Belum mulai', quota: 1 });
    const [worker] = (await addWorkers(db, [{ name: 'Mundur Dini' }])).values();
    await call('POST', `/api/programs/${early.id}/proposals`, operator, { workerIds: [worker] });
    const [row] = (await call('GET', `/api/programs/${early.id}/enrollments`, disnaker)).body.items as Json[];
    await call('POST', `/api/programs/${early.id}/enrollments/verify`, disnaker, { ids: [row!.id] });
    const r = await call('POST', `/api/programs/${early.id}/enrollments/end`, disnaker, {
      ids: [row!.id],
      reason: 'withdrawn',
    });
    expect(r.body).toEqual({ ended: 1, lastMonth: addMonths(START, -1) });
    const [ended] = (await call('GET', `/api/programs/${early.id}/enrollments`, disnaker)).body.items as Json[];
    expect(ended).toMatchObject({ status: 'ended', months: 0, cost: 0, endReason: 'withdrawn' });
    expect((await recount(db, early.id)).counters).toEqual(Array(12).fill(0));
    const late = await call('POST', `/api/programs/${early.id}/enrollments/end`, disnaker, {
      ids: [row!.id],
      reason: 'withdrawn',
      lastMonth: addMonths(START, 12),
    });
    expect(late.status).toBe(400);
  });

  it('keeps the quota, the ceiling and the period consistent with the slots held when the programme is edited', async () => {
    const quota = await call('PATCH', `/api/programs/${programId}`, disnaker, { quota: 1 });
    expect(quota.status).toBe(409);
    expect(quota.body.error?.message).toContain('kuota 1 lebih kecil dari 2 slot');
    const ceiling = await call('PATCH', `/api/programs/${programId}`, disnaker, { budgetCeiling: 100_000 });
    expect(ceiling.body.error?.code).toBe('BUDGET_EXCEEDED');
    const period = await call('PATCH', `/api/programs/${programId}`, disnaker, { months: 6 });
    expect(period.body.error?.code).toBe('PROGRAM_PERIOD_LOCKED');
    const ok = await call('PATCH', `/api/programs/${programId}`, disnaker, {
      quota: 5,
      name: 'Verifikasi 2027 (revisi)',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ quota: 5, figures: { quotaRemaining: 3 } });
    const audit = await auditRows('program.update');
    expect(audit.at(-1)).toMatchObject({ entity_id: programId, after: { quota: 5 } });
  });

  it('shows the gaps per village: registered target workers not yet enrolled', async () => {
    const r = await call('GET', `/api/programs/${programId}/gaps`, pimpinan);
    expect(r.status).toBe(200);
    const trirenggo = (r.body.items as Json[]).find((g) => g.village === TRIRENGGO);
    expect(trirenggo).toMatchObject({ villageLabel: expect.stringContaining('Trirenggo'), enrolled: 2 });
    expect(Number(trirenggo?.gap)).toBe(Number(trirenggo?.registered) - 2);
  });
});

describe('the database guards', () => {
  it('refuses a slot over the quota and a month outside the period even from the owner, without the service', async () => {
    const p = await createProgram({ name: 'Penjaga', quota: 1, budgetCeiling: 16_800 * 12 * 5 });
    const w = await addWorkers(db, [{ name: 'Penjaga Satu' }, { name: 'Penjaga Dua' }]);
    const insert = (worker: string, first = `${START}-01`) =>
      sql`INSERT INTO enrollment (kabkota_code, program_id, worker_id, village_code, status, first_month, last_month, proposed_by)
          VALUES ('34.02', ${p.id}, ${worker}, ${TRIRENGGO}, 'proposed', ${first}::date, ${`${addMonths(START, 11)}-01`}::date, 'owner')`.execute(
        db.owner,
      );
    await insert(w.get('Penjaga Satu')!);
    await expect(insert(w.get('Penjaga Dua')!)).rejects.toThrow(/program_quota_held/);
    await expect(insert(w.get('Penjaga Dua')!, `${addMonths(START, -1)}-01`)).rejects.toThrow(/outside its programme/);
    await expect(insert(w.get('Penjaga Satu')!)).rejects.toThrow(/enrollment_no_double_cover|enrollment_open_key/);
  });
});
