// The exchange module's snapshot queries: membership_snapshot and bpjs_member (written only here), staged through
// a temporary table; workers matched through the registry's worker_directory, villages checked against
// region_directory, and what the simulated branch knows of a region read through the programmes' enrollment_directory.
import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { regionAndAbove } from './exchange.repository.ts';

const inRegion = regionInScope;

// ---------------------------------------------------------------------------------------------------------------
// Snapshots

export const SNAPSHOT_STAGE_COLUMNS = [
  'row',
  'nik',
  'kpj_number',
  'category',
  'coverage_start',
  'coverage_end',
  'paid_through',
  'village_code',
] as const;

export async function createSnapshotStage(tx: Tx): Promise<void> {
  await sql`CREATE TEMP TABLE snapshot_stage (
      "row" integer, nik text COLLATE "C", kpj_number text, category text, coverage_start date, coverage_end date,
      paid_through date, village_code text
    ) ON COMMIT DROP`.execute(tx);
}

/** Staged rows whose village code is unknown or outside the snapshot's region (set-based, after the COPY). */
export async function stagedVillageProblems(tx: Tx, region: string) {
  const r = await sql<{ row: number; village_code: string; known: boolean }>`
    SELECT s."row", s.village_code, (r.code IS NOT NULL) AS known
    FROM snapshot_stage s
    LEFT JOIN region_directory r ON r.code = s.village_code AND r.level = 'village'
    WHERE s.village_code IS NOT NULL
      AND (r.code IS NULL OR NOT ${regionInScope('s.village_code', region)})
    ORDER BY s."row"
    LIMIT 1000`.execute(tx);
  return r.rows;
}

/**
 * The snapshot row, then every staged person in one INSERT … SELECT, matched to the registry by NIK (the
 * registry's worker id, village and segment when the NIK is registered in the uploader's scope).
 */
export async function insertSnapshot(
  tx: Tx,
  s: {
    region: string;
    asOf: string;
    source: 'file' | 'simulator';
    fileName: string | null;
    sha256: string | null;
    by: string;
  },
): Promise<{ id: string; persons: number; inRegistry: number }> {
  const snap = await tx
    .insertInto('membership_snapshot')
    .values({
      region_code: s.region,
      as_of: s.asOf,
      source: s.source,
      file_name: s.fileName,
      file_sha256: s.sha256,
      imported_by: s.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const r = await sql<{ persons: number; in_registry: number }>`
    WITH inserted AS (
      INSERT INTO bpjs_member (snapshot_id, region_code, nik, kpj_number, category, coverage_start, coverage_end,
                               paid_through, worker_id, village_code, segment)
      SELECT ${snap.id}::bigint, ${s.region}, st.nik, st.kpj_number, st.category, st.coverage_start, st.coverage_end,
             st.paid_through, w.id, coalesce(w.village_code, st.village_code), w.segment
      FROM snapshot_stage st
      LEFT JOIN worker_directory w ON w.nik = st.nik AND w.merged_into IS NULL
      RETURNING worker_id
    )
    SELECT count(*)::int AS persons, count(worker_id)::int AS in_registry FROM inserted`.execute(tx);
  const persons = r.rows[0]?.persons ?? 0;
  await tx.updateTable('membership_snapshot').set({ persons }).where('id', '=', snap.id).execute();
  return { id: snap.id, persons, inRegistry: r.rows[0]?.in_registry ?? 0 };
}

export type SnapshotRow = {
  id: string;
  region_code: string;
  as_of: string;
  source: 'file' | 'simulator';
  file_name: string | null;
  persons: number;
  in_registry: number;
  current: boolean;
  imported_by: string;
  imported_at: Date;
};

export async function listSnapshots(tx: Tx, scope: Scope, q: { page: number; pageSize: number }) {
  const base = sql`
    FROM membership_snapshot s
    WHERE ${regionInScope('s.region_code', scope)}`;
  const [items, total] = await Promise.all([
    sql<SnapshotRow>`
      SELECT s.id, s.region_code, s.as_of, s.source, s.file_name, s.persons, s.imported_by, s.imported_at,
             (SELECT count(*)::int FROM bpjs_member m WHERE m.snapshot_id = s.id AND m.worker_id IS NOT NULL)
               AS in_registry,
             EXISTS (SELECT 1 FROM membership_snapshot_current c WHERE c.id = s.id) AS current
      ${base}
      ORDER BY s.as_of DESC, s.id DESC
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(tx),
    sql<{ n: number }>`SELECT count(*)::int AS n ${base}`.execute(tx),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function findSnapshot(tx: Tx, id: string): Promise<SnapshotRow | undefined> {
  const r = await sql<SnapshotRow>`
    SELECT s.id, s.region_code, s.as_of, s.source, s.file_name, s.persons, s.imported_by, s.imported_at,
           (SELECT count(*)::int FROM bpjs_member m WHERE m.snapshot_id = s.id AND m.worker_id IS NOT NULL)
             AS in_registry,
           EXISTS (SELECT 1 FROM membership_snapshot_current c WHERE c.id = s.id) AS current
    FROM membership_snapshot s WHERE s.id = ${id}::bigint`.execute(tx);
  return r.rows[0];
}

/** The current snapshot of the region, else of the nearest region above it. */
export async function currentSnapshotFor(tx: Tx, region: string) {
  const r = await sql<{ id: string; region_code: string; as_of: string; persons: number }>`
    SELECT id, region_code, as_of, persons FROM membership_snapshot_current
    WHERE region_code = ANY (${regionAndAbove(region)}::text[])
    ORDER BY length(region_code) DESC
    LIMIT 1`.execute(tx);
  return r.rows[0];
}

// What the simulated branch knows of a region (demo): Lindung's active participants and other registered workers

export async function activeParticipants(tx: Tx, region: string) {
  const r = await sql<{
    nik: string;
    kpj_number: string;
    category: string;
    coverage_start: string;
    last_month: string;
    paid_through: string | null;
    village_code: string;
  }>`
    SELECT DISTINCT ON (w.nik) w.nik, e.kpj_number, w.category, e.coverage_start, e.last_month, e.paid_through,
           w.village_code
    FROM enrollment_directory e JOIN worker_directory w ON w.id = e.worker_id
    WHERE e.status = 'active' AND ${inRegion('e.village_code', region)}
    ORDER BY w.nik, e.first_month DESC`.execute(tx);
  return r.rows;
}

/** Registered workers of the region with no enrollment at all: candidates for "self-paid" in a simulated snapshot. */
export async function unenrolledWorkers(tx: Tx, region: string, limit: number) {
  const r = await sql<{ nik: string; category: string; village_code: string }>`
    SELECT w.nik, w.category, w.village_code
    FROM worker_directory w
    WHERE ${inRegion('w.village_code', region)} AND w.merged_into IS NULL AND w.life_status = 'alive'
      AND NOT EXISTS (SELECT 1 FROM enrollment_directory e WHERE e.worker_id = w.id)
    ORDER BY w.nik
    LIMIT ${limit}`.execute(tx);
  return r.rows;
}
