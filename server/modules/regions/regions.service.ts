import type { Db, Tx } from '../../platform/db.ts';
import { fullRegionLabel, NATIONAL_LABEL } from '../../../lib/regions/label.ts';
import type { RegionWithPath } from '../../../lib/contracts/regions.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { findRegion, findRegionPath } from './regions.repository.ts';

export async function regionWithPath(db: Db | Tx, code: string): Promise<RegionWithPath | null> {
  const region = await findRegion(db, code);
  if (!region) return null;
  const path = await findRegionPath(db, code);
  return { ...region, path, fullLabel: fullRegionLabel(path) };
}

/** "Desa Poncosari, Kec. Srandakan, Kab. Bantul", or "Seluruh Indonesia" for the national scope. */
export async function scopeLabel(db: Db | Tx, scope: string, locale: Locale = 'id'): Promise<string> {
  if (scope === '*') return NATIONAL_LABEL[locale];
  const path = await findRegionPath(db, scope);
  return path.length ? fullRegionLabel(path) : scope;
}

/** Labels for many scopes in one query (lists of users, audit rows). */
export async function scopeLabels(db: Db | Tx, scopes: string[], locale: Locale = 'id'): Promise<Map<string, string>> {
  const unique = [...new Set(scopes)];
  const codes = [
    ...new Set(unique.flatMap((s) => (s === '*' ? [] : s.split('.').map((_, i, a) => a.slice(0, i + 1).join('.'))))),
  ];
  const rows = codes.length
    ? await db.selectFrom('region').select(['code', 'level', 'kind', 'name']).where('code', 'in', codes).execute()
    : [];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const labels = new Map<string, string>();
  for (const scope of unique) {
    if (scope === '*') {
      labels.set(scope, NATIONAL_LABEL[locale]);
      continue;
    }
    const path = scope
      .split('.')
      .map((_, i, a) => byCode.get(a.slice(0, i + 1).join('.')))
      .filter((r): r is NonNullable<typeof r> => r !== undefined);
    labels.set(scope, path.length ? fullRegionLabel(path) : scope);
  }
  return labels;
}

export type RegionCodeSets = { provinces: ReadonlySet<string>; districts: ReadonlySet<string> };

const codeSetsCache = new WeakMap<object, Promise<RegionCodeSets>>();

/**
 * Every province and district code the table holds, current or closed (a NIK keeps the code of first registration
 * even after a split). Loaded once per process and database handle: the region table changes once a year at most.
 */
export function regionCodeSets(db: Db): Promise<RegionCodeSets> {
  let sets = codeSetsCache.get(db);
  if (!sets) {
    sets = db
      .selectFrom('region')
      .select(['code', 'level'])
      .where('level', 'in', ['province', 'district'])
      .execute()
      .then((rows) => ({
        provinces: new Set(rows.filter((r) => r.level === 'province').map((r) => r.code)),
        districts: new Set(rows.filter((r) => r.level === 'district').map((r) => r.code)),
      }));
    sets.catch(() => codeSetsCache.delete(db));
    codeSetsCache.set(db, sets);
  }
  return sets;
}
