import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testApp, type TestDatabase } from '../../testing/test-db.ts';
import type { App } from '../../platform/http.ts';

const require = createRequire(import.meta.url);
const dataDir = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
const rowsIn = (file: string) => fs.readFileSync(path.join(dataDir, file), 'utf8').trim().split('\n').length - 1;

let db: TestDatabase;
let app: App;
beforeAll(async () => {
  db = await createTestDatabase('regions');
  app = await testApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('regions', () => {
  it('holds every region of the package, counted per level', async () => {
    const stats = (await app.inject({ method: 'GET', url: '/api/regions/stats' })).json();
    expect(stats).toEqual({
      provinces: rowsIn('provinces.csv'),
      regencies: rowsIn('regencies.csv'),
      districts: rowsIn('districts.csv'),
      villages: rowsIn('villages.csv'),
    });
    expect(stats.provinces).toBe(38);
    expect(stats.regencies).toBe(514);
  });

  it('lists children and shows a region with its levels', async () => {
    const districts = (await app.inject({ method: 'GET', url: '/api/regions?parent=34.02' })).json().items;
    expect(districts).toHaveLength(17);
    const village = (await app.inject({ method: 'GET', url: '/api/regions/34.02.08.2004' })).json();
    expect(village).toMatchObject({
      name: 'Trirenggo',
      kind: 'desa',
      label: 'Desa Trirenggo',
      fullLabel: 'Desa Trirenggo, Kec. Bantul, Kab. Bantul',
    });
    expect(village.path.map((r: { code: string }) => r.code)).toEqual(['34', '34.02', '34.02.08', '34.02.08.2004']);
    const city = (await app.inject({ method: 'GET', url: '/api/regions/34.71' })).json();
    expect(city.label).toBe('Kota Yogyakarta');
  });

  it('searches by name within a region and level', async () => {
    const r = (await app.inject({ method: 'GET', url: '/api/regions/search?q=trireng&within=34.02' })).json();
    expect(r.items.map((i: { code: string }) => i.code)).toContain('34.02.08.2004');
    const none = (await app.inject({ method: 'GET', url: '/api/regions/search?q=trireng&within=35' })).json();
    expect(none.items).toEqual([]);
    const kab = (await app.inject({ method: 'GET', url: '/api/regions/search?q=bantul&level=regency' })).json();
    expect(kab.items[0]).toMatchObject({ code: '34.02', label: 'Kab. Bantul' });
  });

  it('answers an unknown code with a clear 400', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/regions/34.99' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('Kode wilayah 34.99 tidak dikenal. Pilih wilayah dari daftar.');
  });

  it('keeps codes effective-dated', async () => {
    const row = await db.owner
      .selectFrom('region')
      .select(['valid_from', 'valid_to', 'source'])
      .where('code', '=', '96')
      .executeTakeFirstOrThrow();
    expect(row.valid_from).toBe('2025-04-25');
    expect(row.valid_to).toBeNull();
    expect(row.source).toMatch(/idn-area-data/);
  });
});
