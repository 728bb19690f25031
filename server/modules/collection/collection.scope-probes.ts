// The collection routes' probes for the every-route scope test (access/region-scope.db.test.ts): a Bantul user
// must neither see nor change Kab. Sleman's targets, candidates, visits or devices through any of them. Kept here
// so the shared test file gains one line.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Database } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { tableDigest } from '../../testing/unchanged.ts';
import { makeUser, signIn } from '../../testing/test-db.ts';

const TABLES = [
  'collection_target',
  'collection_quota',
  'collection_list',
  'collection_candidate',
  'collection_visit',
  'collection_device',
];

// `live` is read when a probe runs: the scope test builds its probes before its beforeAll opens the database.
export function collectionScopeProbes(
  live: () => { app: App; db: Database; headers: Record<string, string> },
  deps: { other: string; home: string },
): [string, () => Promise<void>][] {
  const { other } = deps;
  let fixture: Promise<{ target: string; candidate: string; device: string; admin: Record<string, string> }> | null =
    null;
  // Kab. Sleman's collection rows, written by the owner (the fixture of the probes).
  const sleman = () =>
    (fixture ??= (async () => {
      const target = await live()
        .db.owner.insertInto('collection_target')
        .values({
          region_code: other,
          name: 'Sleman',
          quota: 5,
          method: 'even',
          basis: 'none',
          starts_on: '2026-01-01',
          due_on: '2026-12-31',
          created_by: 'test',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await live()
        .db.owner.insertInto('collection_quota')
        .values({ target_id: target.id, village_code: `${other}.01.2001`, quota: 5, denominator: null })
        .execute();
      const list = await live()
        .db.owner.insertInto('collection_list')
        .values({
          region_code: other,
          source: 'DTSEN',
          file_name: 'x.csv',
          file_sha256: 'x',
          persons: 1,
          imported_by: 'test',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const candidate = await live()
        .db.owner.insertInto('collection_candidate')
        .values({
          list_id: list.id,
          village_code: `${other}.01.2001`,
          nik: '3404014509850002',
          full_name: 'Calon Sleman',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const device = randomUUID();
      await live()
        .db.owner.insertInto('collection_device')
        .values({
          id: device,
          user_id: '999',
          username: 'operator.sleman',
          region_code: `${other}.01.2001`,
          label: 'HP Sleman',
        })
        .execute();
      const adminUser = await makeUser(live().db, 'admin', deps.home);
      const admin = await signIn(live().app, adminUser.username, adminUser.password);
      return { target: target.id, candidate: candidate.id, device, admin };
    })());
  const untouched = () => tableDigest(live().db.owner, TABLES);
  const inject = (method: 'GET' | 'POST', url: string, payload?: object, h?: Record<string, string>) =>
    live().app.inject({ method, url, headers: h ?? live().headers, ...(payload ? { payload } : {}) });

  return [
    [
      'GET /api/collection/villages',
      async () => {
        expect((await inject('GET', `/api/collection/villages?region=${other}`)).statusCode).toBe(403);
      },
    ],
    [
      'GET /api/collection/region-codes',
      async () => {
        // Reference codes only (the same list for every region: no names, counts or people of Kab. Sleman).
        const r = await inject('GET', '/api/collection/region-codes');
        expect(r.statusCode).toBe(200);
        const body = r.json() as { provinces: string[]; districts: string[] };
        expect(Object.keys(body).sort()).toEqual(['districts', 'provinces']);
        expect([...body.provinces, ...body.districts].every((c) => /^\d{2}(\.\d{2}){0,2}$/.test(c))).toBe(true);
      },
    ],
    [
      'POST /api/collection/targets',
      async () => {
        await sleman();
        const before = await untouched();
        const body = {
          name: 'Sleman',
          region: other,
          quota: 10,
          method: 'even',
          startsOn: '2026-07-01',
          dueOn: '2026-12-31',
        };
        expect((await inject('POST', '/api/collection/targets', body)).statusCode).toBe(403);
        expect(await untouched()).toEqual(before);
      },
    ],
    [
      'GET /api/collection/targets',
      async () => {
        await sleman();
        const r = await inject('GET', '/api/collection/targets');
        expect(r.statusCode).toBe(200);
        expect(r.body).not.toContain(`"${other}`);
      },
    ],
    [
      'GET /api/collection/targets/{id}',
      async () => {
        const { target } = await sleman();
        expect((await inject('GET', `/api/collection/targets/${target}`)).statusCode).toBe(404);
      },
    ],
    [
      'GET /api/collection/targets/{id}/export.xlsx',
      async () => {
        const { target } = await sleman();
        expect((await inject('GET', `/api/collection/targets/${target}/export.xlsx`)).statusCode).toBe(404);
      },
    ],
    [
      'GET /api/collection/worklist',
      async () => {
        await sleman();
        expect((await inject('GET', `/api/collection/worklist?village=${other}.01.2001`)).statusCode).toBe(403);
      },
    ],
    [
      'POST /api/collection/visits',
      async () => {
        const { candidate } = await sleman();
        const before = await untouched();
        const body = { candidateId: candidate, outcome: 'refused', visitedOn: '2026-07-15' };
        expect((await inject('POST', '/api/collection/visits', body)).statusCode).toBe(404);
        expect(await untouched()).toEqual(before);
      },
    ],
    [
      'POST /api/collection/devices',
      async () => {
        await sleman();
        const id = randomUUID();
        const r = await inject('POST', '/api/collection/devices', { id, label: 'HP Dinas' });
        expect(r.statusCode).toBe(201);
        expect(r.json()).toMatchObject({ region: deps.home });
      },
    ],
    [
      'GET /api/collection/devices',
      async () => {
        const { admin } = await sleman();
        const r = await inject('GET', '/api/collection/devices', undefined, admin);
        expect(r.statusCode).toBe(200);
        expect(r.body).not.toContain('HP Sleman');
      },
    ],
    [
      'POST /api/collection/devices/{id}/revoke',
      async () => {
        const { device, admin } = await sleman();
        const before = await untouched();
        expect((await inject('POST', `/api/collection/devices/${device}/revoke`, undefined, admin)).statusCode).toBe(
          404,
        );
        expect(await untouched()).toEqual(before);
      },
    ],
    [
      'POST /api/collection/sync',
      async () => {
        const { candidate } = await sleman();
        const deviceId = randomUUID();
        await inject('POST', '/api/collection/devices', { id: deviceId, label: 'HP Sync' });
        const before = await tableDigest(live().db.owner, ['collection_visit', 'worker']);
        const r = await inject('POST', '/api/collection/sync', {
          deviceId,
          entries: [
            {
              clientId: randomUUID(),
              kind: 'visit',
              payload: { candidateId: candidate, outcome: 'moved', visitedOn: '2026-07-15' },
            },
            {
              clientId: randomUUID(),
              kind: 'register',
              payload: {
                nik: '3404014509850003',
                fullName: 'Warga Sleman',
                birthDate: '1985-09-05',
                sex: 'P',
                village: `${other}.01.2001`,
                segment: 'farmer',
                category: 'BPU',
              },
            },
          ],
        });
        expect(r.statusCode).toBe(200);
        expect(r.json().answers.map((a: { status: string }) => a.status)).toEqual(['error', 'error']);
        expect(await tableDigest(live().db.owner, ['collection_visit', 'worker'])).toEqual(before);
      },
    ],
    [
      'POST /api/collection/lists/import',
      async () => {
        await sleman();
        const before = await untouched();
        const file = `NIK;Nama;Kode Desa\n3404014509850004;Warga Sleman;${other}.01.2001\n`;
        const r = await live().app.inject({
          method: 'POST',
          url: '/api/collection/lists/import?fileName=x.csv',
          headers: { ...live().headers, 'content-type': 'text/csv' },
          payload: file,
        });
        expect(r.statusCode).toBe(422);
        expect(await untouched()).toEqual(before);
      },
    ],
  ];
}
