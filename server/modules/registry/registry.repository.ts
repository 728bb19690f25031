import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { WorkerListQuery } from '../../../lib/contracts/workers.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

const WORKER_COLUMNS = [
  'id',
  'kabkota_code',
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
  'source',
  'created_at',
  'updated_at',
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

export async function findWorkerInScope(tx: Tx, scope: Scope, id: string): Promise<WorkerRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  return tx
    .selectFrom('worker')
    .select(WORKER_COLUMNS)
    .where('id', '=', id)
    .where(() => regionInScope('village_code', scope))
    .executeTakeFirst();
}

/** NIKs are unique in the whole country; the SQL helper answers across scopes with a yes or no only. */
export async function nikTaken(tx: Tx, nik: string, exceptId?: string): Promise<boolean> {
  const row = await sql<{
    taken: boolean;
  }>`SELECT lindung_nik_taken(${nik}, ${exceptId ?? null}::bigint) AS taken`.execute(tx);
  return row.rows[0]?.taken ?? false;
}

export async function insertWorker(tx: Tx, values: WorkerValues & { source: string }): Promise<WorkerRow> {
  return tx
    .insertInto('worker')
    .values({ ...values, kabkota_code: regencyOf(values.village_code) })
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
    .set({ ...values, kabkota_code: regencyOf(values.village_code), updated_at: sql`now()` })
    .where('id', '=', id)
    .where(() => regionInScope('village_code', scope))
    .returning(WORKER_COLUMNS)
    .executeTakeFirst();
}

export async function listWorkersInScope(tx: Tx, scope: Scope, q: WorkerListQuery) {
  let base = tx.selectFrom('worker').where(() => regionInScope('village_code', scope));
  if (q.nik) base = base.where('nik', '=', q.nik);
  if (q.name) {
    // The byte-order (C) index on lower(full_name) serves both this prefix search and the ORDER BY below, so a
    // page stops after pageSize rows instead of sorting every match.
    const prefix = `${q.name.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    base = base.where(sql<string>`lower(full_name) COLLATE "C"`, 'like', prefix);
  }
  if (q.region) base = base.where(() => regionInScope('village_code', q.region as Scope));
  if (q.segment) base = base.where('segment', '=', q.segment);
  if (q.category) base = base.where('category', '=', q.category);
  if (q.vulnerability) base = base.where(sql<boolean>`vulnerability @> ARRAY[${q.vulnerability}]::text[]`);
  const [items, total] = await Promise.all([
    base
      .select(WORKER_COLUMNS)
      .orderBy(sql`lower(full_name) COLLATE "C"`)
      .orderBy('id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
