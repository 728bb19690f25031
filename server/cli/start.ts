import { buildApp, openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../platform/logger.ts';
import { formatCredentials, hasAnyUser, seedDemo } from '../modules/demo/index.ts';
import { purgeExpiredSessions } from '../modules/access/index.ts';

/** `lindung start [--no-demo]`: database, migrations, regions, demo on first start, HTTP until a signal. */
export async function startCommand(config: Config, log: Logger, options: { demo: boolean }): Promise<void> {
  const runtime = await openRuntime(config, log);
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Lindung berhenti');
    clearInterval(sweeper);
    await app?.close().catch((err: unknown) => log.error({ err }, 'HTTP close'));
    await runtime.close().catch((err: unknown) => log.error({ err }, 'database close'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const sweeper = setInterval(
    () => void purgeExpiredSessions(runtime.database.app).catch(() => undefined),
    15 * 60_000,
  );
  sweeper.unref();

  try {
    const url = `http://localhost:${config.port}`;
    let credentials = null;
    if (!(await hasAnyUser(runtime.database.app))) {
      if (options.demo) credentials = await seedDemo(runtime.database);
      else
        log.warn(
          'Belum ada pengguna. Buat dengan: lindung users add --username U --password P --role admin --region KODE',
        );
    }
    app = await buildApp(config, log, runtime.database);
    await app.listen({ port: config.port, host: config.host });
    if (credentials) process.stdout.write(formatCredentials(credentials, url));
    process.stdout.write(`\nLindung siap di ${url}  (Ctrl+C untuk berhenti)\n`);
  } catch (err) {
    await runtime.close().catch(() => undefined);
    throw err;
  }
}
