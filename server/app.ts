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
import { registerElectionRoutes, registerProgramRoutes } from './modules/programs/index.ts';
import { FileAdapter, registerExchangeRoutes, SimulatorAdapter } from './modules/exchange/index.ts';
import { registerBillingRoutes } from './modules/billing/index.ts';
import { registerTargetRoutes } from './modules/targets/index.ts';
import { registerReportRoutes } from './modules/reports/index.ts';
import { registerImportRoutes } from './modules/imports/index.ts';
import { registerCoverageRoutes } from './modules/coverage/index.ts';
import { openBackground } from './background.ts';
import { registerWorkforceRoutes } from './modules/workforce/index.ts';
import { registerPrivacyRoutes } from './modules/privacy/index.ts';
import { registerHomeRoutes } from './modules/home/index.ts';
import { registerClaimRoutes } from './modules/claims/index.ts';
import { registerGovernanceRoutes } from './modules/governance/index.ts';
import { registerEmployerRoutes } from './modules/employers/index.ts';
import { registerCollectionRoutes } from './modules/collection/index.ts';
import { registerAssessmentRoutes } from './modules/assessment/index.ts';

export type Runtime = {
  database: Database;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
};

/**
 * Opens the database (the embedded one unless DATABASE_URL is set), migrates it, loads the regions and, on an empty
 * table, the contribution rule seed.
 */
/** `started`: the embedded PostgreSQL when the caller began starting it already (lindung start, start-early.ts). */
export async function openRuntime(config: Config, log: Logger, started?: Promise<EmbeddedDatabase>): Promise<Runtime> {
  const embedded = config.databaseUrl ? null : await (started ?? startEmbeddedPostgres(config.dataDir, log));
  try {
    const url = config.databaseUrl ?? embedded!.url;
    const database = openDatabase(url);
    const migrated = await migrate(database.ownerPool);
    if (migrated.applied.length) log.info({ applied: migrated.applied }, 'Migrasi diterapkan');
    if (migrated.repeatable.length) log.info({ repeatable: migrated.repeatable }, 'SQL berulang diterapkan');
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
  registerElectionRoutes(app, { db, database });
  const exchangeAdapter =
    config.exchangeAdapter === 'simulator'
      ? new SimulatorAdapter({ delayMs: config.exchangeSimulatorDelaySeconds * 1000 })
      : new FileAdapter();
  registerExchangeRoutes(app, { db, database, adapter: exchangeAdapter });
  registerBillingRoutes(app, { db, nikLookupsPerHour: config.nikLookupsPerHour });
  registerWorkforceRoutes(app, { db });
  registerTargetRoutes(app, { db });
  // Background jobs: queued from here always; run here unless LINDUNG_JOBS=off (then by `lindung worker`).
  const background = await openBackground(config, log, database, { runJobs: config.jobs === 'on' });
  app.addHook('onClose', () => background.stop());
  registerReportRoutes(app, { db, runner: background.reports });
  registerImportRoutes(app, { db, runner: background.imports });
  registerCoverageRoutes(app, { db });
  registerPrivacyRoutes(app, { db });
  registerHomeRoutes(app, { db });
  registerClaimRoutes(app, {
    db,
    nikLookupsPerHour: config.nikLookupsPerHour,
    files: config.files,
    documentMaxBytes: config.claimDocumentMaxBytes,
  });
  registerGovernanceRoutes(app, { db, files: config.files, jobs: background.jobs });
  registerEmployerRoutes(app, { db, database });
  registerCollectionRoutes(app, { db, database });
  registerAssessmentRoutes(app, { db, files: config.files, evidenceMaxBytes: config.claimDocumentMaxBytes });
  await serveWeb(app, config.webDistDir);
  await app.ready();
  return app;
}
