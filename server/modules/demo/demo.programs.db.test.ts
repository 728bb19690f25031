import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemContext } from '../../platform/context.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { getProgram, listPrograms } from '../programs/index.ts';
import { DEMO_REGENCY, DEMO_VILLAGE, seedDemoPrograms } from './index.ts';

// The demo's programmes: seeded once on a fresh database through the programmes services, Banjar's case included.

let db: TestDatabase;
const NOW = new Date('2026-11-23T05:00:00Z');
const ctx = systemContext('test');

beforeAll(async () => {
  db = await createTestDatabase('demo_programs');
});
afterAll(async () => {
  await db?.drop();
});

describe('seedDemoPrograms', () => {
  it('generates workers outside the operator’s village and seeds three programmes with their cohorts', async () => {
    const result = await seedDemoPrograms(db, { regency: DEMO_REGENCY, village: DEMO_VILLAGE }, NOW);
    expect(result.workers).toBe(2_000);
    expect(result.programs).toBe(3);

    const trirenggo = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM worker WHERE village_code = ${DEMO_VILLAGE}`.execute(db.owner);
    expect(trirenggo.rows[0]?.n).toBe('0');
    // The registry journey registers this NIK by hand: the synthetic workers must not already hold it.
    const taken = await sql<{ n: string }>`SELECT count(*) AS n FROM worker WHERE nik = '3402084509850001'`.execute(
      db.owner,
    );
    expect(taken.rows[0]?.n).toBe('0');

    const programs = (await listPrograms(db.app, ctx, { page: 1, pageSize: 25 })).items;
    expect(programs.map((p) => [p.name, p.funder, p.quota, p.startMonth, p.months])).toEqual([
      ['Petugas Ad Hoc Pemilihan Kab. Bantul', 'apbd_regency', 250, '2026-11', 6],
      ['Bantuan Iuran Pekerja Rentan DIY untuk Kab. Bantul 2026', 'apbd_province', 300, '2026-04', 9],
      ['Perlindungan Pekerja Rentan Kab. Bantul 2026', 'apbd_regency', 1_000, '2026-01', 12],
    ]);

    const banjar = await getProgram(db.app, ctx, programs[2]!.id, () => NOW);
    expect(banjar.figures).toMatchObject({
      pricePerPersonMonth: 16_800,
      periodCostForQuota: 201_600_000,
      committed: 400 * 16_800 * 12,
      quotaFilled: 400,
      quotaRemaining: 600,
    });
    expect(banjar.statusCounts).toMatchObject({ active: 400, proposed: 0 });
    const province = await getProgram(db.app, ctx, programs[1]!.id, () => NOW);
    expect(province.statusCounts.active).toBe(150);
    const election = await getProgram(db.app, ctx, programs[0]!.id, () => NOW);
    expect(election.statusCounts.proposed).toBeGreaterThan(0);
    expect(result.enrollments).toBe(550 + election.statusCounts.proposed);

    const kpj = await sql<{ n: string }>`
      SELECT count(DISTINCT kpj_number) AS n FROM enrollment WHERE status = 'active' AND coverage_start IS NOT NULL`.execute(
      db.owner,
    );
    expect(kpj.rows[0]?.n).toBe('550');
    const double = await sql<{ n: string }>`
      SELECT count(*) AS n FROM (SELECT worker_id FROM enrollment GROUP BY worker_id HAVING count(*) > 1) d`.execute(
      db.owner,
    );
    expect(double.rows[0]?.n).toBe('0');
    const audit = await sql<{ action: string }>`
      SELECT DISTINCT action FROM audit_log WHERE actor_username = 'demo' ORDER BY action`.execute(db.owner);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'enrollment.activate',
      'enrollment.propose',
      'enrollment.submit',
      'enrollment.verify',
      'program.create',
      'worker.generate',
    ]);
  });

  it('does nothing on a second run', async () => {
    expect(await seedDemoPrograms(db, { regency: DEMO_REGENCY, village: DEMO_VILLAGE }, NOW)).toEqual({
      workers: 0,
      programs: 0,
      enrollments: 0,
    });
    const n = await sql<{ n: string }>`SELECT count(*) AS n FROM program`.execute(db.owner);
    expect(n.rows[0]?.n).toBe('3');
  });
});
