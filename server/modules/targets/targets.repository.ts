import { sql, type Selectable } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { WorkforceKind } from '../../../lib/contracts/targets.ts';
import type { CoverageTargetTable } from '../../db/schema.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

export type TargetDbRow = Selectable<CoverageTargetTable>;

function within(region: string | undefined) {
  if (!region) return sql<boolean>`true`;
  return sql<boolean>`(region_code = ${region} OR region_code LIKE ${region.replace(/[%_\\]/g, '\\$&') + '.%'})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

export async function listTargets(
  tx: Tx,
  scope: Scope,
  q: { region?: string | undefined; year?: number | undefined; page: number; pageSize: number },
) {
  let base = tx
    .selectFrom('coverage_target')
    .where(() => regionInScope('region_code', scope))
    .where(() => within(q.region));
  if (q.year !== undefined) base = base.where('year', '=', q.year);
  const [items, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('year', 'desc')
      .orderBy(sql`length(region_code)`)
      .orderBy('region_code')
      .orderBy('kind')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findTarget(tx: Tx, scope: Scope, id: string): Promise<TargetDbRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  return tx
    .selectFrom('coverage_target')
    .selectAll()
    .where('id', '=', id)
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirst();
}

export async function targetsOfRegionYear(tx: Tx, region: string, year: number): Promise<TargetDbRow[]> {
  return tx
    .selectFrom('coverage_target')
    .selectAll()
    .where('region_code', '=', region)
    .where('year', '=', year)
    .orderBy('kind')
    .execute();
}

export async function insertTarget(
  tx: Tx,
  values: {
    region_code: string;
    year: number;
    kind: WorkforceKind;
    target_percent: number;
    basis: TargetDbRow['basis'];
    document: string | null;
    pu_wage: number | null;
    pu_risk_class: number | null;
    pu_employer_size: string | null;
    pu_programs: string[] | null;
    updated_by: string;
  },
): Promise<TargetDbRow> {
  return tx.insertInto('coverage_target').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateTarget(
  tx: Tx,
  id: string,
  patch: {
    target_percent?: number;
    basis?: TargetDbRow['basis'];
    document?: string | null;
    pu_wage?: number | null;
    pu_risk_class?: number | null;
    pu_employer_size?: string | null;
    pu_programs?: string[] | null;
  },
  by: string,
): Promise<TargetDbRow> {
  return tx
    .updateTable('coverage_target')
    .set({ ...patch, updated_by: by, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteTarget(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('coverage_target').where('id', '=', id).execute();
}

/** Regions (regency or province) with a coverage target (any year). */
export async function targetRegions(tx: Tx): Promise<string[]> {
  const r = await sql<{ region_code: string }>`
    SELECT DISTINCT region_code FROM coverage_target WHERE region_code ~ '^\\d{2}(\\.\\d{2})?$' ORDER BY 1`.execute(tx);
  return r.rows.map((row) => row.region_code);
}
