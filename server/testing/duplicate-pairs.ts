// The stored probable-duplicate pairs (worker_duplicate_pair) against a recount by the review's per-request
// algorithm before issue 20, for the registry's equality tests.
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../db/schema.ts';

const sharedRegion = (a: string, b: string) =>
  a === b ? a : ([8, 5, 2].map((n) => a.slice(0, n)).find((prefix, i) => prefix === b.slice(0, [8, 5, 2][i])) ?? '');

export type PairRow = {
  a: string;
  b: string;
  sameBirth: boolean;
  nikOneDigit: boolean;
  nameKey: string;
  region: string;
};

/** The review's per-request algorithm before issue 20 (over every live worker), with the reasons of each pair. */
export async function recountPairs(owner: Kysely<DB>): Promise<PairRow[]> {
  // Fresh statistics: a planner that still sees the table as it was before a load of thousands nests loops here.
  await sql`ANALYZE worker`.execute(owner);
  const rows = await sql<{
    a: string;
    b: string;
    name_key: string;
    same_birth: boolean;
    nik_one_digit: boolean;
    va: string;
    vb: string;
  }>`
    WITH live AS MATERIALIZED (
      SELECT id, nik, name_key, birth_date, village_code, left(nik, 8) COLLATE "C" AS head,
        right(nik, 8) COLLATE "C" AS tail
      FROM worker WHERE merged_into IS NULL AND name_key IS NOT NULL
    ), by_birth AS (
      SELECT l.* FROM live l
      JOIN (SELECT name_key, birth_date FROM live GROUP BY 1, 2 HAVING count(*) > 1) g USING (name_key, birth_date)
    ), by_head AS (
      SELECT l.* FROM live l
      JOIN (SELECT name_key, head FROM live GROUP BY 1, 2 HAVING count(*) > 1) g USING (name_key, head)
    ), by_tail AS (
      SELECT l.* FROM live l
      JOIN (SELECT name_key, tail FROM live GROUP BY 1, 2 HAVING count(*) > 1) g USING (name_key, tail)
    ), pairs AS (
      SELECT a.id AS a_id, b.id AS b_id FROM by_birth a
      JOIN by_birth b ON b.name_key = a.name_key AND b.birth_date = a.birth_date AND a.id < b.id
      UNION
      SELECT a.id, b.id FROM by_head a
      JOIN by_head b ON b.name_key = a.name_key AND b.head = a.head AND a.id < b.id
      WHERE lindung_nik_distance(a.nik, b.nik) = 1
      UNION
      SELECT a.id, b.id FROM by_tail a
      JOIN by_tail b ON b.name_key = a.name_key AND b.tail = a.tail AND a.id < b.id
      WHERE lindung_nik_distance(a.nik, b.nik) = 1
    )
    SELECT p.a_id::text AS a, p.b_id::text AS b, x.name_key, x.birth_date = y.birth_date AS same_birth,
      coalesce(lindung_nik_distance(x.nik, y.nik) = 1, false) AS nik_one_digit, x.village_code AS va,
      y.village_code AS vb
    FROM pairs p JOIN live x ON x.id = p.a_id JOIN live y ON y.id = p.b_id
    ORDER BY p.a_id, p.b_id`.execute(owner);
  return rows.rows.map((r) => ({
    a: r.a,
    b: r.b,
    sameBirth: r.same_birth,
    nikOneDigit: r.nik_one_digit,
    nameKey: r.name_key,
    region: sharedRegion(r.va, r.vb),
  }));
}

export async function storedPairs(owner: Kysely<DB>): Promise<PairRow[]> {
  const rows = await owner
    .selectFrom('worker_duplicate_pair')
    .select(['worker_low', 'worker_high', 'same_birth', 'nik_one_digit', 'name_key', 'shared_region'])
    .orderBy('worker_low')
    .orderBy('worker_high')
    .execute();
  return rows.map((r) => ({
    a: String(r.worker_low),
    b: String(r.worker_high),
    sameBirth: r.same_birth,
    nikOneDigit: r.nik_one_digit,
    nameKey: r.name_key,
    region: r.shared_region,
  }));
}

/** Both ways, so a failure names the few pairs that differ; returns the recount. */
export async function expectStoredEqualsRecount(owner: Kysely<DB>): Promise<PairRow[]> {
  const expected = await recountPairs(owner);
  const actual = await storedPairs(owner);
  // Differences both ways, so a failure names the few pairs instead of diffing thousands.
  const text = (rows: PairRow[]) => new Set(rows.map((r) => JSON.stringify(r)));
  const [want, got] = [text(expected), text(actual)];
  expect({ missing: [...want].filter((r) => !got.has(r)), extra: [...got].filter((r) => !want.has(r)) }).toEqual({
    missing: [],
    extra: [],
  });
  expect(actual.length).toBe(expected.length);
  return expected;
}

/**
 * Villages whose pairs give every shared region: two of one district of Bantul, one of another district, one of
 * Sleman and one of another province.
 */
export async function pairVillages(owner: Kysely<DB>): Promise<string[]> {
  const found = await sql<{ code: string }>`
    (SELECT code FROM region WHERE level = 'village' AND starts_with(code, '34.02.08.') ORDER BY code LIMIT 2)
    UNION ALL (SELECT code FROM region WHERE level = 'village' AND starts_with(code, '34.02.01.') ORDER BY code LIMIT 1)
    UNION ALL (SELECT code FROM region WHERE level = 'village' AND starts_with(code, '34.04.') ORDER BY code LIMIT 1)
    UNION ALL (SELECT code FROM region WHERE level = 'village' AND starts_with(code, '33.') ORDER BY code LIMIT 1)`.execute(
    owner,
  );
  const villages = found.rows.map((r) => r.code);
  expect(villages).toHaveLength(5);
  return villages;
}
