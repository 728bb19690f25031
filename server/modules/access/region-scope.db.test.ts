import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope, type Db } from '../../platform/db.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import type { App } from '../../platform/http.ts';
import { systemContext } from '../../platform/context.ts';
import { registerWorker } from '../registry/index.ts';
import { createProgram, proposeWorkers, submitBatch, verifyEnrollments } from '../programs/index.ts';
import { importSnapshot } from '../exchange/index.ts';
import { addMonths, currentMonthWib } from '../../../lib/rules/eligibility.ts';
import { tableDigest } from '../../testing/unchanged.ts';
import { systemClock } from '../../platform/clock.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addHeir, fileDocumentStore, reportClaim, uploadDocument } from '../claims/index.ts';
import { createInstrument, createOrganisation, createPlan, uploadInstrumentFile } from '../governance/index.ts';
import { governanceScopeProbes } from '../governance/governance.scope-probes.ts';
import { fileStore } from '../../platform/file-store.ts';
import { employerScopeProbes } from '../employers/employers.scope-probes.ts';
import { collectionScopeProbes } from '../collection/collection.scope-probes.ts';
import { electionScopeProbes } from '../programs/election.scope-probes.ts';
import { fileEvidenceStore, openAssessment, uploadEvidence } from '../assessment/index.ts';

// Region scope is enforced twice: in every query and by row-level security. These tests hold both layers to it.

const HOME = '34.02'; // Kab. Bantul
const OTHER = '34.04'; // Kab. Sleman

class Rollback extends Error {}

/**
 * Row-level security alone, without any WHERE of ours: inside a transaction scoped to HOME, unfiltered statements
 * must neither see, count, change nor remove OTHER's rows. Throws when isolation fails.
 */
async function assertRlsIsolates(appDb: Db, owner: Db): Promise<void> {
  const otherBefore = await owner
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('region_code', 'like', `${OTHER}%`)
    .execute();
  if (otherBefore.length === 0) throw new Error('fixture: no rows in the other regency');
  try {
    await withScope(appDb, HOME, async (tx) => {
      const rows = await sql<{ region_code: string }>`SELECT region_code FROM app_user`.execute(tx);
      const leaked = rows.rows.filter((r) => !r.region_code.startsWith(HOME));
      if (leaked.length) throw new Error(`RLS leak on read: ${leaked.length} rows of other regions visible`);
      if (rows.rows.length === 0) throw new Error('RLS hides the home regency too');
      const counted = await sql<{
        n: string;
      }>`SELECT count(*) AS n FROM app_user WHERE region_code LIKE ${OTHER + '%'}`.execute(tx);
      if (Number(counted.rows[0]?.n) !== 0) throw new Error('RLS leak on count');
      const updated =
        await sql`UPDATE app_user SET display_name = 'DIUBAH' WHERE region_code LIKE ${OTHER + '%'}`.execute(tx);
      if (Number(updated.numAffectedRows) !== 0) throw new Error('RLS leak on update');
      const moved = await sql`UPDATE app_user SET region_code = ${OTHER} WHERE region_code LIKE ${HOME + '%'}`
        .execute(tx)
        .then(
          () => 'moved',
          (e: Error) => e.message,
        );
      if (moved === 'moved') throw new Error('RLS lets a row be moved out of scope');
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  try {
    await withScope(appDb, HOME, async (tx) => {
      const deleted = await sql`DELETE FROM app_user WHERE region_code LIKE ${OTHER + '%'}`.execute(tx);
      if (Number(deleted.numAffectedRows) !== 0) throw new Error('RLS leak on delete');
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  const otherAfter = await owner
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('region_code', 'like', `${OTHER}%`)
    .execute();
  if (JSON.stringify(otherAfter) !== JSON.stringify(otherBefore)) throw new Error('other regency rows changed');
}

let db: TestDatabase;
let app: App;
let headers: Record<string, string>;
let otherUserId: string;
let otherWorkerId: string;
const OTHER_NIK = '3404014509850001';

beforeAll(async () => {
  db = await createTestDatabase('scope');
  app = await testApp(db, { EXCHANGE_ADAPTER: 'simulator' });
  const disnaker = await makeUser(db, 'disnaker', HOME, 'disnaker.bantul');
  await makeUser(db, 'operator', '34.02.08.2004', 'operator.trirenggo');
  otherUserId = (await makeUser(db, 'operator', '34.04.01.2001', 'operator.sleman')).id;
  await makeUser(db, 'disnaker', OTHER, 'disnaker.sleman');
  headers = await signIn(app, disnaker.username, disnaker.password);
  // An audit row in the other regency, so the audit probe has something to not show.
  const sleman = await makeUser(db, 'bpjs', OTHER, 'bpjs.sleman');
  await signIn(app, sleman.username, sleman.password);
  const base = { birthDate: '1985-09-05', sex: 'P' as const, segment: 'farmer' as const, category: 'BPU' as const };
  otherWorkerId = (
    await registerWorker(db.app, systemContext('test'), {
      ...base,
      nik: OTHER_NIK,
      fullName: 'Warga Sleman',
      village: `${OTHER}.01.2001`,
    })
  ).id;
  await registerWorker(db.app, systemContext('test'), {
    ...base,
    nik: '3402084509850001',
    fullName: 'Warga Bantul',
    village: '34.02.08.2004',
  });
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('the database role', () => {
  it('runs requests as a role that is neither superuser nor table owner', async () => {
    const r = await sql<{ user: string; superuser: boolean; owns: number }>`
      SELECT current_user AS user,
             (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
             (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owns`.execute(
      db.app,
    );
    expect(r.rows[0]).toEqual({ user: 'lindung_app', superuser: false, owns: 0 });
  });

  it('sees nothing at all when no scope is set', async () => {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM app_user`.execute(db.app);
    expect(Number(r.rows[0]?.n)).toBe(0);
  });
});

describe('row-level security on its own', () => {
  it('isolates the other regency for read, count, update and delete', async () => {
    await expect(assertRlsIsolates(db.app, db.owner)).resolves.toBeUndefined();
  });

  it('is what makes that check pass: with the policy opened, disabled or dropped the check fails', async () => {
    const probe = await createTestDatabase('scope_probe');
    try {
      await makeUser(probe, 'operator', '34.02.08.2004', 'operator.rumah');
      await makeUser(probe, 'operator', '34.04.01.2001', 'operator.luar');
      await assertRlsIsolates(probe.app, probe.owner);

      await sql`DROP POLICY app_user_scope ON app_user`.execute(probe.owner);
      await sql`CREATE POLICY app_user_scope ON app_user USING (true) WITH CHECK (true)`.execute(probe.owner);
      await expect(assertRlsIsolates(probe.app, probe.owner)).rejects.toThrow(/RLS leak on read/);

      await sql`ALTER TABLE app_user DISABLE ROW LEVEL SECURITY`.execute(probe.owner);
      await expect(assertRlsIsolates(probe.app, probe.owner)).rejects.toThrow(/RLS leak/);

      await sql`ALTER TABLE app_user ENABLE ROW LEVEL SECURITY`.execute(probe.owner);
      await sql`DROP POLICY app_user_scope ON app_user`.execute(probe.owner);
      await expect(assertRlsIsolates(probe.app, probe.owner)).rejects.toThrow(/hides the home regency/);
    } finally {
      await probe.drop();
    }
  });
});

describe('every endpoint, for a Disnaker of Kab. Bantul', () => {
  // Each route that carries regional rows, with how it is probed. The last test keeps this list complete.
  const covered = new Map<string, () => Promise<void>>([
    [
      'GET /api/users',
      async () => {
        const all = (await app.inject({ method: 'GET', url: '/api/users?pageSize=200', headers })).json();
        expect(all.items.length).toBeGreaterThan(0);
        for (const u of all.items) expect(u.region.startsWith(HOME)).toBe(true);
        expect(all.total).toBe(all.items.length);
        const filtered = (await app.inject({ method: 'GET', url: `/api/users?region=${OTHER}`, headers })).json();
        expect(filtered).toMatchObject({ items: [], total: 0 });
        const byName = (await app.inject({ method: 'GET', url: '/api/users?q=sleman', headers })).json();
        expect(byName.total).toBe(0);
      },
    ],
    [
      'GET /api/users/{id}',
      async () => {
        const r = await app.inject({ method: 'GET', url: `/api/users/${otherUserId}`, headers });
        expect(r.statusCode).toBe(404);
      },
    ],
    [
      'PATCH /api/users/{id}',
      async () => {
        const r = await app.inject({
          method: 'PATCH',
          url: `/api/users/${otherUserId}`,
          headers,
          payload: { displayName: 'Diambil alih' },
        });
        expect(r.statusCode).toBe(404);
        const row = await db.owner
          .selectFrom('app_user')
          .select('display_name')
          .where('id', '=', otherUserId)
          .executeTakeFirstOrThrow();
        expect(row.display_name).toBe('Uji operator');
      },
    ],
    [
      'DELETE /api/users/{id}',
      async () => {
        const r = await app.inject({ method: 'DELETE', url: `/api/users/${otherUserId}`, headers });
        expect(r.statusCode).toBe(404);
        const row = await db.owner
          .selectFrom('app_user')
          .select('active')
          .where('id', '=', otherUserId)
          .executeTakeFirstOrThrow();
        expect(row.active).toBe(true);
      },
    ],
    [
      'POST /api/users',
      async () => {
        const before = await tableDigest(db.owner, ['app_user']);
        const r = await app.inject({
          method: 'POST',
          url: '/api/users',
          headers,
          payload: {
            username: 'penyusup',
            displayName: 'Penyusup',
            password: 'kopi-hujan-sawah-lebar',
            role: 'operator',
            region: `${OTHER}.01.2001`,
          },
        });
        expect(r.statusCode).toBe(403);
        expect(await tableDigest(db.owner, ['app_user'])).toEqual(before);
      },
    ],
    [
      'GET /api/audit',
      async () => {
        const mine = (await app.inject({ method: 'GET', url: '/api/audit?pageSize=200', headers })).json();
        expect(mine.total).toBeGreaterThan(0);
        for (const e of mine.items) expect(e.region === null ? false : e.region.startsWith(HOME)).toBe(true);
        const other = (await app.inject({ method: 'GET', url: `/api/audit?region=${OTHER}`, headers })).json();
        expect(other.total).toBe(0);
      },
    ],
  ]);
  // Security events and alerts: the administrator's only (their region's accounts, security.db.test.ts).
  for (const route of ['/api/security/events', '/api/security/alerts']) {
    covered.set(`GET ${route}`, async () => {
      const r = await app.inject({ method: 'GET', url: route, headers });
      expect(r.statusCode).toBe(403);
    });
  }
  // The home page's to-do counts: only the caller's regency's work (counted per region in home.db.test.ts).
  covered.set('GET /api/home/todo', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/home/todo', headers });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(OTHER);
    expect(r.body).not.toContain(OTHER_NIK);
  });
  // Workers: the list, counts and filters, one record, a change, the NIK reveal.
  covered.set('GET /api/workers', async () => {
    const all = (await app.inject({ method: 'GET', url: '/api/workers?pageSize=200', headers })).json();
    expect(all.items.length).toBeGreaterThan(0);
    for (const w of all.items) expect(w.village.startsWith(HOME)).toBe(true);
    expect(all.total).toBe(all.items.length);
    for (const q of [`region=${OTHER}`, `nik=${OTHER_NIK}`, 'name=warga%20sleman']) {
      const r = (await app.inject({ method: 'GET', url: `/api/workers?${q}`, headers })).json();
      expect(r, q).toMatchObject({ items: [], total: 0 });
    }
  });
  covered.set('GET /api/workers/{id}', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/workers/${otherWorkerId}`, headers });
    expect(r.statusCode).toBe(404);
  });
  covered.set('PATCH /api/workers/{id}', async () => {
    const r = await app.inject({
      method: 'PATCH',
      url: `/api/workers/${otherWorkerId}`,
      headers,
      payload: { fullName: 'Diambil alih' },
    });
    expect(r.statusCode).toBe(404);
    const row = await db.owner
      .selectFrom('worker')
      .select('full_name')
      .where('id', '=', otherWorkerId)
      .executeTakeFirstOrThrow();
    expect(row.full_name).toBe('Warga Sleman');
  });
  covered.set('POST /api/workers', async () => {
    const before = await tableDigest(db.owner, ['worker']);
    const r = await app.inject({
      method: 'POST',
      url: '/api/workers',
      headers,
      payload: {
        nik: '3404014509850002',
        fullName: 'Penyusup',
        birthDate: '1985-09-05',
        sex: 'P',
        village: `${OTHER}.01.2001`,
        segment: 'farmer',
        category: 'BPU',
      },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('OUT_OF_SCOPE');
    expect(await tableDigest(db.owner, ['worker'])).toEqual(before);
  });
  covered.set('POST /api/workers/{id}/reveal-nik', async () => {
    const r = await app.inject({ method: 'POST', url: `/api/workers/${otherWorkerId}/reveal-nik`, headers });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain(OTHER_NIK);
  });
  covered.set('GET /api/workers/{id}/personal-data', async () => {
    for (const format of ['json', 'pdf']) {
      const r = await app.inject({
        method: 'GET',
        url: `/api/workers/${otherWorkerId}/personal-data?format=${format}`,
        headers,
      });
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toContain(OTHER_NIK);
    }
  });
  // Worker history and probable duplicates: a pair of the other regency is neither listed nor decided.
  covered.set('GET /api/workers/{id}/history', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/workers/${otherWorkerId}/history`, headers });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('Sleman');
  });
  // The protection record and the search results' badges answer for the other regency's worker as for no worker.
  covered.set('GET /api/workers/{id}/protection', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/workers/${otherWorkerId}/protection`, headers });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('Sleman');
  });
  covered.set('GET /api/workers/protection', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/workers/protection?ids=${otherWorkerId}`, headers });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ items: [] });
  });
  let otherTwinId: string | null = null;
  const otherTwin = async () => {
    otherTwinId ??= (
      await registerWorker(db.app, systemContext('test'), {
        nik: '3404014509850011', // one digit from OTHER_NIK, same name and birth date: a probable pair
        fullName: 'Warga Sleman',
        birthDate: '1985-09-05',
        sex: 'P',
        segment: 'farmer',
        category: 'BPU',
        village: `${OTHER}.01.2001`,
      })
    ).id;
    return otherTwinId;
  };
  covered.set('GET /api/workers/duplicates', async () => {
    await otherTwin();
    const all = (await app.inject({ method: 'GET', url: '/api/workers/duplicates?pageSize=50', headers })).json();
    for (const p of all.items) for (const w of [p.a, p.b]) expect(w.village.startsWith(`${HOME}.`)).toBe(true);
    const other = (await app.inject({ method: 'GET', url: `/api/workers/duplicates?region=${OTHER}`, headers })).json();
    expect(other).toMatchObject({ items: [], total: 0 });
  });
  for (const [route, payload] of [
    ['POST /api/workers/duplicates/merge', (twin: string) => ({ keepId: otherWorkerId, mergeId: twin })],
    ['POST /api/workers/duplicates/dismiss', (twin: string) => ({ aId: otherWorkerId, bId: twin })],
  ] as const) {
    covered.set(route, async () => {
      const twin = await otherTwin();
      const r = await app.inject({ method: 'POST', url: route.split(' ')[1]!, headers, payload: payload(twin) });
      expect(r.statusCode).toBe(404);
      const rows = await db.owner
        .selectFrom('worker')
        .select('merged_into')
        .where('id', 'in', [otherWorkerId, twin])
        .execute();
      expect(rows.map((w) => w.merged_into)).toEqual([null, null]);
      const dismissed = await db.owner.selectFrom('worker_duplicate_dismissal').selectAll().execute();
      expect(dismissed).toEqual([]);
    });
  }
  // Imports: a job of the other regency (its file and its problems) must stay invisible and untouchable.
  let otherJob: string | null = null;
  const otherImport = async () => {
    if (otherJob) return otherJob;
    const job = await db.owner
      .insertInto('import_job')
      .values({
        region_code: OTHER,
        created_by: 'operator.sleman',
        file_name: 'sleman.csv',
        file_sha256: '0'.repeat(64),
        file_size: 20,
        format: 'csv',
        status: 'validated',
        mode: 'dry_run',
        summary: JSON.stringify({ total: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0, warnings: 0 }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    otherJob = String(job.id);
    await db.owner
      .insertInto('import_file')
      .values({ job_id: otherJob, content: Buffer.from(`NIK;Nama\n${OTHER_NIK};X\n`) })
      .execute();
    await db.owner
      .insertInto('import_issue')
      .values({
        job_id: otherJob,
        region_code: OTHER,
        seq: 1,
        row: 2,
        column_index: 0,
        column_name: 'NIK',
        code: 'NIK_FORMAT',
        severity: 'error',
        message_id: OTHER_NIK,
        message_en: OTHER_NIK,
      })
      .execute();
    return otherJob;
  };
  covered.set('GET /api/imports', async () => {
    await otherImport();
    const r = (await app.inject({ method: 'GET', url: '/api/imports?pageSize=200', headers })).json();
    expect(r.items.map((j: { fileName: string }) => j.fileName)).not.toContain('sleman.csv');
  });
  for (const [route, method, suffix] of [
    ['GET /api/imports/{id}', 'GET', ''],
    ['GET /api/imports/{id}/issues', 'GET', '/issues'],
    ['GET /api/imports/{id}/report.xlsx', 'GET', '/report.xlsx'],
    ['POST /api/imports/{id}/commit', 'POST', '/commit'],
    ['DELETE /api/imports/{id}', 'DELETE', ''],
  ] as const) {
    covered.set(route, async () => {
      const id = await otherImport();
      const before = await db.owner.selectFrom('import_job').select('status').where('id', '=', id).executeTakeFirst();
      const r = await app.inject({ method, url: `/api/imports/${id}${suffix}`, headers });
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toContain(OTHER_NIK);
      // A refused change changed nothing.
      expect(await db.owner.selectFrom('import_job').select('status').where('id', '=', id).executeTakeFirst()).toEqual(
        before,
      );
    });
  }
  covered.set('POST /api/imports/{id}/mapping', async () => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/imports/${await otherImport()}/mapping`,
      headers,
      payload: { mapping: { NIK: 'nik' } },
    });
    expect(r.statusCode).toBe(404);
    const job = await db.owner
      .selectFrom('import_job')
      .select('status')
      .where('id', '=', await otherImport())
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('validated');
  });
  covered.set('POST /api/imports', async () => {
    // A file naming the other regency's village: its rows are refused, the job is the caller's own.
    const r = await app.inject({
      method: 'POST',
      url: '/api/imports?fileName=luar.csv',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(`NIK;Nama;Tgl Lahir;JK;Desa\n3404011203850009;Luar;12-03-1985;L;${OTHER}.01.2001\n`),
    });
    expect(r.statusCode).toBe(201);
    const id = r.json().id as string;
    let job = r.json();
    for (let i = 0; i < 200 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((done) => setTimeout(done, 50));
      job = (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers })).json();
    }
    expect(job.summary).toMatchObject({ total: 1, rejected: 1, inserted: 0 });
    const issues = (await app.inject({ method: 'GET', url: `/api/imports/${id}/issues`, headers })).json();
    expect(issues.items.map((i: { code: string }) => i.code)).toEqual(['REGION_UNKNOWN']);
  });
  // Programmes: Kab. Sleman's programme and its enrollment stay invisible and untouchable from Kab. Bantul.
  let otherProgram: string | null = null;
  const slemanProgram = async () => {
    if (otherProgram) return otherProgram;
    const program = await createProgram(db.app, systemContext('test'), {
      name: 'Program Sleman',
      funder: 'apbd_regency',
      funderRegion: OTHER,
      region: OTHER,
      targetSegments: ['farmer'],
      package: 'jkk_jkm',
      declaredIncome: 1_000_000,
      quota: 10,
      startMonth: addMonths(currentMonthWib(systemClock()), 1),
      months: 12,
      budgetCeiling: 10_000_000,
      minAge: 18,
      maxAge: 65,
    });
    await proposeWorkers(db.app, systemContext('test'), program.id, { workerIds: [otherWorkerId] });
    otherProgram = program.id;
    return otherProgram;
  };
  const slemanEnrollment = async () =>
    String(
      (
        await db.owner
          .selectFrom('enrollment')
          .select('id')
          .where('program_id', '=', await slemanProgram())
          .executeTakeFirstOrThrow()
      ).id,
    );
  covered.set('GET /api/programs', async () => {
    await slemanProgram();
    const r = (await app.inject({ method: 'GET', url: '/api/programs?pageSize=200', headers })).json();
    expect(r.items.map((p: { name: string }) => p.name)).not.toContain('Program Sleman');
  });
  covered.set('POST /api/programs', async () => {
    const before = await tableDigest(db.owner, ['program']);
    const r = await app.inject({
      method: 'POST',
      url: '/api/programs',
      headers,
      payload: {
        name: 'Penyusup',
        funder: 'apbd_province',
        funderRegion: '34',
        region: OTHER,
        targetSegments: ['farmer'],
        package: 'jkk_jkm',
        declaredIncome: 1_000_000,
        quota: 10,
        startMonth: addMonths(currentMonthWib(systemClock()), 1),
        months: 12,
        budgetCeiling: 10_000_000,
        minAge: 18,
        maxAge: 65,
      },
    });
    expect(r.statusCode).toBe(403);
    expect(await tableDigest(db.owner, ['program'])).toEqual(before);
  });
  for (const [route, method, suffix, payload] of [
    ['GET /api/programs/{id}', 'GET', '', undefined],
    ['PATCH /api/programs/{id}', 'PATCH', '', { name: 'Diambil alih' }],
    ['GET /api/programs/{id}/gaps', 'GET', '/gaps', undefined],
    ['GET /api/programs/{id}/enrollments', 'GET', '/enrollments', undefined],
    ['POST /api/programs/{id}/proposals/preview', 'POST', '/proposals/preview', { filter: {} }],
    ['POST /api/programs/{id}/proposals', 'POST', '/proposals', { filter: {} }],
    ['POST /api/programs/{id}/enrollments/verify', 'POST', '/enrollments/verify', 'ids'],
    ['POST /api/programs/{id}/enrollments/reject', 'POST', '/enrollments/reject', 'ids'],
    ['POST /api/programs/{id}/enrollments/end', 'POST', '/enrollments/end', 'ids'],
    ['POST /api/programs/{id}/batches', 'POST', '/batches', undefined],
    [
      'POST /api/programs/{id}/rollover/preview',
      'POST',
      '/rollover/preview',
      { dpaReference: 'DPA luar', budgetCeiling: 1 },
    ],
    ['POST /api/programs/{id}/rollover', 'POST', '/rollover', { dpaReference: 'DPA luar', budgetCeiling: 1 }],
  ] as const) {
    covered.set(route, async () => {
      const body =
        payload === 'ids'
          ? {
              ids: [await slemanEnrollment()],
              ...(suffix.endsWith('end') && { reason: 'withdrawn' }),
              ...(suffix.endsWith('reject') && { reason: 'Diambil alih' }),
            }
          : payload;
      const r = await app.inject({
        method,
        url: `/api/programs/${await slemanProgram()}${suffix}`,
        headers,
        ...(body !== undefined && { payload: body }),
      });
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toContain('Program Sleman');
      const row = await db.owner
        .selectFrom('enrollment')
        .select(['status'])
        .where('program_id', '=', await slemanProgram())
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('proposed');
    });
  }
  // The continuation list (issue 18 §5): no Sleman person on the list, in the export, or in a letter.
  const slemanWorker = async () =>
    String(
      (
        await db.owner
          .selectFrom('enrollment')
          .select('worker_id')
          .where('program_id', '=', await slemanProgram())
          .executeTakeFirstOrThrow()
      ).worker_id,
    );
  covered.set('GET /api/programs/continuation', async () => {
    const r = (await app.inject({ method: 'GET', url: '/api/programs/continuation?pageSize=200', headers })).json();
    expect(r.items.filter((p: { village: string }) => p.village.startsWith('34.04'))).toEqual([]);
  });
  covered.set('GET /api/programs/continuation.xlsx', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/programs/continuation.xlsx', headers });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('Program Sleman');
  });
  covered.set('GET /api/programs/continuation/{workerId}/letter.pdf', async () => {
    const url = `/api/programs/continuation/${await slemanWorker()}/letter.pdf`;
    const r = await app.inject({ method: 'GET', url, headers });
    expect(r.statusCode).toBe(404);
  });
  covered.set('POST /api/programs/{id}/proposals/file', async () => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/programs/${await slemanProgram()}/proposals/file?fileName=usulan.csv&dryRun=false`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('NIK;Nama\n3404011203850009;Luar\n'),
    });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('Program Sleman');
  });
  // Payroll rosters (issue 18 §2): Sleman's programme is not found from Bantul, before its file is read.
  covered.set('POST /api/programs/{id}/roster/preview', async () => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/programs/${await slemanProgram()}/roster/preview?fileName=gaji.csv`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('NIK;Nama;Gaji\n3404011203850009;Luar;2500000\n'),
    });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('Program Sleman');
  });
  covered.set('POST /api/programs/{id}/roster/accept', async () => {
    const before = await tableDigest(db.owner, ['worker', 'enrollment', 'program']);
    const row = { row: 2, nik: '3404011203850009', fullName: 'Luar', position: null, unit: null, wage: 2_500_000 };
    const r = await app.inject({
      method: 'POST',
      url: `/api/programs/${await slemanProgram()}/roster/accept`,
      headers,
      payload: { roster: [{ ...row, startDate: null, endDate: null, villageCode: '34.04.01.2001' }] },
    });
    expect(r.statusCode).toBe(404);
    expect(await tableDigest(db.owner, ['worker', 'enrollment', 'program'])).toEqual(before);
  });
  // Billing: a bill and a payment of Kab. Sleman's programme, and a lapsed member of Sleman's BPJS snapshot.
  let slemanBilling: { billId: string } | null = null;
  const slemanBill = async () => {
    if (slemanBilling) return slemanBilling;
    const programId = await slemanProgram();
    const bill = await db.owner
      .insertInto('bill')
      .values({
        program_id: programId,
        region_code: OTHER,
        month: `${currentMonthWib(systemClock())}-01`,
        persons: 1,
        price_per_person: 16_800,
        amount: 16_800,
        paid: 1_000,
        due_date: `${currentMonthWib(systemClock())}-15`,
        generated_by: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.owner
      .insertInto('payment')
      .values({
        bill_id: bill.id,
        program_id: programId,
        region_code: OTHER,
        paid_on: '2026-01-05',
        amount: 1_000,
        reference: 'SP2D-SLEMAN',
        recorded_by: 'disnaker.sleman',
      })
      .execute();
    const snapshot = await db.owner
      .insertInto('membership_snapshot')
      .values({ region_code: OTHER, as_of: '2026-01-31', source: 'file', imported_by: 'test', persons: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.owner
      .insertInto('bpjs_member')
      .values({
        snapshot_id: snapshot.id,
        region_code: OTHER,
        nik: OTHER_NIK,
        kpj_number: '990000000001',
        category: 'BPU',
        coverage_start: '2025-01-01',
        paid_through: '2025-02-01',
        village_code: `${OTHER}.01.2001`,
      })
      .execute();
    slemanBilling = { billId: bill.id };
    return slemanBilling;
  };
  covered.set('GET /api/bills', async () => {
    await slemanBill();
    const all = (await app.inject({ method: 'GET', url: '/api/bills?pageSize=200', headers })).json();
    for (const b of all.items) expect(b.region.startsWith(HOME)).toBe(true);
    const r = (
      await app.inject({ method: 'GET', url: `/api/bills?programId=${await slemanProgram()}`, headers })
    ).json();
    expect(r).toMatchObject({ items: [], total: 0 });
  });
  covered.set('GET /api/bills.xlsx', async () => {
    await slemanBill();
    const r = await app.inject({ method: 'GET', url: `/api/bills.xlsx?programId=${await slemanProgram()}`, headers });
    expect(r.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(3); // title, blank, header: no Sleman bill
  });
  covered.set('POST /api/bills/generate', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/bills/generate',
      headers,
      payload: { programId: await slemanProgram() },
    });
    expect(r.json()).toMatchObject({ created: 0, refreshed: 0 });
  });
  covered.set('POST /api/bills/{id}/payments', async () => {
    const { billId } = await slemanBill();
    const r = await app.inject({
      method: 'POST',
      url: `/api/bills/${billId}/payments`,
      headers,
      payload: { paidOn: '2026-01-05', amount: 100, reference: 'SP2D-PENYUSUP' },
    });
    expect(r.statusCode).toBe(404);
    const bill = await db.owner.selectFrom('bill').select('paid').where('id', '=', billId).executeTakeFirstOrThrow();
    expect(Number(bill.paid)).toBe(1_000);
  });
  covered.set('GET /api/payments', async () => {
    const { billId } = await slemanBill();
    const all = (await app.inject({ method: 'GET', url: '/api/payments?pageSize=200', headers })).json();
    expect(all.items.map((p: { reference: string }) => p.reference)).not.toContain('SP2D-SLEMAN');
    const r = (await app.inject({ method: 'GET', url: `/api/payments?billId=${billId}`, headers })).json();
    expect(r).toMatchObject({ items: [], total: 0 });
  });
  covered.set('GET /api/lapse-warnings', async () => {
    await slemanBill();
    const all = (await app.inject({ method: 'GET', url: '/api/lapse-warnings?pageSize=200', headers })).json();
    for (const w of all.items) expect(w.village.startsWith(HOME)).toBe(true);
    const r = await app.inject({ method: 'GET', url: `/api/lapse-warnings?region=${OTHER}`, headers });
    expect(r.statusCode).toBe(403);
  });
  covered.set('GET /api/lapse-warnings.xlsx', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/lapse-warnings.xlsx?region=${OTHER}`, headers });
    expect(r.statusCode).toBe(403);
  });
  covered.set('GET /api/coverage/check', async () => {
    await slemanBill();
    const r = await app.inject({ method: 'GET', url: `/api/coverage/check?nik=${OTHER_NIK}&date=2026-01-10`, headers });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ covered: false, programs: [] });
  });
  // BPJS exchange: Kab. Sleman's batch, its files and response, its snapshot and reconciliation stay out of reach.
  let slemanExchange: { batchId: string; enrollmentId: string } | null = null;
  const slemanBatch = async () => {
    if (slemanExchange) return slemanExchange;
    const ctx = systemContext('test');
    const worker = await registerWorker(db.app, ctx, {
      birthDate: '1985-09-05',
      sex: 'P',
      segment: 'farmer',
      category: 'BPU',
      nik: '3404014509850002',
      fullName: 'Peserta Sleman',
      village: `${OTHER}.01.2001`,
    });
    const program = await createProgram(db.app, ctx, {
      name: 'Program Sleman Pertukaran',
      funder: 'apbd_regency',
      funderRegion: OTHER,
      region: OTHER,
      targetSegments: ['farmer'],
      package: 'jkk_jkm',
      declaredIncome: 1_000_000,
      quota: 10,
      startMonth: addMonths(currentMonthWib(systemClock()), 1),
      months: 12,
      budgetCeiling: 10_000_000,
      minAge: 18,
      maxAge: 65,
    });
    await proposeWorkers(db.app, ctx, program.id, { workerIds: [worker.id] });
    const enrollment = await db.owner
      .selectFrom('enrollment')
      .select('id')
      .where('program_id', '=', program.id)
      .executeTakeFirstOrThrow();
    await verifyEnrollments(db.app, ctx, program.id, [enrollment.id]);
    const batch = await submitBatch(db.app, ctx, program.id);
    await importSnapshot(db, ctx, {
      fileName: 'snapshot-sleman.csv',
      region: OTHER,
      content: Buffer.from('NIK;KPJ;Kategori;Mulai\n3404014509850002;12345678901;BPU;01-01-2026\n'),
    });
    slemanExchange = { batchId: batch.batchId, enrollmentId: enrollment.id };
    return slemanExchange;
  };
  const slemanStillSubmitted = async () => {
    const { enrollmentId } = await slemanBatch();
    const row = await db.owner
      .selectFrom('enrollment')
      .select('status')
      .where('id', '=', enrollmentId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
  };
  covered.set('GET /api/exchange/batches', async () => {
    const { batchId } = await slemanBatch();
    const r = (await app.inject({ method: 'GET', url: '/api/exchange/batches?pageSize=200', headers })).json();
    expect(r.items.map((b: { id: string }) => b.id)).not.toContain(batchId);
  });
  for (const [route, method, suffix] of [
    ['GET /api/exchange/batches/{id}/file', 'GET', '/file?format=xlsx'],
    ['GET /api/exchange/batches/{id}/simulator/response-file', 'GET', '/simulator/response-file'],
    ['POST /api/exchange/batches/{id}/simulator/apply', 'POST', '/simulator/apply'],
  ] as const) {
    covered.set(route, async () => {
      const { batchId } = await slemanBatch();
      const r = await app.inject({ method, url: `/api/exchange/batches/${batchId}${suffix}`, headers });
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toContain('Peserta Sleman');
      await slemanStillSubmitted();
    });
  }
  covered.set('POST /api/exchange/batches/{id}/response', async () => {
    const { batchId } = await slemanBatch();
    const r = await app.inject({
      method: 'POST',
      url: `/api/exchange/batches/${batchId}/response?fileName=jawaban.csv&dryRun=false`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('NIK;KPJ;Status;Alasan;Mulai\n3404014509850002;12345678901;DITERIMA;;01-01-2027\n'),
    });
    expect(r.statusCode).toBe(404);
    await slemanStillSubmitted();
  });
  covered.set('GET /api/exchange/template', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/exchange/template?region=${OTHER}`, headers });
    expect(r.statusCode).toBe(403);
  });
  covered.set('PUT /api/exchange/template', async () => {
    const before = await tableDigest(db.owner, ['exchange_template']);
    const r = await app.inject({
      method: 'PUT',
      url: `/api/exchange/template?region=${OTHER}`,
      headers,
      payload: { name: 'Diambil alih', columns: [{ header: 'NIK', field: 'nik' }] },
    });
    expect(r.statusCode).toBe(403);
    const rows = await db.owner.selectFrom('exchange_template').select('region_code').execute();
    expect(rows.map((t) => t.region_code)).not.toContain(OTHER);
    expect(await tableDigest(db.owner, ['exchange_template'])).toEqual(before);
  });
  covered.set('GET /api/exchange/snapshots', async () => {
    await slemanBatch();
    const r = (await app.inject({ method: 'GET', url: '/api/exchange/snapshots?pageSize=200', headers })).json();
    expect(r.items.map((s: { region: string }) => s.region)).not.toContain(OTHER);
  });
  covered.set('POST /api/exchange/snapshots', async () => {
    const before = await tableDigest(db.owner, ['membership_snapshot', 'bpjs_member']);
    const r = await app.inject({
      method: 'POST',
      url: `/api/exchange/snapshots?fileName=s.csv&region=${OTHER}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('NIK;KPJ;Kategori;Mulai\n3404014509850002;12345678901;BPU;01-01-2026\n'),
    });
    expect(r.statusCode).toBe(403);
    expect(await tableDigest(db.owner, ['membership_snapshot', 'bpjs_member'])).toEqual(before);
  });
  covered.set('GET /api/exchange/reconciliation', async () => {
    await slemanBatch();
    const other = await app.inject({ method: 'GET', url: `/api/exchange/reconciliation?region=${OTHER}`, headers });
    expect(other.statusCode).toBe(403);
    const mine = (
      await app.inject({ method: 'GET', url: '/api/exchange/reconciliation?kind=outside', headers })
    ).json();
    expect(mine.snapshot).toBeNull();
    expect(mine.counts.outside).toBe(0);
  });
  covered.set('GET /api/exchange/reconciliation.xlsx', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/exchange/reconciliation.xlsx?region=${OTHER}`, headers });
    expect(r.statusCode).toBe(403);
  });
  // Reconciliation actions (issue 12): Kab. Sleman's enrollment and its village's check requests stay out of reach.
  covered.set('POST /api/exchange/reconciliation/take-kpj', async () => {
    const { enrollmentId } = await slemanBatch();
    const r = await app.inject({
      method: 'POST',
      url: '/api/exchange/reconciliation/take-kpj',
      headers,
      payload: { enrollmentId },
    });
    expect(r.statusCode).toBe(409);
    await slemanStillSubmitted();
    const other = await app.inject({
      method: 'POST',
      url: '/api/exchange/reconciliation/take-kpj',
      headers,
      payload: { enrollmentId, region: OTHER },
    });
    expect(other.statusCode).toBe(403);
  });
  let slemanCheck: string | null = null;
  const slemanCheckRequest = async () => {
    if (slemanCheck) return slemanCheck;
    const row = await db.owner
      .insertInto('village_check_request')
      .values({
        village_code: `${OTHER}.01.2001`,
        nik: '3404014509850002',
        worker_id: null,
        enrollment_id: null,
        snapshot_id: null,
        reason: 'KPJ berbeda',
        note: null,
        requested_by: 'bpjs.sleman',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    slemanCheck = String(row.id);
    return slemanCheck;
  };
  covered.set('POST /api/exchange/village-checks', async () => {
    const { enrollmentId } = await slemanBatch();
    const r = await app.inject({
      method: 'POST',
      url: '/api/exchange/village-checks',
      headers,
      payload: { enrollmentId },
    });
    expect(r.statusCode).toBe(409);
    const rows = await db.owner
      .selectFrom('village_check_request')
      .select('id')
      .where('enrollment_id', '=', enrollmentId)
      .execute();
    expect(rows).toEqual([]);
  });
  covered.set('GET /api/exchange/village-checks', async () => {
    const id = await slemanCheckRequest();
    const r = (await app.inject({ method: 'GET', url: '/api/exchange/village-checks', headers })).json();
    expect(r.items.map((c: { id: string }) => c.id)).not.toContain(id);
  });
  covered.set('POST /api/exchange/village-checks/{id}/answer', async () => {
    const id = await slemanCheckRequest();
    const r = await app.inject({
      method: 'POST',
      url: `/api/exchange/village-checks/${id}/answer`,
      headers,
      payload: { answer: 'Diambil alih' },
    });
    expect(r.statusCode).toBe(404);
    const row = await db.owner
      .selectFrom('village_check_request')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });
  // Coverage (issue 6): figures of another regency are refused; the people list stays inside the scope.
  for (const path of ['dashboard', 'summary', 'active', 'people'] as const) {
    covered.set(`GET /api/coverage/${path}`, async () => {
      const month = currentMonthWib(systemClock());
      const query = path === 'active' ? `&fromMonth=${month}&toMonth=${month}` : '';
      const r = await app.inject({ method: 'GET', url: `/api/coverage/${path}?region=${OTHER}${query}`, headers });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('OUT_OF_SCOPE');
    });
  }
  covered.set('GET /api/coverage/people.xlsx', async () => {
    // The XLSX of the people list: refused for the other regency before anything is audited or read; the home
    // regency's file holds no row of it.
    const exports = () =>
      db.owner.selectFrom('audit_log').select('id').where('action', '=', 'coverage.people.export').execute();
    const before = (await exports()).length;
    const r = await app.inject({ method: 'GET', url: `/api/coverage/people.xlsx?region=${OTHER}`, headers });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('OUT_OF_SCOPE');
    expect(await exports()).toHaveLength(before);
    const mine = await app.inject({ method: 'GET', url: `/api/coverage/people.xlsx?region=${HOME}`, headers });
    expect(mine.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(mine.rawPayload as unknown as ArrayBuffer);
    wb.getWorksheet('Peserta')!.eachRow((row, n) => {
      if (n > 1) expect(String(row.getCell(4).value).startsWith(`${OTHER}.`)).toBe(false);
    });
    expect(await exports()).toHaveLength(before + 1);
  });
  covered.set('POST /api/coverage/refresh', async () => {
    // A refresh recomputes every region (it changes figures, never rows of people) and answers only counts.
    const r = await app.inject({ method: 'POST', url: '/api/coverage/refresh', headers, payload: {} });
    expect(r.statusCode).toBe(200);
    expect(Object.keys(r.json()).sort()).toEqual(['asOf', 'persons']);
  });
  covered.set('GET /open/coverage', async () => {
    // Public aggregates: no NIK, no names, no count from 1 to 4.
    const r = await app.inject({ method: 'GET', url: '/open/coverage?format=csv' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toMatch(/\d{16}/);
    for (const line of r.body.trim().split('\n').slice(1))
      expect(['1', '2', '3', '4']).not.toContain(line.split(',')[4]);
  });
  // Denominators, targets and monthly reports (issue 6 §1, §3, §5): Kab. Sleman's rows stay invisible and untouched.
  let slemanPlanning: { workforce: string; target: string; report: string } | null = null;
  const slemanPlan = async () => {
    if (slemanPlanning) return slemanPlanning;
    const w = await db.owner
      .insertInto('workforce')
      .values({
        region_code: OTHER,
        year: 2026,
        kind: 'employed',
        persons: 700_000,
        source: 'BPS Sleman',
        updated_by: 'uji',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const t = await db.owner
      .insertInto('coverage_target')
      .values({
        region_code: OTHER,
        year: 2026,
        kind: 'employed',
        target_percent: 40,
        basis: 'RPJMD',
        updated_by: 'uji',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await db.owner
      .insertInto('monthly_report')
      .values({ region_code: OTHER, month: '2026-01-01', trigger: 'manual', requested_by: 'uji' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.owner
      .insertInto('monthly_report_file')
      .values({
        report_id: String(r.id),
        region_code: OTHER,
        format: 'pdf',
        file_name: 'sleman.pdf',
        size: 4,
        sha256: '0'.repeat(64),
        content: Buffer.from('%PDF'),
      })
      .execute();
    await db.owner.updateTable('monthly_report').set({ status: 'done' }).where('id', '=', String(r.id)).execute();
    slemanPlanning = { workforce: String(w.id), target: String(t.id), report: String(r.id) };
    return slemanPlanning;
  };
  const slemanUntouched = async () => {
    const w = await db.owner.selectFrom('workforce').select('persons').where('region_code', '=', OTHER).execute();
    expect(w).toEqual([{ persons: 700_000 }]);
    const t = await db.owner
      .selectFrom('coverage_target')
      .select('target_percent')
      .where('region_code', '=', OTHER)
      .execute();
    expect(t.map((x) => Number(x.target_percent))).toEqual([40]);
  };
  covered.set('GET /api/workforce', async () => {
    await slemanPlan();
    const all = (await app.inject({ method: 'GET', url: '/api/workforce?pageSize=200', headers })).json();
    for (const w of all.items) expect(w.region.startsWith(HOME)).toBe(true);
    const other = (await app.inject({ method: 'GET', url: `/api/workforce?region=${OTHER}`, headers })).json();
    expect(other).toMatchObject({ items: [], total: 0 });
  });
  covered.set('GET /api/workforce.xlsx', async () => {
    await slemanPlan();
    const r = await app.inject({ method: 'GET', url: `/api/workforce.xlsx?region=${OTHER}`, headers });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(1); // the header only
  });
  covered.set('PUT /api/workforce', async () => {
    await slemanPlan();
    const r = await app.inject({
      method: 'PUT',
      url: '/api/workforce',
      headers,
      payload: { region: OTHER, year: 2026, kind: 'employed', persons: 1, source: 'Penyusup' },
    });
    expect(r.statusCode).toBe(403);
    await slemanUntouched();
  });
  for (const [route, method, payload] of [
    ['PATCH /api/workforce/{id}', 'PATCH', { persons: 1 }],
    ['DELETE /api/workforce/{id}', 'DELETE', undefined],
  ] as const) {
    covered.set(route, async () => {
      const { workforce } = await slemanPlan();
      const r = await app.inject({ method, url: `/api/workforce/${workforce}`, headers, ...(payload && { payload }) });
      expect(r.statusCode).toBe(404);
      await slemanUntouched();
    });
  }
  covered.set('POST /api/workforce/import', async () => {
    await slemanPlan();
    const r = await app.inject({
      method: 'POST',
      url: '/api/workforce/import?fileName=luar.csv',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(`Kode Wilayah;Tahun;Penduduk Bekerja;Sumber\n${OTHER};2026;1;Penyusup\n`),
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.issues[0].message).toContain('di luar wilayah kerja Anda');
    await slemanUntouched();
  });
  covered.set('GET /api/targets', async () => {
    await slemanPlan();
    const all = (await app.inject({ method: 'GET', url: '/api/targets?pageSize=200', headers })).json();
    for (const t of all.items) expect(t.region.startsWith(HOME)).toBe(true);
    const other = (await app.inject({ method: 'GET', url: `/api/targets?region=${OTHER}`, headers })).json();
    expect(other).toMatchObject({ items: [], total: 0 });
  });
  covered.set('POST /api/targets', async () => {
    await slemanPlan();
    const r = await app.inject({
      method: 'POST',
      url: '/api/targets',
      headers,
      payload: { region: OTHER, year: 2027, kind: 'employed', targetPercent: 50, basis: 'RPJMD' },
    });
    expect(r.statusCode).toBe(403);
    await slemanUntouched();
  });
  for (const [route, method, payload] of [
    ['GET /api/targets/{id}', 'GET', undefined],
    ['PATCH /api/targets/{id}', 'PATCH', { targetPercent: 1 }],
    ['DELETE /api/targets/{id}', 'DELETE', undefined],
  ] as const) {
    covered.set(route, async () => {
      const { target } = await slemanPlan();
      const r = await app.inject({ method, url: `/api/targets/${target}`, headers, ...(payload && { payload }) });
      expect(r.statusCode).toBe(404);
      await slemanUntouched();
    });
  }
  covered.set('GET /api/reports', async () => {
    await slemanPlan();
    const all = (await app.inject({ method: 'GET', url: '/api/reports?pageSize=200', headers })).json();
    for (const r of all.items) expect(r.region.startsWith(HOME)).toBe(true);
    const other = (await app.inject({ method: 'GET', url: `/api/reports?region=${OTHER}`, headers })).json();
    expect(other).toMatchObject({ items: [], total: 0 });
  });
  covered.set('POST /api/reports', async () => {
    const before = await tableDigest(db.owner, ['monthly_report']);
    const r = await app.inject({
      method: 'POST',
      url: '/api/reports',
      headers,
      payload: { region: OTHER, month: '2026-01' },
    });
    expect(r.statusCode).toBe(403);
    expect(await tableDigest(db.owner, ['monthly_report'])).toEqual(before);
  });
  covered.set('GET /api/reports/{id}', async () => {
    const { report } = await slemanPlan();
    const r = await app.inject({ method: 'GET', url: `/api/reports/${report}`, headers });
    expect(r.statusCode).toBe(404);
  });
  covered.set('GET /api/reports/{id}/files/{format}', async () => {
    const { report } = await slemanPlan();
    const r = await app.inject({ method: 'GET', url: `/api/reports/${report}/files/pdf`, headers });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('%PDF');
  });
  // Claims (issue 15): Kab. Sleman's claim, its gap-ledger entry and its worker's heirs stay out of reach.
  let slemanClaimId: string | null = null;
  const slemanClaim = async () => {
    if (slemanClaimId) return slemanClaimId;
    const ctx = systemContext('test');
    await addHeir(db.app, ctx, otherWorkerId, { name: 'Ahli Waris Sleman', relation: 'spouse' });
    slemanClaimId = (
      await reportClaim(db.app, ctx, {
        workerId: otherWorkerId,
        type: 'jkm',
        eventDate: '2026-01-10',
        place: 'Sleman',
        chronology: 'Meninggal dunia.',
        witnesses: [],
      })
    ).id;
    return slemanClaimId;
  };
  const claimsUntouched = async () => tableDigest(db.owner, ['claim', 'worker_heir', 'worker_household']);
  covered.set('POST /api/claims/estimate', async () => {
    await slemanClaim();
    const body = { type: 'jkm', date: '2026-01-10', nik: OTHER_NIK };
    const r = await app.inject({ method: 'POST', url: '/api/claims/estimate', headers, payload: body });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ covered: false });
    expect(r.body).not.toContain('Sleman');
  });
  covered.set('POST /api/claims', async () => {
    await slemanClaim();
    const before = await claimsUntouched();
    const r = await app.inject({
      method: 'POST',
      url: '/api/claims',
      headers,
      payload: { workerId: otherWorkerId, type: 'jkm', eventDate: '2026-01-10', place: 'x', chronology: 'x' },
    });
    expect(r.statusCode).toBe(404);
    expect(await claimsUntouched()).toEqual(before);
  });
  for (const url of ['/api/claims?pageSize=200', `/api/claims?region=${OTHER}`, '/api/claims/gaps?pageSize=200']) {
    const route = `GET ${url.split('?')[0]}`;
    const previous = covered.get(route);
    covered.set(route, async () => {
      await previous?.();
      await slemanClaim();
      const r = await app.inject({ method: 'GET', url, headers });
      if (url.includes('region=')) expect(r.statusCode).toBe(403);
      else expect(r.json()).toMatchObject({ items: [], total: 0 });
    });
  }
  covered.set('GET /api/claims.xlsx', async () => {
    await slemanClaim();
    const r = await app.inject({ method: 'GET', url: '/api/claims.xlsx', headers });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(3);
  });
  covered.set('GET /api/claims/{id}', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/claims/${await slemanClaim()}`, headers });
    expect(r.statusCode).toBe(404);
  });
  covered.set('GET /api/claims/household/{workerId}', async () => {
    await slemanClaim();
    const r = await app.inject({ method: 'GET', url: `/api/claims/household/${otherWorkerId}`, headers });
    expect(r.statusCode).toBe(404);
  });
  covered.set('PUT /api/claims/household/{workerId}', async () => {
    await slemanClaim();
    const before = await claimsUntouched();
    const url = `/api/claims/household/${otherWorkerId}`;
    const r = await app.inject({ method: 'PUT', url, headers, payload: { kkNumber: '3404010101100001' } });
    expect(r.statusCode).toBe(404);
    expect(await claimsUntouched()).toEqual(before);
  });
  covered.set('POST /api/claims/household/{workerId}/heirs', async () => {
    await slemanClaim();
    const before = await claimsUntouched();
    const url = `/api/claims/household/${otherWorkerId}/heirs`;
    const r = await app.inject({ method: 'POST', url, headers, payload: { name: 'Penyusup', relation: 'child' } });
    expect(r.statusCode).toBe(404);
    expect(await claimsUntouched()).toEqual(before);
  });
  covered.set('DELETE /api/claims/heirs/{id}', async () => {
    await slemanClaim();
    const before = await claimsUntouched();
    const heir = await db.owner.selectFrom('worker_heir').select('id').executeTakeFirstOrThrow();
    const r = await app.inject({ method: 'DELETE', url: `/api/claims/heirs/${heir.id}`, headers });
    expect(r.statusCode).toBe(404);
    expect(await claimsUntouched()).toEqual(before);
  });
  // Claims, second slice: Sleman's claim documents, workflow, receipt and cover letter stay out of reach.
  let slemanDocumentId: string | null = null;
  const slemanDocument = async () => {
    if (slemanDocumentId) return slemanDocumentId;
    const id = await slemanClaim();
    // The file goes to a throw-away directory (gone again at once): out of scope, nothing may reach for it.
    const dir = mkdtempSync(path.join(tmpdir(), 'lindung-scope-'));
    const deps = { db: db.app, store: fileDocumentStore(dir), maxBytes: 1 << 20 };
    const list = await uploadDocument(deps, systemContext('test'), id, { item: 'kpj_card', fileName: 'kpj.pdf' }, PDF);
    rmSync(dir, { recursive: true, force: true });
    slemanDocumentId = list.items.find((i) => i.item === 'kpj_card')!.documents[0]!.id;
    return slemanDocumentId;
  };
  const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
  const workUntouched = async () => tableDigest(db.owner, ['claim', 'claim_event', 'claim_document']);
  const refused =
    (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: (claim: string, doc: string) => string, payload?: object) =>
    async () => {
      const doc = await slemanDocument();
      const before = await workUntouched();
      const downloads = await db.owner
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', 'in', ['claim.document.download', 'claim.cover_letter'])
        .executeTakeFirstOrThrow();
      const r = await app.inject({
        method,
        url: url(await slemanClaim(), doc),
        headers,
        ...(payload ? { payload } : {}),
      });
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toContain('%PDF');
      expect(await workUntouched()).toEqual(before);
      expect(
        await db.owner
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', 'in', ['claim.document.download', 'claim.cover_letter'])
          .executeTakeFirstOrThrow(),
      ).toEqual(downloads);
    };
  covered.set(
    'GET /api/claims/{id}/documents',
    refused('GET', (c) => `/api/claims/${c}/documents`),
  );
  covered.set('POST /api/claims/{id}/documents', async () => {
    const id = await slemanClaim();
    await slemanDocument();
    const before = await workUntouched();
    const r = await app.inject({
      method: 'POST',
      url: `/api/claims/${id}/documents?item=other&fileName=x.pdf`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: PDF,
    });
    expect(r.statusCode).toBe(404);
    expect(await workUntouched()).toEqual(before);
  });
  covered.set(
    'GET /api/claims/documents/{id}/file',
    refused('GET', (_c, d) => `/api/claims/documents/${d}/file`),
  );
  covered.set(
    'DELETE /api/claims/documents/{id}',
    refused('DELETE', (_c, d) => `/api/claims/documents/${d}`),
  );
  covered.set(
    'GET /api/claims/{id}/workflow',
    refused('GET', (c) => `/api/claims/${c}/workflow`),
  );
  covered.set(
    'POST /api/claims/{id}/transitions',
    refused('POST', (c) => `/api/claims/${c}/transitions`, { action: 'return', reason: 'other' }),
  );
  covered.set(
    'PUT /api/claims/{id}/assignee',
    refused('PUT', (c) => `/api/claims/${c}/assignee`, { assignee: null }),
  );
  covered.set(
    'POST /api/claims/{id}/receipt',
    refused('POST', (c) => `/api/claims/${c}/receipt`, { received: true, feeAsked: false }),
  );
  covered.set(
    'GET /api/claims/{id}/cover-letter.pdf',
    refused('GET', (c) => `/api/claims/${c}/cover-letter.pdf`),
  );
  // The hand-over batch file (issue 15 §5): another regency is refused; the own file lists no Sleman person.
  covered.set('GET /api/claims/handover-file', async () => {
    await slemanClaim();
    const other = await app.inject({ method: 'GET', url: `/api/claims/handover-file?region=${OTHER}`, headers });
    expect(other.statusCode).toBe(403);
    const own = await app.inject({ method: 'GET', url: '/api/claims/handover-file?format=csv', headers });
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain(OTHER_NIK);
  });
  // Gap-list import (issue 15 §6): a row in Sleman is refused by row and column, and nothing is written.
  covered.set('POST /api/claims/gaps/import', async () => {
    const before = await tableDigest(db.owner, ['claim_gap_entry']);
    const list = `NIK;Nama;Kode desa;Jenis;Tanggal kejadian\n${OTHER_NIK};Warga Sleman;${OTHER}.01.2001;JKM;10-01-2026`;
    const r = await app.inject({
      method: 'POST',
      url: '/api/claims/gaps/import?fileName=x.csv&dryRun=false',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(list),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ saved: false, issues: [{ row: 2, column: 'Kode desa' }], preview: [] });
    expect(r.body).not.toContain('Sleman,');
    expect(await tableDigest(db.owner, ['claim_gap_entry'])).toEqual(before);
  });
  // Claims figures (issue 15 §8): aggregates of the caller's scope only; open data as counts with 1 to 4 withheld.
  covered.set('GET /api/claims/figures', async () => {
    await slemanClaim();
    const other = await app.inject({ method: 'GET', url: `/api/claims/figures?region=${OTHER}`, headers });
    expect(other.statusCode).toBe(403);
    const own = await app.inject({ method: 'GET', url: '/api/claims/figures', headers });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ reported: 0, gaps: { events: 0 } });
    expect(own.json<{ byRegion: { key: string }[] }>().byRegion.filter((g) => g.key.startsWith(OTHER))).toEqual([]);
  });
  covered.set('GET /open/claims', async () => {
    await slemanClaim();
    const r = await app.inject({ method: 'GET', url: '/open/claims' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toMatch(/\d{16}/);
    for (const d of r.json<{ districts: Record<string, unknown>[] }>().districts) {
      for (const key of ['reported', 'paid', 'gaps']) expect([1, 2, 3, 4]).not.toContain(d[key]);
    }
  });
  // Governance (issue 16): Kab. Sleman's instruments, agreements and their files stay out of reach.
  let slemanInstrumentId: string | null = null;
  const slemanInstrument = async () => {
    if (slemanInstrumentId) return slemanInstrumentId;
    const dir = mkdtempSync(path.join(tmpdir(), 'lindung-scope-'));
    const files = { db: db.app, store: fileStore(dir, 'governance-documents'), maxBytes: 1 << 20 };
    const made = await createInstrument(db.app, systemContext('test'), {
      region: OTHER,
      kind: 'pks',
      stage: null,
      number: null,
      title: 'PKS Sleman',
      signedOn: null,
      effectiveFrom: '2026-01-01',
      effectiveUntil: '2026-08-01',
      issuer: 'Disnaker Sleman',
      counterparty: 'BPJS Ketenagakerjaan',
      regionsCovered: [],
      subjectTags: [],
      status: 'enacted',
      programIds: [],
      targetIds: [],
    });
    await uploadInstrumentFile(files, systemContext('test'), made.id, 'pks.pdf', PDF);
    rmSync(dir, { recursive: true, force: true });
    slemanInstrumentId = made.id;
    return made.id;
  };
  const govUntouched = async () => tableDigest(db.owner, ['gov_instrument', 'gov_expiry_alert']);
  const govRefused =
    (method: 'GET' | 'PUT', url: (id: string) => string, payload?: object, status = 404) =>
    async () => {
      const id = await slemanInstrument();
      const before = await govUntouched();
      const r = await app.inject({ method, url: url(id), headers, ...(payload ? { payload } : {}) });
      expect(r.statusCode).toBe(status);
      expect(r.body).not.toContain('%PDF');
      expect(r.body).not.toContain('PKS Sleman');
      expect(await govUntouched()).toEqual(before);
    };
  const govInput = {
    region: OTHER,
    kind: 'perbup',
    number: '1',
    title: 'Perbup Sleman',
    issuer: 'Bupati Sleman',
    status: 'enacted',
  };
  covered.set('GET /api/governance/instruments', async () => {
    await slemanInstrument();
    const r = await app.inject({ method: 'GET', url: '/api/governance/instruments?pageSize=200', headers });
    expect(r.json()).toMatchObject({ items: [], total: 0 });
  });
  covered.set('POST /api/governance/instruments', async () => {
    await slemanInstrument();
    const before = await govUntouched();
    const r = await app.inject({ method: 'POST', url: '/api/governance/instruments', headers, payload: govInput });
    expect(r.statusCode).toBe(403);
    expect(await govUntouched()).toEqual(before);
  });
  covered.set(
    'GET /api/governance/instruments/{id}',
    govRefused('GET', (id) => `/api/governance/instruments/${id}`),
  );
  covered.set(
    'PUT /api/governance/instruments/{id}',
    govRefused('PUT', (id) => `/api/governance/instruments/${id}`, { ...govInput, region: HOME }),
  );
  covered.set(
    'GET /api/governance/instruments/{id}/file',
    govRefused('GET', (id) => `/api/governance/instruments/${id}/file`),
  );
  covered.set('PUT /api/governance/instruments/{id}/file', async () => {
    const id = await slemanInstrument();
    const before = await govUntouched();
    const r = await app.inject({
      method: 'PUT',
      url: `/api/governance/instruments/${id}/file?fileName=x.pdf`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: PDF,
    });
    expect(r.statusCode).toBe(404);
    expect(await govUntouched()).toEqual(before);
  });
  covered.set('GET /api/governance/agreements/expiring', async () => {
    await slemanInstrument();
    const r = await app.inject({ method: 'GET', url: '/api/governance/agreements/expiring', headers });
    expect(r.json()).toMatchObject({ items: [] });
  });
  covered.set('GET /open/regulations', async () => {
    // Public: enacted regional regulations only; Sleman's agreement is no regulation and never listed.
    await slemanInstrument();
    const r = await app.inject({ method: 'GET', url: '/open/regulations' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('PKS Sleman');
  });
  // Employers (issue 21): Kab. Sleman's employers, snapshot and projects stay out of reach.
  for (const [route, probe] of employerScopeProbes(() => ({ app, db, headers }))) covered.set(route, probe);
  for (const [route, probe] of electionScopeProbes(() => ({ app, db, headers }))) covered.set(route, probe);
  for (const [route, probe] of collectionScopeProbes(() => ({ app, db, headers }), { other: OTHER, home: HOME }))
    covered.set(route, probe);
  // Governance plans and organisations: Kab. Sleman's plan and organisation stay out of reach.
  let slemanPlanIds: { plan: string; org: string } | null = null;
  const slemanPlanOf = async () => {
    if (slemanPlanIds) return slemanPlanIds;
    const org = await createOrganisation(db.app, systemContext('test'), {
      region: OTHER,
      kind: 'opd',
      name: 'Dinsos Sleman',
      active: true,
    });
    const made = await createPlan(db.app, systemContext('test'), {
      region: OTHER,
      title: 'Rencana Sleman',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      signedOn: null,
      signatories: [],
      items: [],
    });
    slemanPlanIds = { plan: made.id, org: org.id };
    return slemanPlanIds;
  };
  const planUntouched = async () =>
    tableDigest(db.owner, ['gov_plan', 'gov_action_item', 'gov_organisation', 'gov_member', 'gov_plan_signatory']);
  const planRefused =
    (
      method: 'GET' | 'POST' | 'PUT',
      url: (ids: { plan: string; org: string }) => string,
      payload?: object,
      status = 404,
    ) =>
    async () => {
      const ids = await slemanPlanOf();
      const before = await planUntouched();
      const r = await app.inject({ method, url: url(ids), headers, ...(payload ? { payload } : {}) });
      expect(r.statusCode).toBe(status);
      expect(r.body).not.toContain('Rencana Sleman');
      expect(r.body).not.toContain('Dinsos Sleman');
      expect(await planUntouched()).toEqual(before);
    };
  const manualItem = { title: 'x', dueOn: '2026-12-31', measureKind: 'manual' };
  covered.set('GET /api/governance/organisations', async () => {
    await slemanPlanOf();
    const r = await app.inject({ method: 'GET', url: '/api/governance/organisations', headers });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('Dinsos Sleman');
  });
  covered.set(
    'POST /api/governance/organisations',
    planRefused('POST', () => '/api/governance/organisations', { region: OTHER, kind: 'opd', name: 'Baru' }, 403),
  );
  covered.set('PUT /api/governance/members', async () => {
    const ids = await slemanPlanOf();
    const before = await planUntouched();
    const r = await app.inject({
      method: 'PUT',
      url: '/api/governance/members',
      headers,
      payload: { username: 'operator.trirenggo', organisationId: ids.org },
    });
    expect(r.statusCode).toBe(409);
    expect(r.body).not.toContain('Dinsos Sleman');
    expect(await planUntouched()).toEqual(before);
  });
  covered.set('GET /api/governance/plans', async () => {
    await slemanPlanOf();
    const r = await app.inject({ method: 'GET', url: '/api/governance/plans', headers });
    expect(r.json()).toMatchObject({ items: [] });
  });
  covered.set(
    'POST /api/governance/plans',
    planRefused(
      'POST',
      () => '/api/governance/plans',
      { region: OTHER, title: 'x', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
      403,
    ),
  );
  covered.set(
    'GET /api/governance/plans/{id}',
    planRefused('GET', (ids) => `/api/governance/plans/${ids.plan}`),
  );
  covered.set(
    'POST /api/governance/plans/{id}/items',
    planRefused('POST', (ids) => `/api/governance/plans/${ids.plan}/items`, manualItem),
  );
  covered.set(
    'PUT /api/governance/plans/{id}/items/{itemId}/done',
    planRefused('PUT', (ids) => `/api/governance/plans/${ids.plan}/items/1/done`, { done: true }),
  );
  // Governance meetings, organisation edits, league tables (issue 16 §4, §5): Kab. Sleman's stay out of reach.
  for (const [route, probe] of governanceScopeProbes(() => ({ app, db, headers }))) covered.set(route, probe);
  // Paritrana assessment (issue 17): Kab. Sleman's self-assessment and its evidence stay out of reach; the province
  // view needs a province scope; frameworks are national reference data (edited by a national administrator only).
  let slemanAssessment: { id: string; evidence: string } | null = null;
  const slemanAssessmentIds = async () => {
    if (slemanAssessment) return slemanAssessment;
    const sleman = {
      actor: {
        userId: '1',
        username: 'disnaker.sleman',
        role: 'disnaker' as const,
        scope: OTHER,
        locale: 'id' as const,
      },
      requestId: 'scope',
      ip: null,
    };
    const framework = await db.owner
      .selectFrom('assessment_framework')
      .select('id')
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();
    const a = await openAssessment(db.app, sleman, {
      frameworkId: String(framework.id),
      region: OTHER,
      cutoff: '2026-06-30',
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'lindung-scope-'));
    const deps = { db: db.app, store: fileEvidenceStore(dir), maxBytes: 1 << 20 };
    const e = await uploadEvidence(deps, sleman, a.id, { indicatorCode: 'reg_in_force', fileName: 'perbup.pdf' }, PDF);
    rmSync(dir, { recursive: true, force: true });
    slemanAssessment = { id: a.id, evidence: e.id };
    return slemanAssessment;
  };
  const assessmentUntouched = async () =>
    tableDigest(db.owner, ['assessment', 'assessment_evidence', 'assessment_score', 'assessment_comment']);
  const assessmentRefused =
    (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: (a: string, e: string) => string, payload?: object | Buffer) =>
    async () => {
      const ids = await slemanAssessmentIds();
      const before = await assessmentUntouched();
      const exported = await db.owner
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', 'in', ['assessment.evidence.download', 'assessment.export', 'assessment.ranking_export'])
        .executeTakeFirstOrThrow();
      const r = await app.inject({
        method,
        url: url(ids.id, ids.evidence),
        headers: Buffer.isBuffer(payload) ? { ...headers, 'content-type': 'application/octet-stream' } : headers,
        ...(payload ? { payload } : {}),
      });
      expect([403, 404]).toContain(r.statusCode);
      expect(r.body).not.toContain('%PDF');
      expect(await assessmentUntouched()).toEqual(before);
      expect(
        await db.owner
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', 'in', ['assessment.evidence.download', 'assessment.export', 'assessment.ranking_export'])
          .executeTakeFirstOrThrow(),
      ).toEqual(exported);
    };
  const assessmentRoutes: [
    string,
    'GET' | 'POST' | 'PUT' | 'DELETE',
    (a: string, e: string) => string,
    (object | Buffer)?,
  ][] = [
    ['GET /api/paritrana/assessments', 'GET', () => `/api/paritrana/assessments?region=${OTHER}`],
    [
      'POST /api/paritrana/assessments',
      'POST',
      () => '/api/paritrana/assessments',
      { frameworkId: '1', region: OTHER, cutoff: '2026-06-30' },
    ],
    ['GET /api/paritrana/assessments/{id}', 'GET', (a) => `/api/paritrana/assessments/${a}`],
    ['POST /api/paritrana/assessments/{id}/prepare', 'POST', (a) => `/api/paritrana/assessments/${a}/prepare`, {}],
    [
      'PUT /api/paritrana/assessments/{id}/manual',
      'PUT',
      (a) => `/api/paritrana/assessments/${a}/manual`,
      { indicatorCode: 'pks_bpjs', value: 1 },
    ],
    [
      'PUT /api/paritrana/assessments/{id}/narrative',
      'PUT',
      (a) => `/api/paritrana/assessments/${a}/narrative`,
      { aspectCode: 'kebijakan', text: 'x' },
    ],
    [
      'POST /api/paritrana/assessments/{id}/evidence',
      'POST',
      (a) => `/api/paritrana/assessments/${a}/evidence?indicatorCode=reg_in_force&fileName=a.pdf`,
      PDF,
    ],
    ['GET /api/paritrana/assessments/{id}/register', 'GET', (a) => `/api/paritrana/assessments/${a}/register`],
    [
      'POST /api/paritrana/assessments/{id}/evidence/register',
      'POST',
      (a) => `/api/paritrana/assessments/${a}/evidence/register`,
      { indicatorCode: 'reg_in_force', instrumentId: '1' },
    ],
    [
      'GET /api/paritrana/assessments/{id}/evidence/{evidenceId}/file',
      'GET',
      (a, e) => `/api/paritrana/assessments/${a}/evidence/${e}/file`,
    ],
    [
      'DELETE /api/paritrana/assessments/{id}/evidence/{evidenceId}',
      'DELETE',
      (a, e) => `/api/paritrana/assessments/${a}/evidence/${e}`,
    ],
    ['POST /api/paritrana/assessments/{id}/submit', 'POST', (a) => `/api/paritrana/assessments/${a}/submit`],
    ['GET /api/paritrana/assessments/{id}/pack.pdf', 'GET', (a) => `/api/paritrana/assessments/${a}/pack.pdf`],
    ['GET /api/paritrana/assessments/{id}/figures.xlsx', 'GET', (a) => `/api/paritrana/assessments/${a}/figures.xlsx`],
    ['GET /api/paritrana/province', 'GET', () => '/api/paritrana/province?frameworkId=1&province=34'],
    ['GET /api/paritrana/province.xlsx', 'GET', () => '/api/paritrana/province.xlsx?frameworkId=1&province=34'],
    [
      'PUT /api/paritrana/assessments/{id}/scores',
      'PUT',
      (a) => `/api/paritrana/assessments/${a}/scores`,
      { indicatorCode: 'interview', score: 5 },
    ],
    [
      'POST /api/paritrana/assessments/{id}/comments',
      'POST',
      (a) => `/api/paritrana/assessments/${a}/comments`,
      { body: 'x' },
    ],
  ];
  for (const [route, method, url, payload] of assessmentRoutes)
    covered.set(route, assessmentRefused(method, url, payload));
  // Routes that carry no regional rows of people: public reference data, the caller's own session, system.
  const notRegional = new Set([
    'GET /api/health',
    'GET /api/openapi.json',
    'GET /api/regions',
    'GET /api/regions/search',
    'GET /api/regions/stats',
    'GET /api/regions/{code}',
    'POST /api/auth/login',
    'POST /api/auth/logout',
    'GET /api/me',
    'PATCH /api/me/preferences',
    // Contribution rules, quotes and benefits: national reference data, the same for every region.
    'POST /api/contributions/quote',
    'POST /api/contributions/cost',
    'GET /api/contributions/rules',
    'POST /api/contributions/rules',
    'GET /api/contributions/benefits',
    // Holidays of the claim service levels: national reference data.
    'GET /api/claims/holidays',
    'POST /api/claims/holidays',
    'DELETE /api/claims/holidays/{day}',
    // Benefit rules (issue 15 §3): national reference data, appended by administrators.
    'GET /api/claims/benefit-rules',
    'POST /api/claims/benefit-rules',
    // The programme form's cost preview: the quota priced with the national rules; reads no regional row.
    'POST /api/programs/cost-preview',
    // Upload templates: headers and one made-up example row for the caller's own area; no person's data.
    'GET /api/imports/template.xlsx',
    'GET /api/programs/proposal-template.xlsx',
    'GET /api/programs/roster-template.xlsx',
    'GET /api/exchange/response-template.xlsx',
    'GET /api/exchange/snapshot-template.xlsx',
    'GET /api/workforce/template.xlsx',
    // Paritrana frameworks: national reference data; changes by a national administrator only.
    'GET /api/paritrana/frameworks',
    'GET /api/paritrana/frameworks/{id}',
    'PATCH /api/paritrana/frameworks/{id}',
    'POST /api/paritrana/frameworks/{id}/publish',
    'POST /api/paritrana/frameworks/{id}/copy',
  ]);

  for (const [route, probe] of covered) it(`cannot reach Kab. Sleman through ${route}`, probe);

  it('covers every route the API documents', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const unaccounted = documented.filter((r) => !covered.has(r) && !notRegional.has(r));
    expect(unaccounted, 'new routes must be added to the scope test').toEqual([]);
  });
});

describe('row-level security on the data-quality counts', () => {
  it('shows a scoped reader the counts of its own areas only', async () => {
    await sql`SELECT lindung_coverage_quality_refresh()`.execute(db.owner);
    const all = await db.owner.selectFrom('coverage_quality').select('area_code').execute();
    expect(all.some((r) => r.area_code.startsWith(`${OTHER}.`))).toBe(true);
    const seen = await withScope(db.app, HOME, (tx) =>
      tx.selectFrom('coverage_quality').select(['area_code', 'metric', 'count']).execute(),
    );
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) expect(r.area_code === HOME || r.area_code.startsWith(`${HOME}.`)).toBe(true);
  });
});

describe('row-level security on workers', () => {
  it('hides, does not count and does not change the other regency’s workers, even without our WHERE', async () => {
    try {
      await withScope(db.app, HOME, async (tx) => {
        const rows = await sql<{ village_code: string }>`SELECT village_code FROM worker`.execute(tx);
        expect(rows.rows.length).toBeGreaterThan(0);
        for (const r of rows.rows) expect(r.village_code.startsWith(`${HOME}.`)).toBe(true);
        const counted = await sql<{ n: string }>`SELECT count(*) AS n FROM worker WHERE nik = ${OTHER_NIK}`.execute(tx);
        expect(Number(counted.rows[0]?.n)).toBe(0);
        const updated = await sql`UPDATE worker SET full_name = 'DIUBAH' WHERE nik = ${OTHER_NIK}`.execute(tx);
        expect(Number(updated.numAffectedRows)).toBe(0);
        const moved = await sql`UPDATE worker SET village_code = ${`${OTHER}.01.2001`}, kabkota_code = ${OTHER}`
          .execute(tx)
          .then(
            () => 'moved',
            (e: Error) => e.message,
          );
        expect(moved).toMatch(/row-level security/);
        throw new Rollback();
      });
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
    const deleted = await sql`DELETE FROM worker`.execute(db.app).then(
      () => 'deleted',
      (e: Error) => e.message,
    );
    expect(deleted).toMatch(/permission denied/);
  });
});

describe('the audit trail', () => {
  it('cannot be changed or removed by the application role, nor by the owner', async () => {
    const upd = await sql`UPDATE audit_log SET action = 'x'`.execute(db.app).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    expect(upd).toMatch(/permission denied/);
    const del = await sql`DELETE FROM audit_log`.execute(db.app).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    expect(del).toMatch(/permission denied/);
    const ownerDel = await sql`DELETE FROM audit_log`.execute(db.owner).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    expect(ownerDel).toMatch(/append-only/);
  });
});
