// Test fixtures for database tests that need programmes and enrolled workers (programmes, exchange, billing,
// coverage, home, imports); not used at runtime.
import type { Role } from '../../lib/access/roles.ts';
import type { ProgramCreate } from '../../lib/contracts/programs.ts';
import { addMonths, currentMonthWib } from '../../lib/rules/eligibility.ts';
import type { SegmentCode } from '../../lib/rules/segments.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db.ts';
import { systemContext } from '../platform/context.ts';
import { systemClock } from '../platform/clock.ts';
import { bulkInsertWorkers, type BulkWorker } from '../modules/registry/index.ts';
import { bulkWorker } from './bulk-worker.ts';

export const TRIRENGGO = '34.02.08.2004'; // Desa Trirenggo, Kec. Bantul, Kab. Bantul
export const PALBAPANG = '34.02.08.2001'; // Desa Palbapang, same district
export const BALECATUR = '34.04.01.2001'; // Kab. Sleman

/** Two months from now: a period that has not started, so every proposal covers all of it. */
export const START = addMonths(currentMonthWib(systemClock()), 2);

export function actorContext(role: Role, scope: string, username = `${role}.${scope}`): RequestContext {
  return { actor: { userId: '1', username, role, scope, locale: 'id' }, requestId: `test-${username}`, ip: null };
}

export const BANTUL_PROGRAM: ProgramCreate = {
  name: 'Perlindungan Pekerja Rentan Bantul',
  funder: 'apbd_regency',
  funderRegion: '34.02',
  region: '34.02',
  targetSegments: ['farmer', 'fisher', 'small_trader'],
  package: 'jkk_jkm',
  declaredIncome: 1_000_000,
  quota: 1_000,
  startMonth: START,
  months: 12,
  budgetCeiling: 201_600_000,
  dpaReference: 'DPA 1.02.01/2027',
  minAge: 18,
  maxAge: 65,
};

let serial = 0;

/** A valid NIK first registered in Kec. Bantul (34.02.08) for the birth date and sex. */
function nikFor(birthDate: string, sex: 'L' | 'P'): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  serial += 1;
  return `340208${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
}

export type WorkerSpec = {
  name: string;
  village?: string;
  segment?: SegmentCode;
  birthDate?: string;
  sex?: 'L' | 'P';
  nik?: string;
  deceased?: string;
};

/** Loads workers through the registry's bulk load and returns their ids by name. */
export async function addWorkers(db: Database, specs: WorkerSpec[]): Promise<Map<string, string>> {
  const rows: BulkWorker[] = specs.map((s) => {
    const birthDate = s.birthDate ?? '1985-09-05';
    const sex = s.sex ?? 'P';
    return bulkWorker({
      nik: s.nik ?? nikFor(birthDate, sex),
      full_name: s.name,
      birth_place: 'Bantul',
      birth_date: birthDate,
      sex,
      village_code: s.village ?? TRIRENGGO,
      segment: s.segment ?? 'farmer',
      monthly_income: 1_000_000,
      life_status: s.deceased ? 'deceased' : 'alive',
      death_date: s.deceased ?? null,
    });
  });
  await bulkInsertWorkers(db.ownerPool, rows, systemContext('test'), {
    source: 'test',
    audit: { action: 'worker.generate', region: null, details: {} },
  });
  const found = await db.owner
    .selectFrom('worker')
    .select(['id', 'full_name'])
    .where(
      'full_name',
      'in',
      specs.map((s) => s.name),
    )
    .execute();
  return new Map(found.map((w) => [w.full_name, w.id]));
}

/** Slots per month and committed money as the enrollment rows say, recomputed without the counters. */
export async function recount(db: Database, programId: string) {
  const program = await db.owner
    .selectFrom('program')
    .select(['start_month', 'months', 'quota', 'budget_ceiling', 'price_by_month', 'persons_by_month'])
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
  const rows = await db.owner
    .selectFrom('enrollment')
    .select(['first_month', 'last_month', 'status'])
    .where('program_id', '=', programId)
    .execute();
  const start = program.start_month.slice(0, 7);
  const index = (date: string) => {
    const [y, m] = date.slice(0, 7).split('-').map(Number) as [number, number];
    const [sy, sm] = start.split('-').map(Number) as [number, number];
    return (y - sy) * 12 + (m - sm);
  };
  const persons = Array<number>(program.months).fill(0);
  for (const r of rows) {
    if (r.status === 'rejected') continue;
    for (let i = index(r.first_month); i <= index(r.last_month); i++) persons[i]! += 1;
  }
  const prices = program.price_by_month.map(Number);
  return {
    quota: program.quota,
    ceiling: Number(program.budget_ceiling),
    counters: program.persons_by_month,
    persons,
    committed: persons.reduce((s, n, i) => s + n * prices[i]!, 0),
    enrollments: rows.length,
  };
}

/**
 * The branch's answer as the exchange would leave it, written directly: one batch holding every enrollment of the
 * programme (but `exceptWorker`'s), all active with a KPJ and coverage from `coverageStart`.
 */
export async function acceptedByBranch(
  db: Database,
  programId: string,
  coverageStart: string,
  exceptWorker?: string,
): Promise<void> {
  let rows = db.owner.selectFrom('enrollment').select('id').where('program_id', '=', programId);
  if (exceptWorker) rows = rows.where('worker_id', '!=', exceptWorker);
  const ids = (await rows.execute()).map((r) => r.id);
  const batch = await db.owner
    .insertInto('enrollment_batch')
    .values({ program_id: programId, region_code: '34.02', persons: ids.length, submitted_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.owner
    .updateTable('enrollment')
    .set({
      status: 'active',
      decided_by: 'test',
      batch_id: batch.id,
      kpj_number: '12345678',
      coverage_start: coverageStart,
    })
    .where('id', 'in', ids)
    .execute();
}

export async function markDeceased(db: Database, workerId: string, deathDate: string): Promise<void> {
  await db.owner
    .updateTable('worker')
    .set({ life_status: 'deceased', death_date: deathDate })
    .where('id', '=', workerId)
    .execute();
}
