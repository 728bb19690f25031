// SQL of the claims module: its own tables (benefit_rule, claim, worker_household, worker_heir) and the registry's
// published worker_directory view. The region is always in the WHERE (regionInScope); row-level security again.
import { sql, type Insertable } from 'kysely';
import type { ClaimTable } from '../../db/schema/claims.ts';
import type { Scope } from '../../../lib/access/roles.ts';
import type { ClaimListQuery } from '../../../lib/contracts/claims.ts';
import type { BenefitRuleRow, BenefitRuleValue } from '../../../lib/rules/benefits-entitlement.ts';
import { nameKey } from '../../../lib/rules/import-values.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

/** Every benefit rule row (a few dozen: national reference data, no scope). */
export async function benefitRules(db: Db | Tx): Promise<BenefitRuleRow[]> {
  const rows = await db
    .selectFrom('benefit_rule')
    .select(['key', 'valid_from', 'valid_to', 'legal_basis', 'note', 'certainty', 'value'])
    .orderBy('key')
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({
    key: r.key,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    legalBasis: r.legal_basis,
    note: r.note,
    certainty: r.certainty,
    value: r.value as BenefitRuleValue,
  }));
}

/** The worker columns a claim needs, by NIK, in scope (from the registry's published view). */
export async function workerByNik(tx: Tx, scope: Scope, nik: string) {
  return tx
    .selectFrom('worker_directory')
    .select(['id', 'monthly_income', 'segment', 'category', 'village_code', 'death_date'])
    .where('nik', '=', nik)
    .where('merged_into', 'is', null)
    .where(regionInScope('village_code', scope))
    .executeTakeFirst();
}

export type NewClaim = Insertable<ClaimTable>;

export async function insertClaim(tx: Tx, row: NewClaim): Promise<string> {
  const r = await tx.insertInto('claim').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

function claimsSelect(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('claim as c')
    .innerJoin('worker_directory as w', 'w.id', 'c.worker_id')
    .where(regionInScope('c.village_code', scope));
}

const SUMMARY = [
  'c.id',
  'c.worker_id',
  'w.full_name',
  'w.nik',
  'c.village_code',
  'c.type',
  'c.outcome',
  'c.event_date',
  'c.covered',
  'c.gap_reason',
  'c.gap_since',
  'c.segment',
  'c.program_name',
  'c.kpj_number',
  'c.estimate_total',
  'c.status',
  'c.created_at',
] as const;

function filtered(tx: Tx, scope: Scope, q: Omit<ClaimListQuery, 'page' | 'pageSize'>) {
  let query = claimsSelect(tx, scope);
  if (q.type) query = query.where('c.type', '=', q.type);
  if (q.covered) query = query.where('c.covered', '=', q.covered === 'yes');
  if (q.stage === 'overdue') {
    // Past a service level and still waiting for BPJS, or a JKK stage-I report late and the file not yet complete.
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('c.sla_breached_at', 'is not', null), eb('c.status', 'in', ['complete', 'handed'])]),
        eb.and([eb('c.report_breached_at', 'is not', null), eb('c.status', 'in', ['reported', 'returned'])]),
      ]),
    );
  } else if (q.stage) query = query.where('c.status', '=', q.stage);
  if (q.region) query = query.where(regionInScope('c.village_code', q.region));
  const text = q.q?.trim();
  if (text) {
    query = /^\d{4}$/.test(text)
      ? query.where('w.nik_tail', '=', text)
      : query.where(sql<boolean>`starts_with(w.name_key, ${nameKey(text)})`);
  }
  return query;
}

export async function listClaims(tx: Tx, scope: Scope, q: ClaimListQuery) {
  const base = filtered(tx, scope, q);
  const [rows, count] = await Promise.all([
    base
      .select(SUMMARY)
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every claim matching the filters (export), at most `limit`. */
export function allClaims(tx: Tx, scope: Scope, q: Omit<ClaimListQuery, 'page' | 'pageSize'>, limit: number) {
  return filtered(tx, scope, q).select(SUMMARY).orderBy('c.created_at', 'desc').limit(limit).execute();
}

export type ClaimSummaryRow = Awaited<ReturnType<typeof listClaims>>['rows'][number];

export function claimById(tx: Tx, scope: Scope, id: string) {
  return claimsSelect(tx, scope)
    .select([
      ...SUMMARY,
      'c.place',
      'c.chronology',
      'c.witnesses',
      'c.coverage_reason',
      'c.funder',
      'c.wage',
      'c.contribution_months',
      'c.disability_percent',
      'c.stmb_months',
      'c.estimate',
      'c.created_by',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

// --- Household and heirs ----------------------------------------------------------------------------------

export function householdOf(tx: Tx, scope: Scope, workerId: string) {
  return tx
    .selectFrom('worker_household')
    .select(['kk_number', 'updated_at'])
    .where('worker_id', '=', workerId)
    .where(regionInScope('village_code', scope))
    .executeTakeFirst();
}

export function heirsOf(tx: Tx, scope: Scope, workerId: string) {
  return tx
    .selectFrom('worker_heir')
    .select(['id', 'full_name', 'nik', 'relation', 'priority', 'bank_name', 'account_number', 'account_holder'])
    .where('worker_id', '=', workerId)
    .where(regionInScope('village_code', scope))
    .orderBy('priority')
    .orderBy('id')
    .execute();
}

export async function upsertKk(
  tx: Tx,
  row: { worker_id: string; village_code: string; kk_number: string | null; updated_by: string },
) {
  await tx
    .insertInto('worker_household')
    .values(row)
    .onConflict((oc) =>
      oc.column('worker_id').doUpdateSet({
        kk_number: row.kk_number,
        village_code: row.village_code,
        updated_by: row.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export async function insertHeir(
  tx: Tx,
  row: {
    worker_id: string;
    village_code: string;
    full_name: string;
    nik: string | null;
    relation: string;
    priority: number;
    bank_name: string | null;
    account_number: string | null;
    account_holder: string | null;
  },
): Promise<string> {
  const r = await tx.insertInto('worker_heir').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function heirById(tx: Tx, scope: Scope, id: string) {
  return tx
    .selectFrom('worker_heir')
    .select(['id', 'worker_id', 'village_code', 'full_name', 'relation'])
    .where('id', '=', id)
    .where(regionInScope('village_code', scope))
    .executeTakeFirst();
}

export async function deleteHeir(tx: Tx, scope: Scope, id: string): Promise<void> {
  await tx.deleteFrom('worker_heir').where('id', '=', id).where(regionInScope('village_code', scope)).execute();
}
