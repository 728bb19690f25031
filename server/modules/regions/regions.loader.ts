import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';

// Data: idn-area-data (Kemendagri codes; the data is under the ODbL, credited in the README and the UI footer).
const require = createRequire(import.meta.url);
const DATA_DIR = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
const PACKAGE_VERSION = (require('idn-area-data/package.json') as { version: string }).version;
export const REGION_SOURCE = `idn-area-data ${PACKAGE_VERSION} (Kepmendagri 300.2.2-2138/2025)`;
// The decree the package's data follows; codes loaded now are valid from it until a later decree ends them.
const VALID_FROM = '2025-04-25';

const FILES = [
  ['provinces', 'code text, name text'],
  ['regencies', 'code text, province_code text, name text'],
  ['districts', 'code text, regency_code text, name text'],
  ['villages', 'code text, district_code text, name text'],
] as const;

async function copyFile(client: pg.PoolClient, table: string, file: string): Promise<void> {
  // Some village names contain a bare double quote (e.g. Soka"an): quoting is switched off with an unused byte.
  const copy = client.query(
    copyStreams.from(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true, QUOTE E'\\x01')`),
  );
  await pipeline(fs.createReadStream(file), copy);
}

export type RegionCounts = { provinces: number; regencies: number; districts: number; villages: number };

/** Loads every region with COPY into temporary tables and one set-based insert. Does nothing when already loaded. */
export async function ensureRegionsLoaded(pool: pg.Pool): Promise<{ loaded: boolean; ms: number }> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    const present = await client.query('SELECT 1 FROM region LIMIT 1');
    if (present.rowCount) return { loaded: false, ms: 0 };
    await client.query('BEGIN');
    await client.query('LOCK TABLE region IN EXCLUSIVE MODE');
    const again = await client.query('SELECT 1 FROM region LIMIT 1');
    if (again.rowCount) {
      await client.query('ROLLBACK');
      return { loaded: false, ms: 0 };
    }
    for (const [name, columns] of FILES) {
      await client.query(`CREATE TEMP TABLE stage_${name} (${columns}) ON COMMIT DROP`);
      await copyFile(client, `stage_${name}`, path.join(DATA_DIR, `${name}.csv`));
    }
    const params = [VALID_FROM, REGION_SOURCE];
    await client.query(
      `INSERT INTO region (code, parent_code, level, kind, name, official_name, province_code, regency_code, valid_from, source)
       SELECT code, NULL, 'province', 'provinsi',
              regexp_replace(initcap(lower(name)), '^Dki ', 'DKI '), name, code, NULL, $1::date, $2
       FROM stage_provinces`,
      params,
    );
    await client.query(
      `INSERT INTO region (code, parent_code, level, kind, name, official_name, province_code, regency_code, valid_from, source)
       SELECT code, province_code, 'regency',
              CASE WHEN name LIKE 'KOTA %' THEN 'kota' ELSE 'kabupaten' END,
              initcap(lower(regexp_replace(name, '^(KABUPATEN|KOTA) ', ''))), name, province_code, code, $1::date, $2
       FROM stage_regencies`,
      params,
    );
    await client.query(
      `INSERT INTO region (code, parent_code, level, kind, name, official_name, province_code, regency_code, valid_from, source)
       SELECT code, regency_code, 'district', 'kecamatan', name, name, left(code, 2), regency_code, $1::date, $2
       FROM stage_districts`,
      params,
    );
    await client.query(
      `INSERT INTO region (code, parent_code, level, kind, name, official_name, province_code, regency_code, valid_from, source)
       SELECT code, district_code, 'village',
              CASE WHEN substr(code, 10, 1) = '1' THEN 'kelurahan' ELSE 'desa' END,
              name, name, left(code, 2), left(code, 5), $1::date, $2
       FROM stage_villages`,
      params,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE region');
    return { loaded: true, ms: Date.now() - started };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
