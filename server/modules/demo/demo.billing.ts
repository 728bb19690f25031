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
import { generateBills, listBills, recordPayment } from '../billing/index.ts';
import {
  activateEnrollments,
  createProgram,
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
    const r = await sql<{ id: string; village_code: string }>`
      WITH free AS (
        SELECT w.id, w.village_code, w.name_key
        FROM worker w
        WHERE starts_with(w.village_code, ${`${regency}.`}) AND w.village_code <> ${except}
          AND w.life_status = 'alive' AND w.merged_into IS NULL AND w.segment = ANY (${SEGMENTS}::text[])
          AND w.birth_date BETWEEN (current_date - interval '60 years') AND (current_date - interval '19 years')
          AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.worker_id = w.id AND e.status <> 'rejected')
          AND NOT EXISTS (SELECT 1 FROM bpjs_member m WHERE m.nik = w.nik)
      ), best AS (
        SELECT village_code FROM free GROUP BY village_code ORDER BY count(*) DESC, village_code LIMIT 1
      )
      SELECT f.id, f.village_code FROM free f JOIN best USING (village_code)
      ORDER BY f.name_key, f.id
      LIMIT 5`.execute(tx);
    return { village: r.rows[0]?.village_code ?? '', ids: r.rows.map((x) => x.id) };
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
  const existing = await withScope(db, '*', async (tx) =>
    sql<{ n: string }>`SELECT count(*) AS n FROM bill`.execute(tx),
  );
  if (Number(existing.rows[0]?.n ?? 0) > 0) return { bills: 0, payments: 0, lapsingProgram: null };
  const ctx = systemContext('demo');
  const clock = () => now;
  const thisMonth = currentMonthWib(now);
  const village = await lapsingProgram(db, ctx, place.regency, place.village, addMonths(thisMonth, -4));
  await generateBills(db, ctx, {}, clock);

  let payments = 0;
  let bills = 0;
  for (let page = 1; ; page++) {
    const list = await listBills(db, ctx, { page, pageSize: 200 }, clock);
    for (const bill of list.items) {
      bills += 1;
      const lastOpen = bill.programName.startsWith('Bantuan Iuran') ? addMonths(thisMonth, -1) : thisMonth;
      const paid = village && bill.programId === village.id ? bill.month === village.startMonth : bill.month < lastOpen;
      if (!paid || bill.amount === 0) continue;
      // Paid a few days before the due date, by SP2D from the regional treasury.
      const paidOn = `${bill.month}-10`;
      await recordPayment(
        db,
        ctx,
        bill.id,
        { paidOn, amount: bill.amount, reference: `SP2D/${bill.month.replace('-', '')}/${bill.programId}` },
        clock,
      );
      payments += 1;
    }
    if (page * 200 >= list.total) break;
  }
  return { bills, payments, lapsingProgram: village?.name ?? null };
}
