import { sql } from 'kysely';
import { health } from '../lib/contracts/access.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './platform/db.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './platform/embedded.ts';
import { createHttpServer, serveWeb, type App } from './platform/http.ts';
import type { Logger } from './platform/logger.ts';
import { migrate } from './platform/migrate.ts';
import { AppError } from './platform/errors.ts';
import {
  recordSecurityEvent,
  registerAccessRoutes,
  resolveSession,
  type AccessSettings,
} from './modules/access/index.ts';
import { ensureRegionsLoaded, registerRegionRoutes } from './modules/regions/index.ts';
import { ensureContributionRulesSeeded, registerContributionRoutes } from './modules/contributions/index.ts';
import { ensureWorkerNameKeys, registerRegistryRoutes } from './modules/registry/index.ts';
import { registerProgramRoutes } from './modules/programs/index.ts';
import { FileAdapter, registerExchangeRoutes, SimulatorAdapter } from './modules/exchange/index.ts';
import { registerBillingRoutes } from './modules/billing/index.ts';
import { registerTargetRoutes } from './modules/targets/index.ts';
import { registerReportRoutes, ReportRunner } from './modules/reports/index.ts';
import { ImportRunner, purgeExpiredUploads, registerImportRoutes } from './modules/imports/index.ts';
import { backupDatabase, backupFileName, hasRecentBackup, pruneBackups } from './platform/backup.ts';
import path from 'node:path';
import { registerCoverageRoutes, startCoverageRefresher } from './modules/coverage/index.ts';
import { registerPrivacyRoutes } from './modules/privacy/index.ts';
import { registerHomeRoutes } from './modules/home/index.ts';
import { registerClaimRoutes } from './modules/claims/index.ts';

export type Runtime = {
  database: Database;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
};

/**
 * Opens the database (the embedded one unless DATABASE_URL is set), migrates it, loads the regions and, on an empty
 * table, the contribution rule seed.
 */
export async function openRuntime(config: Config, log: Logger): Promise<Runtime> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, log);
  try {
    const url = config.databaseUrl ?? embedded!.url;
    const database = openDatabase(url);
    const migrated = await migrate(database.ownerPool);
    if (migrated.applied.length) log.info({ applied: migrated.applied }, 'Migrasi diterapkan');
    const regions = await ensureRegionsLoaded(database.ownerPool);
    if (regions.loaded) log.info({ ms: regions.ms }, 'Data wilayah dimuat');
    const rules = await ensureContributionRulesSeeded(database.ownerPool);
    if (rules.seeded) log.info({ rows: rules.seeded, ms: rules.ms }, 'Aturan iuran awal dimuat');
    const keys = await ensureWorkerNameKeys(database.owner);
    if (keys.filled) log.info({ workers: keys.filled }, 'Kunci nama pekerja diisi');
    return {
      database,
      embedded,
      async close() {
        await database.close();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

export function accessSettings(config: Config): AccessSettings {
  return {
    sessionTtlMinutes: config.sessionTtlMinutes,
    loginMaxFailures: config.loginMaxFailures,
    loginMaxDelaySeconds: config.loginMaxDelaySeconds,
    securityAlertEvents: config.securityAlertEvents,
    securityAlertMinutes: config.securityAlertMinutes,
  };
}

/** The HTTP application: platform plumbing, then each module's routes, then the web app. */
export async function buildApp(config: Config, log: Logger, database: Database): Promise<App> {
  const settings = accessSettings(config);
  const db = database.app;
  const app = await createHttpServer(
    config,
    log,
    (token) => resolveSession(db, settings, token),
    (event) => recordSecurityEvent(db, event),
  );

  app.get(
    '/api/health',
    {
      schema: { tags: ['system'], summary: 'Status layanan', response: { 200: health } },
      config: { access: { public: true } },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(db);
      } catch {
        throw new AppError('DB_UNAVAILABLE');
      }
      return { status: 'ok' as const, db: 'ok' as const };
    },
  );

  registerRegionRoutes(app, { db });
  registerContributionRoutes(app, { db });
  registerAccessRoutes(app, {
    db,
    settings,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
    cookieSecure: config.cookieSecure,
  });
  registerRegistryRoutes(app, { db, nikLookupsPerHour: config.nikLookupsPerHour });
  registerProgramRoutes(app, { db });
  const exchangeAdapter =
    config.exchangeAdapter === 'simulator'
      ? new SimulatorAdapter({ delayMs: config.exchangeSimulatorDelaySeconds * 1000 })
      : new FileAdapter();
  registerExchangeRoutes(app, { db, database, adapter: exchangeAdapter });
  registerBillingRoutes(app, { db, nikLookupsPerHour: config.nikLookupsPerHour });
  registerTargetRoutes(app, { db });
  const reportRunner = new ReportRunner(db, log);
  registerReportRoutes(app, { db, runner: reportRunner });
  app.addHook('onClose', () => reportRunner.stop());
  reportRunner.start();
  const imports = new ImportRunner(database, log);
  registerImportRoutes(app, { db, runner: imports });
  app.addHook('onClose', () => imports.stop());
  registerCoverageRoutes(app, { db });
  registerPrivacyRoutes(app, { db });
  registerHomeRoutes(app, { db });
  registerClaimRoutes(app, { db, nikLookupsPerHour: config.nikLookupsPerHour });
  const coverageJob = startCoverageRefresher(db, log);
  app.addHook('onClose', () => coverageJob.stop());
  const daily = startDailyJobs(config, log, database);
  app.addHook('onClose', () => daily.stop());
  await imports.recover();
  await serveWeb(app, config.webDistDir);
  await app.ready();
  return app;
}

/**
 * Once a day (checked hourly, first a minute after start): the backup into BACKUP_DIR when set (none younger than a
 * day there), old backups pruned after BACKUP_KEEP_DAYS, and uploads older than UPLOAD_RETENTION_DAYS deleted.
 */
export function startDailyJobs(config: Config, log: Logger, database: Database): { stop(): void } {
  let lastPurge = 0;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    const now = new Date();
    try {
      if (config.backupDir && !hasRecentBackup(config.backupDir, now)) {
        const result = await backupDatabase(database.ownerPool, path.join(config.backupDir, backupFileName(now)));
        const removed = pruneBackups(config.backupDir, config.backupKeepDays, now);
        log.info({ file: result.file, bytes: result.bytes, ms: result.ms, removed }, 'Cadangan harian ditulis');
      }
      if (now.getTime() - lastPurge > 23 * 3_600_000) {
        const purged = await purgeExpiredUploads(database.owner, config.uploadRetentionDays, now);
        lastPurge = now.getTime();
        if (purged.files + purged.issues + purged.tempDirs > 0) log.info(purged, 'Berkas unggahan lama dihapus');
      }
    } catch (err) {
      log.error({ err }, 'Tugas harian gagal (dicoba lagi dalam satu jam)');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 60_000);
  const hourly = setInterval(() => void tick(), 3_600_000);
  first.unref();
  hourly.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(hourly);
    },
  };
}
