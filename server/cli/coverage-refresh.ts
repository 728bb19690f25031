import { openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import { systemContext } from '../platform/context.ts';
import type { Logger } from '../platform/logger.ts';
import { refreshCoverage } from '../modules/coverage/index.ts';

/**
 * `lindung coverage refresh [--full] [--json]`: brings the coverage rollups up to date now, as the system actor
 * "cli" (audited like POST /api/coverage/refresh). Without --full: the persons marked changed and, on a new day,
 * those whose coverage can change that day (issue 20 §3); --full: every person, from the sources.
 */
export async function coverageRefreshCommand(
  config: Config,
  log: Logger,
  args: { full?: boolean; json?: boolean },
): Promise<void> {
  const runtime = await openRuntime(config, log);
  try {
    const started = performance.now();
    const result = await refreshCoverage(runtime.database.app, systemContext('cli'), { full: args.full ?? false });
    const ms = Math.round(performance.now() - started);
    process.stdout.write(
      args.json
        ? `${JSON.stringify({ ...result, full: args.full ?? false, ms })}\n`
        : `Rekap cakupan diperbarui / coverage refreshed: ${result.persons} orang / persons, ${ms} ms\n`,
    );
  } finally {
    await runtime.close();
  }
}
