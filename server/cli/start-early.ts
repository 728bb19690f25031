// `lindung start` begins its two slowest independent steps, the embedded PostgreSQL (initdb on a first start) and the
// web build (a process of its own), before the rest of the server's code is loaded: both then run while Node compiles
// and loads the modules. bin/lindung.mjs calls beginStart first; startCommand takes what it began.
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../platform/embedded.ts';
import { createLogger } from '../platform/logger.ts';
import { ensureWebBuild, type WebBuildResult } from '../platform/web-build.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type EarlyStart = { embedded: Promise<EmbeddedDatabase> | null; web: Promise<WebBuildResult> };

let early: EarlyStart | null = null;

/** Starts the database and the web build; a configuration error is left for the start command to report. */
export function beginStart(): void {
  let config;
  try {
    config = loadConfig();
  } catch {
    return;
  }
  const log = createLogger(config.logLevel, process.stdout);
  const embedded = config.databaseUrl ? null : startEmbeddedPostgres(config.dataDir, log);
  const web = ensureWebBuild(ROOT, config.webDistDir, log);
  // Awaited by startCommand, which reports a failure; meanwhile it is no unhandled rejection.
  embedded?.catch(() => undefined);
  web.catch(() => undefined);
  early = { embedded, web };
}

/** What beginStart began (once), or null when it did not run. */
export function takeEarlyStart(): EarlyStart | null {
  const taken = early;
  early = null;
  return taken;
}
