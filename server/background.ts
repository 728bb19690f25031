// The background side of a Lindung process: one job queue (platform/jobs.ts) with every module's job handlers, and
// one change listener (platform/notify.ts) that keeps in-process caches current when another process changes what
// they hold. The server builds it with jobs on or off (LINDUNG_JOBS); `lindung worker` builds it with jobs on and no
// HTTP. Several processes on one database act as one: each job is claimed once, each schedule fires once.
import path from 'node:path';
import type { Config } from './config.ts';
import { backupDatabase, backupFileName, hasRecentBackup, pruneBackups } from './platform/backup.ts';
import type { Database } from './platform/db.ts';
import { JobQueue } from './platform/jobs.ts';
import type { Logger } from './platform/logger.ts';
import { ChangeListener, connectionStringOf } from './platform/notify.ts';
import { purgeExpiredSessions } from './modules/access/index.ts';
import { invalidateRulesOnChange } from './modules/contributions/index.ts';
import { registerCoverageJobs } from './modules/coverage/index.ts';
import { registerClaimJobs } from './modules/claims/index.ts';
import { registerGovernanceJobs } from './modules/governance/index.ts';
import { ImportRunner, purgeExpiredUploads } from './modules/imports/index.ts';
import { ReportRunner } from './modules/reports/index.ts';

export const BACKUP_JOB = 'platform.backup';
export const UPLOAD_RETENTION_JOB = 'imports.retention';
export const SESSION_PURGE_JOB = 'access.session-purge';

export type Background = {
  jobs: JobQueue;
  changes: ChangeListener;
  imports: ImportRunner;
  reports: ReportRunner;
  stop(): Promise<void>;
};

/**
 * Opens the listener, registers the job handlers and, when `runJobs`, recovers what a previous process left and
 * starts claiming. With `runJobs` false the process still queues jobs (another process runs them).
 */
export async function openBackground(
  config: Config,
  log: Logger,
  database: Database,
  options: { runJobs: boolean },
): Promise<Background> {
  const changes = new ChangeListener(connectionStringOf(database.ownerPool), log);
  await changes.start();
  const dropRules = invalidateRulesOnChange(changes, [database.app, database.owner]);
  const jobs = new JobQueue(database.owner, log, { leaseSeconds: config.jobLeaseSeconds });
  const imports = new ImportRunner(database, log, jobs);
  const reports = new ReportRunner(database.app, log, { jobs });
  registerCoverageJobs(jobs, database.app, log);
  registerClaimJobs(jobs, database.app, log);
  registerGovernanceJobs(jobs, database.app, log);
  registerHousekeeping(jobs, config, log, database);
  if (options.runJobs) {
    await imports.recover();
    await reports.recover();
    await jobs.start(changes);
  }
  return {
    jobs,
    changes,
    imports,
    reports,
    async stop() {
      await jobs.stop();
      await imports.stop();
      await reports.stop();
      dropRules();
      await changes.stop();
    },
  };
}

/**
 * Expired sessions deleted every 15 minutes (sessions live in the database: any process serves any session); the
 * backup into BACKUP_DIR when set (none younger than a day there; checked hourly, first a minute after start), old
 * backups pruned after BACKUP_KEEP_DAYS; and once a day uploads older than UPLOAD_RETENTION_DAYS deleted.
 */
function registerHousekeeping(jobs: JobQueue, config: Config, log: Logger, database: Database): void {
  jobs.register(SESSION_PURGE_JOB, () => purgeExpiredSessions(database.app).then(() => undefined), { maxAttempts: 1 });
  jobs.every(SESSION_PURGE_JOB, 15 * 60);
  if (config.backupDir) {
    const dir = config.backupDir;
    jobs.register(
      BACKUP_JOB,
      async () => {
        const now = new Date();
        if (hasRecentBackup(dir, now)) return;
        const result = await backupDatabase(database.ownerPool, path.join(dir, backupFileName(now)));
        const removed = pruneBackups(dir, config.backupKeepDays, now);
        log.info({ file: result.file, bytes: result.bytes, ms: result.ms, removed }, 'Cadangan harian ditulis');
      },
      { maxAttempts: 1 },
    );
    jobs.every(BACKUP_JOB, 3_600, { firstAfterSeconds: 60 });
  }
  jobs.register(
    UPLOAD_RETENTION_JOB,
    async () => {
      const purged = await purgeExpiredUploads(database.owner, config.uploadRetentionDays, new Date());
      if (purged.files + purged.issues + purged.tempDirs > 0) log.info(purged, 'Berkas unggahan lama dihapus');
    },
    { maxAttempts: 1 },
  );
  jobs.every(UPLOAD_RETENTION_JOB, 24 * 3_600, { firstAfterSeconds: 60 });
}
