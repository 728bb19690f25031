// Every upload route under hostile files, through HTTP against a real database: a decompression bomb (a ~1 MB XLSX
// whose shared strings unpack to 1.1 GB) is refused with a 4xx and a message that says what to do, nothing is
// written, the server answers the next request and its memory returns; generated malformed files are either
// accepted whole or refused with nothing written.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedFile } from '../../testing/malformed-files.ts';
import { sharedStringsBomb } from '../../testing/zip.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { BANTUL_PROGRAM, TRIRENGGO } from '../../testing/programs-fixtures.ts';

let db: TestDatabase;
let app: App;
let operator: Record<string, string>;
let disnaker: Record<string, string>;
let bpjs: Record<string, string>;
let programId: string;

/** The upload routes, each with a caller allowed to use it. */
const routes = () => [
  { name: 'worker import', url: '/api/imports?fileName=f', headers: operator },
  {
    name: 'proposal from a file',
    url: `/api/programs/${programId}/proposals/file?fileName=f&dryRun=false`,
    headers: disnaker,
  },
  { name: 'BPJS answer', url: '/api/exchange/batches/1/response?fileName=f&dryRun=false', headers: bpjs },
  { name: 'BPJS snapshot', url: '/api/exchange/snapshots?fileName=f&region=34.02', headers: bpjs },
  {
    name: 'workforce figures',
    url: '/api/workforce/import?fileName=f&year=2025&source=BPS%20Bantul',
    headers: disnaker,
  },
];

async function post(url: string, headers: Record<string, string>, payload: Buffer, fileName: string) {
  const r = await app.inject({
    method: 'POST',
    url: url.replace('fileName=f', `fileName=${encodeURIComponent(fileName)}`),
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload,
  });
  return { status: r.statusCode, body: r.json() as { id?: string; error?: { code: string; message: string } } };
}

/** Waits for an accepted import's background dry run, so the next request's counts are its own. */
async function settled(id: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: operator })).json() as {
      status: string;
    };
    if (job.status !== 'queued' && job.status !== 'running') return job.status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} did not settle`);
}

/** Rows of every table an upload may write (each write is audited, so the audit log is among them). */
async function written(): Promise<Record<string, number>> {
  const tables = [
    'audit_log',
    'import_job',
    'import_file',
    'enrollment',
    'workforce',
    'membership_snapshot',
    'bpjs_member',
    'exchange_log',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db.owner
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

beforeAll(async () => {
  db = await createTestDatabase('upload_limits');
  app = await testApp(db);
  const [o, d, b] = await Promise.all([
    makeUser(db, 'operator', TRIRENGGO, 'op.trirenggo'),
    makeUser(db, 'disnaker', '34.02', 'disnaker.bantul'),
    makeUser(db, 'bpjs', '34.02', 'bpjs.bantul'),
  ]);
  operator = await signIn(app, o.username, o.password);
  disnaker = await signIn(app, d.username, d.password);
  bpjs = await signIn(app, b.username, b.password);
  const program = await app.inject({
    method: 'POST',
    url: '/api/programs',
    headers: disnaker,
    payload: BANTUL_PROGRAM,
  });
  expect(program.statusCode, program.body).toBe(201);
  programId = (program.json() as { id: string }).id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

// Each file is read in a worker thread, which takes a second or more to start on a busy machine.
describe('upload routes under hostile files', { timeout: 240_000 }, () => {
  it('a decompression bomb to every upload route: 4xx with what to do, nothing written, the server goes on', async () => {
    const bomb = sharedStringsBomb({ gib: 1.1 });
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    // A first, sound file starts the reading worker (and its waiting spare), so memory is compared like for like.
    const warm = await post(routes()[0]!.url, operator, Buffer.from('NIK;Nama\n1;A\n'), 'hangat.csv');
    expect(warm.status).toBe(201);
    await settled(warm.body.id!);
    const before = await written();
    const rssBefore = process.memoryUsage().rss;

    for (const route of routes()) {
      const res = await post(route.url, route.headers, bomb, 'bom.xlsx');
      expect(res.status, `${route.name}: ${JSON.stringify(res.body)}`).toBe(422);
      expect(res.body.error?.code, route.name).toBe('FILE_UNPACKED_TOO_LARGE');
      expect(res.body.error?.message).toMatch(
        /terlalu besar setelah dibuka \(lebih dari \d+ MB\)\. Simpan ulang sebagai CSV/,
      );
      // The server still answers.
      expect((await app.inject({ method: 'GET', url: '/api/imports', headers: operator })).statusCode).toBe(200);
    }
    // The same bomb, lying about its size: found while inflating.
    const lying = await post(routes()[0]!.url, operator, sharedStringsBomb({ gib: 1.1, lie: true }), 'bohong.xlsx');
    expect(lying.status).toBe(422);
    expect(lying.body.error?.code).toBe('FILE_UNREADABLE');

    expect(await written()).toEqual(before);
    // Nothing of the 1.1 GB stayed: the process is within 150 MB of where it was before the bombs.
    expect(process.memoryUsage().rss).toBeLessThan(rssBefore + 150 * 1024 * 1024);
  });

  it('generated malformed CSV and XLSX files through every route: accepted whole or refused with nothing written', async () => {
    const files = fc.sample(malformedFile, { seed: 7, numRuns: 20 });
    const statuses = new Map<number, number>();
    for (const [i, file] of files.entries()) {
      const route = routes()[i % 5]!;
      const before = await written();
      const res = await post(route.url, route.headers, file.content, file.name);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `${route.name} ${file.kind}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      if (res.status >= 400) {
        expect(await written(), `${route.name} ${file.kind}`).toEqual(before);
        expect(res.body.error?.message.length).toBeGreaterThan(20);
      } else if (route.name === 'worker import') {
        // Accepted whole: the job, its file and the audit row of the upload together.
        await settled(res.body.id!);
        const after = await written();
        expect(after.import_job! - before.import_job!).toBe(1);
        expect(after.import_file! - before.import_file!).toBe(1);
        expect(after.audit_log!).toBeGreaterThan(before.audit_log!);
      }
    }
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/imports', headers: operator })).statusCode).toBe(200);
  });
});
