// `npm run bench:start`: a fresh clone of this checkout (git clone of HEAD into a temporary folder; node_modules
// copied as hard links, as after `npm ci`), then `npm start` in it until the sign-in page is served (index.html at
// /masuk and the script it loads both answer 200), stopped, and started again on the same data directory. Prints one
// JSON line: both times, the targets, and what the first start spent on its phases (from its log).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TIMEOUT_MS = 300_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

/** True once /masuk answers with index.html and the entry script it names answers too. */
async function signInPageServed(base: string): Promise<boolean> {
  try {
    const page = await fetch(`${base}/masuk`);
    if (page.status !== 200) return false;
    const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(await page.text())?.[1];
    if (!entry) return false;
    const script = await fetch(`${base}${entry}`);
    await script.arrayBuffer();
    return script.status === 200;
  } catch {
    return false;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

type Started = { ms: number; log: string; stop: () => Promise<void> };

async function start(cwd: string, env: NodeJS.ProcessEnv, base: string): Promise<Started> {
  const began = performance.now();
  const child = spawn('npm', ['start', '--silent'], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let done = false;
  void exited.then(() => (done = true));
  while (!(await signInPageServed(base))) {
    if (done) throw new Error(`npm start exited before the sign-in page was served:\n${log}`);
    if (performance.now() - began > TIMEOUT_MS) throw new Error(`no sign-in page after ${TIMEOUT_MS} ms:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = Math.round(performance.now() - began);
  return {
    ms,
    log,
    async stop() {
      // npm and the server it started share the group we created (detached): stop them together, then wait.
      if (!done) process.kill(-child.pid!, 'SIGTERM');
      await exited;
      // npm may leave before the server it started has stopped its database: wait for the whole group to be gone.
      for (let i = 0; i < 600 && groupAlive(child.pid!); i++) await new Promise((r) => setTimeout(r, 50));
    },
  };
}

/** The first start's phases, from the times of its log lines (pino JSON, ms since the epoch). */
function phases(log: string, began: number): Record<string, number> {
  const at = (msg: string) => {
    for (const line of log.split('\n')) {
      if (!line.startsWith('{') || !line.includes(`"msg":"${msg}`)) continue;
      return (JSON.parse(line) as { time: number }).time - began;
    }
    return null;
  };
  const result: Record<string, number> = {};
  for (const [name, msg] of [
    ['initdb_started', 'Menyiapkan PostgreSQL tertanam'],
    ['migrated', 'Migrasi diterapkan'],
    ['regions_loaded', 'Data wilayah dimuat'],
    ['web_built', 'Aplikasi web dibangun'],
    ['demo_seeded', 'Simulator BPJS aktif'],
    ['listening', 'Server listening'],
  ] as const) {
    const t = at(msg);
    if (t !== null) result[`${name}_at_ms`] = t;
  }
  return result;
}

const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-bench-start-'));
const clone = path.join(dir, 'lindung');
// Run as root, the embedded PostgreSQL starts its binaries as an unprivileged user: it must reach them in the clone.
fs.chmodSync(dir, 0o755);
try {
  run('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], dir);
  run('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules')], dir);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LINDUNG_DATA_DIR: path.join(clone, 'data'),
    PORT: String(port),
    LINDUNG_DEMO_CREDENTIALS_FILE: path.join(dir, 'demo-credentials.txt'),
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.WEB_DIST_DIR;
  const firstBegan = Date.now();
  const first = await start(clone, env, base);
  await first.stop();
  const second = await start(clone, env, base);
  await second.stop();
  process.stdout.write(
    `${JSON.stringify({
      bench: 'start',
      commit: head,
      first_start_ms: first.ms,
      second_start_ms: second.ms,
      target_first_ms: 10_000,
      target_second_ms: 4_000,
      first_ok: first.ms <= 10_000,
      second_ok: second.ms <= 4_000,
      first_phases: phases(first.log, firstBegan),
      second_rebuilt_web: second.log.includes('Membangun aplikasi web'),
      loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
      cpus: os.cpus().length,
    })}\n`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
