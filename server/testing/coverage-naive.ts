// The naive recount: the same figures as the rollups, by a GROUP BY over the raw tables with
// lindung_coverage_state on every source and month. Used by the database test (rollups must equal it exactly) and
// by the benchmark (the speed to beat). Never used by a page.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';

export type NaiveRow = { month: string; region_code: string; segment: string; category: string; persons: number };

const NAIVE = (today: string, from: string, to: string) => sql<NaiveRow>`
  WITH months AS (
    SELECT m::date AS month, least((m + interval '1 month - 1 day')::date, ${today}::date) AS at
    FROM generate_series(${from}::date, ${to}::date, interval '1 month') AS m
  ),
  cur AS (SELECT DISTINCT ON (region_code) id, as_of FROM membership_snapshot ORDER BY region_code, as_of DESC, id DESC),
  src AS (
    SELECT w.nik, e.category, e.coverage_start AS s, e.coverage_end AS e, e.paid_through AS pt, false AS project
    FROM enrollment_coverage e JOIN worker w ON w.id = e.worker_id
    UNION ALL
    SELECT b.nik, b.category, b.coverage_start, b.coverage_end, b.paid_through, false
    FROM bpjs_member b JOIN cur ON cur.id = b.snapshot_id
    UNION ALL
    SELECT w.nik, j.category, j.coverage_start, j.coverage_end, j.paid_through, true
    FROM project_worker_coverage j JOIN worker w ON w.id = j.worker_id
  ),
  covered AS (
    SELECT months.month, src.nik, src.project
    FROM months JOIN src ON lindung_coverage_state(src.category, src.s, src.e, src.pt, months.at) = 'covered'
  ),
  act AS (SELECT DISTINCT month, nik FROM covered),
  -- A person whose only covering sources in these months are construction projects counts as JAKON.
  only_project AS (SELECT nik, bool_and(project) AS project_only FROM covered GROUP BY nik),
  snap AS (
    SELECT DISTINCT ON (b.nik) b.nik, coalesce(b.village_code, b.region_code) AS region_code,
           coalesce(b.segment, '') AS segment, b.category
    FROM bpjs_member b JOIN cur ON cur.id = b.snapshot_id
    ORDER BY b.nik, cur.as_of DESC, cur.id DESC
  )
  SELECT to_char(act.month, 'YYYY-MM') AS month, coalesce(w.village_code, s.region_code) AS region_code,
         coalesce(w.segment, s.segment) AS segment,
         CASE WHEN o.project_only THEN 'JAKON' ELSE coalesce(w.category, s.category) END AS category,
         count(*)::integer AS persons
  FROM act LEFT JOIN worker w ON w.nik = act.nik LEFT JOIN snap s ON s.nik = act.nik
  LEFT JOIN only_project o ON o.nik = act.nik
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4`;

/** Active persons per month and (village or snapshot region, segment, category), from the raw tables. */
export async function naiveLeafCounts(owner: Db, q: { today: string; from: string; to: string }) {
  return (await NAIVE(q.today, `${q.from}-01`, `${q.to}-01`).execute(owner)).rows;
}

/** The naive figures rolled up to every area (province, regency, district, village): `${area}|${month}` → persons. */
export function rollUpNaive(rows: NaiveRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const parts = r.region_code.split('.');
    for (let k = 1; k <= parts.length; k++) {
      const key = `${parts.slice(0, k).join('.')}|${r.month}`;
      out.set(key, (out.get(key) ?? 0) + r.persons);
    }
  }
  return out;
}

/** The rollups' persons per area and month from `from` (YYYY-MM), keyed like rollUpNaive: `${area}|${month}`. */
export async function rollupAreaCounts(owner: Db, from: string): Promise<Map<string, number>> {
  const rows = await owner
    .selectFrom('coverage_rollup_area')
    .select(['area_code', 'month', 'persons'])
    .where('month', '>=', `${from}-01`)
    .where('persons', '>', 0)
    .execute();
  return new Map(rows.map((r) => [`${r.area_code}|${r.month.slice(0, 7)}`, r.persons]));
}
