// The workforce module's queries: BPS denominators per region, year, indicator and segment (table `workforce`).
import { sql, type Selectable } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { WorkforceKind } from '../../../lib/contracts/targets.ts';
import type { WorkforceTable } from '../../db/schema.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

export type WorkforceDbRow = Selectable<WorkforceTable> & { id: string; region_code: string; year: number };

const WORKFORCE_COLUMNS = [
  'id',
  'region_code',
  'year',
  'kind',
  'segment',
  'persons',
  'source',
  'updated_by',
  'updated_at',
] as const;

function within(region: string | undefined) {
  if (!region) return sql<boolean>`true`;
  return sql<boolean>`(region_code = ${region} OR region_code LIKE ${region.replace(/[%_\\]/g, '\\$&') + '.%'})`;
}

export async function listWorkforce(
  tx: Tx,
  scope: Scope,
  q: {
    region?: string | undefined;
    year?: number | undefined;
    kind?: WorkforceKind | undefined;
    page: number;
    pageSize: number;
  },
) {
  let base = tx
    .selectFrom('workforce')
    .where(() => regionInScope('region_code', scope))
    .where(() => within(q.region));
  if (q.year !== undefined) base = base.where('year', '=', q.year);
  if (q.kind !== undefined) base = base.where('kind', '=', q.kind);
  const [items, total] = await Promise.all([
    base
      .select(WORKFORCE_COLUMNS)
      .orderBy('year', 'desc')
      .orderBy(sql`length(region_code)`)
      .orderBy('region_code')
      .orderBy('kind')
      .orderBy('segment')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as WorkforceDbRow[], total: Number(total.n) };
}

export async function findWorkforce(tx: Tx, scope: Scope, id: string): Promise<WorkforceDbRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const row = await tx
    .selectFrom('workforce')
    .select(WORKFORCE_COLUMNS)
    .where('id', '=', id)
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirst();
  return row as WorkforceDbRow | undefined;
}

export type WorkforceValue = {
  region_code: string;
  year: number;
  kind: WorkforceKind;
  segment: string;
  persons: number;
  source: string;
};

/**
 * Inserts or updates many figures in one statement. Returns the rows written with whether each was new; a figure
 * equal to the stored one (persons and source) is left alone and not returned.
 */
export async function upsertWorkforce(
  tx: Tx,
  values: WorkforceValue[],
  by: string,
): Promise<
  {
    id: string;
    region_code: string;
    year: number;
    kind: string;
    segment: string;
    persons: number;
    inserted: boolean;
    before_persons: number | null;
  }[]
> {
  if (values.length === 0) return [];
  const r = await sql<{
    id: string;
    region_code: string;
    year: number;
    kind: string;
    segment: string;
    persons: number;
    inserted: boolean;
    before_persons: number | null;
  }>`
    WITH incoming AS (
      SELECT * FROM unnest(${values.map((v) => v.region_code)}::text[], ${values.map((v) => v.year)}::int[],
                           ${values.map((v) => v.kind)}::text[], ${values.map((v) => v.segment)}::text[],
                           ${values.map((v) => v.persons)}::int[], ${values.map((v) => v.source)}::text[])
        AS t(region_code, year, kind, segment, persons, source)
    ),
    before AS (
      SELECT w.region_code, w.year, w.kind, w.segment, w.persons
      FROM workforce w JOIN incoming i USING (region_code, year, kind, segment)
    )
    INSERT INTO workforce AS w (region_code, year, kind, segment, persons, source, updated_by)
    SELECT region_code, year, kind, segment, persons, source, ${by} FROM incoming
    ON CONFLICT (region_code, year, kind, segment) DO UPDATE
      SET persons = excluded.persons, source = excluded.source, updated_by = excluded.updated_by, updated_at = now()
      WHERE w.persons IS DISTINCT FROM excluded.persons OR w.source IS DISTINCT FROM excluded.source
    RETURNING w.id, w.region_code, w.year, w.kind, w.segment, w.persons, (xmax = 0) AS inserted,
      (SELECT b.persons FROM before b
        WHERE b.region_code = w.region_code AND b.year = w.year AND b.kind = w.kind AND b.segment = w.segment)
        AS before_persons`.execute(tx);
  return r.rows.map((row) => ({ ...row, id: String(row.id) }));
}

export async function updateWorkforce(
  tx: Tx,
  id: string,
  patch: { persons?: number | undefined; source?: string | undefined },
  by: string,
): Promise<WorkforceDbRow> {
  const row = await tx
    .updateTable('workforce')
    .set({
      ...(patch.persons !== undefined && { persons: patch.persons }),
      ...(patch.source !== undefined && { source: patch.source }),
      updated_by: by,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returning(WORKFORCE_COLUMNS)
    .executeTakeFirstOrThrow();
  return row as WorkforceDbRow;
}

export async function deleteWorkforce(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('workforce').where('id', '=', id).execute();
}

/** The figure of a region for a year, or the latest earlier year when that year has none yet. */
export async function denominatorFor(
  tx: Tx,
  region: string,
  kind: WorkforceKind,
  year: number,
): Promise<{ persons: number; year: number; source: string } | undefined> {
  return tx
    .selectFrom('workforce')
    .select(['persons', 'year', 'source'])
    .where('region_code', '=', region)
    .where('kind', '=', kind)
    .where('segment', '=', '')
    .where('year', '<=', year)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** All-segment figures of a region's children for one year (the report's district table). */
export async function childDenominators(tx: Tx, scope: Scope, region: string, year: number) {
  return tx
    .selectFrom('workforce')
    .select(['region_code', 'kind', 'persons', 'year', 'source'])
    .where(() => regionInScope('region_code', scope))
    .where('region_code', 'like', `${region}.%`)
    .where(sql<boolean>`array_length(string_to_array(region_code, '.'), 1) = ${region.split('.').length + 1}`)
    .where('segment', '=', '')
    .where('year', '<=', year)
    .orderBy('year', 'desc')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Reads for the modules that divide by the workforce (coverage, targets, reports), through index.ts

/** All-segment figures of these regions for one year, both kinds. */
export async function figuresFor(tx: Tx, regions: string[], year: number) {
  if (!regions.length) return [];
  return tx
    .selectFrom('workforce')
    .select(['region_code', 'kind', 'persons'])
    .where('region_code', 'in', regions)
    .where('year', '=', year)
    .where('segment', '=', '')
    .execute();
}

/** Per-segment figures (segment <> '') of one region and year, both kinds. */
export async function figuresBySegment(tx: Tx, region: string, year: number) {
  return tx
    .selectFrom('workforce')
    .select(['segment', 'kind', 'persons'])
    .where('region_code', '=', region)
    .where('year', '=', year)
    .where('segment', '<>', '')
    .execute();
}

/** Regencies and provinces that have a figure (any year). */
export async function regionsWithFigures(tx: Tx): Promise<string[]> {
  const r = await sql<{ region_code: string }>`
    SELECT DISTINCT region_code FROM workforce WHERE region_code ~ '^\\d{2}(\\.\\d{2})?$' ORDER BY 1`.execute(tx);
  return r.rows.map((row) => row.region_code);
}
