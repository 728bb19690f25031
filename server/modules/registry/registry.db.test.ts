import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { tableDigest } from '../../testing/unchanged.ts';
import { systemClock } from '../../platform/clock.ts';

// Workers through the HTTP API: the NIK rules of the import, one NIK per person in the whole country, masked NIKs
// with audited reveal, and region scope.

const TRIRENGGO = '34.02.08.2004'; // Desa Trirenggo, Kab. Bantul
const PALBAPANG = '34.02.08.2001'; // another village of the same district
const BALECATUR = '34.04.01.2001'; // Kab. Sleman

let db: TestDatabase;
let app: App;
let operator: Record<string, string>;
let operatorPalbapang: Record<string, string>;
let operatorSleman: Record<string, string>;
let disnaker: Record<string, string>;
let bpjs: Record<string, string>;
let pimpinan: Record<string, string>;

const base = {
  fullName: 'Siti Aminah',
  birthPlace: 'Bantul',
  birthDate: '1985-09-05',
  sex: 'P',
  village: TRIRENGGO,
  address: 'Jl. Samas km 5',
  rt: '003',
  rw: '011',
  phone: '0812-3456-7890',
  segment: 'farmer',
  category: 'BPU',
  monthlyIncome: 1_500_000,
  vulnerability: ['decile_2'],
};

async function create(headers: Record<string, string>, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/workers', headers, payload: { ...base, ...payload } });
}

const workerCount = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM worker`.execute(db.owner)).rows[0]?.n);

beforeAll(async () => {
  db = await createTestDatabase('registry');
  app = await testApp(db);
  const users = await Promise.all([
    makeUser(db, 'operator', TRIRENGGO, 'operator.trirenggo'),
    makeUser(db, 'operator', PALBAPANG, 'operator.palbapang'),
    makeUser(db, 'operator', BALECATUR, 'operator.balecatur'),
    makeUser(db, 'disnaker', '34.02', 'disnaker.bantul'),
    makeUser(db, 'bpjs', '34.02', 'bpjs.bantul'),
    makeUser(db, 'pimpinan', '34.02', 'pimpinan.bantul'),
  ]);
  const sessions: Record<string, string>[] = [];
  for (const u of users) sessions.push(await signIn(app, u.username, u.password));
  [operator = {}, operatorPalbapang = {}, operatorSleman = {}, disnaker = {}, bpjs = {}, pimpinan = {}] = sessions;
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('registering a worker', () => {
  it('saves a valid worker with a masked NIK, the normalised phone and an audit row', async () => {
    const r = await create(operator, { nik: '3402084509850001', fullName: '  Siti   Aminah ' });
    expect(r.statusCode, r.body).toBe(201);
    const w = r.json();
    expect(w).toMatchObject({
      nikMasked: '340208••••••0001',
      fullName: 'Siti Aminah',
      phone: '+6281234567890',
      village: TRIRENGGO,
      monthlyIncome: 1_500_000,
      vulnerability: ['decile_2'],
      lifeStatus: 'alive',
      source: 'form:operator.trirenggo',
      warnings: [],
    });
    expect(w.villageLabel).toContain('Trirenggo');
    expect(r.body).not.toContain('3402084509850001');
    const row = await db.owner
      .selectFrom('worker')
      .select(['nik', 'kabkota_code'])
      .where('id', '=', w.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ nik: '3402084509850001', kabkota_code: '34.02' });
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['action', 'region_code', 'after'])
      .where('entity', '=', 'worker')
      .where('entity_id', '=', w.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'worker.create', region_code: TRIRENGGO });
    expect((audit[0]?.after as { nik: string }).nik).toBe('340208••••••0001');
  });

  it.each([
    ['NIK_FORMAT', '340208450985001', 'NIK harus 16 digit'],
    ['NIK_FORMAT (scientific notation)', '3,40208E+15', 'angka ilmiah'],
    ['NIK_DATE', '3402083209850001', 'Digit ke-7 dan ke-8 NIK (32)'],
    ['NIK_SERIAL', '3402084509850000', 'Empat digit terakhir NIK adalah 0000'],
    ['NIK_PROVINCE_UNKNOWN', '9902084509850001', 'Kode provinsi 99'],
  ])('refuses %s with the NIK rule’s message and writes nothing', async (_code, nik, text) => {
    const before = await workerCount();
    const r = await create(operator, { nik });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.error.code).toBe('NIK_INVALID');
    expect(body.error.message).toContain('Kolom NIK');
    expect(body.error.message).toContain(text);
    expect(body.error.issues[0]).toMatchObject({ path: 'body.nik' });
    expect(body.error.issues[0].message).toContain(text);
    expect(await workerCount()).toBe(before);
  });

  it('refuses a bad phone number, naming the field', async () => {
    const r = await create(operator, { nik: '3402084509850002', phone: '0812 / 0813' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'PHONE_INVALID', issues: [{ path: 'body.phone' }] });
  });

  it('returns NIK warnings with the saved worker (birth date and sex differ from the NIK)', async () => {
    const r = await create(operator, { nik: '3402084509850003', fullName: 'Sri Wahyuni', birthDate: '1985-05-09' });
    expect(r.statusCode, r.body).toBe(201);
    const warnings = r.json().warnings as { code: string; message: string; suggestion?: string }[];
    expect(warnings.map((w) => w.code)).toEqual(['NIK_BIRTHDATE_MISMATCH']);
    expect(warnings[0]?.suggestion).toBe('1985-09-05');
    expect(warnings[0]?.message).toContain('tertukar');

    const male = await create(operator, { nik: '3402081203850004', fullName: 'Budi Santoso' });
    expect(male.statusCode, male.body).toBe(201);
    expect((male.json().warnings as { code: string }[]).map((w) => w.code)).toEqual([
      'NIK_BIRTHDATE_MISMATCH',
      'NIK_SEX_MISMATCH',
    ]);
  });

  it('refuses a worker in a village outside the operator’s scope', async () => {
    const before = await tableDigest(db.owner, ['worker']);
    const r = await create(operator, { nik: '3402084509850005', village: PALBAPANG });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('OUT_OF_SCOPE');
    expect(await tableDigest(db.owner, ['worker'])).toEqual(before);
  });

  it('refuses a duplicate NIK, even one registered in another regency, without saying where', async () => {
    const sleman = await create(operatorSleman, {
      nik: '3404014509850001',
      fullName: 'Warga Sleman',
      village: BALECATUR,
    });
    expect(sleman.statusCode, sleman.body).toBe(201);
    const before = await workerCount();
    const r = await create(operator, { nik: '3404014509850001', fullName: 'Warga Pindahan' });
    expect(r.statusCode).toBe(409);
    const body = r.json();
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.message).toContain('sudah terdaftar');
    expect(body.error.message).not.toMatch(/Sleman|Balecatur|34\.04/);
    expect(await workerCount()).toBe(before);
  });

  it('limits the "NIK already registered" answers per user, whatever the address', async () => {
    const strict = await testApp(db, { NIK_LOOKUPS_PER_HOUR: '2' });
    try {
      const probe = await makeUser(db, 'operator', TRIRENGGO, 'operator.penjajak');
      const headers = await signIn(strict, probe.username, probe.password);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await strict.inject({
          method: 'POST',
          url: '/api/workers',
          headers,
          remoteAddress: `198.51.100.${i + 1}`,
          payload: { ...base, nik: '3404014509850001', fullName: 'Warga Pindahan' },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([409, 409, 429, 429]);
      // A NIK that is free is still refused while the budget is spent: the limit stops the probing, not the typo.
      const fresh = await strict.inject({
        method: 'POST',
        url: '/api/workers',
        headers,
        payload: { ...base, nik: '3402084509850077', fullName: 'Warga Baru' },
      });
      expect(fresh.statusCode).toBe(429);
      expect(fresh.json().error.code).toBe('NIK_LOOKUP_LIMITED');
      const events = await db.owner
        .selectFrom('security_event')
        .select(['kind', 'path'])
        .where('username', '=', probe.username)
        .execute();
      expect(events).toContainEqual({ kind: 'rate_limited', path: '/api/workers' });
    } finally {
      await strict.close();
    }
  });

  it('refuses a birth date in the future and dates outside 1900–2100', async () => {
    const tomorrow = new Date(systemClock().getTime() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    for (const birthDate of [tomorrow, '0000-01-01', '1899-12-31', '2101-01-01']) {
      const r = await create(operator, { nik: '3402084509850066', birthDate });
      expect(r.statusCode, birthDate).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
    const future = await create(operator, { nik: '3402084509850066', birthDate: tomorrow });
    expect(future.json().error.message).toContain('masa depan');
    const death = await create(operator, { nik: '3402084509850066', lifeStatus: 'deceased', deathDate: '0000-02-01' });
    expect(death.statusCode).toBe(400);
  });

  it('refuses roles that do not register workers', async () => {
    const before = await tableDigest(db.owner, ['worker']);
    expect((await create(bpjs, { nik: '3402084509850006' })).statusCode).toBe(403);
    expect((await create(pimpinan, { nik: '3402084509850006' })).statusCode).toBe(403);
    expect(await tableDigest(db.owner, ['worker'])).toEqual(before);
    const list = await app.inject({ method: 'GET', url: '/api/workers', headers: pimpinan });
    expect(list.statusCode).toBe(403);
  });
});

describe('masked NIKs and the audited reveal', () => {
  let id: string;
  beforeAll(async () => {
    const list = await app.inject({ method: 'GET', url: '/api/workers?nik=3402084509850001', headers: operator });
    id = list.json().items[0].id;
  });

  it('shows the operator masked NIKs only, in the list and in the detail', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/workers?pageSize=200', headers: operator });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/\d{16}/);
    for (const w of list.json().items) expect(w.nikMasked).toMatch(/^\d{6}•{6}\d{4}$/);
    const one = await app.inject({ method: 'GET', url: `/api/workers/${id}`, headers: operator });
    expect(one.json().nikMasked).toBe('340208••••••0001');
    expect(one.body).not.toContain('3402084509850001');
  });

  it('does not let an operator reveal a NIK', async () => {
    const r = await app.inject({ method: 'POST', url: `/api/workers/${id}/reveal-nik`, headers: operator });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
  });

  it('reveals the full NIK to Disnaker and BPJS, one audit row per view', async () => {
    for (const headers of [disnaker, bpjs]) {
      const r = await app.inject({ method: 'POST', url: `/api/workers/${id}/reveal-nik`, headers });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ nik: '3402084509850001' });
    }
    const rows = await db.owner
      .selectFrom('audit_log')
      .select(['actor_username', 'after'])
      .where('action', '=', 'worker.reveal_nik')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.actor_username)).toEqual(['disnaker.bantul', 'bpjs.bantul']);
    expect(rows[0]?.after).toEqual({ nik: '340208••••••0001' });
  });

  it('keeps every full NIK out of the audit trail', async () => {
    const r = await app.inject({
      method: 'PATCH',
      url: `/api/workers/${id}`,
      headers: operator,
      payload: { phone: '+62 812 1111 2222', kpjNumber: '12345678901' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ phone: '+6281211112222', kpjNumber: '12345678901', warnings: [] });
    const update = await db.owner
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'worker.update')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(update.before).toMatchObject({ phone: '+6281234567890', nik: '340208••••••0001' });
    expect(update.after).toMatchObject({ phone: '+6281211112222', nik: '340208••••••0001' });
    const leaks = await sql<{ n: string }>`
      SELECT count(*) AS n FROM audit_log
      WHERE coalesce(before::text, '') ~ '[0-9]{16}' OR coalesce(after::text, '') ~ '[0-9]{16}'`.execute(db.owner);
    expect(Number(leaks.rows[0]?.n)).toBe(0);
  });
});

describe('updating a worker', () => {
  it('checks the NIK rules again and refuses a NIK another worker has', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/workers?name=sri', headers: operator });
    const id = list.json().items[0].id as string;
    const fixed = await app.inject({
      method: 'PATCH',
      url: `/api/workers/${id}`,
      headers: operator,
      payload: { birthDate: '1985-09-05' },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().warnings).toEqual([]);
    const taken = await app.inject({
      method: 'PATCH',
      url: `/api/workers/${id}`,
      headers: operator,
      payload: { nik: '3404014509850001' },
    });
    expect(taken.statusCode).toBe(409);
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/workers/${id}`,
      headers: operator,
      payload: { nik: '3402084509850000' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('NIK_INVALID');
    const deceased = await app.inject({
      method: 'PATCH',
      url: `/api/workers/${id}`,
      headers: operator,
      payload: { lifeStatus: 'deceased' },
    });
    expect(deceased.statusCode).toBe(400);
    expect(deceased.json().error.issues[0].path).toBe('body.deathDate');
  });

  it('cannot move a worker out of the operator’s village', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/workers?name=budi', headers: operator });
    const id = list.json().items[0].id as string;
    const r = await app.inject({
      method: 'PATCH',
      url: `/api/workers/${id}`,
      headers: operator,
      payload: { village: PALBAPANG },
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('scope, filters and paging', () => {
  it('shows an operator of another village none of Trirenggo’s workers', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/workers', headers: operatorPalbapang });
    expect(r.json()).toMatchObject({ items: [], total: 0 });
    const byNik = await app.inject({
      method: 'GET',
      url: '/api/workers?nik=3402084509850001',
      headers: operatorPalbapang,
    });
    expect(byNik.json().total).toBe(0);
    const list = await app.inject({ method: 'GET', url: '/api/workers?nik=3402084509850001', headers: operator });
    const id = list.json().items[0].id as string;
    const one = await app.inject({ method: 'GET', url: `/api/workers/${id}`, headers: operatorPalbapang });
    expect(one.statusCode).toBe(404);
  });

  it('filters by NIK, name prefix, region, segment, category and vulnerability, with server paging', async () => {
    const extra = [
      { nik: '3402080101900001', fullName: 'Agus Riyanto', sex: 'L', birthDate: '1990-01-01', segment: 'fisher' },
      { nik: '3402080202900001', fullName: 'Agung Prasetyo', sex: 'L', birthDate: '1990-02-02', category: 'PU' },
      {
        nik: '3402080303900001',
        fullName: 'agustina Dewi',
        sex: 'L',
        birthDate: '1990-03-03',
        vulnerability: ['extreme_poor', 'disability'],
      },
    ];
    for (const w of extra) expect((await create(disnaker, w)).statusCode).toBe(201);
    const get = async (q: string, headers = disnaker) =>
      (await app.inject({ method: 'GET', url: `/api/workers?${q}`, headers })).json();

    expect((await get('name=agu')).items.map((w: { fullName: string }) => w.fullName)).toEqual([
      'Agung Prasetyo',
      'Agus Riyanto',
      'agustina Dewi',
    ]);
    expect((await get('name=AGUS')).total).toBe(2);
    expect((await get('name=%25')).total).toBe(0);
    expect((await get('nik=3402080202900001')).items[0].fullName).toBe('Agung Prasetyo');
    expect((await get('segment=fisher')).total).toBe(1);
    expect((await get('category=PU')).total).toBe(1);
    expect((await get('vulnerability=disability')).total).toBe(1);
    expect((await get('region=34.02.08')).total).toBe((await get('')).total);
    expect((await get('region=34.04')).total).toBe(0);

    const all = await get('pageSize=200');
    expect(all.total).toBe(all.items.length);
    // The data problems the dashboard's quality counts link to.
    expect((await get('problem=nik_old_district')).total).toBe(0);
    // A NIK of district 34.02.99 (no such kecamatan) and no phone: registered with a warning, listed under both.
    const bayu = { nik: '3402990404900001', fullName: 'Bayu Lama', birthDate: '1990-04-04', phone: null };
    expect((await create(disnaker, bayu)).statusCode).toBe(201);
    const noPhone = await get('problem=no_phone&pageSize=200');
    expect(noPhone.items.map((w: { fullName: string }) => w.fullName)).toEqual(['Bayu Lama']);
    const old = await get('problem=nik_old_district');
    expect(old.items.map((w: { fullName: string }) => w.fullName)).toEqual(['Bayu Lama']);
    expect((await get('problem=nik_old_district', operatorPalbapang)).total).toBe(0);
    const bad = await app.inject({ method: 'GET', url: '/api/workers?problem=other', headers: disnaker });
    expect(bad.statusCode).toBe(400);

    const page2 = await get('pageSize=2&page=2');
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: all.total + 1 });
    const after = await get('pageSize=200');
    expect(page2.items.map((w: { id: string }) => w.id)).toEqual(
      after.items.slice(2, 4).map((w: { id: string }) => w.id),
    );
  });
});
