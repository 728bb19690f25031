// The demo's bills and payments (issue 5, part 4), seeded once after the programmes, through the billing module's
// own services (audited as "demo"), on today's calendar: the programmes' past months are paid, the current month
// is not, and a small village-funded programme that began four months ago has paid only its first month, so its
// workers have lapsed (three overdue months, domain.md §3.6) and appear in the "Peringatan Iuran" list.
import { systemClock } from '../../platform/clock.ts';
import { sql } from 'kysely';
import { addMonths, currentMonthWib, type Month } from '../../../lib/rules/eligibility.ts';
import type { SegmentCode } from '../../../lib/rules/segments.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { withScope, type Database, type Db } from '../../platform/db.ts';
import { billCount, generateBills, listBills, payBillsInFull, type FullPayment } from '../billing/index.ts';
import { memberNiks } from '../exchange/index.ts';
import {
  activateEnrollments,
  createProgram,
  enrollmentsOfWorkers,
  listEnrollments,
  proposeWorkers,
  submitBatch,
  verifyEnrollments,
} from '../programs/index.ts';
import { scopeLabels } from '../regions/index.ts';

export type DemoBillingResult = { bills: number; payments: number; lapsingProgram: string | null };

const SEGMENTS: SegmentCode[] = ['farmer', 'planter', 'livestock_farmer', 'fisher', 'small_trader', 'day_labourer'];

/**
 * Five workers of these segments in one village (other than the operator's: the one with the most of them) who are
 * in no programme and not in a BPJS snapshot (so no self-paid membership covers them instead).
 */
async function uncoveredWorkers(db: Db, regency: string, except: string): Promise<{ village: string; ids: string[] }> {
  return withScope(db, '*', async (tx) => {
    // The registry's candidates (its published view), then the programmes' and the exchange's own answers.
    const r = await sql<{ id: string; nik: string; village_code: string }>`
      SELECT w.id::text AS id, w.nik, w.village_code
      FROM worker_directory w
      WHERE starts_with(w.village_code, ${`${regency}.`}) AND w.village_code <> ${except}
        AND w.life_status = 'alive' AND w.merged_into IS NULL AND w.segment = ANY (${SEGMENTS}::text[])
        AND w.birth_date BETWEEN (current_date - interval '60 years') AND (current_date - interval '19 years')
      ORDER BY w.name_key, w.id`.execute(tx);
    const enrolled = new Set(
      (
        await enrollmentsOfWorkers(
          tx,
          '*',
          r.rows.map((w) => w.id),
        )
      )
        .filter((e) => e.status !== 'rejected')
        .map((e) => e.worker_id),
    );
    const members = await memberNiks(
      tx,
      r.rows.map((w) => w.nik),
    );
    const free = r.rows.filter((w) => !enrolled.has(w.id) && !members.has(w.nik));
    const perVillage = new Map<string, number>();
    for (const w of free) perVillage.set(w.village_code, (perVillage.get(w.village_code) ?? 0) + 1);
    const [best] = [...perVillage].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (!best) return { village: '', ids: [] };
    const ids = free
      .filter((w) => w.village_code === best[0])
      .slice(0, 5)
      .map((w) => w.id);
    return { village: best[0], ids };
  });
}

async function allIds(db: Db, ctx: RequestContext, programId: string, status: 'proposed' | 'submitted') {
  const r = await listEnrollments(db, ctx, programId, { status, page: 1, pageSize: 200 });
  return r.items.map((e) => e.id);
}

/** A village-funded programme from four months ago, for five workers, registered with BPJS from its first month. */
async function lapsingProgram(db: Db, ctx: RequestContext, regency: string, except: string, start: Month) {
  const { village, ids } = await uncoveredWorkers(db, regency, except);
  if (ids.length === 0) return null;
  const label = (await scopeLabels(db, [village])).get(village) ?? village;
  const villageName = label.split(',')[0]!;
  const program = await createProgram(db, ctx, {
    name: `Iuran Pekerja Rentan ${villageName} (Dana Desa)`,
    funder: 'apbdes',
    funderRegion: village,
    region: village,
    targetSegments: SEGMENTS,
    package: 'jkk_jkm',
    declaredIncome: 1_000_000,
    quota: 10,
    startMonth: start,
    months: 12,
    budgetCeiling: 2_016_000,
    dpaReference: `APBDes ${villageName} TA ${start.slice(0, 4)}`,
    minAge: 18,
    maxAge: 65,
  });
  await proposeWorkers(db, ctx, program.id, { workerIds: ids, fromMonth: start });
  await verifyEnrollments(db, ctx, program.id, await allIds(db, ctx, program.id, 'proposed'));
  await submitBatch(db, ctx, program.id);
  const submitted = await allIds(db, ctx, program.id, 'submitted');
  await activateEnrollments(
    db,
    ctx,
    program.id,
    submitted.map((id, i) => ({
      enrollmentId: id,
      kpjNumber: `26024${String(i + 1).padStart(7, '0')}`,
      coverageStart: `${start}-01`,
    })),
  );
  return program;
}

/**
 * Seeds the demo's bills once (when no bill exists): generates every programme's bills up to this month, pays the
 * months before this one (the province's cohort leaves last month open too), and leaves the village programme
 * paid for its first month only.
 */
export async function seedDemoBilling(
  database: Database,
  place: { regency: string; village: string },
  now = systemClock(),
): Promise<DemoBillingResult> {
  const db = database.app;
  const existing = await withScope(db, '*', (tx) => billCount(tx));
  if (existing > 0) return { bills: 0, payments: 0, lapsingProgram: null };
  const ctx = systemContext('demo');
  const clock = () => now;
  const thisMonth = currentMonthWib(now);
  const village = await lapsingProgram(db, ctx, place.regency, place.village, addMonths(thisMonth, -4));
  await generateBills(db, ctx, {}, clock);

  // The paid months, gathered from the bill list, then paid in one set-based step.
  const toPay: FullPayment[] = [];
  let bills = 0;
  for (let page = 1; ; page++) {
    const list = await listBills(db, ctx, { page, pageSize: 200 }, clock);
    for (const bill of list.items) {
      bills += 1;
      const lastOpen = bill.programName.startsWith('Bantuan Iuran') ? addMonths(thisMonth, -1) : thisMonth;
      const paid = village && bill.programId === village.id ? bill.month === village.startMonth : bill.month < lastOpen;
      if (!paid || bill.amount === 0) continue;
      // Paid a few days before the due date, by SP2D from the regional treasury.
      toPay.push({
        billId: bill.id,
        paidOn: `${bill.month}-10`,
        reference: `SP2D/${bill.month.replace('-', '')}/${bill.programId}`,
      });
    }
    if (page * 200 >= list.total) break;
  }
  const { payments } = await payBillsInFull(db, ctx, toPay, clock);
  return { bills, payments, lapsingProgram: village?.name ?? null };
}
