import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemContext } from '../../platform/context.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { generateDemoWorkers } from './index.ts';

// The demo generator through the service: a COPY + set-based bulk load, idempotent by seed, audited once per run.

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('demo_generate');
});
afterAll(async () => {
  await db?.drop();
});

describe('generateDemoWorkers', () => {
  it('loads 5,000 workers living in Kab. Bantul, adds nothing on a second run with the same seed, and audits', async () => {
    const progress: number[] = [];
    const first = await generateDemoWorkers(db, systemContext('demo'), {
      regency: '34.02',
      count: 5000,
      seed: 11,
      onProgress: (n) => progress.push(n),
    });
    expect(first).toEqual({ streamed: 5000, inserted: 5000 });
    expect(progress.at(-1)).toBe(5000);

    const stats = await sql<{ n: string; outside: string; nik_outside: string }>`
      SELECT count(*) AS n,
             count(*) FILTER (WHERE NOT starts_with(village_code, '34.02.')) AS outside,
             count(*) FILTER (WHERE NOT starts_with(nik, '3402')) AS nik_outside
      FROM worker`.execute(db.owner);
    expect(stats.rows[0]).toEqual({ n: '5000', outside: '0', nik_outside: '0' });
    const villages = await sql<{ n: string }>`
      SELECT count(*) AS n FROM worker w JOIN region r ON r.code = w.village_code
      WHERE r.level = 'village' AND r.regency_code = '34.02'`.execute(db.owner);
    expect(villages.rows[0]?.n).toBe('5000');

    const again = await generateDemoWorkers(db, systemContext('demo'), { regency: '34.02', count: 5000, seed: 11 });
    expect(again).toEqual({ streamed: 5000, inserted: 0 });
    const count = await sql<{ n: string }>`SELECT count(*) AS n FROM worker`.execute(db.owner);
    expect(count.rows[0]?.n).toBe('5000');

    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['actor_username', 'region_code', 'after'])
      .where('action', '=', 'worker.generate')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actor_username: 'demo',
      region_code: '34.02',
      after: { count: 5000, regency: '34.02', seed: 11, inserted: 5000 },
    });
    expect(audit[1]?.after).toMatchObject({ inserted: 0 });
  });

  it('refuses a code that is not a regency', async () => {
    await expect(
      generateDemoWorkers(db, systemContext('demo'), { regency: '34.99', count: 10, seed: 1 }),
    ).rejects.toMatchObject({ code: 'REGION_UNKNOWN' });
  });
});
