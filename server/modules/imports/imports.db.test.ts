import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { nikFor } from '../../testing/nik.ts';
import { importFileNow } from './imports.service.ts';
import { systemClock } from '../../platform/clock.ts';

// The import pipeline on the real PostgreSQL: codes with their spreadsheet row and column, updates where newer
// non-empty values win, the same file twice changing nothing, dry runs writing nothing, scope, and the rollback.

let db: TestDatabase;
let dir: string;

async function csv(name: string, lines: string[], encoding: BufferEncoding = 'utf8'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `${lines.join('\r\n')}\r\n`, encoding);
  return file;
}

const ctxFor = (scope: string) => {
  const base = systemContext('uji');
  return { ...base, actor: { ...base.actor, scope } };
};

async function run(file: string, scope = '34.02', mode: 'dry_run' | 'commit' = 'commit') {
  const result = await importFileNow(db, ctxFor(scope), { path: file, mode });
  const issues = await sql<{
    row: number | null;
    column_name: string | null;
    code: string;
    severity: string;
    message_id: string;
  }>`
    SELECT "row", column_name, code, severity, message_id FROM import_issue WHERE job_id = ${result.jobId}
    ORDER BY "row", seq`.execute(db.owner);
  return { ...result, issues: issues.rows };
}

const workers = async () =>
  (
    await sql<Record<string, unknown>>`SELECT nik, full_name, birth_date, sex, village_code, phone, segment, category,
      monthly_income, source, name_key, updated_at FROM worker ORDER BY nik`.execute(db.owner)
  ).rows;

const HEADER =
  'No;NIK;Nama Lengkap;Tempat Lahir;Tgl Lahir;L/P;Alamat;RT/RW;Desa/Kelurahan;Kecamatan;No HP;Pekerjaan;Penghasilan';
const SITI = nikFor('1985-03-12', 'P', 1);
const BUDI = nikFor('1990-07-01', 'L', 2);
const AGUS = nikFor('1978-12-31', 'L', 3);

beforeAll(async () => {
  db = await createTestDatabase('imports');
  dir = await mkdtemp(path.join(tmpdir(), 'lindung-import-test-'));
});
afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('worker import', () => {
  it('imports a semicolon CSV with names for villages, then changes nothing the second time', async () => {
    const file = await csv('desa.csv', [
      HEADER,
      `1;${SITI};Siti Aminah;Bantul;12 Maret 1985;P;Jl. Samas;003/011;Trirenggo;Bantul;0812-3456-7890;Petani;Rp 1.500.000`,
      `2;${BUDI};  Budi   Santoso ;Bantul;01/07/1990;L;Dusun Gaten;004/002;34.02.08.2004;;+62 813 1111 2222;Ojek;1000000`,
      ';;;;;;;;;;;;',
      `4;${AGUS};Agus Salim;Bantul;31-12-1978;Laki-laki;;;Palbapang;Kec. Bantul;;buruh harian lepas;`,
    ]);
    const first = await run(file);
    expect(first.summary).toEqual({ total: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, warnings: 0 });
    expect(first.issues).toEqual([]);
    const rows = await workers();
    expect(rows.map((r) => [r.nik, r.full_name, r.birth_date, r.village_code, r.phone, r.segment])).toEqual(
      [
        [SITI, 'Siti Aminah', '1985-03-12', '34.02.08.2004', '+6281234567890', 'farmer'],
        [BUDI, 'Budi Santoso', '1990-07-01', '34.02.08.2004', '+6281311112222', 'driver'],
        [AGUS, 'Agus Salim', '1978-12-31', '34.02.08.2001', null, 'day_labourer'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(rows.every((r) => r.source === `import:${first.jobId}` && r.name_key)).toBe(true);

    const audit = await sql<{ action: string; after: { inserted: number } }>`
      SELECT action, after FROM audit_log WHERE entity = 'import_job' AND entity_id = ${first.jobId}`.execute(db.owner);
    expect(audit.rows).toMatchObject([{ action: 'worker.import', after: { inserted: 3 } }]);

    const second = await run(file);
    expect(second.summary).toEqual({ total: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0, warnings: 0 });
    expect(await workers()).toEqual(rows);
  });

  it('updates an existing NIK: newer non-empty values win, conflicts are listed, each update is audited', async () => {
    const file = await csv('update.csv', [
      'NIK;Nama;Tanggal Lahir;JK;Kode Desa;No HP;Pekerjaan;Penghasilan',
      `${SITI};Siti Aminah;12-03-1985;P;34.02.08.2004;;Pedagang kecil;`,
    ]);
    const before = (await workers()).find((w) => w.nik === SITI)!;
    const result = await run(file);
    expect(result.summary).toMatchObject({ total: 1, updated: 1, inserted: 0, warnings: 1 });
    expect(result.issues).toEqual([
      expect.objectContaining({ row: 2, column_name: 'Pekerjaan', code: 'UPDATE_CONFLICT', severity: 'warning' }),
    ]);
    expect(result.issues[0]!.message_id).toContain('"farmer" diganti "small_trader"');
    const after = (await workers()).find((w) => w.nik === SITI)!;
    // The empty phone and income cells keep the stored values.
    expect(after).toMatchObject({
      segment: 'small_trader',
      phone: before.phone,
      monthly_income: before.monthly_income,
    });
    const audit = await sql<{ before: unknown; after: unknown }>`
      SELECT before, after FROM audit_log WHERE action = 'worker.import_update'`.execute(db.owner);
    expect(audit.rows).toEqual([
      { before: { segment: 'farmer', import: result.jobId }, after: { segment: 'small_trader', import: result.jobId } },
    ]);
  });

  it('refuses a birth date in the future on its row and column', async () => {
    const next = new Date(systemClock().getTime() + 7 * 3_600_000 + 400 * 86_400_000).toISOString().slice(0, 10);
    const [y, m, d] = next.split('-');
    const file = await csv('lahir-nanti.csv', [
      'NIK,Nama,Tgl Lahir,L/P,Desa,Kecamatan',
      `${nikFor(next, 'L', 19)},Bayi Nanti,${d}-${m}-${y},L,Trirenggo,Bantul`,
    ]);
    const result = await run(file, '34.02', 'dry_run');
    const issue = result.issues.find((i) => i.code === 'DATE_INVALID');
    expect(issue).toMatchObject({ row: 2, column_name: 'Tgl Lahir', severity: 'error' });
    expect(issue?.message_id).toContain(`Tanggal lahir ${d}-${m}-${y} ada di masa depan`);
    expect(result.summary).toMatchObject({ total: 1, rejected: 1 });
  });

  it('reports each office mistake with its code, spreadsheet row and column, and keeps those rows out', async () => {
    const count = (await workers()).length;
    const file = await csv('salah.csv', [
      'NIK,Nama,Tgl Lahir,L/P,Desa,Kecamatan,No HP',
      `"3,40208E+15",Ani,01-01-1990,P,Trirenggo,Bantul,`, // 2 NIK_SCIENTIFIC
      `${nikFor('1991-02-03', 'L', 10)},Bambang,31/02/1991,L,Trirenggo,Bantul,`, // 3 DATE_INVALID
      `${nikFor('1992-05-06', 'L', 11)},Cahyo,06-05-1992,L,Trirenggo,Bantul,12345`, // 4 PHONE_INVALID (warning)
      `${nikFor('1993-01-01', 'P', 12)},Dewi,01-01-1993,P,Trirenggo,Bantul,`, // 5 ok
      `${nikFor('1993-01-01', 'P', 12)},Dewi Lestari,01-01-1993,P,Trirenggo,Bantul,`, // 6 DUPLICATE_IN_FILE
      `${nikFor('1994-04-04', 'L', 13)},Eko,04-04-1994,L,Antah Berantah,Bantul,`, // 7 REGION_UNKNOWN
      `${nikFor('1995-05-05', 'L', 14)},Fajar,05-05-1995,L,Sumbermulyo,,`, // 8 ok: the only Sumbermulyo in Bantul
      `${nikFor('1996-06-06', 'L', 0)},Gita,06-06-1996,L,Trirenggo,Bantul,`, // 9 NIK_SERIAL
      `${nikFor('1997-07-07', 'L', 15)},,07-07-1997,L,Trirenggo,Bantul,`, // 10 REQUIRED_MISSING
      `${nikFor('1985-03-12', 'P', 9)},Siti Aminah,12-03-1985,P,Trirenggo,Bantul,`, // 11 PROBABLE_DUPLICATE of SITI
      `${nikFor('1990-07-01', 'L', 5)},Bdi Santoso,01-07-1990,L,Trirenggo,Bantul,`, // 12 ok (different name)
      `${nikFor('1998-08-08', 'L', 16, '349999')},Hadi,08-08-1998,L,Trirenggo,Bantul,`, // 13 NIK_DISTRICT_UNKNOWN
      `${nikFor('1999-09-09', 'L', 17)},Tono,09-09-1999,L,Trirenggo,Bantul,`, // 14 ok
      `${nikFor('1999-09-09', 'L', 18)},Tono,08-09-1999,L,Trirenggo,Bantul,`, // 15 one NIK digit off row 14
    ]);
    const result = await run(file);
    const found = result.issues.map((i) => [i.row, i.column_name, i.code, i.severity]);
    expect(found).toEqual(
      expect.arrayContaining([
        [2, 'NIK', 'NIK_SCIENTIFIC', 'error'],
        [3, 'Tgl Lahir', 'DATE_INVALID', 'error'],
        [4, 'No HP', 'PHONE_INVALID', 'warning'],
        [6, 'NIK', 'DUPLICATE_IN_FILE', 'error'],
        [7, 'Desa', 'REGION_UNKNOWN', 'error'],
        [9, 'NIK', 'NIK_SERIAL', 'error'],
        [10, 'Nama', 'REQUIRED_MISSING', 'error'],
        [11, 'Nama', 'PROBABLE_DUPLICATE', 'warning'],
        [13, 'NIK', 'NIK_DISTRICT_UNKNOWN', 'warning'],
        [15, 'NIK', 'NIK_BIRTHDATE_MISMATCH', 'warning'],
        [15, 'Nama', 'PROBABLE_DUPLICATE', 'warning'],
      ]),
    );
    expect(found.filter((f) => f[0] === 5 || f[0] === 8 || f[0] === 12)).toEqual([]);
    expect(result.summary).toMatchObject({ total: 14, rejected: 6, inserted: 8 });
    expect(result.issues.find((i) => i.row === 15 && i.code === 'PROBABLE_DUPLICATE')?.message_id).toContain(
      'baris 14 (nama sama, NIK beda satu angka)',
    );
    expect((await workers()).length).toBe(count + 8);
  });

  it('finds NIKs one digit apart in each block of four digits, and not two digits apart', async () => {
    const base = nikFor('1987-04-21', 'L', 77); // 3402082104870077
    const change = (nik: string, at: number, digit: string) => `${nik.slice(0, at)}${digit}${nik.slice(at + 1)}`;
    const rows = [
      base,
      change(base, 3, '1'), // block 1–4: regency 34.01
      change(base, 5, '7'), // block 5–8: district 34.02.07
      change(base, 11, '8'), // block 9–12: year 88
      change(base, 15, '8'), // block 13–16: serial 0078
      change(change(base, 14, '9'), 15, '9'), // two digits apart from the first row: not a pair
    ];
    const file = await csv('satu-angka.csv', [
      'NIK;Nama;Tgl Lahir;JK;Desa',
      ...rows.map((nik, i) => `${nik};Yudi Satu Angka;${String(10 + i).padStart(2, '0')}-01-1960;L;34.02.08.2004`),
    ]);
    const result = await run(file, '34.02', 'dry_run');
    const duplicates = result.issues.filter((i) => i.code === 'PROBABLE_DUPLICATE');
    expect(duplicates.map((i) => [i.row, i.message_id.match(/baris \d+/)?.[0]])).toEqual([
      [3, 'baris 2'],
      [4, 'baris 2'],
      [5, 'baris 2'],
      [6, 'baris 2'],
    ]);
    expect(duplicates.every((i) => i.message_id.includes('NIK beda satu angka'))).toBe(true);
    // A commit reads the file's own duplicates from the pairs the registry stored as it inserted the rows: the same
    // issues as the dry run's pairing, and the same pairs stored.
    const committed = await run(file, '34.02', 'commit');
    expect(committed.summary.inserted).toBe(rows.length);
    expect(committed.issues).toEqual(result.issues);
  });

  it('asks for the district when a village name is not unique in the scope', async () => {
    const file = await csv('ambigu.csv', [
      'NIK;Nama;Tgl Lahir;JK;Desa;Kecamatan',
      `${nikFor('1995-05-05', 'L', 50)};Fajar;05-05-1995;L;Sidorejo;`,
      `${nikFor('1995-05-06', 'L', 51)};Galih;06-05-1995;L;Sidorejo;Godean`,
    ]);
    const result = await run(file, '34', 'dry_run');
    expect(result.issues.map((i) => [i.row, i.column_name, i.code])).toEqual([[2, 'Desa', 'REGION_AMBIGUOUS']]);
    expect(result.issues[0]!.message_id).toMatch(/Ada 3 desa\/kelurahan bernama "Sidorejo".*Isi kolom Kecamatan/);
  });

  it('a dry run records the problems and writes no worker', async () => {
    const before = await workers();
    const file = await csv('uji.csv', [
      'NIK;Nama;Tgl Lahir;JK;Desa',
      `${nikFor('2000-01-01', 'L', 20)};Joko;01-01-2000;L;34.02.08.2004`,
    ]);
    const result = await run(file, '34.02', 'dry_run');
    expect(result.summary).toMatchObject({ total: 1, inserted: 1 });
    expect(await workers()).toEqual(before);
    const job = await sql<{ status: string }>`SELECT status FROM import_job WHERE id = ${result.jobId}`.execute(
      db.owner,
    );
    expect(job.rows[0]?.status).toBe('validated');
  });

  it('never touches a NIK registered outside the importer scope, nor reveals where it is', async () => {
    const file = await csv('luar.csv', [
      'NIK;Nama;Tgl Lahir;JK;Desa',
      `${SITI};Siti Aminah;12-03-1985;P;34.02.08.2004`, // Trirenggo: outside Palbapang's scope
    ]);
    const before = await workers();
    const result = await run(file, '34.02.08.2001');
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'REGION_UNKNOWN'], // the village itself is outside the operator's scope
    ]);
    const moved = await csv('pindah.csv', ['NIK;Nama;Tgl Lahir;JK', `${SITI};Siti Aminah;12-03-1985;P`]);
    const second = await importFileNow(db, ctxFor('34.02.08.2001'), {
      path: moved,
      mode: 'commit',
      defaultVillage: '34.02.08.2001',
    });
    const issues = await sql<{ code: string; message_id: string }>`
      SELECT code, message_id FROM import_issue WHERE job_id = ${second.jobId}`.execute(db.owner);
    expect(issues.rows.map((i) => i.code)).toEqual(['NIK_REGISTERED_ELSEWHERE']);
    expect(issues.rows[0]!.message_id).not.toMatch(/Trirenggo|34\.02\.08\.2004/);
    expect(second.summary).toMatchObject({ rejected: 1, updated: 0, inserted: 0 });
    expect(await workers()).toEqual(before);
  });

  it('reads Windows-1252 CSV names and asks for a mapping when a required column is missing', async () => {
    const file = path.join(dir, 'cp1252.csv');
    const nik = nikFor('1988-08-18', 'P', 30);
    await writeFile(
      file,
      Buffer.from(
        `NIK,Nama,Tgl Lahir,JK,Desa\r\n${nik},Siti Ma\x92rifah Jos\xe9,18-08-1988,P,34.02.08.2004\r\n`,
        'latin1',
      ),
    );
    await run(file);
    const row = (await workers()).find((w) => w.nik === nik);
    expect(row?.full_name).toBe('Siti Ma’rifah José');

    const noName = await csv('tanpa-nama.csv', ['NIK;Tgl Lahir;JK;Desa', `${nik};18-08-1988;P;34.02.08.2004`]);
    await expect(run(noName)).rejects.toThrow(/fullName/);
  });
});

describe('fixtures made by a real spreadsheet program (test-fixtures/imports/README.md)', () => {
  const fixture = (name: string) => path.resolve('test-fixtures/imports', name);
  const codes = (issues: { row: number | null; code: string }[]) => issues.map((i) => [i.row, i.code]);

  it('pekerja-bermasalah.xlsx: each office mistake on its row', async () => {
    const result = await run(fixture('pekerja-bermasalah.xlsx'), '34.02', 'dry_run');
    expect(codes(result.issues)).toEqual([
      [2, 'NIK_NUMERIC_CELL'],
      [3, 'NIK_NUMERIC_CELL'],
      [4, 'DATE_INVALID'],
      [6, 'PHONE_INVALID'],
      [7, 'NIK_SERIAL'],
      [9, 'NIK_DATE'],
      [11, 'DUPLICATE_IN_FILE'],
      [12, 'REGION_UNKNOWN'],
      [14, 'REQUIRED_MISSING'],
    ]);
    expect(result.summary).toMatchObject({ total: 13, inserted: 5, rejected: 8, warnings: 1 });
    expect(result.issues.find((i) => i.row === 2)?.column_name).toBe('NIK');
  });

  it('pekerja-benar.xlsx, the semicolon, Windows-1252 and scientific CSVs', async () => {
    const fixed = await run(fixture('pekerja-benar.xlsx'), '34.02', 'dry_run');
    expect(fixed.issues).toEqual([]);
    expect(fixed.summary).toMatchObject({ total: 12, rejected: 0 });
    const semicolon = await run(fixture('pekerja-titikkoma.csv'), '34.02', 'dry_run');
    expect(semicolon.issues).toEqual([]);
    expect(semicolon.summary.total).toBe(4);
    const cp1252 = await run(fixture('pekerja-koma-cp1252.csv'), '34.02', 'dry_run');
    expect(cp1252.issues).toEqual([]);
    expect(cp1252.summary.total).toBe(3);
    const scientific = await run(fixture('pekerja-ilmiah.csv'), '34.02', 'dry_run');
    expect(codes(scientific.issues)).toEqual([
      [2, 'NIK_SCIENTIFIC'],
      [3, 'NIK_SCIENTIFIC'],
    ]);
  });
});
