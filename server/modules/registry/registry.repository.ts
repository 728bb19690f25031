import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import { WORKER_TOTAL_CAP, type DuplicateListQuery, type WorkerListQuery } from '../../../lib/contracts/workers.ts';
import { nameKey } from '../../../lib/rules/import-values.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

/** The columns a worker's values fill (forms, imports, bulk loads), in the table's order. */
export const WORKER_VALUE_COLUMNS = [
  'nik',
  'full_name',
  'birth_place',
  'birth_date',
  'sex',
  'village_code',
  'address',
  'rt',
  'rw',
  'phone',
  'segment',
  'category',
  'monthly_income',
  'vulnerability',
  'kpj_number',
  'life_status',
  'death_date',
] as const;

const WORKER_COLUMNS = [
  'id',
  'kabkota_code',
  ...WORKER_VALUE_COLUMNS,
  'source',
  'created_at',
  'updated_at',
  'name_key',
  'merged_into',
] as const;

export type WorkerRow = {
  id: string;
  kabkota_code: string;
  nik: string;
  full_name: string;
  birth_place: string | null;
  birth_date: string;
  sex: string;
  village_code: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  phone: string | null;
  segment: string;
  category: string;
  monthly_income: string | null;
  vulnerability: string[];
  kpj_number: string | null;
  life_status: string;
  death_date: string | null;
  source: string;
  created_at: Date;
  updated_at: Date;
  name_key: string | null;
  merged_into: string | null;
};

export type WorkerValues = {
  nik: string;
  full_name: string;
  birth_place: string | null;
  birth_date: string;
  sex: string;
  village_code: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  phone: string | null;
  segment: string;
  category: string;
  monthly_income: number | null;
  vulnerability: string[];
  kpj_number: string | null;
  life_status: string;
  death_date: string | null;
};

const regencyOf = (village: string) => village.slice(0, 5);

/** Every worker query's region condition (platform/scope-sql.ts explains why `starts_with`). */
function villageInScope(scope: Scope): RawBuilder<boolean> {
  return regionInScope('village_code', scope);
}

export async function findWorkerInScope(tx: Tx, scope: Scope, id: string): Promise<WorkerRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  return tx
    .selectFrom('worker')
    .select(WORKER_COLUMNS)
    .where('id', '=', id)
    .where(villageInScope(scope))
    .executeTakeFirst();
}

/** Several workers at once, locked for a change that involves all of them (in id order, so two merges never deadlock). */
export async function lockWorkersInScope(tx: Tx, scope: Scope, ids: string[]): Promise<Map<string, WorkerRow>> {
  const rows = await tx
    .selectFrom('worker')
    .select(WORKER_COLUMNS)
    .where('id', 'in', ids)
    .where(villageInScope(scope))
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [String(r.id), r]));
}

/** NIKs are unique in the whole country; the SQL helper answers across scopes with a yes or no only. */
export async function nikTaken(tx: Tx, nik: string, exceptId?: string): Promise<boolean> {
  const row = await sql<{
    taken: boolean;
  }>`SELECT lindung_nik_taken(${nik}, ${exceptId ?? null}::bigint) AS taken`.execute(tx);
  return row.rows[0]?.taken ?? false;
}

export async function insertWorker(
  tx: Tx,
  values: WorkerValues & { source: string; channel_id?: RawBuilder<string | null> },
): Promise<WorkerRow> {
  return tx
    .insertInto('worker')
    .values({ ...values, kabkota_code: regencyOf(values.village_code), name_key: nameKey(values.full_name) })
    .returning(WORKER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateWorkerInScope(
  tx: Tx,
  scope: Scope,
  id: string,
  values: WorkerValues,
): Promise<WorkerRow | undefined> {
  return tx
    .updateTable('worker')
    .set({
      ...values,
      kabkota_code: regencyOf(values.village_code),
      name_key: nameKey(values.full_name),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('merged_into', 'is', null)
    .where(villageInScope(scope))
    .returning(WORKER_COLUMNS)
    .executeTakeFirst();
}

/** The duplicate half of a merge: kept (its NIK stays reserved), pointing at the worker it became. */
export async function markMergedInScope(
  tx: Tx,
  scope: Scope,
  id: string,
  into: string,
): Promise<WorkerRow | undefined> {
  return tx
    .updateTable('worker')
    .set({ merged_into: into, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('merged_into', 'is', null)
    .where(villageInScope(scope))
    .returning(WORKER_COLUMNS)
    .executeTakeFirst();
}

/**
 * One page in name order and a total counted up to WORKER_TOTAL_CAP + 1 rows. Every condition on an indexed column
 * is leakproof (`=`, `starts_with` on name_key), so the name index (name_key, birth_date, id) both finds the rows
 * and gives their order: a page reads pageSize rows, the count at most the cap, however many workers match.
 */
export async function listWorkersInScope(tx: Tx, scope: Scope, q: WorkerListQuery) {
  let base = tx.selectFrom('worker').where(villageInScope(scope)).where('merged_into', 'is', null);
  if (q.nik) base = base.where('nik', '=', q.nik);
  // nik_tail is a stored column (migration 0019) so the condition is a leakproof `=` its index can serve under RLS.
  if (q.nikEnd) base = base.where('nik_tail', '=', q.nikEnd);
  if (q.name !== undefined) {
    // The search text gets the stored key's treatment: case, titles, degrees and punctuation do not matter.
    const key = nameKey(q.name);
    base = base.where(key === '' ? sql<boolean>`false` : sql<boolean>`starts_with(name_key, ${key})`);
  }
  if (q.region) base = base.where(villageInScope(q.region));
  if (q.segment) base = base.where('segment', '=', q.segment);
  if (q.category) base = base.where('category', '=', q.category);
  if (q.vulnerability) base = base.where(sql<boolean>`vulnerability @> ARRAY[${q.vulnerability}]::text[]`);
  if (q.problem === 'no_phone') base = base.where('phone', 'is', null);
  // The same test as the data-quality count (migration 0014): no current district has the NIK's first six digits.
  if (q.problem === 'nik_old_district') {
    base = base.where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM region_directory r WHERE r.level = 'district' AND r.valid_to IS NULL
        AND r.code = substr(nik, 1, 2) || '.' || substr(nik, 3, 2) || '.' || substr(nik, 5, 2))`,
    );
  }
  const items = await base
    .select(WORKER_COLUMNS)
    .orderBy('name_key')
    .orderBy('birth_date')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const counted = await tx
    .selectFrom(
      base
        .select(sql<number>`1`.as('one'))
        .limit(WORKER_TOTAL_CAP + 1)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  return { items, total: Math.min(n, WORKER_TOTAL_CAP), totalCapped: n > WORKER_TOTAL_CAP };
}

export async function findWorkersInScope(tx: Tx, scope: Scope, ids: string[]): Promise<Map<string, WorkerRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('worker')
    .select(WORKER_COLUMNS)
    .where('id', 'in', ids)
    .where(villageInScope(scope))
    .execute();
  return new Map(rows.map((r) => [String(r.id), r]));
}

/**
 * Pairs of probable duplicates among the live workers in scope, not dismissed, in name order, with the total. The
 * pairs are stored as workers are written (worker_duplicate_pair, kept by the trigger of
 * sql/worker-duplicates.sql), so a page is an index range: the pair is in a scope when the smallest region holding
 * both workers is (`shared_region`), with the leakproof `=`/`starts_with` the planner may use under row-level security.
 */
export async function duplicatePairsInScope(tx: Tx, scope: Scope, q: DuplicateListQuery) {
  let base = tx
    .selectFrom('worker_duplicate_pair as p')
    .where(regionInScope(sql.ref('p.shared_region'), scope))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('worker_duplicate_dismissal as d')
            .select(sql<number>`1`.as('one'))
            .whereRef('d.worker_low', '=', 'p.worker_low')
            .whereRef('d.worker_high', '=', 'p.worker_high'),
        ),
      ),
    );
  if (q.region) base = base.where(regionInScope(sql.ref('p.shared_region'), q.region));
  const rows = await base
    .select([sql<string>`p.worker_low::text`.as('a'), sql<string>`p.worker_high::text`.as('b')])
    .orderBy('p.name_key')
    .orderBy('p.worker_low')
    .orderBy('p.worker_high')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const counted = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { pairs: rows.map((r) => ({ a: r.a, b: r.b })), total: Number(counted.n) };
}

/** "Bukan duplikat": false when the pair had already been dismissed. Ids in numeric order (low, high). */
export async function insertDismissal(tx: Tx, low: string, high: string, by: string): Promise<boolean> {
  const r = await tx
    .insertInto('worker_duplicate_dismissal')
    .values({ worker_low: low, worker_high: high, dismissed_by: by })
    .onConflict((oc) => oc.columns(['worker_low', 'worker_high']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
