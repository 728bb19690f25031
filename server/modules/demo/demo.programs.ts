// The demo's protection programmes (issue 5), seeded once, on the first start: Banjar's case (a 1,000-person APBD
// quota with about 400 enrolled), a cohort co-funded by the province, and Pringsewu's election officers for six
// months, all in Kab. Bantul, through the programmes module's own services (priced by the rules, audited as "demo").
import { systemClock } from '../../platform/clock.ts';
import { sql } from 'kysely';
import type { ProgramCreate, WorkerFilter } from '../../../lib/contracts/programs.ts';
import { currentMonthWib, type Month } from '../../../lib/rules/eligibility.ts';
import type { SegmentCode } from '../../../lib/rules/segments.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { withScope, type Database, type Db } from '../../platform/db.ts';
import {
  activateEnrollments,
  createProgram,
  listEnrollments,
  proposeWorkers,
  submitBatch,
  verifyEnrollments,
} from '../programs/index.ts';
import { bulkInsertWorkers } from '../registry/index.ts';
import { regencyDivisions } from './demo.workers.ts';
import { generateWorkers } from './generate.ts';

const DEMO_WORKERS = 2_000;
const DEMO_SEED = 2026;

/** Pekerja rentan: the informal occupations Pemda fund (domain.md §2). */
const VULNERABLE: SegmentCode[] = [
  'farmer',
  'planter',
  'livestock_farmer',
  'fisher',
  'small_trader',
  'driver',
  'day_labourer',
  'domestic_worker',
];

export type DemoProgramsResult = { workers: number; programs: number; enrollments: number };
/** The demo regency, and the operator's village (left without synthetic workers). */
export type DemoPlace = { regency: string; village: string };

async function count(db: Db, table: 'program' | 'worker'): Promise<number> {
  return withScope(db, '*', async (tx) => {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(tx);
    return Number(r.rows[0]?.n ?? 0);
  });
}

/**
 * Synthetic workers of the regency when it has none. Desa Trirenggo, the demo operator's own village, is left
 * empty: the operator's first steps (the registry journey) start from an empty list and add people by hand.
 */
async function ensureWorkers(database: Database, ctx: RequestContext, place: DemoPlace): Promise<number> {
  if ((await count(database.app, 'worker')) > 0) return 0;
  const { districts, villages } = await regencyDivisions(database, place.regency);
  const rows = generateWorkers({
    count: DEMO_WORKERS,
    seed: DEMO_SEED,
    districts,
    villages: villages.filter((v) => v !== place.village),
  });
  const { inserted } = await bulkInsertWorkers(database.ownerPool, rows, ctx, {
    source: `demo:${DEMO_SEED}`,
    audit: {
      action: 'worker.generate',
      region: place.regency,
      details: { count: DEMO_WORKERS, regency: place.regency, seed: DEMO_SEED },
    },
  });
  return inserted;
}

async function allEnrollmentIds(db: Db, ctx: RequestContext, programId: string, status: 'proposed' | 'submitted') {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await listEnrollments(db, ctx, programId, { status, page, pageSize: 200 });
    ids.push(...r.items.map((e) => e.id));
    if (ids.length >= r.total) return ids;
  }
}

type Cohort = {
  program: ProgramCreate;
  filter: WorkerFilter;
  limit?: number;
  fromMonth: Month;
  /** How far the cohort has come: verified by Disnaker, or also submitted and active with a KPJ. */
  stage: 'proposed' | 'active';
};

/** Proposes the cohort, then verifies, submits and records BPJS's KPJ numbers as the branch would. */
async function enrollCohort(db: Db, ctx: RequestContext, cohort: Cohort, kpjPrefix: string): Promise<number> {
  const program = await createProgram(db, ctx, cohort.program);
  const proposed = await proposeWorkers(db, ctx, program.id, {
    filter: cohort.filter,
    fromMonth: cohort.fromMonth,
    ...(cohort.limit !== undefined && { limit: cohort.limit }),
  });
  if (cohort.stage === 'proposed') return proposed.proposed;
  const pending = await allEnrollmentIds(db, ctx, program.id, 'proposed');
  for (let i = 0; i < pending.length; i += 1_000)
    await verifyEnrollments(db, ctx, program.id, pending.slice(i, i + 1_000));
  await submitBatch(db, ctx, program.id);
  const submitted = await allEnrollmentIds(db, ctx, program.id, 'submitted');
  await activateEnrollments(
    db,
    ctx,
    program.id,
    submitted.map((id, i) => ({
      enrollmentId: id,
      kpjNumber: `${kpjPrefix}${String(i + 1).padStart(7, '0')}`,
      coverageStart: `${cohort.fromMonth}-01`,
    })),
  );
  return proposed.proposed;
}

/**
 * Seeds the demo programmes unless any programme exists (so it runs once, and never over real data). Dates follow
 * the calendar: the regency's and the province's programmes cover this year, the election officers' six months
 * start this month.
 */
export async function seedDemoPrograms(
  database: Database,
  place: DemoPlace,
  now = systemClock(),
): Promise<DemoProgramsResult> {
  const db = database.app;
  if ((await count(db, 'program')) > 0) return { workers: 0, programs: 0, enrollments: 0 };
  const ctx = systemContext('demo');
  const workers = await ensureWorkers(database, ctx, place);
  const regency = place.regency;
  const thisMonth = currentMonthWib(now);
  const year = thisMonth.slice(0, 4);
  const common = { package: 'jkk_jkm', declaredIncome: 1_000_000, minAge: 18, maxAge: 65 } as const;
  const cohorts: Cohort[] = [
    {
      // Banjar's case: 1,000 budgeted, about 400 registered and active.
      program: {
        ...common,
        name: `Perlindungan Pekerja Rentan Kab. Bantul ${year}`,
        funder: 'apbd_regency',
        funderRegion: regency,
        region: regency,
        targetSegments: VULNERABLE,
        quota: 1_000,
        startMonth: `${year}-01`,
        months: 12,
        budgetCeiling: 201_600_000,
        dpaReference: `DPA-SKPD 2.07.0.00.0.00.01.0000 Disnakertrans Bantul TA ${year}`,
      },
      filter: { region: regency },
      limit: 400,
      fromMonth: `${year}-01`,
      stage: 'active',
    },
    {
      // Co-funding: the province pays for more of the same cohort (other persons), from April.
      program: {
        ...common,
        name: `Bantuan Iuran Pekerja Rentan DIY untuk Kab. Bantul ${year}`,
        funder: 'apbd_province',
        funderRegion: regency.slice(0, 2),
        region: regency,
        targetSegments: VULNERABLE,
        quota: 300,
        startMonth: `${year}-04`,
        months: 9,
        budgetCeiling: 45_360_000,
        dpaReference: `DPA Disnakertrans DIY TA ${year}`,
      },
      filter: { region: regency },
      limit: 150,
      fromMonth: `${year}-04`,
      stage: 'active',
    },
    {
      // Pringsewu's case: the election's ad-hoc officers, for six months, awaiting Disnaker's verification.
      program: {
        ...common,
        name: 'Petugas Ad Hoc Pemilihan Kab. Bantul',
        funder: 'apbd_regency',
        funderRegion: regency,
        region: regency,
        targetSegments: ['election_worker'],
        quota: 250,
        startMonth: thisMonth,
        months: 6,
        budgetCeiling: 25_200_000,
        dpaReference: `Hibah Pemilihan Kab. Bantul ${year}`,
      },
      filter: { region: regency, segment: 'election_worker' },
      fromMonth: thisMonth,
      stage: 'proposed',
    },
  ];
  let enrollments = 0;
  for (const [i, cohort] of cohorts.entries()) enrollments += await enrollCohort(db, ctx, cohort, `2602${i + 1}`);
  return { workers, programs: cohorts.length, enrollments };
}
