import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { purgeExpiredUploads } from '../imports/index.ts';

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;
let operator: Record<string, string>;
let workerId: string;
const NIK = '3402084509850002';

beforeAll(async () => {
  db = await createTestDatabase('privacy');
  app = await testApp(db);
  const d = await makeUser(db, 'disnaker', '34.02');
  const o = await makeUser(db, 'operator', '34.02.08.2004');
  disnaker = await signIn(app, d.username, d.password);
  operator = await signIn(app, o.username, o.password);
  const created = await app.inject({
    method: 'POST',
    url: '/api/workers',
    headers: operator,
    payload: {
      nik: NIK,
      fullName: '=Siti Aminah',
      birthDate: '1985-09-05',
      sex: 'P',
      village: '34.02.08.2004',
      segment: 'farmer',
      category: 'BPU',
      phone: '081234567890',
    },
  });
  expect(created.statusCode).toBe(201);
  workerId = created.json().id;
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('"Data saya": everything held about one person', () => {
  it('gives Disnaker the JSON with the full NIK, the record, enrollments, coverage and history; audited', async () => {
    const r = await app.inject({
      method: 'GET',
      url: `/api/workers/${workerId}/personal-data?format=json`,
      headers: disnaker,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain(`data-pribadi-${workerId}.json`);
    const data = r.json();
    expect(data.worker).toMatchObject({ nik: NIK, fullName: '=Siti Aminah', phone: '+6281234567890' });
    expect(data.legalBasis).toContain('UU No. 27 Tahun 2022');
    expect(data.enrollments).toEqual([]);
    expect(data.coverage.covered).toBe(false);
    expect(data.history.length).toBeGreaterThan(0);
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'after'])
      .where('action', '=', 'worker.personal_data.export')
      .execute();
    expect(audit).toEqual([
      {
        action: 'worker.personal_data.export',
        entity_id: workerId,
        after: expect.objectContaining({ format: 'json' }),
      },
    ]);
  });

  it('gives the same as a PDF', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/workers/${workerId}/personal-data`, headers: disnaker });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a village operator', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/workers/${workerId}/personal-data`, headers: operator });
    expect(r.statusCode).toBe(403);
  });
});

describe('upload retention', () => {
  it('deletes uploaded files and issue lists older than the retention, keeps the job record; audited', async () => {
    const [user] = await db.owner.selectFrom('app_user').select('username').limit(1).execute();
    const job = (day: string) =>
      sql<{ id: string }>`
      INSERT INTO import_job (region_code, created_by, file_name, file_sha256, file_size, status, mode, created_at)
      VALUES ('34.02', ${user!.username}, 'pekerja.csv', ${'a'.repeat(64)}, 10, 'committed', 'commit', ${day}::timestamptz)
      RETURNING id`.execute(db.owner);
    const old = (await job('2026-01-01T00:00:00Z')).rows[0]!.id;
    const recent = (await job('2026-12-01T00:00:00Z')).rows[0]!.id;
    for (const id of [old, recent]) {
      await sql`INSERT INTO import_file (job_id, content) VALUES (${id}, ${Buffer.from('nik;nama')})`.execute(db.owner);
      await sql`INSERT INTO import_issue (job_id, region_code, seq, code, severity, message_id, message_en)
                VALUES (${id}, '34.02', 1, 'X', 'error', 'pesan', 'message')`.execute(db.owner);
    }
    const purged = await purgeExpiredUploads(db.owner, 90, new Date('2026-12-07T00:00:00Z'));
    expect(purged).toMatchObject({ files: 1, issues: 1 });
    const files = await db.owner.selectFrom('import_file').select('job_id').execute();
    expect(files.map((f) => f.job_id)).toEqual([recent]);
    const jobs = await db.owner.selectFrom('import_job').select('id').where('id', 'in', [old, recent]).execute();
    expect(jobs).toHaveLength(2);
    const audit = await db.owner
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'import.files.purge')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ files: 1, issues: 1, olderThanDays: 90 });
  });
});
