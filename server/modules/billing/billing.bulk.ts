// Paying many bills in full at once, as a treasury transfer (SP2D) list does: one transaction, set-based statements
// (one INSERT of the payments, one UPDATE of the bills, one paid-through advance, one audit INSERT), all or nothing.
// The same checks and the same end state as recording each payment with recordPayment, month after month.
import { sql } from 'kysely';
import { currentMonthWib, monthOf, todayWib } from '../../../lib/rules/eligibility.ts';
import { monthName } from '../../../lib/rules/lapse.ts';
import { writeAuditRows } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { regionInScope, regionOverlapsScope } from '../../platform/scope-sql.ts';
import { invalidField } from '../../platform/validation.ts';
import { advancePaidThrough } from '../programs/index.ts';
import { word } from '../../../lib/i18n/words.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import * as repo from './billing.repository.ts';
import { generateIn, referenceTaken } from './billing.service.ts';
import { assertManagesBill, requireBillManager } from './billing.policy.ts';
import { BILLING_WORDS } from './billing.words.ts';

export type FullPayment = { billId: string; paidOn: string; reference: string };

type Locked = { id: string; program_id: string; program_name: string; region_code: string; month: string };

/**
 * Pays each listed bill's whole outstanding amount. Refuses the list, writing nothing, when a bill is unknown or
 * out of scope, already paid, listed twice, paid in the future, or a reference is taken in its programme (in the
 * database or earlier in the list). Returns the number of payments and of enrollments whose paid_through moved.
 */
export async function payBillsInFull(
  db: Db,
  ctx: RequestContext,
  payments: readonly FullPayment[],
  clock: Clock = systemClock,
): Promise<{ payments: number; paidThroughAdvanced: number }> {
  const actor = requireBillManager(ctx);
  if (payments.length === 0) return { payments: 0, paidThroughAdvanced: 0 };
  const today = todayWib(clock());
  const future = payments.findIndex((p) => p.paidOn > today);
  if (future >= 0) {
    throw invalidField(`payments[${future}].paidOn`, word(BILLING_WORDS.futurePayment, actor.locale), actor.locale);
  }
  const ids = payments.map((p) => p.billId);
  if (new Set(ids).size !== ids.length) {
    throw new AppError('VALIDATION_FAILED', { detail: 'payments: tagihan yang sama tercantum dua kali' });
  }
  return withScope(db, actor.scope, async (tx) => {
    const inScope = regionOverlapsScope(sql.ref('b.region_code'), actor.scope);
    // Bills not paid yet are brought up to date first (as recordPayment does), then locked and read.
    const unpaidPrograms = await sql<{ program_id: string }>`
      SELECT DISTINCT b.program_id FROM bill b
      WHERE b.id = ANY (${ids}::bigint[]) AND b.paid = 0 AND ${inScope}`.execute(tx);
    for (const { program_id } of unpaidPrograms.rows) {
      await generateIn(tx, ctx, actor, program_id, currentMonthWib(clock()));
    }
    const locked = await sql<Locked & { outstanding: string }>`
      SELECT b.id, b.program_id, pr.name AS program_name, b.region_code, b.month, b.amount - b.paid AS outstanding
      FROM bill b JOIN program_directory pr ON pr.id = b.program_id
      WHERE b.id = ANY (${ids}::bigint[]) AND ${inScope}
      ORDER BY b.id FOR UPDATE OF b`.execute(tx);
    const byId = new Map(locked.rows.map((b) => [b.id, b]));
    const references = new Set<string>();
    for (const p of payments) {
      const bill = byId.get(p.billId);
      if (!bill) throw new AppError('NOT_FOUND', { entity: word(BILLING_WORDS.bill, actor.locale) });
      assertManagesBill(actor, bill.region_code);
      const month = monthName(monthOf(bill.month), actor.locale);
      if (Number(bill.outstanding) <= 0) throw new AppError('BILL_ALREADY_PAID', { program: bill.program_name, month });
      const key = `${bill.program_id}\u0000${p.reference.trim().toLowerCase()}`;
      if (references.has(key)) {
        throw new AppError('VALIDATION_FAILED', { detail: `payments: referensi ${p.reference} tercantum dua kali` });
      }
      references.add(key);
      const same = await repo.findPaymentByReference(tx, bill.program_id, p.reference);
      if (same) throw referenceTaken(actor, same);
    }

    const list = sql`unnest(${ids}::bigint[], ${payments.map((p) => p.paidOn)}::date[],
                            ${payments.map((p) => p.reference)}::text[]) AS l(bill_id, paid_on, reference)`;
    const inserted = await sql<{ id: string; bill_id: string }>`
      INSERT INTO payment (bill_id, program_id, region_code, paid_on, amount, reference, note, recorded_by)
      SELECT b.id, b.program_id, b.region_code, l.paid_on, b.amount - b.paid, l.reference, NULL, ${actor.username}
      FROM ${list} JOIN bill b ON b.id = l.bill_id
      RETURNING id, bill_id`.execute(tx);
    await sql`
      UPDATE bill b SET paid = b.amount, updated_at = now()
      FROM ${list} WHERE b.id = l.bill_id`.execute(tx);
    const advanced = await advancePaidThrough(
      tx,
      actor.scope,
      sql`
        SELECT l.enrollment_id, b.month
        FROM bill_line l JOIN bill b ON b.id = l.bill_id
        WHERE l.enrollment_id IN (SELECT m.enrollment_id FROM bill_line m
                                  WHERE m.bill_id = ANY (${ids}::bigint[])
                                    AND ${regionInScope(sql.ref('m.village_code'), actor.scope)})
          AND b.amount > 0 AND b.paid >= b.amount`,
    );
    await writeAuditRows(
      tx,
      ctx,
      sql`
        SELECT 'bill.payment' AS action, 'bill' AS entity, b.id::text AS entity_id, b.region_code,
               jsonb_build_object('paid', b.paid - pa.amount, 'amount', b.amount) AS before,
               jsonb_build_object('paymentId', pa.id::text, 'programId', b.program_id::text,
                                  'month', to_char(b.month, 'YYYY-MM'), 'paidOn', pa.paid_on,
                                  'amount', pa.amount, 'reference', pa.reference, 'paid', b.paid,
                                  'bulk', true) AS after
        FROM payment pa JOIN bill b ON b.id = pa.bill_id
        WHERE pa.id = ANY (${inserted.rows.map((r) => r.id)}::bigint[])`,
    );
    return { payments: inserted.rows.length, paidThroughAdvanced: advanced.length };
  });
}
