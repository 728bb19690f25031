import { openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../platform/logger.ts';
import { migrate } from '../platform/migrate.ts';

/** `lindung db migrate`: applies pending migrations (start does it too) and loads regions when missing. */
export async function dbMigrateCommand(config: Config, log: Logger): Promise<void> {
  const runtime = await openRuntime(config, log);
  try {
    const result = await migrate(runtime.database.ownerPool);
    process.stdout.write(`Migrasi mutakhir (${result.alreadyApplied + result.applied.length} berkas).\n`);
    if (result.repeatable.length > 0)
      process.stdout.write(`SQL berulang diterapkan ulang (${result.repeatable.length} berkas).\n`);
  } finally {
    await runtime.close();
  }
}
