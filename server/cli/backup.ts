import fs from 'node:fs';
import type { Config } from '../config.ts';
import { AppError, errorText } from '../platform/errors.ts';
import { backupDatabase, restoreDatabase } from '../platform/backup.ts';
import { openDatabase } from '../platform/db.ts';
import { runningEmbeddedUrl, startEmbeddedPostgres } from '../platform/embedded.ts';
import type { Logger } from '../platform/logger.ts';

/** Runs `work` on the owner pool of DATABASE_URL, of the embedded PostgreSQL of a running Lindung, or of one we start. */
async function withOwnerPool<T>(
  config: Config,
  log: Logger,
  work: (pool: ReturnType<typeof openDatabase>['ownerPool']) => Promise<T>,
): Promise<T> {
  const running = config.databaseUrl ? null : runningEmbeddedUrl(config.dataDir);
  const embedded = config.databaseUrl || running ? null : await startEmbeddedPostgres(config.dataDir, log);
  const database = openDatabase(config.databaseUrl ?? running ?? embedded!.url, { appPoolSize: 1 });
  try {
    return await work(database.ownerPool);
  } catch (err) {
    if (err instanceof AppError) throw new Error(`${errorText(err, 'id')}\n${err.message}`);
    throw err;
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

const summary = (tables: { name: string; rows: number }[]) => ({
  tables: tables.length,
  rows: tables.reduce((n, t) => n + t.rows, 0),
});

/** `lindung backup FILE [--json]`: an online backup (one consistent snapshot) of the whole database, gzip. */
export async function backupCommand(
  config: Config,
  log: Logger,
  args: { file?: string; json?: boolean },
): Promise<void> {
  if (!args.file) throw new Error('Pemakaian: lindung backup BERKAS.backup.gz');
  const result = await withOwnerPool(config, log, (pool) => backupDatabase(pool, args.file!));
  const out = {
    file: result.file,
    bytes: result.bytes,
    ms: result.ms,
    schema: result.header.migrations.at(-1)?.name ?? null,
    ...summary(result.manifest.tables),
    manifest: result.manifest.tables,
  };
  if (args.json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else
    process.stdout.write(
      `Cadangan ditulis ke ${out.file}: ${out.tables} tabel, ${out.rows.toLocaleString('id-ID')} baris, ` +
        `${(out.bytes / 1024 / 1024).toFixed(1)} MB, ${(out.ms / 1000).toFixed(1)} detik (skema ${out.schema}).\n`,
    );
}

/** `lindung restore FILE [--json]`: into an empty data directory (embedded) or an empty DATABASE_URL. */
export async function restoreCommand(
  config: Config,
  log: Logger,
  args: { file?: string; json?: boolean },
): Promise<void> {
  if (!args.file) throw new Error('Pemakaian: lindung restore BERKAS.backup.gz');
  if (!fs.existsSync(args.file)) throw new Error(`Berkas ${args.file} tidak ditemukan.`);
  if (!config.databaseUrl && runningEmbeddedUrl(config.dataDir))
    throw new Error(
      `Lindung sedang berjalan di ${config.dataDir}. Pulihkan ke direktori data yang baru dan kosong (LINDUNG_DATA_DIR).`,
    );
  const result = await withOwnerPool(config, log, (pool) => restoreDatabase(pool, args.file!));
  const out = { ms: result.ms, migrations: result.migrations, ...summary(result.manifest.tables) };
  if (args.json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else
    process.stdout.write(
      `Dipulihkan dari ${args.file}: ${out.tables} tabel, ${out.rows.toLocaleString('id-ID')} baris, ` +
        `${(out.ms / 1000).toFixed(1)} detik. Jalankan "lindung start" untuk migrasi yang lebih baru (bila ada).\n`,
    );
}
