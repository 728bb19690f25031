import { openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../platform/logger.ts';
import { regionStats } from '../modules/regions/index.ts';

/** `lindung regions stats [--json]` */
export async function regionsStatsCommand(config: Config, log: Logger, options: { json: boolean }): Promise<void> {
  const runtime = await openRuntime(config, log);
  try {
    const stats = await regionStats(runtime.database.app);
    if (options.json) process.stdout.write(`${JSON.stringify(stats)}\n`);
    else {
      process.stdout.write(
        `Provinsi ${stats.provinces}\nKabupaten/kota ${stats.regencies}\nKecamatan ${stats.districts}\nDesa/kelurahan ${stats.villages}\n`,
      );
    }
  } finally {
    await runtime.close();
  }
}
