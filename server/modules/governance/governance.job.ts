// The governance jobs: the daily expiry alerts of agreements (issue 16 §1) and the progress of computed action
// items (§3). Both also run at start, catching up after downtime.
import type { Db } from '../../platform/db.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/logger.ts';
import { EXPIRY_JOB, raiseExpiryAlerts } from './instruments.service.ts';
import { computeProgress, PROGRESS_JOB } from './plans.service.ts';

export function registerGovernanceJobs(jobs: JobQueue, db: Db, log: Logger): void {
  jobs.register(
    EXPIRY_JOB,
    async () => {
      const n = await raiseExpiryAlerts(db);
      if (n > 0) log.info({ alerts: n }, 'Peringatan perjanjian segera berakhir');
    },
    { maxAttempts: 1 },
  );
  jobs.every(EXPIRY_JOB, 6 * 3_600, { atStart: true });
  jobs.register(
    PROGRESS_JOB,
    async () => {
      const { items } = await computeProgress(db);
      if (items > 0) log.info({ items }, 'Kemajuan rencana aksi dihitung');
    },
    { maxAttempts: 1 },
  );
  jobs.every(PROGRESS_JOB, 3_600, { atStart: true });
}
