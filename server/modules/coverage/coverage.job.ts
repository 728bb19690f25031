import type { Db } from '../../platform/db.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/logger.ts';
import { refresh, refreshQuality } from './coverage.repository.ts';

/** The data-quality counts scan the registry and the snapshots: at most once per this many seconds from the job. */
export const QUALITY_MAX_AGE_SECONDS = 600;
/** The recurring platform job that keeps the rollups current. */
export const COVERAGE_REFRESH_JOB = 'coverage.refresh';

/**
 * Keeps the rollups current in the background, as a recurring job on the platform queue (once per period across all
 * Lindung processes): every interval it recomputes the persons the triggers marked dirty (a no-op when none), and on
 * the first run of a new day every person, because lapses happen by the calendar. The data-quality counts follow
 * when they are older than ten minutes (the age is checked in the database, so several processes agree). A refresh
 * already running elsewhere is skipped, not awaited.
 */
export function registerCoverageJobs(jobs: JobQueue, db: Db, log: Logger, everySeconds = 60): void {
  jobs.register(
    COVERAGE_REFRESH_JOB,
    async () => {
      await refresh(db, { wait: false })
        .then((n) => {
          if (n > 0) log.info({ persons: n }, 'Rekap cakupan diperbarui');
        })
        .catch((err: unknown) => log.warn({ err }, 'Rekap cakupan gagal diperbarui'));
      await refreshQuality(db, { maxAgeSeconds: QUALITY_MAX_AGE_SECONDS, wait: false })
        .then((n) => {
          if (n >= 0) log.info({ rows: n }, 'Hitungan kualitas data diperbarui');
        })
        .catch((err: unknown) => log.warn({ err }, 'Hitungan kualitas data gagal diperbarui'));
    },
    { maxAttempts: 1 },
  );
  jobs.every(COVERAGE_REFRESH_JOB, everySeconds);
}
