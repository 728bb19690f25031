import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemContext } from '../../platform/context.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { bulkWorker } from '../../testing/bulk-worker.ts';
import { nikFor } from '../../testing/nik.ts';
import { expectStoredEqualsRecount as expectPairs, pairVillages, recountPairs } from '../../testing/duplicate-pairs.ts';
import { bulkInsertWorkers, type BulkWorker } from './index.ts';

// The stored probable-duplicate pairs (worker_duplicate_pair, kept by the trigger of sql/worker-duplicates.sql)
// equal a recount by the review's earlier per-request algorithm, on random data, after set-based inserts, API
// inserts and edits, a bulk update and merges; and the review's total for a Disnaker is the recount in its scope.

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;

// A seeded generator: the same "random" data on every run.
let seed = 20_261_207;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Few names (two spellings of some, one name key), few birth dates, NIKs from few bases with one digit changed.
const NAMES = [
  ...['Siti Aminah', 'Hj. SITI AMINAH', 'Budi Santoso', 'budi santoso, S.Pd.', 'Nur Hayati', 'Agus', 'Dewi'],
  ...['Sri Wahyuni', 'Eko Prasetyo', 'Rina', 'Joko', 'Wati', 'Tri Utami', 'Bambang', 'Yanti', 'Slamet', 'Ani'],
];
const BIRTHS = ['1985-09-05', '1990-01-01', '1979-12-31'];
// Valid NIKs (district, birth date, serial); the changed digit is the district's last or one of the serial's.
const BASES = Array.from({ length: 40 }, (_, i) => nikFor(BIRTHS[i % 3]!, 'P', 11 * i + 1));
const CHANGEABLE = [5, 12, 13, 14, 15];
const usedNiks = new Set<string>();
function randomNik(): string {
  for (;;) {
    const base = pick(BASES);
    const at = pick(CHANGEABLE);
    const digit = String(1 + Math.floor(random() * 9));
    const nik = random() < 0.3 ? base : base.slice(0, at) + digit + base.slice(at + 1);
    if (!usedNiks.has(nik)) {
      usedNiks.add(nik);
      return nik;
    }
  }
}

let villages: string[] = [];
const bantul = () => villages.filter((v) => v.startsWith('34.02.'));

function randomWorker(): BulkWorker {
  return bulkWorker({
    nik: randomNik(),
    full_name: pick(NAMES),
    birth_date: pick(BIRTHS),
    village_code: pick(villages),
  });
}

const recount = () => recountPairs(db.owner);
const expectStoredEqualsRecount = () => expectPairs(db.owner);

const liveBantulIds = async () =>
  (
    await db.owner
      .selectFrom('worker')
      .select('id')
      .where('merged_into', 'is', null)
      .where(sql<boolean>`starts_with(village_code, '34.02.')`)
      .orderBy('id')
      .execute()
  ).map((r) => String(r.id));

beforeAll(async () => {
  db = await createTestDatabase('registry_duplicate_pairs');
  app = await testApp(db);
  const user = await makeUser(db, 'disnaker', '34.02');
  disnaker = await signIn(app, user.username, user.password);
  villages = await pairVillages(db.owner);
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

describe('stored probable-duplicate pairs', () => {
  it('equal the recount after set-based inserts (one batch, then a second batch pairing with the first)', async () => {
    for (const size of [300, 200]) {
      const rows = Array.from({ length: size }, randomWorker);
      await bulkInsertWorkers(db.ownerPool, rows, systemContext('uji'), {
        source: 'test',
        audit: { action: 'worker.generate', region: null, details: {} },
      });
      const pairs = await expectStoredEqualsRecount();
      expect(pairs.some((p) => p.sameBirth && !p.nikOneDigit)).toBe(true);
      expect(pairs.some((p) => p.nikOneDigit)).toBe(true);
      expect(new Set(pairs.map((p) => p.region.length))).toEqual(new Set([13, 8, 5, 2, 0]));
    }
  });

  it('equal the recount after registrations and edits through the API', async () => {
    for (let i = 0; i < 6; i++) {
      const birth = pick(BIRTHS);
      const r = await app.inject({
        method: 'POST',
        url: '/api/workers',
        headers: disnaker,
        payload: {
          nik: nikFor(birth, 'P', 900 + i),
          fullName: pick(NAMES),
          birthPlace: 'Bantul',
          birthDate: birth,
          sex: 'P',
          village: pick(bantul()),
          segment: 'farmer',
          category: 'BPU',
          vulnerability: [],
        },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    await expectStoredEqualsRecount();
    const ids = await liveBantulIds();
    for (let i = 0; i < 12; i++) {
      const edit = [
        { fullName: pick(NAMES) },
        { birthDate: pick(BIRTHS) },
        { village: pick(bantul()) },
        { fullName: 'Nama Lain Sekali' },
      ][i % 4];
      const r = await app.inject({
        method: 'PATCH',
        url: `/api/workers/${pick(ids)}`,
        headers: disnaker,
        payload: edit,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    await expectStoredEqualsRecount();
  });

  it('equal the recount after a bulk update of many workers (one statement)', async () => {
    await sql`UPDATE worker SET birth_date = CASE WHEN id % 3 = 0 THEN date '1990-01-01' ELSE birth_date END,
        name_key = CASE WHEN id % 5 = 0 THEN 'DEWI' ELSE name_key END,
        village_code = CASE WHEN id % 11 = 0 THEN ${villages[0]!} ELSE village_code END,
        kabkota_code = CASE WHEN id % 11 = 0 THEN left(${villages[0]!}, 5) ELSE kabkota_code END
      WHERE id % 3 = 0 OR id % 5 = 0 OR id % 11 = 0`.execute(db.owner);
    await expectStoredEqualsRecount();
  });

  it('equal the recount after merges, and the review counts the recount in the Disnaker scope', async () => {
    for (let i = 0; i < 3; i++) {
      const inBantul = (await recount()).filter((p) => p.region.startsWith('34.02'));
      const pair = inBantul[Math.floor(random() * inBantul.length)]!;
      const r = await app.inject({
        method: 'POST',
        url: '/api/workers/duplicates/merge',
        headers: disnaker,
        payload: { keepId: pair.a, mergeId: pair.b, fields: {} },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const pairs = await expectStoredEqualsRecount();
    const review = await app.inject({ method: 'GET', url: '/api/workers/duplicates?pageSize=50', headers: disnaker });
    expect(review.statusCode).toBe(200);
    const inScope = pairs.filter((p) => p.region === '34.02' || p.region.startsWith('34.02.'));
    expect(review.json().total).toBe(inScope.length);
    const byName = [...inScope].sort((x, y) =>
      x.nameKey === y.nameKey ? Number(x.a) - Number(y.a) || Number(x.b) - Number(y.b) : x.nameKey < y.nameKey ? -1 : 1,
    );
    const shown = (review.json().items as { a: { id: string }; b: { id: string } }[]).map((p) => [p.a.id, p.b.id]);
    expect(shown).toEqual(byName.slice(0, 50).map((p) => [p.a, p.b]));
  });
});
