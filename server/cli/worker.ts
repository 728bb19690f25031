import { openRuntime } from '../app.ts';
import { openBackground } from '../background.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../platform/logger.ts';

/** What `lindung worker` prints once it claims jobs (tests and operators wait for it). */
export const WORKER_READY = 'Pekerja Lindung siap';

/**
 * `lindung worker`: runs background jobs (imports, reports, refreshes, retention) without HTTP, beside one or more
 * servers on the same database (those may run with LINDUNG_JOBS=off). Stops on SIGINT/SIGTERM after the jobs it
 * runs have finished; a job of a worker that was killed is claimed again by another process when its lease ends.
 */
export async function workerCommand(config: Config, log: Logger): Promise<void> {
  const runtime = await openRuntime(config, log);
  let background: Awaited<ReturnType<typeof openBackground>> | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Pekerja Lindung berhenti');
    await background?.stop().catch((err: unknown) => log.error({ err }, 'jobs stop'));
    await runtime.close().catch((err: unknown) => log.error({ err }, 'database close'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    background = await openBackground(config, log, runtime.database, { runJobs: true });
  } catch (err) {
    await runtime.close().catch(() => undefined);
    throw err;
  }
  log.info({ worker: background.jobs.workerId, jobs: background.jobs.names() }, 'Pekerja tugas latar berjalan');
  process.stdout.write(`\n${WORKER_READY} (${background.jobs.workerId}); Ctrl+C untuk berhenti\n`);
}
