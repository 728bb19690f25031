// Paying a list of bills in full at once (payBillsInFull) against the real database: the same end state as paying
// each bill with recordPayment, and a refused list writes nothing. Clock pinned to 20 May 2026 (WIB).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import {
  activateEnrollments,
  createProgram,
  listEnrollments,
  proposeWorkers,
  submitBatch,
  verifyEnrollments,
} from '../programs/index.ts';
import { actorContext, addWorkers, BANTUL_PROGRAM, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { generateBills, listBills, payBillsInFull, recordPayment } from './index.ts';
import { tableDigest } from '../../testing/unchanged.ts';

const NOW = new Date('2026-05-20T05:00:00Z');
const clock = () => NOW;
const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const sleman = actorContext('disnaker', '34.04', 'disnaker.sleman');

let db: TestDatabase;
const programs: Record<'single' | 'bulk', string> = { single: '', bulk: '' };

async function programWith(names: string[], label: string): Promise<string> {
  const workers = await addWorkers(
    db,
    names.map((name) => ({ name, village: TRIRENGGO })),
  );
  const program = await createProgram(db.app, disnaker, {
    ...BANTUL_PROGRAM,
    name: `Program ${label}`,
    startMonth: '2026-01',
    months: 12,
  });
  await proposeWorkers(db.app, disnaker, program.id, { workerIds: [...workers.values()], fromMonth: '2026-01' });
  const ids = (await listEnrollments(db.app, disnaker, program.id, { page: 1, pageSize: 50 })).items.map((e) => e.id);
  await verifyEnrollments(db.app, disnaker, program.id, ids);
  await submitBatch(db.app, disnaker, program.id);
  await activateEnrollments(
    db.app,
    disnaker,
    program.id,
    ids.map((id, i) => ({
      enrollmentId: id,
      kpjNumber: `26${label === 'single' ? 1 : 2}00${i}0000`,
      coverageStart: '2026-01-01',
    })),
  );
  return program.id;
}

const billsOf = async (programId: string) =>
  (await listBills(db.app, disnaker, { programId, page: 1, pageSize: 50 }, clock)).items.sort((a, b) =>
    a.month.localeCompare(b.month),
  );
const paidThroughOf = async (programId: string) =>
  (
    await db.owner
      .selectFrom('enrollment')
      .select('paid_through')
      .where('program_id', '=', programId)
      .orderBy('paid_through')
      .execute()
  ).map((e) => e.paid_through);
const paymentAudits = async (programId: string) =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log
        WHERE action = 'bill.payment' AND after->>'programId' = ${programId}`.execute(db.owner)
    ).rows[0]?.n,
  );
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};

beforeAll(async () => {
  db = await createTestDatabase('billing_bulk');
  programs.single = await programWith(['Ani', 'Budi', 'Citra'], 'single');
  programs.bulk = await programWith(['Dewi', 'Eka', 'Fajar'], 'bulk');
  await generateBills(db.app, disnaker, {}, clock);
});
afterAll(async () => {
  await db?.drop();
});

describe('paying a list of bills in full', () => {
  it('ends where paying each bill one by one ends: bills, paid_through, payments and audit rows', async () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
    for (const bill of (await billsOf(programs.single)).filter((b) => months.includes(b.month))) {
      await recordPayment(
        db.app,
        disnaker,
        bill.id,
        { paidOn: '2026-05-10', amount: bill.outstanding, reference: `SP2D-A-${bill.month}` },
        clock,
      );
    }
    const toPay = (await billsOf(programs.bulk)).filter((b) => months.includes(b.month)).reverse(); // any order
    const result = await payBillsInFull(
      db.app,
      disnaker,
      toPay.map((b) => ({ billId: b.id, paidOn: '2026-05-10', reference: `SP2D-B-${b.month}` })),
      clock,
    );
    expect(result).toEqual({ payments: 4, paidThroughAdvanced: 3 });

    const shape = (bills: Awaited<ReturnType<typeof billsOf>>) =>
      bills.map((b) => ({ month: b.month, amount: b.amount, paid: b.paid, status: b.status }));
    expect(shape(await billsOf(programs.bulk))).toEqual(shape(await billsOf(programs.single)));
    expect(await paidThroughOf(programs.bulk)).toEqual(await paidThroughOf(programs.single));
    expect(await paidThroughOf(programs.bulk)).toEqual(['2026-04-01', '2026-04-01', '2026-04-01']);
    expect(await paymentAudits(programs.bulk)).toBe(4);
    expect(await paymentAudits(programs.single)).toBe(4);
  });

  it('refuses a list with a paid bill, a repeated or taken reference, a future date or a foreign bill, writing nothing', async () => {
    const [jan, , , , may] = await billsOf(programs.bulk);
    const tables = ['payment', 'bill', 'enrollment', 'audit_log'];
    const before = await tableDigest(db.owner, tables);
    const pay = (ctx = disnaker, list = [{ billId: may!.id, paidOn: '2026-05-10', reference: 'SP2D-B-2026-05' }]) =>
      payBillsInFull(db.app, ctx, list, clock);

    expect((await refusal(pay(disnaker, [{ billId: jan!.id, paidOn: '2026-05-10', reference: 'X-1' }]))).code).toBe(
      'BILL_ALREADY_PAID',
    );
    expect(
      (await refusal(pay(disnaker, [{ billId: may!.id, paidOn: '2026-05-10', reference: 'SP2D-B-2026-01' }]))).code,
    ).toBe('PAYMENT_REFERENCE_TAKEN');
    expect((await refusal(pay(disnaker, [{ billId: may!.id, paidOn: '2026-05-21', reference: 'X-2' }]))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await refusal(pay(sleman))).code).toBe('NOT_FOUND');
    expect(await tableDigest(db.owner, tables)).toEqual(before);

    expect(await pay()).toEqual({ payments: 1, paidThroughAdvanced: 3 });
  });
});
