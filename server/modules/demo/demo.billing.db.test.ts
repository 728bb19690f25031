import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { checkCoverage, listBills, listLapseWarnings } from '../billing/index.ts';
import { DEMO_REGENCY, DEMO_VILLAGE, seedDemoPrograms } from './index.ts';
import { seedDemoBilling } from './demo.billing.ts';

// The demo's bills on its own calendar: past months paid, this month open, and a village programme whose workers
// lapsed, so the lapse list and the coverage check have something to show on the first start.

let db: TestDatabase;
const NOW = new Date('2026-05-20T05:00:00Z'); // 20 May 2026, WIB
const clock = () => NOW;
const ctx = systemContext('test');
const place = { regency: DEMO_REGENCY, village: DEMO_VILLAGE };

beforeAll(async () => {
  db = await createTestDatabase('demo_billing');
  await seedDemoPrograms(db, place, NOW);
});
afterAll(async () => {
  await db?.drop();
});

describe('seedDemoBilling', () => {
  it('pays the past months, leaves this month open, and lets a village programme lapse', async () => {
    const result = await seedDemoBilling(db, place, NOW);
    expect(result.lapsingProgram).toMatch(/^Iuran Pekerja Rentan Desa .+ \(Dana Desa\)$/);
    const bills = await listBills(db.app, ctx, { page: 1, pageSize: 200 }, clock);
    expect(result.bills).toBe(bills.total);
    const status = (name: RegExp) =>
      bills.items
        .filter((b) => name.test(b.programName))
        .sort((a, b) => a.month.localeCompare(b.month))
        .map((b) => `${b.month}:${b.status}`);
    expect(status(/^Perlindungan Pekerja Rentan Kab\. Bantul/)).toEqual([
      '2026-01:paid',
      '2026-02:paid',
      '2026-03:paid',
      '2026-04:paid',
      '2026-05:unpaid',
    ]);
    expect(status(/^Bantuan Iuran/)).toEqual(['2026-04:unpaid', '2026-05:unpaid']);
    expect(status(/Dana Desa/)).toEqual([
      '2026-01:paid',
      '2026-02:unpaid',
      '2026-03:unpaid',
      '2026-04:unpaid',
      '2026-05:unpaid',
    ]);
    const banjar = bills.items.find((b) => b.month === '2026-05' && b.programName.startsWith('Perlindungan'))!;
    expect(banjar).toMatchObject({ persons: 400, amount: 400 * 16_800 });

    // Paid through January, February–April overdue: inactive since 16 April.
    const lapsed = await listLapseWarnings(db.app, ctx, { kind: 'lapsed', page: 1, pageSize: 50 }, clock);
    expect(lapsed.total).toBe(5);
    for (const w of lapsed.items) {
      expect(w).toMatchObject({ programName: result.lapsingProgram, paidThrough: '2026-01', lapseDate: '2026-04-16' });
    }
    const nik = await db.owner
      .selectFrom('worker')
      .select('nik')
      .where('id', '=', lapsed.items[0]!.workerId!)
      .executeTakeFirstOrThrow();
    expect((await checkCoverage(db.app, ctx, { nik: nik.nik, date: '2026-01-20' })).covered).toBe(true);
    expect((await checkCoverage(db.app, ctx, { nik: nik.nik, date: '2026-05-20' })).covered).toBe(false);

    expect(await seedDemoBilling(db, place, NOW)).toEqual({ bills: 0, payments: 0, lapsingProgram: null });
  }, 120_000);
});
