import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { expectStoredEqualsRecount, pairVillages, storedPairs } from '../../testing/duplicate-pairs.ts';
import { bulkWorker } from '../../testing/bulk-worker.ts';
import { nikFor } from '../../testing/nik.ts';
import { bulkInsertWorkers, type BulkWorker } from './index.ts';

// A statement of more than 10,000 new workers takes the pair trigger's parallel path (sql/worker-duplicates.sql:
// the new rows read from `worker` by their id range, NIK blocks as numbers). Its stored pairs equal the recount by
// the review's earlier algorithm, as the small path's do (registry-duplicate-pairs.db.test.ts), here on a database
// of its own: the other file's edits and merges are sized for a few hundred workers.

let db: TestDatabase;
let villages: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase('registry_duplicate_pairs_large');
  villages = await pairVillages(db.owner);
});
afterAll(async () => {
  await db.drop();
});

const BIRTHS = ['1985-09-05', '1990-01-01', '1979-12-31'];
const FIRST = ['Siti', 'Budi', 'Nur', 'Agus', 'Dewi', 'Sri', 'Eko', 'Rina', 'Joko', 'Wati', 'Tri', 'Bambang'];
const LAST = ['Aminah', 'Santoso', 'Hayati', 'Wahyuni', 'Prasetyo', 'Utami', 'Lestari', 'Saputra', 'Rahayu'];
const THIRD = ['Putri', 'Wijaya', 'Sari', 'Kusuma', 'Pratama', 'Handayani', 'Nugroho'];

/**
 * Families of up to six workers: a NIK and its variants one digit apart (in the serial, the birth date's day and
 * the district), under one name and mostly one birth date. 700 names, each for three families born on three
 * different days: a name group of about 15 workers, so the pairs are many but not quadratic in the load.
 */
function families(size: number, serialFrom: number): BulkWorker[] {
  const rows: BulkWorker[] = [];
  for (let family = 0; rows.length < size; family++) {
    const birth = BIRTHS[family % 3]!;
    const base = nikFor(birth, 'P', serialFrom + family, `3402${String(10 + (family % 80))}`);
    const n = family % 700;
    const fullName = `${FIRST[n % 12]!} ${LAST[Math.floor(n / 12) % 9]!} ${THIRD[Math.floor(n / 108)]!}`;
    const variants = [13, 14, 15, 6, 2].map((at) => base.slice(0, at) + '9' + base.slice(at + 1));
    [base, ...variants].forEach((nik, member) => {
      if ((family + member) % 5 === 0) return;
      rows.push(
        bulkWorker({
          nik,
          full_name: fullName,
          birth_date: (family * 3 + member) % 7 === 0 ? BIRTHS[(family + 1) % 3]! : birth,
          village_code: villages[member % villages.length]!,
        }),
      );
    });
  }
  return rows;
}

describe('stored probable-duplicate pairs of a large load', () => {
  it('equal the recount after one load of 10,500 workers, then a second pairing with the first', async () => {
    const load = (rows: BulkWorker[], source: string) =>
      bulkInsertWorkers(db.ownerPool, rows, systemContext('uji'), {
        source,
        audit: { action: 'worker.generate', region: null, details: {} },
      });
    await load(families(10_500, 0), 'test-large-1');
    const first = await expectStoredEqualsRecount(db.owner);
    expect(first.length).toBeGreaterThan(5_000);
    expect(first.some((p) => p.nikOneDigit && !p.sameBirth)).toBe(true);
    expect(new Set(first.map((p) => p.region.length))).toEqual(new Set([13, 8, 5, 2, 0]));

    // The same families' names and birth days again under new serials: every new worker pairs with the first load.
    await load(
      families(10_200, 0).map((w) => ({ ...w, nik: w.nik.slice(0, 12) + '8' + w.nik.slice(13) })),
      'test-large-2',
    );
    const second = await expectStoredEqualsRecount(db.owner);
    expect(second.length).toBeGreaterThan(first.length);
    expect((await storedPairs(db.owner)).length).toBe(second.length);
  });
});
