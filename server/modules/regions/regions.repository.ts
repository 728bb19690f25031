import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';
import type { Region, RegionStats } from '../../../lib/contracts/regions.ts';
import { regionLabel } from '../../../lib/regions/label.ts';

type Reader = Db | Tx;

const COLUMNS = ['code', 'parent_code', 'level', 'kind', 'name', 'valid_from', 'valid_to'] as const;

type Row = {
  code: string;
  parent_code: string | null;
  level: Region['level'];
  kind: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
};

function present(r: Row): Region {
  return {
    code: r.code,
    parentCode: r.parent_code,
    level: r.level,
    kind: r.kind,
    name: r.name,
    label: regionLabel(r.kind, r.name),
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

/** Codes in force on `date` (default today): effective dating lets boundary splits keep old series readable. */
function current(date?: string) {
  const day = date ?? new Date().toISOString().slice(0, 10);
  return sql<boolean>`valid_from <= ${day}::date AND (valid_to IS NULL OR valid_to >= ${day}::date)`;
}

export async function findRegion(db: Reader, code: string): Promise<Region | null> {
  const row = await db.selectFrom('region').select(COLUMNS).where('code', '=', code).executeTakeFirst();
  return row ? present(row) : null;
}

/** The region and its ancestors, province first. */
export async function findRegionPath(db: Reader, code: string): Promise<Region[]> {
  const parts = code.split('.');
  const codes = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  const rows = await db.selectFrom('region').select(COLUMNS).where('code', 'in', codes).execute();
  return rows.map(present).sort((a, b) => a.code.length - b.code.length);
}

export async function listChildren(db: Reader, parent: string | null): Promise<Region[]> {
  let query = db.selectFrom('region').select(COLUMNS).where(current()).orderBy('code');
  query = parent === null ? query.where('parent_code', 'is', null) : query.where('parent_code', '=', parent);
  return (await query.execute()).map(present);
}

export async function searchRegions(
  db: Reader,
  q: string,
  options: { level?: Region['level']; within?: string; limit: number },
): Promise<Region[]> {
  let query = db
    .selectFrom('region')
    .select(COLUMNS)
    .where(current())
    .where(sql<boolean>`lower(name) LIKE ${'%' + q.toLowerCase().replace(/[%_\\]/g, '\\$&') + '%'}`)
    .orderBy(sql`length(code)`)
    .orderBy(sql`lower(name) = ${q.toLowerCase()}`, 'desc')
    .orderBy('code')
    .limit(options.limit);
  if (options.level) query = query.where('level', '=', options.level);
  if (options.within) {
    const within = options.within;
    query = query.where((eb) => eb.or([eb('code', '=', within), eb('code', 'like', `${within}.%`)]));
  }
  return (await query.execute()).map(present);
}

export async function regionStats(db: Reader): Promise<RegionStats> {
  const rows = await db
    .selectFrom('region')
    .select(['level', sql<string>`count(*)`.as('n')])
    .where(current())
    .groupBy('level')
    .execute();
  const count = (level: string) => Number(rows.find((r) => r.level === level)?.n ?? 0);
  return {
    provinces: count('province'),
    regencies: count('regency'),
    districts: count('district'),
    villages: count('village'),
  };
}

/** The first village (by code) in force inside `scope` (a village scope is its own village); null for none. */
export async function firstVillageIn(db: Reader, scope: string): Promise<Region | null> {
  const query = db.selectFrom('region').select(COLUMNS).where(current()).where('level', '=', 'village');
  const row = await (
    scope === '*' ? query : query.where((eb) => eb.or([eb('code', '=', scope), eb('code', 'like', `${scope}.%`)]))
  )
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  return row ? present(row) : null;
}
