import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { APP_ROLE, type Tx } from '../platform/db.ts';
import { systemContext } from '../platform/context.ts';
import { createTestDatabase, makeUser, type TestDatabase } from './test-db.ts';
import { DEMO_REGENCY, DEMO_VILLAGE, generateDemoWorkers, seedDemoPrograms } from '../modules/demo/index.ts';
import { seedDemoExchange } from '../modules/demo/demo.exchange.ts';
import { seedDemoTargets } from '../modules/demo/demo.targets.ts';
import { seedDemoBilling } from '../modules/demo/demo.billing.ts';
import { seedDemoCoverage } from '../modules/demo/demo.coverage.ts';
import { importFileNow } from '../modules/imports/index.ts';
import { exportBatch, SimulatorAdapter } from '../modules/exchange/index.ts';
import { createReport, generateReport } from '../modules/reports/index.ts';
import {
  addHeir,
  assign,
  fileDocumentStore,
  importGapList,
  reportClaim,
  setKkNumber,
  uploadDocument,
} from '../modules/claims/index.ts';

// Row-level security alone, without any repository's WHERE clause: for EVERY table with RLS enabled (read from
// pg_catalog, so a new table is probed without touching this file), a plain `SELECT ctid FROM <table>` as the
// application role with one region's scope must return exactly the rows of that region: none of another region, all
// of its own. Which rows "belong" to a scope is computed here from each row's region code(s) in JS, never with the
// policy's own functions, so a policy opened to `true` (or narrowed by mistake) fails the comparison.
//
// Verified by hand (7 Dec 2026) besides the rolled-back test at the end: a temporary migration
// `ALTER POLICY bill_read ON bill USING (true)` made the probes of scopes 34.04 and 34.02.08 fail on `bill` (Bantul's
// bills seen from Sleman); the repositories' filters alone kept every API answer right, which is why both probes exist.

const NOW = new Date('2026-07-15T03:00:00Z'); // 15 Jul 2026, WIB: a fixed clock for the demo's calendar
const OTHER_REGENCY = '34.04'; // Kab. Sleman: the second region, next to the demo's Kab. Bantul
const DISTRICT = DEMO_VILLAGE.split('.').slice(0, 3).join('.'); // Kec. Bantul, inside the demo regency

/**
 * The region code(s) of a row, as SQL over the table's own columns (evaluated by the owner, without RLS). A table not
 * listed uses its `region_code`, `village_code` or `area_code` column; a new table without one fails the probe until
 * it is listed here.
 */
const REGION_OF: Record<string, { codes: string; match: 'any' | 'all' }> = {
  // A BPJS member is seen by the region of their village when known, and by the region that reported them.
  bpjs_member: { codes: 'ARRAY[coalesce(village_code, region_code), region_code]', match: 'any' },
  // A file belongs to its import job's region.
  import_file: { codes: 'ARRAY[(SELECT j.region_code FROM import_job j WHERE j.id = job_id)]', match: 'all' },
  // A dismissal of a duplicate pair is seen only by a scope that holds both workers.
  worker_duplicate_dismissal: {
    codes: `ARRAY[(SELECT w.village_code FROM worker w WHERE w.id = worker_low),
                  (SELECT w.village_code FROM worker w WHERE w.id = worker_high)]`,
    match: 'all',
  },
  // A stored probable-duplicate pair (issue 20 §2) is seen only by a scope that holds both workers.
  worker_duplicate_pair: {
    codes: `ARRAY[(SELECT w.village_code FROM worker w WHERE w.id = worker_low),
                  (SELECT w.village_code FROM worker w WHERE w.id = worker_high)]`,
    match: 'all',
  },
};

/** Rows that are national by design and visible to every scope (a NULL region means "for all regions"). */
const NATIONAL_WHEN_NULL: Record<string, string> = {
  exchange_template: 'the templates shipped with Lindung (region NULL) serve every region',
};

/** Tables the seed below leaves empty in the demo regency: probed for leaks, but with nothing of their own to see. */
const NOT_SEEDED: Record<string, string> = {
  import_file: 'holds uploads through the HTTP API only; this seed imports from a path',
  worker_duplicate_dismissal: 'no duplicate pair dismissed in this seed',
  security_event: 'no refused request in this seed (security.db.test.ts covers its visibility)',
  village_check_request: 'no village check asked in this seed (exchange.db.test.ts covers its scope)',
  // Governance (issue 16): governance.db.test.ts and the every-route scope test cover these tables' scope.
  ...Object.fromEntries(
    [
      'gov_organisation',
      'gov_member',
      'gov_instrument',
      'gov_expiry_alert',
      'gov_plan',
      'gov_plan_signatory',
      'gov_action_item',
      'gov_item_progress',
      'gov_meeting',
      'gov_meeting_attendance',
      'gov_meeting_decision',
    ].map((t) => [t, 'no governance record in this seed (governance.db.test.ts covers its scope)']),
  ),
  election_officer: 'no election roster in this seed (election.db.test.ts and the every-route scope test cover it)',
  // Issues 17, 19, 20, 21: their own db tests and the every-route scope test cover these tables' scope.
  ...Object.fromEntries(
    ['assessment', 'assessment_comment', 'assessment_evidence', 'assessment_score'].map((t) => [
      t,
      'no self-assessment in this seed (assessment.db.test.ts covers its scope)',
    ]),
  ),
  ...Object.fromEntries(
    [
      'collection_candidate',
      'collection_device',
      'collection_list',
      'collection_quota',
      'collection_receipt',
      'collection_target',
      'collection_visit',
    ].map((t) => [t, 'no collection target or list in this seed (collection.db.test.ts covers its scope)']),
  ),
  ...Object.fromEntries(
    [
      'construction_project',
      'employer',
      'employer_snapshot',
      'employer_snapshot_row',
      'employer_warning',
      'project_worker',
    ].map((t) => [t, 'no employer or project in this seed (employers.db.test.ts covers its scope)']),
  ),
  worker_duplicate_pair: 'the seed makes no probable duplicate (registry-duplicate-pairs.db.test.ts covers its scope)',
};

type RlsTable = { table: string; columns: string[]; overlaps: boolean };

function inScope(code: string, scope: string): boolean {
  return code === scope || code.startsWith(`${scope}.`);
}
/** lindung_scope_overlaps: a scope also sees rows of the regions above it (a regency's programme in a district). */
function overlaps(code: string, scope: string): boolean {
  return inScope(code, scope) || scope.startsWith(`${code}.`);
}

let db: TestDatabase;
let tables: RlsTable[];

beforeAll(async () => {
  db = await createTestDatabase('rls_probe');
  const place = { regency: DEMO_REGENCY, village: DEMO_VILLAGE };
  await makeUser(db, 'admin', DEMO_REGENCY);
  await seedDemoPrograms(db, place, NOW);
  await seedDemoExchange(db, place, NOW);
  await seedDemoTargets(db, place);
  await seedDemoBilling(db, place, NOW);
  await seedDemoCoverage(db);
  // The second region: its own workers and user.
  await makeUser(db, 'admin', OTHER_REGENCY);
  await generateDemoWorkers(db, systemContext('test'), { regency: OTHER_REGENCY, count: 200, seed: 7 });
  // An import with a rejected row (a job and its issue) and a generated monthly report (its files), in the demo
  // regency.
  const dir = await mkdtemp(path.join(tmpdir(), 'lindung-rls-'));
  try {
    const file = path.join(dir, 'desa.csv');
    await writeFile(file, 'NIK;Nama;Tanggal Lahir;JK;Kode Desa\r\n123;Salah;01-01-1990;P;34.02.08.2004\r\n');
    const base = systemContext('test');
    await importFileNow(db, { ...base, actor: { ...base.actor, scope: DEMO_REGENCY } }, { path: file, mode: 'commit' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const clock = () => NOW;
  const report = await createReport(
    db.app,
    systemContext('test'),
    { region: DEMO_REGENCY, month: '2026-06' },
    () => undefined,
    clock,
  );
  await generateReport(db.app, systemContext('test'), report.id, { clock });
  // A registration batch's file downloaded once (the exchange log).
  const batch = await db.owner.selectFrom('enrollment_batch').select('id').orderBy('id').executeTakeFirstOrThrow();
  await exportBatch(db.app, systemContext('test'), String(batch.id), 'csv', new SimulatorAdapter());
  // A reported claim, an heir and a KK number of a demo worker (claims' own tables).
  const claimed = await db.owner
    .selectFrom('worker')
    .select(['id', 'village_code'])
    .where('kabkota_code', '=', DEMO_REGENCY)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const workerId = String(claimed.id);
  const claim = await reportClaim(db.app, systemContext('test'), {
    workerId,
    type: 'jkm',
    eventDate: '2026-06-10',
    place: 'Rumah',
    chronology: 'Meninggal dunia.',
    witnesses: [],
  });
  await addHeir(db.app, systemContext('test'), workerId, { name: 'Ahli Waris', relation: 'spouse' });
  await setKkNumber(db.app, systemContext('test'), workerId, { kkNumber: '3402080101100001' });
  // A gap-ledger entry imported from a list, for a person not in the registry.
  const gapList = `NIK;Nama;Kode desa;Jenis;Tanggal kejadian\n3402081503880051;Warga Daftar;${claimed.village_code};JKM;05-06-2026`;
  const imported = await importGapList(
    db.app,
    systemContext('test'),
    { fileName: 'daftar.csv', dryRun: false },
    Buffer.from(gapList),
  );
  expect(imported.added).toBe(1);
  // A document of that claim (its file in a throw-away directory) and a timeline row (an assignment).
  const docDir = await mkdtemp(path.join(tmpdir(), 'lindung-rls-'));
  const documents = { db: db.app, store: fileDocumentStore(docDir), maxBytes: 1 << 20 };
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  await uploadDocument(documents, systemContext('test'), claim.id, { item: 'kpj_card', fileName: 'kpj.pdf' }, pdf);
  await rm(docDir, { recursive: true, force: true });
  await assign(db.app, systemContext('test'), claim.id, { assignee: null });

  const found = await sql<{ table: string; columns: string[]; select_quals: string[] }>`
    SELECT c.relname AS table,
           array(SELECT a.attname::text FROM pg_attribute a
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
           array(SELECT coalesce(p.qual, '') FROM pg_policies p
                 WHERE p.schemaname = 'public' AND p.tablename = c.relname AND p.cmd IN ('SELECT', 'ALL')) AS select_quals
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity
    ORDER BY c.relname`.execute(db.owner);
  tables = found.rows.map((r) => ({
    table: r.table,
    columns: r.columns,
    overlaps: r.select_quals.some((q) => q.includes('lindung_scope_overlaps')),
  }));
});
afterAll(async () => {
  await db?.drop();
});

function regionOf(t: RlsTable): { codes: string; match: 'any' | 'all' } {
  const listed = REGION_OF[t.table];
  if (listed) return listed;
  const column = ['region_code', 'village_code', 'area_code'].find((c) => t.columns.includes(c));
  if (!column) throw new Error(`${t.table}: no region column; say in REGION_OF which region its rows belong to`);
  return { codes: `ARRAY[${column}]`, match: 'all' };
}

type Probe = { table: string; seen: number; leaked: string[]; missing: number; own: number; foreign: number };

/**
 * In one transaction of the owner: as the application role with `scope`, a plain SELECT of the table's row ids; then
 * (back as the owner, who bypasses RLS) the region codes of every row, to compare what was seen with what belongs.
 */
async function probe(tx: Tx, t: RlsTable, scope: string): Promise<Probe> {
  const region = regionOf(t);
  await sql`SELECT set_config('lindung.scope', ${scope}, true)`.execute(tx);
  await sql.raw(`SET LOCAL ROLE ${APP_ROLE}`).execute(tx);
  const seen = await sql<{ id: string }>`SELECT ctid::text AS id FROM ${sql.table(t.table)}`.execute(tx);
  await sql.raw('RESET ROLE').execute(tx);
  const all = await sql<{ id: string; codes: (string | null)[] }>`
    SELECT ctid::text AS id, ${sql.raw(region.codes)} AS codes FROM ${sql.table(t.table)}`.execute(tx);
  const fits = (code: string | null) =>
    code === null ? t.table in NATIONAL_WHEN_NULL : t.overlaps ? overlaps(code, scope) : inScope(code, scope);
  const belongs = new Map(
    all.rows.map((r) => [r.id, region.match === 'any' ? r.codes.some(fits) : r.codes.every(fits)] as const),
  );
  const seenIds = new Set(seen.rows.map((r) => r.id));
  const leaked = [...seenIds].filter((id) => !belongs.get(id));
  const ownIds = [...belongs].filter(([, ok]) => ok).map(([id]) => id);
  return {
    table: t.table,
    seen: seenIds.size,
    leaked: all.rows.filter((r) => leaked.includes(r.id)).map((r) => `${r.codes.join('|')}`),
    missing: ownIds.filter((id) => !seenIds.has(id)).length,
    own: ownIds.length,
    foreign: all.rows.length - ownIds.length,
  };
}

async function probeAll(scope: string): Promise<Probe[]> {
  return db.owner.transaction().execute(async (tx) => {
    const out: Probe[] = [];
    for (const t of tables) out.push(await probe(tx, t, scope));
    return out;
  });
}

describe('row-level security alone', () => {
  it('finds the regional tables in pg_catalog and knows the region of each', () => {
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(['worker', 'bill', 'enrollment', 'app_user']));
    for (const t of tables) expect(() => regionOf(t), t.table).not.toThrow();
  });

  it.each([DEMO_REGENCY, OTHER_REGENCY, DISTRICT])(
    'a plain SELECT in scope %s returns exactly the rows of that region, from every table',
    async (scope) => {
      const probes = await probeAll(scope);
      for (const p of probes) {
        expect(p.leaked.slice(0, 5), `${p.table}: rows of another region seen in ${scope}`).toEqual([]);
        expect(p.missing, `${p.table}: rows of ${scope} not seen`).toBe(0);
      }
      if (scope === DEMO_REGENCY) {
        // Every table has rows of the demo regency to see (so the probe is not vacuous), unless listed as unseeded.
        const empty = probes.filter((p) => p.own === 0).map((p) => p.table);
        expect(empty.sort()).toEqual(Object.keys(NOT_SEEDED).sort());
      }
      if (scope === OTHER_REGENCY) {
        expect(probes.find((p) => p.table === 'worker')?.seen).toBe(200);
      }
    },
  );

  it('fails when one policy is opened to true (checked on every table, rolled back)', async () => {
    const opened: string[] = [];
    for (const t of tables) {
      const policies = await sql<{ policyname: string }>`
        SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = ${t.table}
          AND cmd IN ('SELECT', 'ALL')`.execute(db.owner);
      const caught = await db.owner
        .transaction()
        .execute(async (tx) => {
          for (const p of policies.rows)
            await sql.raw(`ALTER POLICY ${p.policyname} ON ${t.table} USING (true)`).execute(tx);
          const p = await probe(tx, t, OTHER_REGENCY);
          throw Object.assign(new Error('rollback'), { probe: p });
        })
        .catch((err: { probe?: Probe }) => err.probe);
      if (caught && caught.leaked.length > 0) opened.push(t.table);
    }
    // Every table with rows outside Kab. Sleman shows them once its policy is opened: the probe would fail.
    const withRows = (await probeAll(OTHER_REGENCY)).filter((p) => p.foreign > 0).map((p) => p.table);
    expect(withRows.length).toBeGreaterThan(15);
    expect(opened.sort()).toEqual(withRows.sort());
  });
});
