// SQL of the claim workflow and documents: the claims module's own tables (claim, claim_event, claim_document) and
// the registry's published worker_directory view. The region is always in the WHERE (regionInScope); RLS again.
import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

/** The claim as the workflow needs it, locked for the rest of the transaction when `lock` is set. */
export async function claimForWork(tx: Tx, scope: Scope, id: string, lock = false) {
  let q = tx
    .selectFrom('claim as c')
    .innerJoin('worker_directory as w', 'w.id', 'c.worker_id')
    .select([
      'c.id',
      'c.village_code',
      'c.kabkota_code',
      'c.status',
      'c.type',
      'c.outcome',
      'c.event_date',
      'c.place',
      'c.covered',
      'c.estimate_total',
      'c.program_name',
      'c.funder',
      'c.kpj_number',
      'c.assignee',
      'c.stage_changed_at',
      'c.returned_reason',
      'c.paid_amount',
      'c.decided_on',
      'c.rejected_reason',
      'c.receipt_received',
      'c.receipt_fee_asked',
      'c.receipt_note',
      'c.receipt_by',
      'c.receipt_at',
      'c.sla_due_on',
      'c.sla_breached_at',
      'c.report_due_on',
      'c.report_breached_at',
      'w.category',
      'w.full_name',
      'w.nik',
    ])
    .where('c.id', '=', id)
    .where(regionInScope('c.village_code', scope));
  if (lock) q = q.forUpdate('c');
  return q.executeTakeFirst();
}
export type WorkClaim = NonNullable<Awaited<ReturnType<typeof claimForWork>>>;

export type ClaimPatch = {
  status?: string;
  assignee?: string | null;
  returned_reason?: string | null;
  paid_amount?: number | null;
  decided_on?: string | null;
  rejected_reason?: string | null;
  receipt_received?: boolean;
  receipt_fee_asked?: boolean;
  receipt_note?: string | null;
  receipt_by?: string;
};

export async function updateClaim(tx: Tx, scope: Scope, id: string, patch: ClaimPatch): Promise<void> {
  await tx
    .updateTable('claim')
    .set({
      ...patch,
      ...(patch.status ? { stage_changed_at: sql<Date>`now()` } : {}),
      ...(patch.receipt_by ? { receipt_at: sql<Date>`now()` } : {}),
    })
    .where('id', '=', id)
    .where(regionInScope('village_code', scope))
    .execute();
}

export type NewEvent = {
  claim_id: string;
  village_code: string;
  action: string;
  from_status: string;
  to_status: string;
  reason?: string | null;
  note?: string | null;
  amount?: number | null;
  actor: string;
};

export async function insertEvent(tx: Tx, row: NewEvent): Promise<void> {
  await tx.insertInto('claim_event').values(row).execute();
}

export function eventsOf(tx: Tx, scope: Scope, claimId: string) {
  return tx
    .selectFrom('claim_event')
    .selectAll()
    .where('claim_id', '=', claimId)
    .where(regionInScope('village_code', scope))
    .orderBy('id')
    .execute();
}

export function documentsOf(tx: Tx, scope: Scope, claimId: string) {
  return tx
    .selectFrom('claim_document')
    .selectAll()
    .where('claim_id', '=', claimId)
    .where(regionInScope('village_code', scope))
    .orderBy('item')
    .orderBy('id')
    .execute();
}
export type DocumentRow = Awaited<ReturnType<typeof documentsOf>>[number];

export function documentById(tx: Tx, scope: Scope, id: string) {
  return tx
    .selectFrom('claim_document')
    .selectAll()
    .where('id', '=', id)
    .where(regionInScope('village_code', scope))
    .executeTakeFirst();
}

export type NewDocument = {
  claim_id: string;
  village_code: string;
  item: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
};

export async function insertDocument(tx: Tx, row: NewDocument): Promise<string> {
  const r = await tx.insertInto('claim_document').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteDocument(tx: Tx, scope: Scope, id: string): Promise<void> {
  await tx.deleteFrom('claim_document').where('id', '=', id).where(regionInScope('village_code', scope)).execute();
}

// --- Service level --------------------------------------------------------------------------------------------

/** Holidays from `from` on (national reference data: no region). */
export async function holidaysFrom(tx: Tx, from: string): Promise<Set<string>> {
  const rows = await tx.selectFrom('claim_holiday').select('day').where('day', '>=', from).execute();
  return new Set(rows.map((r) => r.day));
}

export function listHolidays(tx: Tx, from: string) {
  return tx.selectFrom('claim_holiday').selectAll().where('day', '>=', from).orderBy('day').execute();
}

export async function insertHoliday(tx: Tx, row: { day: string; name: string; created_by: string }) {
  const r = await tx
    .insertInto('claim_holiday')
    .values(row)
    .onConflict((c) => c.doNothing())
    .returning('day')
    .execute();
  return r.length > 0;
}

export async function deleteHoliday(tx: Tx, day: string) {
  const r = await tx.deleteFrom('claim_holiday').where('day', '=', day).returning('day').execute();
  return r.length > 0;
}

export async function setSlaDue(tx: Tx, scope: Scope, id: string, due: string | null): Promise<void> {
  await tx
    .updateTable('claim')
    .set({ sla_due_on: due })
    .where('id', '=', id)
    .where(regionInScope('village_code', scope))
    .execute();
}

/** Claims still waiting for BPJS whose last working day has passed, marked once; their ids and regions. */
export async function markBreaches(tx: Tx, scope: Scope, today: string) {
  return tx
    .updateTable('claim')
    .set({ sla_breached_at: sql<Date>`now()` })
    .where('status', 'in', ['complete', 'handed'])
    .where('sla_due_on', '<', today)
    .where('sla_breached_at', 'is', null)
    .where(regionInScope('village_code', scope))
    .returning(['id', 'village_code', 'sla_due_on'])
    .execute();
}

/**
 * JKK claims whose stage-I report was due before `today` and still have no accident report (stage I), marked once;
 * their ids and regions. The hourly job runs on the application's day, so a report uploaded after its last day is
 * found missing at the first run of the next day.
 */
export async function markReportBreaches(tx: Tx, scope: Scope, today: string) {
  return tx
    .updateTable('claim as c')
    .set({ report_breached_at: sql<Date>`now()` })
    .where('c.type', '=', 'jkk')
    .where('c.report_due_on', '<', today)
    .where('c.report_breached_at', 'is', null)
    .where(regionInScope('c.village_code', scope))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('claim_document as d')
            .select('d.id')
            .whereRef('d.claim_id', '=', 'c.id')
            .where('d.item', '=', 'accident_report_1'),
        ),
      ),
    )
    .returning(['c.id', 'c.village_code', 'c.report_due_on'])
    .execute();
}
