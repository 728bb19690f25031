import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../platform/logger.ts';
import { addMissingBrotli, ensureWebBuild } from '../platform/web-build.ts';
import { takeEarlyStart } from './start-early.ts';
import { formatCredentials, hasAnyUser, hasDemo, seedDemo } from '../modules/demo/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `lindung start [--no-demo]`: database, migrations, regions, demo on first start, HTTP until a signal. The web app is
 * (re)built meanwhile when its sources changed since the last build, and served only once it matches them.
 */
export async function startCommand(config: Config, log: Logger, options: { demo: boolean }): Promise<void> {
  const early = takeEarlyStart();
  const web = early?.web ?? ensureWebBuild(ROOT, config.webDistDir, log);
  // Awaited below; a failed build is reported there, or dropped when the database failed first.
  web.catch(() => undefined);
  const runtime = await openRuntime(config, log, early?.embedded ?? undefined);
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Lindung berhenti');
    await app?.close().catch((err: unknown) => log.error({ err }, 'HTTP close'));
    await runtime.close().catch((err: unknown) => log.error({ err }, 'database close'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const url = `http://localhost:${config.port}`;
    let credentials = null;
    if (!(await hasAnyUser(runtime.database.app))) {
      if (options.demo) credentials = await seedDemo(runtime.database, config.files);
      else
        log.warn(
          'Belum ada pengguna. Buat dengan: lindung users add --username U --password P --role admin --region KODE',
        );
    }
    // The BPJS simulator answers only in the demo, or when EXCHANGE_ADAPTER=simulator says so.
    const demo = options.demo && (credentials !== null || (await hasDemo(runtime.database.app)));
    const exchangeAdapter = config.exchangeAdapter ?? (demo ? 'simulator' : 'file');
    if (exchangeAdapter === 'simulator') log.warn('Simulator BPJS aktif (demo): jawaban batch dibuat oleh Lindung');
    await web;
    app = await buildApp({ ...config, exchangeAdapter }, log, runtime.database);
    await app.listen({ port: config.port, host: config.host });
    // The build's brotli copies, the slow part of compressing it, once the server answers (gzip is there already).
    void addMissingBrotli(config.webDistDir).then(
      (files) => files > 0 && log.info({ files }, 'Salinan brotli aplikasi web ditulis'),
      (err: unknown) => log.warn({ err }, 'Salinan brotli aplikasi web'),
    );
    if (credentials) showCredentials(config, formatCredentials(credentials, url));
    process.stdout.write(`\nLindung siap di ${url}  (Ctrl+C untuk berhenti)\n`);
  } catch (err) {
    await runtime.close().catch(() => undefined);
    throw err;
  }
}

/**
 * The demo's passwords, shown once: on the terminal when stdout is one; otherwise (stdout redirected to a log) and
 * whenever LINDUNG_DEMO_CREDENTIALS_FILE is set, in a file only its owner may read, so they never enter a log.
 */
function showCredentials(config: Config, text: string): void {
  if (process.stdout.isTTY) process.stdout.write(text);
  if (process.stdout.isTTY && config.demoCredentialsFile === null) return;
  const file = config.demoCredentialsFile ?? path.join(config.dataDir, 'demo-credentials.txt');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
  process.stdout.write(
    `\nKata sandi akun demo ditulis ke ${file} (hanya dapat dibaca pemiliknya). ` +
      `Demo passwords written to that file (owner-only).\n`,
  );
}
