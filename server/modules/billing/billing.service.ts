import type {
  Bill,
  BillGenerateResult,
  BillList,
  BillListQuery,
  Payment,
  PaymentCreate,
  PaymentListQuery,
  PaymentResult,
} from '../../../lib/contracts/billing.ts';
import { addMonths, currentMonthWib, firstDay, isMonth, monthOf, type Month } from '../../../lib/rules/eligibility.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { dateName, monthName } from '../../../lib/rules/lapse.ts';
import { formatRupiah } from '../../../lib/rules/money.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidField } from '../../platform/validation.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { advancePaidThrough } from '../programs/index.ts';
import { scopeLabels } from '../regions/index.ts';
import * as repo from './billing.repository.ts';
import {
  assertManagesBill,
  assertRegionInScope,
  requireBillManager,
  requireBillReader,
  requireBudgetReader,
} from './billing.policy.ts';

/** "Today" for the services: injectable so tests and the demo can pin it. */
import { systemClock, type Clock } from '../../platform/clock.ts';
import { word } from '../../../lib/i18n/words.ts';
import { BILLING_WORDS } from './billing.words.ts';
export { systemClock, type Clock };

const billEntity = (actor: Actor) => word(BILLING_WORDS.bill, actor.locale);

export function presentBill(row: repo.BillRow, labels: Map<string, string>, today: string): Bill {
  const amount = Number(row.amount);
  const paid = Number(row.paid);
  const status = paid >= amount ? 'paid' : paid > 0 ? 'partial' : 'unpaid';
  return {
    id: row.id,
    programId: row.program_id,
    programName: row.program_name,
    region: row.region_code,
    regionLabel: labels.get(row.region_code) ?? row.region_code,
    month: monthOf(row.month),
    persons: row.persons,
    pricePerPerson: Number(row.price_per_person),
    amount,
    paid,
    outstanding: amount - paid,
    status,
    dueDate: row.due_date,
    overdue: status !== 'paid' && row.due_date < today,
    frozen: paid > 0,
  };
}

function presentPayment(row: repo.PaymentRow): Payment {
  return {
    id: row.id,
    billId: row.bill_id,
    programId: row.program_id,
    programName: row.program_name,
    month: monthOf(row.month),
    paidOn: row.paid_on,
    amount: Number(row.amount),
    reference: row.reference,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Generation

/** Brings bills up to date inside an open transaction; audits only when something was created or changed. */
export async function generateIn(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  programId: string | null,
  through: Month,
): Promise<BillGenerateResult> {
  const r = await repo.generateBills(tx, actor.scope, { programId, through: firstDay(through), by: actor.username });
  if (r.created.length + r.refreshed.length > 0) {
    await writeAudit(tx, ctx, {
      action: 'bill.generate',
      entity: 'bill',
      entityId: programId,
      region: actor.scope === '*' ? null : actor.scope,
      after: { throughMonth: through, programId, created: r.created, refreshed: r.refreshed },
    });
  }
  return { created: r.created.length, refreshed: r.refreshed.length, throughMonth: through };
}

/**
 * Generates (idempotently) the bills of the programmes the actor manages, for every month of their periods up to
 * the current month: one per programme and month, a line per enrollment registered with BPJS that covers it.
 * Bills without a payment are refreshed when enrollments changed; a bill with a payment stays as it is.
 */
export async function generateBills(
  db: Db,
  ctx: RequestContext,
  input: { programId?: string | undefined },
  clock: Clock = systemClock,
): Promise<BillGenerateResult> {
  const actor = requireBillManager(ctx);
  const through = currentMonthWib(clock());
  return withScope(db, actor.scope, (tx) => generateIn(tx, ctx, actor, input.programId ?? null, through));
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export async function listBills(
  db: Db,
  ctx: RequestContext,
  query: BillListQuery,
  clock: Clock = systemClock,
): Promise<BillList> {
  const actor = requireBillReader(ctx);
  const today = todayWib(clock());
  return withScope(db, actor.scope, async (tx) => {
    const { items, total, totals } = await repo.listBills(tx, actor.scope, query, today);
    const labels = await scopeLabels(
      tx,
      items.map((i) => i.region_code),
      actor.locale,
    );
    return {
      items: items.map((i) => presentBill(i, labels, today)),
      total,
      page: query.page,
      pageSize: query.pageSize,
      totals,
    };
  });
}

export async function allBills(
  db: Db,
  ctx: RequestContext,
  query: Omit<BillListQuery, 'page' | 'pageSize'>,
  clock: Clock = systemClock,
): Promise<Bill[]> {
  const actor = requireBillReader(ctx);
  const today = todayWib(clock());
  return withScope(db, actor.scope, async (tx) => {
    const rows = await repo.allBills(tx, actor.scope, query);
    const labels = await scopeLabels(
      tx,
      rows.map((i) => i.region_code),
      actor.locale,
    );
    return rows.map((r) => presentBill(r, labels, today));
  });
}

export async function listPayments(db: Db, ctx: RequestContext, query: PaymentListQuery) {
  const actor = requireBillReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listPayments(tx, actor.scope, query);
    return { items: items.map(presentPayment), total, page: query.page, pageSize: query.pageSize };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Payments

function invalid(field: string, message: string, locale: Locale): AppError {
  return invalidField(field, message, locale);
}

/**
 * Records a payment (date, amount, reference) against one bill, partial allowed. The bill is refreshed first if
 * nothing was paid on it yet (its persons are then fixed), locked, and the payment refused when it would exceed
 * what remains. When the bill is paid in full, its enrollments' paid_through moves to the last month of their
 * unbroken run of paid months. Payment, bill total, paid_through and the audit row commit together.
 */
export function referenceTaken(
  actor: Actor,
  p: { reference: string; program_name: string; paid_on: string; month: string },
) {
  return new AppError('PAYMENT_REFERENCE_TAKEN', {
    reference: p.reference,
    program: p.program_name,
    paidOn: dateName(p.paid_on, actor.locale),
    month: monthName(monthOf(p.month), actor.locale),
  });
}

export async function recordPayment(
  db: Db,
  ctx: RequestContext,
  billId: string,
  input: PaymentCreate,
  clock: Clock = systemClock,
): Promise<PaymentResult> {
  const actor = requireBillManager(ctx);
  const today = todayWib(clock());
  if (input.paidOn > today) {
    throw invalid('paidOn', word(BILLING_WORDS.futurePayment, actor.locale), actor.locale);
  }
  let programId: string | null = null;
  try {
    return await withScope(db, actor.scope, async (tx) => {
      const seen = await repo.findBill(tx, actor.scope, billId);
      if (!seen) throw new AppError('NOT_FOUND', { entity: billEntity(actor) });
      assertManagesBill(actor, seen.region_code);
      if (Number(seen.paid) === 0) {
        await generateIn(tx, ctx, actor, seen.program_id, currentMonthWib(clock()));
      }
      const before = (await repo.findBill(tx, actor.scope, billId, true))!;
      const month = monthName(monthOf(before.month), actor.locale);
      const remaining = Number(before.amount) - Number(before.paid);
      if (remaining <= 0) throw new AppError('BILL_ALREADY_PAID', { program: before.program_name, month });
      if (input.amount > remaining) {
        throw new AppError('PAYMENT_EXCEEDS_BALANCE', {
          amount: formatRupiah(input.amount),
          remaining: formatRupiah(remaining),
          program: before.program_name,
          month,
        });
      }
      programId = before.program_id;
      const same = await repo.findPaymentByReference(tx, before.program_id, input.reference);
      if (same) throw referenceTaken(actor, same);
      const payment = await repo.insertPayment(tx, {
        bill: before,
        paidOn: input.paidOn,
        amount: input.amount,
        reference: input.reference,
        note: input.note ?? null,
        by: actor.username,
      });
      await repo.addPaid(tx, before.id, input.amount);
      const fullyPaid = input.amount === remaining;
      const advanced = fullyPaid
        ? await advancePaidThrough(tx, actor.scope, repo.paidMonthsOfBill(actor.scope, before.id))
        : [];
      const after = (await repo.findBill(tx, actor.scope, billId))!;
      await writeAudit(tx, ctx, {
        action: 'bill.payment',
        entity: 'bill',
        entityId: before.id,
        region: before.region_code,
        before: { paid: Number(before.paid), amount: Number(before.amount) },
        after: {
          paymentId: payment.id,
          programId: before.program_id,
          month: monthOf(before.month),
          paidOn: input.paidOn,
          amount: input.amount,
          reference: input.reference,
          paid: Number(after.paid),
          paidThroughAdvanced: advanced,
        },
      });
      const labels = await scopeLabels(tx, [after.region_code], actor.locale);
      return {
        payment: presentPayment(payment),
        bill: presentBill(after, labels, today),
        paidThroughAdvanced: advanced.length,
      };
    });
  } catch (err) {
    // Two clerks recording the same reference at once: the unique index decides; answer as the check would.
    if ((err as { constraint?: string }).constraint === 'payment_reference_uq' && programId !== null) {
      const pid = programId;
      const same = await withScope(db, actor.scope, (tx) => repo.findPaymentByReference(tx, pid, input.reference));
      if (same) throw referenceTaken(actor, same);
    }
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// For issue 6 (budget absorption)

/**
 * Rupiah billed and paid per billed month, for programmes whose region lies in `q.region` (and that the actor
 * sees), every month from `fromMonth` to `toMonth` (zeros where nothing was billed). `paid` is what has been paid
 * so far on that month's bills, whenever it was paid. Bills exist for months Disnaker's Tagihan page (or the demo,
 * or a job calling generateBills) has generated.
 */
export async function billingByMonth(
  db: Db,
  ctx: RequestContext,
  q: { region: string; fromMonth: string; toMonth: string },
): Promise<{ month: string; billed: number; paid: number }[]> {
  const actor = requireBudgetReader(ctx);
  if (!isMonth(q.fromMonth) || !isMonth(q.toMonth) || q.fromMonth > q.toMonth) {
    throw new AppError('VALIDATION_FAILED', { detail: 'fromMonth/toMonth: bulan yyyy-mm, fromMonth ≤ toMonth' });
  }
  if (q.toMonth > addMonths(q.fromMonth, 240)) {
    throw new AppError('VALIDATION_FAILED', { detail: 'fromMonth/toMonth: paling panjang 20 tahun' });
  }
  assertRegionInScope(actor, q.region);
  return withScope(db, actor.scope, async (tx) => {
    const rows = await repo.billingByMonth(tx, actor.scope, {
      region: q.region,
      from: firstDay(q.fromMonth),
      to: firstDay(q.toMonth),
    });
    return rows.map((r) => ({ month: r.month, billed: Number(r.billed), paid: Number(r.paid) }));
  });
}
