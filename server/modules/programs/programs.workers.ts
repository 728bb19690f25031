// The programmes module's reads of registry workers, kept in this one file, through the registry's published
// read view `worker_directory` (server/db/ownership.ts).
//
// A bulk proposal must be set-based over the registry's own filters, and the gaps per village are a join of
// workers and enrollments; the registry's public API (index.ts) pages by 200 and has no query builder to compose,
// so these read-only queries repeat its filter rules here (merged duplicates left out, names matched on their
// name key, leakproof region conditions so the indexes work under row-level security). When the registry exports
// a filter builder, this file should call it instead (docs/decisions.md, issue 5 §1).
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { CoverageState } from '../../../lib/contracts/common.ts';
import type { EnrollmentListQuery, WorkerFilter } from '../../../lib/contracts/programs.ts';
import { nameKey } from '../../../lib/rules/import-values.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

const inRegion = regionInScope;

/** The registry's name search: a prefix of the stored name key (case, titles and punctuation do not matter). */
function namePrefix(column: string, text: string): RawBuilder<boolean> {
  const key = nameKey(text);
  return key === '' ? sql<boolean>`false` : sql<boolean>`starts_with(${sql.ref(column)}, ${key})`;
}

/** What eligibility needs from a worker record. */
export type CandidateRow = {
  id: string;
  nik: string;
  full_name: string;
  birth_date: string;
  village_code: string;
  segment: string;
  life_status: string;
};

const CANDIDATE_COLUMNS = ['id', 'nik', 'full_name', 'birth_date', 'village_code', 'segment', 'life_status'] as const;

function liveWorkers(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('worker_directory')
    .select(CANDIDATE_COLUMNS)
    .where(inRegion('village_code', scope))
    .where('merged_into', 'is', null);
}

/** Every live worker matching the registry's list filters inside the scope, in the list's order. */
export async function candidatesByFilter(tx: Tx, scope: Scope, f: WorkerFilter): Promise<CandidateRow[]> {
  let q = liveWorkers(tx, scope);
  if (f.nik) q = q.where('nik', '=', f.nik);
  if (f.nikEnd) q = q.where('nik_tail', '=', f.nikEnd);
  if (f.name) q = q.where(namePrefix('name_key', f.name));
  if (f.region) q = q.where(inRegion('village_code', f.region));
  if (f.segment) q = q.where('segment', '=', f.segment);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.vulnerability) q = q.where(sql<boolean>`vulnerability @> ARRAY[${f.vulnerability}]::text[]`);
  return q.orderBy('name_key').orderBy('birth_date').orderBy('id').execute();
}

export async function candidatesByIds(tx: Tx, scope: Scope, ids: readonly string[]): Promise<CandidateRow[]> {
  return liveWorkers(tx, scope)
    .where('id', 'in', ids)
    .orderBy('name_key')
    .orderBy('birth_date')
    .orderBy('id')
    .execute();
}

/** Enrollments of a programme with the worker's name, NIK and current record (for lists and re-checks). */
function enrollmentsWithWorkers(tx: Tx, scope: Scope, programId: string) {
  return tx
    .selectFrom('enrollment as e')
    .innerJoin('worker_directory as w', 'w.id', 'e.worker_id')
    .where('e.program_id', '=', programId)
    .where(inRegion('e.village_code', scope))
    .where(inRegion('w.village_code', scope));
}

const LISTED = [
  'e.id',
  'e.program_id',
  'e.worker_id',
  'e.village_code',
  'e.status',
  'e.first_month',
  'e.last_month',
  'e.proposed_by',
  'e.proposed_at',
  'e.decided_by',
  'e.decided_at',
  'e.reject_reason',
  'e.end_reason',
  'e.end_note',
  'e.batch_id',
  'e.kpj_number',
  'e.coverage_start',
  'e.wage',
  'e.price_by_month',
  'w.full_name',
  'w.nik',
  'w.segment',
] as const;

/**
 * A page of a programme's enrollments with each one's protection on `today`: lindung_coverage_state over the
 * programme's published participations (NULL before the branch accepted it, or when its months ended before the
 * coverage start).
 */
export async function listEnrollments(tx: Tx, scope: Scope, programId: string, q: EnrollmentListQuery, today: string) {
  let base = enrollmentsWithWorkers(tx, scope, programId);
  if (q.status) base = base.where('e.status', '=', q.status);
  if (q.name) base = base.where(namePrefix('w.name_key', q.name));
  const [items, total] = await Promise.all([
    base
      .leftJoin('enrollment_coverage as c', 'c.id', 'e.id')
      .select(LISTED)
      .select(
        sql<CoverageState | null>`CASE WHEN c.id IS NOT NULL THEN
          lindung_coverage_state(c.category, c.coverage_start, c.coverage_end, c.paid_through, ${today}::date) END`.as(
          'coverage_state',
        ),
      )
      .orderBy('w.name_key')
      .orderBy('e.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
export type ListedEnrollment = Awaited<ReturnType<typeof listEnrollments>>['items'][number];

/** The chosen enrollments with their worker's current record, for verification. */
export async function enrollmentsForCheck(tx: Tx, scope: Scope, programId: string, ids: readonly string[]) {
  return enrollmentsWithWorkers(tx, scope, programId)
    .select([
      'e.id',
      'e.status',
      'e.first_month',
      'e.last_month',
      'w.id as worker_id',
      'w.nik',
      'w.full_name',
      'w.birth_date',
      'w.village_code',
      'w.segment',
      'w.life_status',
    ])
    .where('e.id', 'in', ids)
    .execute();
}

/**
 * Per village of the programme's region (inside the scope): living workers of the target segments, and how many
 * of them hold an open enrollment in this programme.
 */
export async function gapsByVillage(
  tx: Tx,
  scope: Scope,
  p: { id: string; region: string; targetSegments: string[] },
): Promise<{ village_code: string; registered: string; enrolled: string }[]> {
  const r = await sql<{ village_code: string; registered: string; enrolled: string }>`
    SELECT w.village_code, count(*) AS registered, count(e.id) AS enrolled
    FROM worker_directory w
    LEFT JOIN enrollment e
      ON e.worker_id = w.id AND e.program_id = ${p.id}::bigint AND e.status NOT IN ('rejected', 'ended')
    WHERE ${inRegion('w.village_code', scope)}
      AND ${inRegion('w.village_code', p.region)}
      AND w.segment = ANY (${p.targetSegments}::text[])
      AND w.life_status = 'alive'
      AND w.merged_into IS NULL
    GROUP BY w.village_code
    ORDER BY count(*) - count(e.id) DESC, w.village_code`.execute(tx);
  return r.rows;
}

/** Live workers in the scope with one of these NIKs (proposal from a file). */
export async function workersByNik(
  tx: Tx,
  scope: Scope,
  niks: readonly string[],
): Promise<{ id: string; nik: string }[]> {
  if (niks.length === 0) return [];
  return tx
    .selectFrom('worker_directory')
    .select(['id', 'nik'])
    .where('nik', '=', sql<string>`ANY(${[...niks]}::text[])`)
    .where(inRegion('village_code', scope))
    .where('merged_into', 'is', null)
    .execute();
}
