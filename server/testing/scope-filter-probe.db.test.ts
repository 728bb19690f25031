import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { APP_ROLE, type Database } from '../platform/db.ts';
import type { DB } from '../db/schema.ts';
import type { App } from '../platform/http.ts';
import { systemContext } from '../platform/context.ts';
import { withServerClient } from './pg-server.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from './test-db.ts';
import { DEMO_REGENCY, DEMO_VILLAGE, generateDemoWorkers, seedDemoPrograms } from '../modules/demo/index.ts';
import { seedDemoExchange } from '../modules/demo/demo.exchange.ts';
import { seedDemoTargets } from '../modules/demo/demo.targets.ts';
import { seedDemoBilling } from '../modules/demo/demo.billing.ts';
import { seedDemoCoverage } from '../modules/demo/demo.coverage.ts';
import { addHeir, reportClaim } from '../modules/claims/index.ts';

// The repositories' region filter alone, without row-level security: the same Lindung, on the same data, once as
// `lindung_app` (RLS on) and once as a test role that has lindung_app's grants but BYPASSRLS. A user scoped to one
// district must get the same answers from both: with RLS on, PostgreSQL hides the other districts whatever the query
// says; with RLS off, only the repositories' `regionInScope(...)` does. A query that lost its region condition answers
// with more rows through the second app, and the comparison fails.
//
// Verified by hand (7 Dec 2026): removing the list query's region condition (`.where(villageInScope(scope))`, the
// registry's leakproof form of `regionInScope`, in `listWorkersInScope` of server/modules/registry/registry.repository.ts,
// behind GET /api/workers) made all three "same answers" tests below fail at "GET /api/workers?page=1&pageSize=200"
// (the RLS-free app listed workers of other districts and of Kab. Bantul to the Sleman user) while
// rls-probe.db.test.ts still passed; restoring it made them pass. Each layer is tested alone, so neither hides the
// other's loss.

const NOW = new Date('2026-07-15T03:00:00Z'); // 15 Jul 2026, WIB: a fixed clock for the demo's calendar
const OTHER_REGENCY = '34.04'; // Kab. Sleman
const DISTRICT = DEMO_VILLAGE.split('.').slice(0, 3).join('.'); // Kec. Bantul

/** The role is cluster-wide: unique per test run, dropped at the end. */
const NO_RLS_ROLE = `lindung_app_norls_${randomBytes(4).toString('hex')}`;

/** Like openDatabase, but the application connections run as `role` instead of lindung_app. */
function openDatabaseAs(url: string, role: string): Database {
  const ownerPool = new pg.Pool({ connectionString: url, max: 2 });
  const appPool = new pg.Pool({ connectionString: url, max: 5 });
  for (const pool of [ownerPool, appPool]) pool.on('error', () => undefined);
  appPool.on('connect', (client) => {
    client.query(`SET ROLE ${role}`).catch(() => client.release(new Error('SET ROLE failed')));
  });
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool: appPool }) });
  return {
    app,
    owner,
    ownerPool,
    async close() {
      await app.destroy();
      await owner.destroy();
    },
  };
}

let db: TestDatabase;
let noRls: Database;
let withRls: App;
let withoutRls: App;
let ids: { worker: { inside: string; outside: string }; programs: string[]; claims: string[] };
const users: Record<'district' | 'other' | 'operator', { username: string; password: string }> = {} as never;

beforeAll(async () => {
  db = await createTestDatabase('scope_filter_probe');
  const place = { regency: DEMO_REGENCY, village: DEMO_VILLAGE };
  await makeUser(db, 'admin', DEMO_REGENCY);
  await seedDemoPrograms(db, place, NOW);
  await seedDemoExchange(db, place, NOW);
  await seedDemoTargets(db, place);
  await seedDemoBilling(db, place, NOW);
  await seedDemoCoverage(db);
  await generateDemoWorkers(db, systemContext('test'), { regency: OTHER_REGENCY, count: 200, seed: 7 });
  users.district = await makeUser(db, 'admin', DISTRICT);
  users.other = await makeUser(db, 'admin', OTHER_REGENCY);
  // The operator of the district's most populous village, so a village scope has workers to see.
  const village = await sql<{ code: string }>`
    SELECT village_code AS code FROM worker WHERE starts_with(village_code, ${`${DISTRICT}.`})
    GROUP BY village_code ORDER BY count(*) DESC, village_code LIMIT 1`.execute(db.owner);
  users.operator = await makeUser(db, 'operator', village.rows[0]!.code);

  await withServerClient(async (c) => {
    await c.query(`CREATE ROLE ${NO_RLS_ROLE} NOLOGIN NOSUPERUSER INHERIT BYPASSRLS`);
    await c.query(`GRANT ${APP_ROLE} TO ${NO_RLS_ROLE}`);
  });
  noRls = openDatabaseAs(db.url, NO_RLS_ROLE);
  withRls = await testApp(db);
  withoutRls = await testApp(noRls);

  const worker = async (inside: boolean) => {
    const r = await sql<{ id: string }>`
      SELECT id::text AS id FROM worker
      WHERE starts_with(village_code, ${`${DISTRICT}.`}) = ${inside} AND starts_with(village_code, '34.02.')
      ORDER BY id LIMIT 1`.execute(db.owner);
    return r.rows[0]!.id;
  };
  const programs = await sql<{ id: string }>`SELECT id::text AS id FROM program ORDER BY id`.execute(db.owner);
  ids = {
    worker: { inside: await worker(true), outside: await worker(false) },
    programs: programs.rows.map((r) => r.id),
    claims: [],
  };
  // A claim (with an heir) inside the district and one outside it, in the demo regency.
  for (const workerId of [ids.worker.inside, ids.worker.outside]) {
    const report = {
      type: 'jkm' as const,
      eventDate: '2026-07-01',
      place: 'Rumah',
      chronology: 'Meninggal.',
      witnesses: [],
    };
    ids.claims.push((await reportClaim(db.app, systemContext('test'), { workerId, ...report })).id);
    await addHeir(db.app, systemContext('test'), workerId, { name: 'Ahli Waris', relation: 'child' });
  }
});
afterAll(async () => {
  await withRls?.close();
  await withoutRls?.close();
  await noRls?.close();
  await db?.drop();
  await withServerClient((c) => c.query(`DROP ROLE IF EXISTS ${NO_RLS_ROLE}`));
});

const sessions = new Map<string, Awaited<ReturnType<typeof signIn>>>();

/** The answer without its request id (a fresh one per request). */
async function get(app: App, who: keyof typeof users, url: string) {
  const key = `${app === withRls ? 'on' : 'off'}:${who}`;
  if (!sessions.has(key)) sessions.set(key, await signIn(app, users[who].username, users[who].password));
  const res = await app.inject({ method: 'GET', url, headers: sessions.get(key)! });
  return { status: res.statusCode, body: res.body.replace(/"requestId":"[^"]*"/g, '"requestId":"…"') };
}

/** The regional reads, per module; each is asked by a district user, a user of another regency, and a village. */
function urls(): string[] {
  const month = '2026-07';
  return [
    // registry: list, search by name, detail inside and outside the district, history, duplicates
    '/api/workers?page=1&pageSize=200',
    '/api/workers?name=S&page=1&pageSize=200',
    `/api/workers?region=${DEMO_REGENCY}&page=1&pageSize=50`,
    `/api/workers/${ids.worker.inside}`,
    `/api/workers/${ids.worker.outside}`,
    `/api/workers/${ids.worker.outside}/history`,
    '/api/workers/duplicates?page=1&pageSize=50',
    // programmes and their enrollments
    '/api/programs?page=1&pageSize=50',
    ...ids.programs.flatMap((id) => [
      `/api/programs/${id}`,
      `/api/programs/${id}/enrollments?page=1&pageSize=200`,
      `/api/programs/${id}/gaps`,
    ]),
    // billing: bills, payments, lapse warnings
    '/api/bills?page=1&pageSize=200',
    '/api/payments?page=1&pageSize=200',
    '/api/lapse-warnings?page=1&pageSize=200',
    // coverage: dashboard, summary, people
    `/api/coverage/dashboard?month=${month}`,
    `/api/coverage/summary?month=${month}`,
    `/api/coverage/people?region=${DEMO_REGENCY}&month=${month}&page=1&pageSize=200`,
    `/api/coverage/people?region=${DISTRICT}&month=${month}&page=1&pageSize=200`,
    // exchange: batches, snapshots, reconciliation
    '/api/exchange/batches?page=1&pageSize=50',
    '/api/exchange/snapshots',
    '/api/exchange/reconciliation',
    // targets, reports, users, audit
    '/api/workforce?page=1&pageSize=50',
    '/api/targets?page=1&pageSize=50',
    '/api/reports?page=1&pageSize=50',
    '/api/users?page=1&pageSize=200',
    '/api/audit?page=1&pageSize=200',
    // claims: list, gap ledger, detail inside and outside the district, heirs
    '/api/claims?page=1&pageSize=200',
    '/api/claims/gaps?page=1&pageSize=200',
    ...ids.claims.map((id) => `/api/claims/${id}`),
    `/api/claims/household/${ids.worker.inside}`,
    `/api/claims/household/${ids.worker.outside}`,
    // claims, second slice: the document checklist and the workflow inside and outside the district
    ...ids.claims.flatMap((id) => [`/api/claims/${id}/documents`, `/api/claims/${id}/workflow`]),
  ];
}

describe('the region filter of every repository alone (RLS bypassed)', () => {
  it('the test role really bypasses row-level security', async () => {
    const count = async (database: Database) =>
      database.app.transaction().execute(async (tx) => {
        await sql`SELECT set_config('lindung.scope', ${DISTRICT}, true)`.execute(tx);
        const r = await sql<{ n: string }>`SELECT count(*) AS n FROM worker`.execute(tx);
        return Number(r.rows[0]?.n);
      });
    const all = await sql<{ n: string }>`SELECT count(*) AS n FROM worker`.execute(db.owner);
    expect(await count(noRls)).toBe(Number(all.rows[0]?.n));
    expect(await count(db)).toBeLessThan(Number(all.rows[0]?.n));
  });

  it.each(['district', 'other', 'operator'] as const)('the %s user gets the same answers with RLS off', async (who) => {
    let answered = 0;
    for (const url of urls()) {
      const [on, off] = [await get(withRls, who, url), await get(withoutRls, who, url)];
      expect({ url, status: off.status }, off.body.slice(0, 300)).toEqual({ url, status: on.status });
      expect(off.body, `${url}: RLS-free answer differs for ${who}`).toBe(on.body);
      if (on.status === 200) answered += 1;
    }
    expect(answered).toBeGreaterThan(15);
  });

  it('is not vacuous: the district user sees less than the regency and none of the rest of it', async () => {
    const list = (await get(withoutRls, 'district', '/api/workers?page=1&pageSize=200')).body;
    const items = (JSON.parse(list) as { items: { village: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((w) => w.village.startsWith(`${DISTRICT}.`))).toBe(true);
    const outside = await get(withoutRls, 'district', `/api/workers/${ids.worker.outside}`);
    expect(outside.status).toBe(404);
    const bills = JSON.parse((await get(withoutRls, 'other', '/api/bills?page=1&pageSize=200')).body) as {
      total: number;
    };
    expect(bills.total).toBe(0);
    const village = JSON.parse((await get(withoutRls, 'operator', '/api/workers?page=1&pageSize=200')).body) as {
      total: number;
    };
    expect(village.total).toBeGreaterThan(0);
  });
});
