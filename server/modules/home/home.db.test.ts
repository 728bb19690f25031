// The home page's to-do list against the real database: each role gets its own counts, each counted only in the
// user's region scope (a Sleman office's work never shows in Bantul), through GET /api/home/todo.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeTodo } from '../../../lib/contracts/home.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { createProgram, proposeWorkers, rejectEnrollments, submitBatch, verifyEnrollments } from '../programs/index.ts';
import {
  actorContext,
  addWorkers,
  BALECATUR,
  BANTUL_PROGRAM,
  PALBAPANG,
  TRIRENGGO,
} from '../../testing/programs-fixtures.ts';
import { homeTodo } from './index.ts';

const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const operator = actorContext('operator', TRIRENGGO, 'operator.trirenggo');

let db: TestDatabase;
let app: App;

const counts = (todo: HomeTodo) => Object.fromEntries(todo.items.map((i) => [i.key, i.count]));

beforeAll(async () => {
  db = await createTestDatabase('home');
  app = await testApp(db);
  const program = await createProgram(db.app, disnaker, BANTUL_PROGRAM);
  const workers = await addWorkers(db, [
    { name: 'Sri Todo' },
    { name: 'Wahyu Todo' },
    { name: 'Ratna Todo' },
    { name: 'Budi Todo' },
    { name: 'Dewi Palbapang', village: PALBAPANG },
  ]);
  const id = (name: string) => workers.get(name)!;
  await proposeWorkers(db.app, operator, program.id, {
    workerIds: [id('Sri Todo'), id('Wahyu Todo'), id('Ratna Todo'), id('Budi Todo')],
  });
  await proposeWorkers(db.app, disnaker, program.id, { workerIds: [id('Dewi Palbapang')] });
  const enrollment = async (name: string) =>
    (await db.owner.selectFrom('enrollment').select('id').where('worker_id', '=', id(name)).executeTakeFirstOrThrow())
      .id;
  // Sri is verified and sent to BPJS (waiting for the answer); Wahyu verified, not yet sent; Ratna rejected.
  await verifyEnrollments(db.app, disnaker, program.id, [await enrollment('Sri Todo')]);
  await submitBatch(db.app, disnaker, program.id);
  await verifyEnrollments(db.app, disnaker, program.id, [await enrollment('Wahyu Todo')]);
  await rejectEnrollments(db.app, disnaker, program.id, { ids: [await enrollment('Ratna Todo')], reason: 'Dobel' });
  // Work in Sleman, outside every Bantul user's scope.
  const sleman = await createProgram(db.app, actorContext('disnaker', '34.04'), {
    ...BANTUL_PROGRAM,
    region: '34.04',
    funderRegion: '34.04',
  });
  const [slemanWorker] = (
    await addWorkers(db, [{ name: 'Sleman Todo', village: BALECATUR, nik: '3404014509850001' }])
  ).values();
  await proposeWorkers(db.app, actorContext('disnaker', '34.04'), sleman.id, { workerIds: [slemanWorker!] });
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('home to-do list', () => {
  it('Disnaker: proposals to verify, enrollments to send, batches waiting for BPJS, in its regency only', async () => {
    expect(counts(await homeTodo(db.app, disnaker))).toEqual({
      proposalsToVerify: 2, // Budi (Trirenggo) and Dewi (Palbapang); not the Sleman proposal
      enrollmentsToSend: 1,
      batchesWaiting: 1,
      failedImports: 0,
    });
  });

  it('operator: its village only, its rejected proposals and the lapse warnings', async () => {
    expect(counts(await homeTodo(db.app, operator))).toEqual({
      lapseWarnings: 0,
      proposalsWaiting: 1, // Budi; Dewi lives in Palbapang
      proposalsRejected: 1,
    });
  });

  it('BPJS: batches waiting for its answer and a snapshot due when the month has none', async () => {
    const bpjs = actorContext('bpjs', '34.02', 'bpjs.bantul');
    const todo = await homeTodo(db.app, bpjs);
    expect(counts(todo)).toEqual({ batchesWaiting: 1, snapshotDue: 1 });
    expect(todo.lastSnapshot).toBeNull();
  });

  it('admin: locked accounts and failed jobs in scope, not elsewhere; through the HTTP route', async () => {
    const admin = await makeUser(db, 'admin', '34.02');
    const locked = await makeUser(db, 'operator', TRIRENGGO);
    const lockedSleman = await makeUser(db, 'operator', BALECATUR);
    await db.owner
      .updateTable('app_user')
      .set({ locked_until: sql`now() + interval '1 hour'` })
      .where('username', 'in', [locked.username, lockedSleman.username])
      .execute();
    for (const region of ['34.02', '34.04']) {
      await sql`INSERT INTO import_job (region_code, created_by, file_name, file_sha256, file_size, status, mode)
        VALUES (${region}, 'uji', 'rusak.xlsx', ${'0'.repeat(64)}, 10, 'failed', 'commit')`.execute(db.owner);
    }
    const headers = await signIn(app, admin.username, admin.password);
    const r = await app.inject({ method: 'GET', url: '/api/home/todo', headers });
    expect(r.statusCode, r.body).toBe(200);
    expect(counts(r.json<HomeTodo>())).toEqual({ lockedUsers: 1, failedImports: 1, failedReports: 0 });
  });

  it('the asesor and pimpinan get no list (their home pages say why), and strangers none at all', async () => {
    expect((await homeTodo(db.app, actorContext('asesor', '34.02'))).items).toEqual([]);
    expect((await homeTodo(db.app, actorContext('pimpinan', '34.02'))).items).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/home/todo' })).statusCode).toBe(401);
  });
});
