import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';

// The worker's village must be a known region (migration 0015: a statement-level check instead of a foreign key),
// whatever path writes the row, and a region that workers live in cannot go away.

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('registry_village');
});

afterAll(async () => {
  await db.close();
});

const insert = (village: string, nik: string) => sql`
  INSERT INTO worker (kabkota_code, nik, full_name, birth_date, sex, village_code, segment, category, source)
  VALUES (left(${village}, 5), ${nik}, 'Tri Wahyuni', '1990-01-01', 'P', ${village}, 'farmer', 'BPU', 'test')`;

async function errorOf(run: Promise<unknown>): Promise<{ code?: string; message: string } | null> {
  try {
    await run;
    return null;
  } catch (err) {
    return err as { code?: string; message: string };
  }
}

describe('the village of a worker', () => {
  it('must be a known region, on insert and on update, and the statement writes nothing otherwise', async () => {
    expect(await errorOf(insert('34.02.08.2004', '3402084101900001').execute(db.owner))).toBeNull();
    const unknown = await errorOf(insert('34.02.08.9999', '3402084101900002').execute(db.owner));
    expect(unknown).toMatchObject({ code: '23503' });
    expect(unknown?.message).toContain('34.02.08.9999');
    const rows = await sql<{ n: string }>`SELECT count(*) AS n FROM worker WHERE nik = '3402084101900002'`.execute(
      db.owner,
    );
    expect(rows.rows[0]?.n).toBe('0');

    const moved = await errorOf(
      sql`UPDATE worker SET village_code = '34.02.08.9998' WHERE nik = '3402084101900001'`.execute(db.owner),
    );
    expect(moved).toMatchObject({ code: '23503' });
    expect(
      await errorOf(
        sql`UPDATE worker SET village_code = '34.02.08.2005' WHERE nik = '3402084101900001'`.execute(db.owner),
      ),
    ).toBeNull();
  });

  it('keeps a region that workers live in', async () => {
    const gone = await errorOf(sql`DELETE FROM region WHERE code = '34.02.08.2005'`.execute(db.owner));
    expect(gone).toMatchObject({ code: '23503' });
    const renamed = await errorOf(
      sql`UPDATE region SET code = '34.02.08.2999' WHERE code = '34.02.08.2005'`.execute(db.owner),
    );
    expect(renamed).not.toBeNull();
    const still = await sql<{ n: string }>`SELECT count(*) AS n FROM region WHERE code = '34.02.08.2005'`.execute(
      db.owner,
    );
    expect(still.rows[0]?.n).toBe('1');
  });
});
