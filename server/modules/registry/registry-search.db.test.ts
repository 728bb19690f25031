import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { WORKER_TOTAL_CAP } from '../../../lib/contracts/workers.ts';
import { nameKey } from '../../../lib/rules/import-values.ts';
import { systemContext } from '../../platform/context.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { generateDemoWorkers } from '../demo/index.ts';
import { nikFor } from '../../testing/nik.ts';
import { ensureWorkerNameKeys } from './index.ts';

// The worker list at more rows than it counts: a capped total, pages in name order, the name search on the name
// key (titles, degrees, case and punctuation do not matter), and the start-up fill of missing name keys.

const TRIRENGGO = '34.02.08.2004';
const WORKERS = 1200;

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;
let operator: Record<string, string>;

type Listed = { id: string; fullName: string; village: string };
type Page = { items: Listed[]; total: number; totalCapped: boolean; page: number };

const list = async (query: string, headers = disnaker) =>
  (await app.inject({ method: 'GET', url: `/api/workers?${query}`, headers })).json() as Page;
const countOwner = async (where: ReturnType<typeof sql<boolean>>) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM worker WHERE ${where}`.execute(db.owner)).rows[0]?.n);

beforeAll(async () => {
  db = await createTestDatabase('registry_search');
  app = await testApp(db);
  await generateDemoWorkers(db, systemContext('demo'), { regency: '34.02', count: WORKERS, seed: 7 });
  const d = await makeUser(db, 'disnaker', '34.02', 'disnaker.bantul');
  const o = await makeUser(db, 'operator', TRIRENGGO, 'operator.trirenggo');
  disnaker = await signIn(app, d.username, d.password);
  operator = await signIn(app, o.username, o.password);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('the total', () => {
  it('stops counting at the cap and says so', async () => {
    const first = await list('pageSize=25');
    expect(first).toMatchObject({ total: WORKER_TOTAL_CAP, totalCapped: true, page: 1 });
    expect(first.items).toHaveLength(25);
  });

  it('is exact below the cap: an operator’s village, a region filter, a name', async () => {
    const inVillage = await countOwner(sql<boolean>`village_code = ${TRIRENGGO}`);
    expect(inVillage).toBeGreaterThan(0);
    expect(await list('pageSize=200', operator)).toMatchObject({ total: inVillage, totalCapped: false });
    expect(await list(`region=${TRIRENGGO}`)).toMatchObject({ total: inVillage, totalCapped: false });
    const [sample] = (
      await sql<{ full_name: string }>`SELECT full_name FROM worker ORDER BY id LIMIT 1`.execute(db.owner)
    ).rows;
    const prefix = nameKey(sample!.full_name).slice(0, 5);
    const matching = await countOwner(sql<boolean>`starts_with(name_key, ${prefix})`);
    const found = await list(`name=${encodeURIComponent(prefix.toLowerCase())}&pageSize=200`);
    expect(found).toMatchObject({ total: matching, totalCapped: false });
    for (const w of found.items) expect(nameKey(w.fullName).startsWith(prefix)).toBe(true);
  });
});

describe('pages', () => {
  it('come in name order, and page 2 continues page 1', async () => {
    const all = await list('pageSize=60');
    const keys = all.items.map((w) => nameKey(w.fullName));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const second = await list('pageSize=30&page=2');
    expect(second.items.map((w) => w.id)).toEqual(all.items.slice(30, 60).map((w) => w.id));
  });
});

describe('the name search', () => {
  it('ignores titles, degrees, case and punctuation, as the duplicate rules do', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/workers',
      headers: disnaker,
      payload: {
        nik: '3402081203850004',
        fullName: "Drs. H. Ahmad Ma'ruf, M.Pd.",
        birthDate: '1985-03-12',
        sex: 'L',
        village: TRIRENGGO,
        segment: 'religious_worker',
        category: 'BPU',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    for (const q of ['ahmad', 'AHMAD MARU', 'H. Ahmad Ma’ruf', 'ahmad maruf, s.pd']) {
      const found = await list(`name=${encodeURIComponent(q)}`);
      expect(
        found.items.map((w) => w.fullName),
        q,
      ).toContain("Drs. H. Ahmad Ma'ruf, M.Pd.");
    }
    expect((await list('name=%25%25')).total).toBe(0);
  });
});

describe('the search by the last 4 NIK digits', () => {
  it('finds the NIKs ending with them, within the reader’s scope only, on the generated column’s index', async () => {
    const tail = '7391';
    for (const [i, village] of [TRIRENGGO, '34.02.01.2001'].entries()) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/workers',
        headers: disnaker,
        payload: {
          nik: nikFor('1990-01-0' + String(i + 1), 'L', 7391, village === TRIRENGGO ? '340208' : '340201'),
          fullName: `Ekor ${i}`,
          birthDate: `1990-01-0${i + 1}`,
          sex: 'L',
          village,
          segment: 'farmer',
          category: 'BPU',
        },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const inRegency = await countOwner(sql<boolean>`right(nik, 4) = ${tail} AND merged_into IS NULL`);
    expect(inRegency).toBeGreaterThanOrEqual(2);
    const found = await list(`nikEnd=${tail}&pageSize=200`);
    expect(found).toMatchObject({ total: inRegency, totalCapped: false });
    const byOperator = await list(`nikEnd=${tail}&pageSize=200`, operator);
    expect(byOperator.total).toBe(
      await countOwner(sql<boolean>`right(nik, 4) = ${tail} AND merged_into IS NULL AND village_code = ${TRIRENGGO}`),
    );
    expect(byOperator.items.map((w) => w.fullName)).toContain('Ekor 0');
    expect(byOperator.items.every((w) => w.village === TRIRENGGO)).toBe(true);
    const ids = found.items.map((w) => w.id);
    const niks = await db.owner.selectFrom('worker').select('nik').where('id', 'in', ids).execute();
    expect(niks.every((w) => w.nik.endsWith(tail))).toBe(true);
    const bad = await app.inject({ method: 'GET', url: '/api/workers?nikEnd=12a4', headers: disnaker });
    expect(bad.statusCode).toBe(400);
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM worker
      WHERE nik_tail = ${tail} AND merged_into IS NULL`.execute(db.owner);
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('worker_nik_tail_idx');
  });
});

describe('the history of a worker loaded in bulk', () => {
  it('starts with the load it came from', async () => {
    const [one] = (
      await sql<{ id: string }>`SELECT id::text FROM worker WHERE source = 'demo:7' LIMIT 1`.execute(db.owner)
    ).rows;
    const r = await app.inject({ method: 'GET', url: `/api/workers/${one!.id}/history`, headers: disnaker });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items).toEqual([
      expect.objectContaining({ action: 'worker.create', actor: null, source: 'demo:7', changes: [] }),
    ]);
  });
});

describe('the start-up fill of name keys', () => {
  it('fills every missing key in batches with the TypeScript rule, audits once, and then has nothing to do', async () => {
    await sql`UPDATE worker SET name_key = NULL WHERE id IN (SELECT id FROM worker ORDER BY id LIMIT 250)`.execute(
      db.owner,
    );
    expect(await ensureWorkerNameKeys(db.owner, 100)).toEqual({ filled: 250 });
    const rows = await db.owner.selectFrom('worker').select(['full_name', 'name_key']).execute();
    expect(rows.filter((r) => r.name_key !== nameKey(r.full_name))).toEqual([]);
    expect(await ensureWorkerNameKeys(db.owner, 100)).toEqual({ filled: 0 });
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['actor_username', 'after'])
      .where('action', '=', 'worker.name_key_fill')
      .execute();
    expect(audit).toEqual([{ actor_username: 'registry', after: { filled: 250 } }]);
  });
});
