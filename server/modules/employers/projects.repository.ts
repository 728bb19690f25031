// Queries of construction_project and project_worker; workers found through the registry's worker_directory.
import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import type { DB } from '../../db/schema.ts';
import type { Insertable, Updateable } from 'kysely';

export type ProjectRow = {
  id: string;
  village_code: string;
  dpa_reference: string;
  name: string;
  contractor: string;
  contractor_nib: string | null;
  contract_value: string;
  start_date: string;
  end_date: string;
  jakon_contribution: string;
  jakon_quoted_on: string;
  jakon_basis: 'contract_value' | 'wages';
  certificate_number: string | null;
  paid_on: string | null;
  status: 'registered' | 'ready';
  workers: number;
};

const COLUMNS = sql`
  p.id, p.village_code, p.dpa_reference, p.name, p.contractor, p.contractor_nib, p.contract_value, p.start_date,
  p.end_date, p.jakon_contribution, p.jakon_quoted_on, p.jakon_basis, p.certificate_number, p.paid_on, p.status,
  (SELECT count(*)::int FROM project_worker w WHERE w.project_id = p.id) AS workers`;

export async function listProjects(
  tx: Tx,
  scope: Scope,
  q: {
    page: number;
    pageSize: number;
    startsBy?: string | undefined;
    today: string;
    withoutJakon?: 'true' | 'false' | undefined;
  },
) {
  const where = sql`
    WHERE ${regionInScope('p.village_code', scope)}
    ${q.startsBy ? sql`AND p.start_date >= ${q.today}::date AND p.start_date <= ${q.startsBy}::date` : sql``}
    ${q.withoutJakon === 'true' ? sql`AND p.certificate_number IS NULL` : sql``}
    ${q.withoutJakon === 'false' ? sql`AND p.certificate_number IS NOT NULL` : sql``}`;
  const [items, total] = await Promise.all([
    sql<ProjectRow>`
      SELECT ${COLUMNS} FROM construction_project p ${where}
      ORDER BY p.start_date, p.id
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(tx),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM construction_project p ${where}`.execute(tx),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function projectById(tx: Tx, scope: Scope, id: string, forUpdate = false) {
  const r = await sql<ProjectRow>`
    SELECT ${COLUMNS} FROM construction_project p
    WHERE p.id = ${id}::bigint AND ${regionInScope('p.village_code', scope)}
    ${forUpdate ? sql`FOR UPDATE OF p` : sql``}`.execute(tx);
  return r.rows[0];
}

export async function insertProject(tx: Tx, values: Insertable<DB['construction_project']>): Promise<string> {
  const r = await tx.insertInto('construction_project').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProject(tx: Tx, id: string, values: Updateable<DB['construction_project']>) {
  await tx
    .updateTable('construction_project')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function workerByNik(tx: Tx, scope: Scope, nik: string) {
  return tx
    .selectFrom('worker_directory')
    .select(['id', 'full_name'])
    .where('nik', '=', nik)
    .where('merged_into', 'is', null)
    .where(() => regionInScope('village_code', scope))
    .executeTakeFirst();
}

export async function insertProjectWorker(
  tx: Tx,
  w: { id: string; workerId: string; village: string; by: string; wage: number | null },
): Promise<boolean> {
  const r = await tx
    .insertInto('project_worker')
    .values({ project_id: w.id, worker_id: w.workerId, village_code: w.village, attached_by: w.by, wage: w.wage })
    .onConflict((oc) => oc.doNothing())
    .returning('worker_id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function projectWorkers(tx: Tx, id: string) {
  const r = await sql<{ worker_id: string; full_name: string; nik: string; wage: string | null; attached_at: Date }>`
    SELECT pw.worker_id, w.full_name, w.nik, pw.wage, pw.attached_at
    FROM project_worker pw JOIN worker_directory w ON w.id = pw.worker_id
    WHERE pw.project_id = ${id}::bigint
    ORDER BY w.full_name`.execute(tx);
  return r.rows;
}

/** Projects and projects with a Jakon certificate, in `region`. */
export async function projectFigures(tx: Tx, region: string) {
  const r = await sql<{ projects: number; with_jakon: number }>`
    SELECT count(*)::int AS projects, count(certificate_number)::int AS with_jakon
    FROM construction_project p WHERE ${regionInScope('p.village_code', region)}`.execute(tx);
  return r.rows[0] ?? { projects: 0, with_jakon: 0 };
}
