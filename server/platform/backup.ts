// Backup and restore without pg_dump (the embedded PostgreSQL ships none): one REPEATABLE READ READ ONLY
// transaction copies every table with COPY TO, parents before children, into one gzip file; a restore applies the
// migrations up to the backup's schema version and copies the tables back with COPY FROM in the same order, in one
// transaction, with user triggers off (slot counters, the audit log's refusals, region checks: the copied rows are
// already what those triggers made), then sets every identity sequence where the backup left it.
//
// File (gzip, UTF-8 lines):
//   LINDUNG-BACKUP 1
//   {"format":1,"createdAt":…,"migrations":[{name,checksum}],"tables":[{name,columns}],"sequences":[…]}
//   TABLE <name>
//   <COPY text rows>
//   \.
//   …
//   MANIFEST {"tables":[{"name","rows","sha256"}]}
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { AppError } from './errors.ts';
import { MIGRATIONS_DIR, migrate } from './migrate.ts';

const MAGIC = 'LINDUNG-BACKUP 1';
const END_OF_DATA = '\\.';

/**
 * Tables whose rows are not worth restoring: sessions (everyone signs in again). Migrations travel as a list; the
 * repeatable SQL's checksums stay behind, so the start after a restore applies this build's current text.
 */
const SKIPPED_TABLES = new Set(['session', 'lindung_migration', 'lindung_repeatable']);

export type BackupTable = { name: string; columns: string[]; orderBy: string[] };
export type BackupSequence = { name: string; lastValue: string; isCalled: boolean };
export type BackupHeader = {
  format: 1;
  createdAt: string;
  migrations: { name: string; checksum: string }[];
  tables: BackupTable[];
  sequences: BackupSequence[];
};
export type TableManifest = { name: string; rows: number; sha256: string };
export type BackupManifest = { tables: TableManifest[] };
export type BackupResult = { file: string; bytes: number; ms: number; header: BackupHeader; manifest: BackupManifest };

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Output settings that make COPY text the same on every server and session (so checksums compare). */
async function stableSession(client: pg.PoolClient): Promise<void> {
  await client.query(`SET LOCAL TimeZone = 'UTC'`);
  await client.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
  await client.query(`SET LOCAL IntervalStyle = 'postgres'`);
  await client.query(`SET LOCAL extra_float_digits = 3`);
  await client.query(`SET LOCAL bytea_output = 'hex'`);
  // Row-level security: the owner is not bound by it, but a policy that is FORCEd would read the scope.
  await client.query(`SELECT set_config('lindung.scope', '*', true)`);
}

/** Every table of the public schema with its stored (non-generated) columns, parents before children. */
export async function tablesInOrder(client: pg.PoolClient): Promise<BackupTable[]> {
  const tables = await client.query<{ name: string; columns: string[]; pk: string[] | null }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns,
           (SELECT array_agg(k.attname::text ORDER BY array_position(i.indkey::int2[], k.attnum))
              FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
             WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
     GROUP BY c.oid, c.relname
     ORDER BY c.relname`);
  const edges = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT ch.relname AS child, pa.relname AS parent
      FROM pg_constraint f
      JOIN pg_class ch ON ch.oid = f.conrelid
      JOIN pg_class pa ON pa.oid = f.confrelid
     WHERE f.contype = 'f' AND f.connamespace = 'public'::regnamespace AND f.conrelid <> f.confrelid`);
  const parents = new Map<string, Set<string>>();
  for (const e of edges.rows) parents.set(e.child, (parents.get(e.child) ?? new Set()).add(e.parent));
  const byName = new Map(tables.rows.map((t) => [t.name, t]));
  const ordered: BackupTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle through ${name}`);
    state.set(name, 'visiting');
    for (const p of parents.get(name) ?? []) if (byName.has(p)) visit(p);
    state.set(name, 'done');
    const t = byName.get(name)!;
    if (!SKIPPED_TABLES.has(name)) ordered.push({ name, columns: t.columns, orderBy: t.pk ?? t.columns });
  };
  for (const t of tables.rows) visit(t.name);
  return ordered;
}

async function sequences(client: pg.PoolClient): Promise<BackupSequence[]> {
  const names = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace
      ORDER BY 1`,
  );
  const out: BackupSequence[] = [];
  for (const { name } of names.rows) {
    const r = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${quoteIdent(name)}`,
    );
    out.push({ name, lastValue: r.rows[0]!.last_value, isCalled: r.rows[0]!.is_called });
  }
  return out;
}

/** The SELECT a table is copied with: its stored columns, in key order, so the same rows give the same bytes. */
function copyOut(t: BackupTable): string {
  const cols = t.columns.map(quoteIdent).join(', ');
  const order = t.orderBy.map(quoteIdent).join(', ');
  return `COPY (SELECT ${cols} FROM ${quoteIdent(t.name)} ORDER BY ${order}) TO STDOUT`;
}

/** Streams one table's COPY text to `sink`, returning its row count and SHA-256. */
async function dumpTable(
  client: pg.PoolClient,
  t: BackupTable,
  sink: (chunk: Buffer) => Promise<void>,
): Promise<TableManifest> {
  const hash = createHash('sha256');
  let rows = 0;
  const stream = client.query(copyStreams.to(copyOut(t)));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows += 1;
    await sink(chunk);
  }
  return { name: t.name, rows, sha256: hash.digest('hex') };
}

/** Row counts and checksums of every table as a backup would record them now (to compare a restore with). */
export async function databaseManifest(pool: pg.Pool): Promise<BackupManifest> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await stableSession(client);
    const tables: TableManifest[] = [];
    for (const t of await tablesInOrder(client)) tables.push(await dumpTable(client, t, async () => undefined));
    await client.query('COMMIT');
    return { tables };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Writes a backup of the database to `file` (gzip) from one consistent snapshot, while Lindung keeps serving.
 * Written to `<file>.partial` first and renamed at the end, so a file with the final name is always complete.
 */
export async function backupDatabase(pool: pg.Pool, file: string): Promise<BackupResult> {
  const started = Date.now();
  const partial = `${file}.partial`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const gzip = zlib.createGzip({ level: 3 });
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const written = pipeline(gzip, out);
  const write = async (data: Buffer | string) => {
    if (!gzip.write(data)) await new Promise<void>((resolve) => gzip.once('drain', resolve));
  };
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await stableSession(client);
    const migrations = await client.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM lindung_migration ORDER BY name',
    );
    const header: BackupHeader = {
      format: 1,
      createdAt: new Date().toISOString(),
      migrations: migrations.rows,
      tables: await tablesInOrder(client),
      sequences: await sequences(client),
    };
    await write(`${MAGIC}\n${JSON.stringify(header)}\n`);
    const manifest: BackupManifest = { tables: [] };
    for (const t of header.tables) {
      await write(`TABLE ${t.name}\n`);
      manifest.tables.push(await dumpTable(client, t, write));
      await write(`${END_OF_DATA}\n`);
    }
    await write(`MANIFEST ${JSON.stringify(manifest)}\n`);
    await client.query('COMMIT');
    gzip.end();
    await written;
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, ms: Date.now() - started, header, manifest };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    gzip.destroy();
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    client.release();
  }
}

/** The migration files this build knows, with their checksums (as migrate() records them). */
function knownMigrations(dir = MIGRATIONS_DIR): Map<string, string> {
  return new Map(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f), 'utf8'))
          .digest('hex'),
      ]),
  );
}

/** Refuses a backup this build cannot restore: a migration it does not know (newer) or one that differs. */
export function checkSchemaVersion(header: BackupHeader, dir = MIGRATIONS_DIR): void {
  const known = knownMigrations(dir);
  const unknown = header.migrations.filter((m) => !known.has(m.name));
  if (unknown.length > 0)
    throw new AppError('BACKUP_NEWER_SCHEMA', {
      migration: unknown[unknown.length - 1]!.name,
      latest: [...known.keys()].pop() ?? '-',
    });
  const changed = header.migrations.find((m) => known.get(m.name) !== m.checksum);
  if (changed) throw new AppError('BACKUP_INVALID', { detail: `migrasi ${changed.name} berbeda dari versi ini` });
}

type Lines = AsyncIterator<string>;

/** The file's lines, decompressed; a missing or damaged file ends the iteration with an error, never a hang. */
function openLines(file: string) {
  if (!fs.existsSync(file)) throw new AppError('BACKUP_INVALID', { detail: `berkas ${file} tidak ditemukan` });
  const raw = fs.createReadStream(file);
  const input = zlib.createGunzip();
  raw.on('error', (err) => input.destroy(err));
  raw.pipe(input);
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  // readline does not pass on the stream's errors: end the iteration with them instead.
  input.on('error', (err) => rl.emit('error', err));
  return {
    lines: rl[Symbol.asyncIterator]() as Lines,
    close() {
      rl.close();
      raw.destroy();
      input.destroy();
    },
  };
}

async function nextLine(lines: Lines, what: string): Promise<string> {
  const r = await lines.next();
  if (r.done) throw new AppError('BACKUP_INVALID', { detail: `berkas terpotong sebelum ${what}` });
  return r.value;
}

/** Reads the header of a backup file (for checks before anything is changed). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const { lines, close } = openLines(file);
  try {
    if ((await nextLine(lines, 'kepala berkas')) !== MAGIC)
      throw new AppError('BACKUP_INVALID', { detail: 'bukan berkas cadangan Lindung' });
    return JSON.parse(await nextLine(lines, 'kepala berkas')) as BackupHeader;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BACKUP_INVALID', { detail: (err as Error).message });
  } finally {
    close();
  }
}

export type RestoreResult = { ms: number; migrations: number; manifest: BackupManifest };

/**
 * Restores `file` into an empty database (no Lindung migration applied yet): migrations up to the backup's version,
 * then every table in one transaction, checked against the manifest before it commits.
 */
export async function restoreDatabase(pool: pg.Pool, file: string, dir = MIGRATIONS_DIR): Promise<RestoreResult> {
  const started = Date.now();
  const header = await readBackupHeader(file);
  checkSchemaVersion(header, dir);
  const exists = await pool.query<{ t: string | null }>(`SELECT to_regclass('public.lindung_migration')::text AS t`);
  const applied = exists.rows[0]!.t
    ? await pool.query<{ n: string }>('SELECT count(*) AS n FROM lindung_migration')
    : { rows: [{ n: '0' }] };
  if (Number(applied.rows[0]!.n) > 0) throw new AppError('BACKUP_TARGET_NOT_EMPTY');
  const upTo = header.migrations[header.migrations.length - 1]?.name;
  if (upTo) await migrate(pool, dir, { upTo });

  const { lines, close } = openLines(file);
  const client = await pool.connect();
  try {
    await nextLine(lines, 'kepala berkas');
    await nextLine(lines, 'kepala berkas');
    await client.query('BEGIN');
    await stableSession(client);
    const target = new Set((await tablesInOrder(client)).map((t) => t.name));
    const missing = header.tables.find((t) => !target.has(t.name));
    if (missing) throw new AppError('BACKUP_INVALID', { detail: `tabel ${missing.name} tidak ada di skema` });
    const names = header.tables.map((t) => quoteIdent(t.name));
    for (const n of names) await client.query(`ALTER TABLE ${n} DISABLE TRIGGER USER`);
    // Rows the migrations seeded (default rules, templates) make way for the backup's own.
    if (names.length) await client.query(`TRUNCATE ${names.join(', ')} CASCADE`);
    const loaded: TableManifest[] = [];
    for (const t of header.tables) {
      const line = await nextLine(lines, `tabel ${t.name}`);
      if (line !== `TABLE ${t.name}`)
        throw new AppError('BACKUP_INVALID', {
          detail: `diharapkan tabel ${t.name}, ditemukan "${line.slice(0, 40)}"`,
        });
      loaded.push(await loadTable(client, t, lines));
    }
    const last = await nextLine(lines, 'manifest');
    if (!last.startsWith('MANIFEST ')) throw new AppError('BACKUP_INVALID', { detail: 'manifest tidak ada' });
    const manifest = JSON.parse(last.slice('MANIFEST '.length)) as BackupManifest;
    for (const m of manifest.tables) {
      const got = loaded.find((l) => l.name === m.name);
      if (!got || got.rows !== m.rows || got.sha256 !== m.sha256)
        throw new AppError('BACKUP_INVALID', {
          detail: `tabel ${m.name}: ${got?.rows ?? 0} baris dimuat, manifest ${m.rows}; checksum tidak cocok`,
        });
    }
    for (const s of header.sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [quoteIdent(s.name), s.lastValue, s.isCalled]);
    }
    for (const n of names) await client.query(`ALTER TABLE ${n} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
    return { ms: Date.now() - started, migrations: header.migrations.length, manifest };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (err instanceof AppError) throw err;
    if (err instanceof Error && 'code' in err && /^Z_/.test(String(err.code)))
      throw new AppError('BACKUP_INVALID', { detail: err.message });
    throw err;
  } finally {
    client.release();
    close();
  }
}

/** Feeds one table's lines to COPY FROM, in chunks, hashing exactly the bytes the backup hashed. */
async function loadTable(client: pg.PoolClient, t: BackupTable, lines: Lines): Promise<TableManifest> {
  const cols = t.columns.map(quoteIdent).join(', ');
  const copy = client.query(copyStreams.from(`COPY ${quoteIdent(t.name)} (${cols}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve);
    copy.on('error', reject);
  });
  const hash = createHash('sha256');
  let rows = 0;
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = Buffer.from(`${batch.join('\n')}\n`, 'utf8');
    batch = [];
    size = 0;
    hash.update(chunk);
    if (!copy.write(chunk)) await new Promise<void>((resolve) => copy.once('drain', resolve));
  };
  try {
    for (;;) {
      const line = await nextLine(lines, `akhir tabel ${t.name}`);
      if (line === END_OF_DATA) break;
      batch.push(line);
      rows += 1;
      size += line.length;
      if (size > 1 << 20) await flush();
    }
    await flush();
  } catch (err) {
    // Ends the COPY with CopyFail, so the connection leaves copy mode and the transaction can roll back.
    copy.destroy(err as Error);
    await done.catch(() => undefined);
    throw err;
  }
  copy.end();
  await done;
  return { name: t.name, rows, sha256: hash.digest('hex') };
}

/** Daily backups in `dir`: `lindung-YYYYMMDD-HHMMSS.backup.gz`; those older than `keepDays` days are removed. */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `lindung-${stamp}.backup.gz`;
}

export function pruneBackups(dir: string, keepDays: number, now: Date): string[] {
  if (!fs.existsSync(dir)) return [];
  const cutoff = now.getTime() - keepDays * 86_400_000;
  const removed: string[] = [];
  for (const f of fs.readdirSync(dir)) {
    if (!/^lindung-\d{8}-\d{6}\.backup\.gz(\.partial)?$/.test(f)) continue;
    const full = path.join(dir, f);
    if (fs.statSync(full).mtimeMs < cutoff) {
      fs.rmSync(full, { force: true });
      removed.push(f);
    }
  }
  return removed;
}

/** True when a backup was written in `dir` within the last day (so a restart does not back up twice). */
export function hasRecentBackup(dir: string, now: Date): boolean {
  if (!fs.existsSync(dir)) return false;
  return fs
    .readdirSync(dir)
    .some(
      (f) =>
        /^lindung-\d{8}-\d{6}\.backup\.gz$/.test(f) &&
        now.getTime() - fs.statSync(path.join(dir, f)).mtimeMs < 23.5 * 3_600_000,
    );
}
