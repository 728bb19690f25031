// lindung_coverage_state: the one definition of "covered on a date" (domain.md §3.6), driven by lapse_rule rows.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('coverage_state');
});
afterAll(async () => {
  await db.drop();
});

async function state(
  category: string,
  start: string | null,
  end: string | null,
  paidThrough: string | null,
  at: string,
): Promise<string> {
  const r = await sql<{ s: string }>`
    SELECT lindung_coverage_state(${category}, ${start}::date, ${end}::date, ${paidThrough}::date, ${at}::date) AS s
  `.execute(db.owner);
  return r.rows[0]!.s;
}

describe('lindung_coverage_state', () => {
  it('BPU: due on the 15th of the month itself; three overdue unpaid months make the participant inactive', async () => {
    // Paid through January 2026: February, March and April are unpaid.
    expect(await state('BPU', '2025-10-01', null, '2026-01-01', '2026-04-15')).toBe('covered'); // April not yet overdue
    expect(await state('BPU', '2025-10-01', null, '2026-01-01', '2026-04-16')).toBe('lapsed');
    expect(await state('BPU', '2025-10-01', null, '2026-01-01', '2026-03-31')).toBe('covered'); // two overdue
    // Paying April's arrears restores it.
    expect(await state('BPU', '2025-10-01', null, '2026-04-01', '2026-04-16')).toBe('covered');
  });

  it('counts unpaid months from the coverage start when nothing was ever paid', async () => {
    expect(await state('BPU', '2026-01-01', null, null, '2026-03-15')).toBe('covered'); // Jan, Feb overdue
    expect(await state('BPU', '2026-01-01', null, null, '2026-03-16')).toBe('lapsed');
  });

  it('before the start and after the end of coverage', async () => {
    expect(await state('BPU', '2026-05-01', null, null, '2026-04-30')).toBe('not_started');
    expect(await state('BPU', '2026-01-01', '2026-06-01', '2026-06-01', '2026-07-01')).toBe('ended');
    expect(await state('BPU', '2026-01-01', '2026-06-01', '2026-06-01', '2026-06-30')).toBe('covered');
    expect(await state('BPU', null, null, null, '2026-06-30')).toBe('not_started');
  });

  it('PU: due the following month; lapse after six overdue months (uncertain rule row)', async () => {
    // Paid through January: Feb..Jun are due by 15 Jul (June) — five overdue on 16 Jul, six on 16 Aug.
    expect(await state('PU', '2025-01-01', null, '2026-01-01', '2026-07-16')).toBe('covered');
    expect(await state('PU', '2025-01-01', null, '2026-01-01', '2026-08-16')).toBe('lapsed');
  });

  it('Jakon and PMI never lapse on arrears', async () => {
    expect(await state('JAKON', '2025-01-01', null, null, '2026-08-16')).toBe('covered');
    expect(await state('PMI', '2025-01-01', null, null, '2026-08-16')).toBe('covered');
  });

  it('a new rule row changes the answer from its first day', async () => {
    await sql`UPDATE lapse_rule SET valid_to = '2026-05-31' WHERE category = 'BPU' AND valid_to IS NULL`.execute(
      db.owner,
    );
    await sql`
      INSERT INTO lapse_rule (category, valid_from, due_day, due_month_offset, unpaid_months_to_lapse, legal_basis,
                              confidence, created_by)
      VALUES ('BPU', '2026-06-01', 15, 0, 2, 'uji', 'M', 'test')
    `.execute(db.owner);
    expect(await state('BPU', '2025-10-01', null, '2026-03-01', '2026-05-16')).toBe('covered'); // old rule: 2 < 3
    expect(await state('BPU', '2025-10-01', null, '2026-04-01', '2026-06-16')).toBe('lapsed'); // new rule: 2 ≥ 2
  });
});
