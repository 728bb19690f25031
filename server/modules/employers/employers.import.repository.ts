// Set-based statements of the two imports: staging tables, village checks against region_directory, the register's
// upsert by NIB, the snapshot's rows, and matching snapshot rows to the register (NIB, then NPWP, then name key and
// village), each step taking only rows and employers the earlier steps left unmatched.
import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

export type StagedEmployer = {
  row: number;
  nib: string;
  npwp: string | null;
  name: string;
  name_key: string;
  sector: string | null;
  size: string | null;
  address: string | null;
  village_code: string;
  contact: string | null;
  reported_workers: number | null;
};

export const EMPLOYER_STAGE_COLUMNS = [
  'row',
  'nib',
  'npwp',
  'name',
  'name_key',
  'sector',
  'size',
  'address',
  'village_code',
  'contact',
  'reported_workers',
] as const satisfies readonly (keyof StagedEmployer)[];

export async function createEmployerStage(tx: Tx): Promise<void> {
  await sql`CREATE TEMP TABLE employer_stage (
      "row" int, nib text, npwp text, name text, name_key text, sector text, size text, address text,
      village_code text, contact text, reported_workers int
    ) ON COMMIT DROP`.execute(tx);
}

export type StagedBranchRow = {
  row: number;
  npp: string;
  nib: string | null;
  npwp: string | null;
  name: string;
  name_key: string;
  village_code: string | null;
  active: boolean;
  active_workers: number;
  paid_through: string | null;
};

export const BRANCH_STAGE_COLUMNS = [
  'row',
  'npp',
  'nib',
  'npwp',
  'name',
  'name_key',
  'village_code',
  'active',
  'active_workers',
  'paid_through',
] as const satisfies readonly (keyof StagedBranchRow)[];

export async function createBranchStage(tx: Tx): Promise<void> {
  await sql`CREATE TEMP TABLE employer_branch_stage (
      "row" int, npp text, nib text, npwp text, name text, name_key text, village_code text, active boolean,
      active_workers int, paid_through date
    ) ON COMMIT DROP`.execute(tx);
}

export type VillageProblem = { row: number; village_code: string; known: boolean };

/** Staged rows whose village code is unknown or outside `region` (set-based, after the COPY). */
export async function stagedVillageProblems(
  tx: Tx,
  stage: 'employer_stage' | 'employer_branch_stage',
  region: Scope,
): Promise<VillageProblem[]> {
  const r = await sql<VillageProblem>`
    SELECT s."row", s.village_code, (r.code IS NOT NULL) AS known
    FROM ${sql.table(stage)} s
    LEFT JOIN region_directory r ON r.code = s.village_code AND r.level = 'village'
    WHERE s.village_code IS NOT NULL AND (r.code IS NULL OR NOT ${regionInScope('s.village_code', region)})
    ORDER BY s."row"
    LIMIT 1000`.execute(tx);
  return r.rows;
}

/** Every staged employer inserted or updated by NIB in one statement; counts of each. */
export async function upsertEmployers(tx: Tx, by: string): Promise<{ created: number; updated: number }> {
  const r = await sql<{ created: number; updated: number }>`
    WITH saved AS (
      INSERT INTO employer (nib, npwp, name, name_key, sector, size, address, village_code, contact,
                            reported_workers, updated_by)
      SELECT nib, npwp, name, name_key, sector, size, address, village_code, contact, reported_workers, ${by}
      FROM employer_stage
      ON CONFLICT (nib) DO UPDATE SET
        npwp = excluded.npwp, name = excluded.name, name_key = excluded.name_key, sector = excluded.sector,
        size = excluded.size, address = excluded.address, village_code = excluded.village_code,
        contact = excluded.contact, reported_workers = excluded.reported_workers, updated_by = excluded.updated_by,
        updated_at = now()
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated
    FROM saved`.execute(tx);
  return r.rows[0] ?? { created: 0, updated: 0 };
}

export async function insertEmployerSnapshot(
  tx: Tx,
  s: { region: string; asOf: string; fileName: string; sha256: string; by: string },
): Promise<string> {
  const snap = await tx
    .insertInto('employer_snapshot')
    .values({ region_code: s.region, as_of: s.asOf, file_name: s.fileName, file_sha256: s.sha256, imported_by: s.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  const r = await sql<{ n: number }>`
    WITH inserted AS (
      INSERT INTO employer_snapshot_row (snapshot_id, "row", region_code, npp, nib, npwp, name, name_key,
                                         village_code, active, active_workers, paid_through)
      SELECT ${snap.id}::bigint, "row", ${s.region}, npp, nib, npwp, name, name_key, village_code, active,
             active_workers, paid_through
      FROM employer_branch_stage
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM inserted`.execute(tx);
  await tx
    .updateTable('employer_snapshot')
    .set({ rows: r.rows[0]?.n ?? 0 })
    .where('id', '=', snap.id)
    .execute();
  return snap.id;
}

/**
 * Matches the rows of one snapshot to the register of its region: by NIB, then NPWP, then name key and village (or
 * name key alone when the branch gave no village and the name is unique in the region). Returns the matched rows.
 */
export async function matchSnapshot(tx: Tx, snapshotId: string, region: string): Promise<number> {
  await sql`UPDATE employer_snapshot_row SET employer_id = NULL, match_by = NULL
            WHERE snapshot_id = ${snapshotId}::bigint`.execute(tx);
  const inRegion = regionInScope('e.village_code', region);
  await sql`
    UPDATE employer_snapshot_row r SET employer_id = e.id, match_by = 'nib'
    FROM employer e
    WHERE r.snapshot_id = ${snapshotId}::bigint AND r.nib = e.nib AND ${inRegion}`.execute(tx);
  const unmatched = sql`
    r.snapshot_id = ${snapshotId}::bigint AND r.employer_id IS NULL AND ${inRegion}
    AND NOT EXISTS (SELECT 1 FROM employer_snapshot_row t
                    WHERE t.snapshot_id = ${snapshotId}::bigint AND t.employer_id = e.id)`;
  await sql`
    UPDATE employer_snapshot_row r SET employer_id = m.employer_id, match_by = 'npwp'
    FROM (SELECT DISTINCT ON (r."row") r."row", e.id AS employer_id
          FROM employer_snapshot_row r JOIN employer e ON e.npwp = r.npwp
          WHERE ${unmatched}
          ORDER BY r."row", e.id) m
    WHERE r.snapshot_id = ${snapshotId}::bigint AND r."row" = m."row"`.execute(tx);
  await sql`
    UPDATE employer_snapshot_row r SET employer_id = m.employer_id, match_by = 'name'
    FROM (SELECT DISTINCT ON (r."row") r."row", e.id AS employer_id
          FROM employer_snapshot_row r JOIN employer e ON e.name_key = r.name_key
          WHERE ${unmatched}
            AND (r.village_code = e.village_code
                 OR (r.village_code IS NULL
                     AND (SELECT count(*) FROM employer e2
                          WHERE e2.name_key = r.name_key AND ${regionInScope('e2.village_code', region)}) = 1))
          ORDER BY r."row", e.id) m
    WHERE r.snapshot_id = ${snapshotId}::bigint AND r."row" = m."row"`.execute(tx);
  const n = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM employer_snapshot_row
    WHERE snapshot_id = ${snapshotId}::bigint AND employer_id IS NOT NULL`.execute(tx);
  return n.rows[0]?.n ?? 0;
}

/** After the register changed: the latest snapshot of every region in scope matched again. */
export async function matchCurrentSnapshots(tx: Tx, scope: Scope): Promise<number> {
  const current = await sql<{ id: string; region_code: string }>`
    SELECT DISTINCT ON (region_code) id, region_code FROM employer_snapshot s
    WHERE ${regionInScope('s.region_code', scope)}
    ORDER BY region_code, as_of DESC, id DESC`.execute(tx);
  let matched = 0;
  for (const s of current.rows) matched += await matchSnapshot(tx, s.id, s.region_code);
  return matched;
}
