import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';

// Probable duplicates through the HTTP API: the pairs in scope with their reasons, "bukan duplikat", the merge (the
// duplicate kept for its history, its NIK still reserved, both audited), and the history of a worker.

const TRIRENGGO = '34.02.08.2004';
const PALBAPANG = '34.02.08.2001';
const BALECATUR = '34.04.01.2001'; // Kab. Sleman

let db: TestDatabase;
let app: App;
let operator: Record<string, string>;
let operatorPalbapang: Record<string, string>;
let disnaker: Record<string, string>;
let disnakerSleman: Record<string, string>;
let bpjs: Record<string, string>;

type Pair = {
  reasons: string[];
  a: { id: string; fullName: string; nikMasked: string };
  b: { id: string; fullName: string };
  nikDiffPosition: number | null;
};

const base = { birthPlace: 'Bantul', sex: 'P', segment: 'farmer', category: 'BPU', vulnerability: [] };
const ids: Record<string, string> = {};

async function create(key: string, headers: Record<string, string>, payload: Record<string, unknown>) {
  const r = await app.inject({ method: 'POST', url: '/api/workers', headers, payload: { ...base, ...payload } });
  expect(r.statusCode, r.body).toBe(201);
  ids[key] = r.json().id;
}

const get = async (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
const post = async (url: string, headers: Record<string, string>, payload: unknown) =>
  app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
const pairsOf = async (headers: Record<string, string>, query = '') =>
  (await get(`/api/workers/duplicates?pageSize=50${query}`, headers)).json() as { items: Pair[]; total: number };
const pairKey = (p: Pair) => [p.a.id, p.b.id].sort().join('-');
const key = (x: string, y: string) => [ids[x], ids[y]].sort().join('-');

const auditOf = (id: string, action: string) =>
  db.owner
    .selectFrom('audit_log')
    .select(['actor_username', 'region_code', 'before', 'after'])
    .where('entity', '=', 'worker')
    .where('entity_id', '=', id)
    .where('action', '=', action)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  db = await createTestDatabase('registry_duplicates');
  app = await testApp(db);
  const users = await Promise.all([
    makeUser(db, 'operator', TRIRENGGO, 'operator.trirenggo'),
    makeUser(db, 'operator', PALBAPANG, 'operator.palbapang'),
    makeUser(db, 'disnaker', '34.02', 'disnaker.bantul'),
    makeUser(db, 'disnaker', '34.04', 'disnaker.sleman'),
    makeUser(db, 'bpjs', '34.02', 'bpjs.bantul'),
  ]);
  const sessions: Record<string, string>[] = [];
  for (const u of users) sessions.push(await signIn(app, u.username, u.password));
  [operator = {}, operatorPalbapang = {}, disnaker = {}, disnakerSleman = {}, bpjs = {}] = sessions;

  // The same woman twice: once in Trirenggo, once (with a title and a NIK one digit off) in Palbapang.
  await create('siti', operator, {
    nik: '3402084509850001',
    fullName: 'Siti Aminah',
    birthDate: '1985-09-05',
    village: TRIRENGGO,
    phone: '0812-1111-2222',
  });
  await create('sitiDup', disnaker, {
    nik: '3402084509850011',
    fullName: 'Hj. SITI  AMINAH',
    birthDate: '1985-09-05',
    village: PALBAPANG,
    address: 'Dusun Palbapang RT 2',
    monthlyIncome: 1_200_000,
  });
  // Same name, NIKs one digit apart, different birth dates: NIK_ONE_DIGIT only (both in Trirenggo).
  await create('budi', operator, {
    nik: '3402080101800001',
    fullName: 'Budi Santoso',
    sex: 'L',
    birthDate: '1980-01-01',
    village: TRIRENGGO,
  });
  await create('budi2', operator, {
    nik: '3402080101800002',
    fullName: 'Budi Santoso',
    sex: 'L',
    birthDate: '1980-01-02',
    village: TRIRENGGO,
  });
  // Same name and birth date, unrelated NIKs: SAME_NAME_BIRTHDATE only.
  await create('agus', disnaker, {
    nik: '3402080101900001',
    fullName: 'Agus Riyanto',
    sex: 'L',
    birthDate: '1990-01-01',
    village: PALBAPANG,
  });
  await create('agus2', disnaker, {
    nik: '3402150101900007',
    fullName: 'Agus Riyanto',
    sex: 'L',
    birthDate: '1990-01-01',
    village: TRIRENGGO,
  });
  // Not duplicates: same name, other birth date and a NIK far away; and a namesake in another regency.
  await create('sitiOther', operator, {
    nik: '3402085012900003',
    fullName: 'Siti Aminah',
    birthDate: '1990-12-10',
    village: TRIRENGGO,
  });
  await create('sitiSleman', disnakerSleman, {
    nik: '3404014509850002',
    fullName: 'Siti Aminah',
    birthDate: '1985-09-05',
    village: BALECATUR,
  });
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('lindung_nik_distance', () => {
  it('counts differing positions of two 16-digit NIKs, and is NULL for anything else', async () => {
    const r = await sql<Record<string, number | null>>`
      SELECT lindung_nik_distance('3402084509850001', '3402084509850001') AS same,
             lindung_nik_distance('3402084509850001', '3402084509850011') AS one,
             lindung_nik_distance('1111111111111111', '2222222222222222') AS all_of_them,
             lindung_nik_distance('340208450985001', '3402084509850011') AS short,
             lindung_nik_distance(NULL, '3402084509850011') AS missing`.execute(db.owner);
    expect(r.rows[0]).toEqual({ same: 0, one: 1, all_of_them: 16, short: null, missing: null });
  });
});

describe('the pairs', () => {
  it('shows Disnaker every pair of the regency with its reasons, and never a pair across regencies', async () => {
    const { items, total } = await pairsOf(disnaker);
    expect(total).toBe(3);
    expect(items.map(pairKey).sort()).toEqual(
      [key('siti', 'sitiDup'), key('budi', 'budi2'), key('agus', 'agus2')].sort(),
    );
    const siti = items.find((p) => pairKey(p) === key('siti', 'sitiDup'))!;
    expect(siti.reasons).toEqual(['SAME_NAME_BIRTHDATE', 'NIK_ONE_DIGIT']);
    expect(siti.nikDiffPosition).toBe(15);
    expect(siti.a).toMatchObject({ id: ids.siti, nikMasked: '340208••••••0001' });
    const budi = items.find((p) => pairKey(p) === key('budi', 'budi2'))!;
    expect(budi.reasons).toEqual(['NIK_ONE_DIGIT']);
    const agus = items.find((p) => pairKey(p) === key('agus', 'agus2'))!;
    expect(agus).toMatchObject({ reasons: ['SAME_NAME_BIRTHDATE'], nikDiffPosition: null });
    expect(JSON.stringify(items)).not.toMatch(/\d{16}/);
    // In name order, and paged.
    expect(items.map((p) => p.a.fullName)).toEqual(['Agus Riyanto', 'Budi Santoso', 'Siti Aminah']);
    const page2 = (await get('/api/workers/duplicates?pageSize=1&page=2', disnaker)).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(page2.items.map(pairKey)).toEqual([key('budi', 'budi2')]);
    const past = (await get('/api/workers/duplicates?pageSize=10&page=5', disnaker)).json();
    expect(past).toMatchObject({ items: [], total: 3 });
  });

  it('shows an operator only pairs whose two workers are both in the village', async () => {
    const { items } = await pairsOf(operator);
    expect(items.map(pairKey)).toEqual([key('budi', 'budi2')]);
    expect((await pairsOf(operatorPalbapang)).total).toBe(0);
    expect((await pairsOf(disnakerSleman)).total).toBe(0);
    const filtered = await pairsOf(disnaker, `&region=${TRIRENGGO}`);
    expect(filtered.items.map(pairKey)).toEqual([key('budi', 'budi2')]);
  });

  it('is not for roles that do not edit workers', async () => {
    const r = await get('/api/workers/duplicates', bpjs);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
  });
});

describe('"bukan duplikat"', () => {
  it('is for Disnaker, not for operators', async () => {
    const r = await post('/api/workers/duplicates/dismiss', operator, { aId: ids.budi, bId: ids.budi2 });
    expect(r.statusCode).toBe(403);
  });

  it('hides the pair for good, with one audit row on each worker, and a second request changes nothing', async () => {
    const r = await post('/api/workers/duplicates/dismiss', disnaker, { aId: ids.agus2, bId: ids.agus });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ ok: true });
    expect((await pairsOf(disnaker)).items.map(pairKey)).not.toContain(key('agus', 'agus2'));
    for (const [me, other] of [
      ['agus', 'agus2'],
      ['agus2', 'agus'],
    ] as const) {
      const rows = await auditOf(ids[me]!, 'worker.duplicate_dismiss');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actor_username: 'disnaker.bantul',
        before: { not_duplicate_of: null },
        after: { not_duplicate_of: ids[other], reasons: ['SAME_NAME_BIRTHDATE'] },
      });
    }
    const again = await post('/api/workers/duplicates/dismiss', disnaker, { aId: ids.agus, bId: ids.agus2 });
    expect(again.statusCode).toBe(200);
    expect(await auditOf(ids.agus!, 'worker.duplicate_dismiss')).toHaveLength(1);
  });

  it('refuses two workers that are not a probable pair, and one out of scope without saying where', async () => {
    const notPair = await post('/api/workers/duplicates/dismiss', disnaker, { aId: ids.siti, bId: ids.sitiOther });
    expect(notPair.statusCode).toBe(409);
    expect(notPair.json().error.message).toContain('bukan kemungkinan duplikat');
    const outside = await post('/api/workers/duplicates/dismiss', disnaker, { aId: ids.siti, bId: ids.sitiSleman });
    expect(outside.statusCode).toBe(404);
    expect(outside.body).not.toMatch(/Sleman|Balecatur|34\.04/);
    const same = await post('/api/workers/duplicates/dismiss', disnaker, { aId: ids.siti, bId: ids.siti });
    expect(same.statusCode).toBe(400);
  });
});

describe('merging', () => {
  it('is for Disnaker, not for operators, and only inside the scope', async () => {
    const byOperator = await post('/api/workers/duplicates/merge', operator, { keepId: ids.budi, mergeId: ids.budi2 });
    expect(byOperator.statusCode).toBe(403);
    const outside = await post('/api/workers/duplicates/merge', disnakerSleman, {
      keepId: ids.sitiSleman,
      mergeId: ids.siti,
    });
    expect(outside.statusCode).toBe(404);
    const row = await db.owner
      .selectFrom('worker')
      .select('merged_into')
      .where('id', '=', ids.siti!)
      .executeTakeFirstOrThrow();
    expect(row.merged_into).toBeNull();
  });

  it('keeps one record with the chosen values, hides the other everywhere and audits both', async () => {
    const r = await post('/api/workers/duplicates/merge', disnaker, {
      keepId: ids.siti,
      mergeId: ids.sitiDup,
      fields: { address: 'merge', monthlyIncome: 'merge', fullName: 'keep' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      id: ids.siti,
      fullName: 'Siti Aminah',
      nikMasked: '340208••••••0001',
      village: TRIRENGGO,
      phone: '+6281211112222',
      address: 'Dusun Palbapang RT 2',
      monthlyIncome: 1_200_000,
      mergedInto: null,
      warnings: [],
    });

    const merged = (await get(`/api/workers/${ids.sitiDup}`, disnaker)).json();
    expect(merged.mergedInto).toBe(ids.siti);
    const list = (await get('/api/workers?name=siti%20aminah&pageSize=200', disnaker)).json();
    expect(list.items.map((w: { id: string }) => w.id).sort()).toEqual([ids.siti, ids.sitiOther].sort());
    expect(list.total).toBe(2);
    expect((await get('/api/workers?nik=3402084509850011', disnaker)).json()).toMatchObject({ items: [], total: 0 });
    expect((await pairsOf(disnaker)).items.map(pairKey)).toEqual([key('budi', 'budi2')]);

    const [keepAudit] = await auditOf(ids.siti!, 'worker.merge');
    expect(keepAudit).toMatchObject({
      actor_username: 'disnaker.bantul',
      region_code: TRIRENGGO,
      before: { address: null, monthly_income: null, nik: '340208••••••0001' },
      after: { address: 'Dusun Palbapang RT 2', monthly_income: '1200000', merged_from: ids.sitiDup },
    });
    const [mergedAudit] = await auditOf(ids.sitiDup!, 'worker.merged');
    expect(mergedAudit).toMatchObject({
      region_code: PALBAPANG,
      before: { merged_into: null },
      after: { merged_into: ids.siti, nik: '340208••••••0011' },
    });
  });

  it('leaves the merged record read-only and its NIK reserved', async () => {
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/workers/${ids.sitiDup}`,
      headers: disnaker,
      payload: { phone: '0813-0000-1111' },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.message).toContain(`pekerja nomor ${ids.siti}`);
    const again = await post('/api/workers/duplicates/merge', disnaker, { keepId: ids.siti, mergeId: ids.sitiDup });
    expect(again.statusCode).toBe(409);
    const reuse = await app.inject({
      method: 'POST',
      url: '/api/workers',
      headers: disnaker,
      payload: {
        ...base,
        nik: '3402084509850011',
        fullName: 'Orang Lain',
        birthDate: '1985-09-05',
        village: PALBAPANG,
      },
    });
    expect(reuse.statusCode).toBe(409);
  });

  it('checks the merged values with the form’s rules: the NIK warnings come back', async () => {
    const r = await post('/api/workers/duplicates/merge', disnaker, {
      keepId: ids.budi2,
      mergeId: ids.budi,
      fields: {},
    });
    expect(r.statusCode, r.body).toBe(200);
    // budi2 keeps its own birth date (2 Jan), which its NIK (born 1 Jan) contradicts.
    expect(r.json().warnings.map((w: { code: string }) => w.code)).toEqual(['NIK_BIRTHDATE_MISMATCH']);
  });
});

describe('the history of a worker', () => {
  type Entry = {
    action: string;
    actor: string | null;
    source: string | null;
    changes: { field: string; before: unknown; after: unknown }[];
    relatedWorkerId: string | null;
  };
  const historyOf = async (id: string, headers = disnaker) =>
    (await get(`/api/workers/${id}/history`, headers)).json() as {
      items: Entry[];
      regionLabels: Record<string, string>;
    };

  it('lists creation, changes field by field with masked NIKs, the NIK view and the merge, newest first', async () => {
    const change = await app.inject({
      method: 'PATCH',
      url: `/api/workers/${ids.siti}`,
      headers: disnaker,
      payload: { nik: '3402084509850021', village: PALBAPANG, phone: '0812-3333-4444' },
    });
    expect(change.statusCode, change.body).toBe(200);
    await post(`/api/workers/${ids.siti}/reveal-nik`, disnaker, undefined);

    const { items, regionLabels } = await historyOf(ids.siti!);
    expect(items.map((e) => e.action)).toEqual(['worker.reveal_nik', 'worker.update', 'worker.merge', 'worker.create']);
    const [reveal, update, merge, created] = items as [Entry, Entry, Entry, Entry];
    expect(created).toMatchObject({ actor: 'operator.trirenggo', source: 'form:operator.trirenggo', changes: [] });
    expect(merge).toMatchObject({ actor: 'disnaker.bantul', relatedWorkerId: ids.sitiDup });
    expect(merge.changes).toEqual([
      { field: 'address', before: null, after: 'Dusun Palbapang RT 2' },
      { field: 'monthlyIncome', before: null, after: '1200000' },
    ]);
    expect(update.source).toBe('form:disnaker.bantul');
    expect(update.changes).toEqual([
      { field: 'nik', before: '340208••••••0001', after: '340208••••••0021' },
      { field: 'village', before: TRIRENGGO, after: PALBAPANG },
      { field: 'phone', before: '+6281211112222', after: '+6281233334444' },
    ]);
    expect(regionLabels[PALBAPANG]).toContain('Palbapang');
    expect(reveal).toMatchObject({ actor: 'disnaker.bantul', changes: [] });
    expect(JSON.stringify(items)).not.toMatch(/\d{16}/);
  });

  it('shows the merged record pointing at the worker it was merged into', async () => {
    const { items } = await historyOf(ids.sitiDup!);
    expect(items[0]).toMatchObject({ action: 'worker.merged', relatedWorkerId: ids.siti, changes: [] });
  });

  it('renders an import’s update (only the changed fields, the job in `import`) with its source', async () => {
    await sql`
      INSERT INTO audit_log (actor_username, actor_role, action, entity, entity_id, region_code, before, after)
      VALUES ('operator.trirenggo', 'operator', 'worker.import_update', 'worker', ${ids.sitiOther}, ${TRIRENGGO},
        '{"phone": null, "rt": "001", "import": "42"}', '{"phone": "+6281299998888", "rt": "002", "import": "42"}')`.execute(
      db.owner,
    );
    const [latest] = (await historyOf(ids.sitiOther!, operator)).items;
    expect(latest).toMatchObject({
      action: 'worker.import_update',
      actor: 'operator.trirenggo',
      source: 'import:42',
      changes: [
        { field: 'rt', before: '001', after: '002' },
        { field: 'phone', before: null, after: '+6281299998888' },
      ],
    });
  });

  it('is scoped like the worker: 404 outside the reader’s region', async () => {
    const r = await get(`/api/workers/${ids.sitiOther}/history`, operatorPalbapang);
    expect(r.statusCode).toBe(404);
    expect((await get(`/api/workers/${ids.sitiOther}/history`, bpjs)).statusCode).toBe(200);
  });
});
