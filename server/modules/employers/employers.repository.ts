// Reads and writes of the register: each employer with what the latest branch snapshot of its region says of it
// (the row matched to it), warnings, and the compliance question by NIB.
import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

export type EmployerRow = {
  id: string;
  nib: string;
  npwp: string | null;
  name: string;
  sector: string | null;
  size: string | null;
  address: string | null;
  contact: string | null;
  village_code: string;
  reported_workers: number | null;
  snapshot_as_of: string | null;
  npp: string | null;
  match_by: 'nib' | 'npwp' | 'name' | null;
  active: boolean | null;
  active_workers: number | null;
  paid_through: string | null;
  warnings: number;
};

/** The latest snapshot whose region holds the employer's village (the branch reports per regency). */
const SNAPSHOT_OF_EMPLOYER = sql`
  LEFT JOIN LATERAL (
    SELECT s.id, s.as_of FROM employer_snapshot s
    WHERE e.village_code = s.region_code OR starts_with(e.village_code, s.region_code || '.')
    ORDER BY s.as_of DESC, s.id DESC LIMIT 1
  ) s ON true
  LEFT JOIN employer_snapshot_row r ON r.snapshot_id = s.id AND r.employer_id = e.id`;

const EMPLOYER_COLUMNS = sql`
  e.id, e.nib, e.npwp, e.name, e.sector, e.size, e.address, e.contact, e.village_code, e.reported_workers,
  s.as_of AS snapshot_as_of, r.npp, r.match_by, r.active, r.active_workers, r.paid_through,
  (SELECT count(*)::int FROM employer_warning w WHERE w.employer_id = e.id) AS warnings`;

/**
 * Every employer in scope matching the search, with its branch facts. Statuses are judged in TypeScript
 * (lib/rules/employers.ts) over this list: a regency holds thousands of employers, not millions.
 */
export async function employersInScope(tx: Tx, scope: Scope, q: string | undefined): Promise<EmployerRow[]> {
  const search = q?.trim();
  const digits = search?.replace(/\D/g, '') ?? '';
  const r = await sql<EmployerRow>`
    SELECT ${EMPLOYER_COLUMNS}
    FROM employer e ${SNAPSHOT_OF_EMPLOYER}
    WHERE ${regionInScope('e.village_code', scope)}
      ${
        search
          ? sql`AND (e.name ILIKE ${`%${search.replace(/[%_\\]/g, '\\$&')}%`}
                     ${digits.length >= 6 ? sql`OR e.nib = ${digits} OR e.npwp = ${digits} OR r.npp = ${digits}` : sql``})`
          : sql``
      }
    ORDER BY e.name, e.id`.execute(tx);
  return r.rows;
}

export async function employerById(tx: Tx, scope: Scope, id: string): Promise<EmployerRow | undefined> {
  const r = await sql<EmployerRow>`
    SELECT ${EMPLOYER_COLUMNS}
    FROM employer e ${SNAPSHOT_OF_EMPLOYER}
    WHERE e.id = ${id}::bigint AND ${regionInScope('e.village_code', scope)}`.execute(tx);
  return r.rows[0];
}

export async function employerByNib(tx: Tx, scope: Scope, nib: string): Promise<EmployerRow | undefined> {
  const r = await sql<EmployerRow>`
    SELECT ${EMPLOYER_COLUMNS}
    FROM employer e ${SNAPSHOT_OF_EMPLOYER}
    WHERE e.nib = ${nib} AND ${regionInScope('e.village_code', scope)}`.execute(tx);
  return r.rows[0];
}

/** A branch row with this NIB in the latest snapshot of a region in scope, for a business not in the register. */
export async function branchRowByNib(tx: Tx, scope: Scope, nib: string) {
  const r = await sql<{
    name: string;
    npp: string;
    active: boolean;
    active_workers: number;
    paid_through: string | null;
    as_of: string;
    region_code: string;
  }>`
    SELECT r.name, r.npp, r.active, r.active_workers, r.paid_through, s.as_of, s.region_code
    FROM (SELECT DISTINCT ON (region_code) id, as_of, region_code FROM employer_snapshot
          WHERE ${regionInScope('region_code', scope)} ORDER BY region_code, as_of DESC, id DESC) s
    JOIN employer_snapshot_row r ON r.snapshot_id = s.id
    WHERE r.nib = ${nib}
    ORDER BY s.as_of DESC LIMIT 1`.execute(tx);
  return r.rows[0];
}

/** The latest snapshot date among regions in scope (null when the branch has sent none). */
export async function latestSnapshotAsOf(tx: Tx, scope: Scope): Promise<string | null> {
  const r = await tx
    .selectFrom('employer_snapshot')
    .select((eb) => eb.fn.max('as_of').as('as_of'))
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirst();
  return (r?.as_of as string | null | undefined) ?? null;
}

/** Rows of the latest snapshots in scope that match no employer of the register. */
export async function unmatchedSnapshotRows(tx: Tx, scope: Scope) {
  const r = await sql<{ row: number; npp: string; name: string; nib: string | null }>`
    SELECT r."row", r.npp, r.name, r.nib
    FROM (SELECT DISTINCT ON (region_code) id FROM employer_snapshot
          WHERE ${regionInScope('region_code', scope)} ORDER BY region_code, as_of DESC, id DESC) s
    JOIN employer_snapshot_row r ON r.snapshot_id = s.id
    WHERE r.employer_id IS NULL
    ORDER BY r."row"`.execute(tx);
  return r.rows;
}

export async function warnings(tx: Tx, employerId: string) {
  return tx
    .selectFrom('employer_warning')
    .select(['seq', 'issued_on', 'reference', 'recorded_by'])
    .where('employer_id', '=', employerId)
    .orderBy('seq')
    .execute();
}

export async function insertWarning(
  tx: Tx,
  w: { employerId: string; village: string; seq: number; issuedOn: string; reference: string; by: string },
) {
  await tx
    .insertInto('employer_warning')
    .values({
      employer_id: w.employerId,
      village_code: w.village,
      seq: w.seq,
      issued_on: w.issuedOn,
      reference: w.reference,
      recorded_by: w.by,
    })
    .execute();
}
