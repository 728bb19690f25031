import type { Db } from '../../platform/db.ts';
import type { Logger } from '../../platform/logger.ts';
import { refresh } from './coverage.repository.ts';

/**
 * Keeps the rollups current in the background: every interval it recomputes the persons the triggers marked dirty
 * (a no-op when none), and on the first run of a new day every person, because lapses happen by the calendar.
 * A refresh already running elsewhere is skipped, not awaited.
 */
export function startCoverageRefresher(db: Db, log: Logger, intervalMs = 60_000): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    refresh(db, { wait: false })
      .then((n) => {
        if (n > 0) log.info({ persons: n }, 'Rekap cakupan diperbarui');
      })
      .catch((err: unknown) => log.warn({ err }, 'Rekap cakupan gagal diperbarui'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
