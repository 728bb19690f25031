// The web bundle, built once and reused while its sources are unchanged. A stamp inside the build holds the hash of
// every input the bundle is made from (web/, the shared lib/, the Vite config, the lockfile …); `lindung start` reuses
// the build when the stamp matches the sources and rebuilds it otherwise, so a stale bundle is never served.
// The same build writes brotli and gzip copies of every text file, served to browsers that accept them. `lindung start`
// builds in a separate process (the other core, while this one prepares the database) and writes the gzip copies at
// once but the brotli ones, the slow part, only once the server answers (see addMissingBrotli).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Logger } from './logger.ts';

/** What the bundle is made from, relative to the repository root (a folder: every file under it). */
export const WEB_BUILD_INPUTS = [
  'web',
  'lib',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'server/platform/web-build.ts',
] as const;

/** Written last by a successful build, inside its folder (a dotfile: never served). */
export const BUILD_STAMP = '.build-stamp.json';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|webmanifest)$/;
/** Below this a compressed copy saves less than a network packet. */
const MIN_COMPRESS_BYTES = 1024;

function listFiles(root: string, rel: string, out: string[]): void {
  const full = path.join(root, rel);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return;
  }
  if (stat.isFile()) {
    out.push(rel);
    return;
  }
  if (!stat.isDirectory()) return;
  for (const name of fs.readdirSync(full).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    listFiles(root, path.posix.join(rel, name), out);
  }
}

/** sha256 over the paths and contents of every build input: equal hashes, equal bundles. */
export function webSourceHash(root: string, inputs: readonly string[] = WEB_BUILD_INPUTS): string {
  const files: string[] = [];
  for (const input of inputs) listFiles(root, input, files);
  const hash = createHash('sha256');
  for (const file of files) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

export type BuildDecision =
  { reuse: true } | { reuse: false; reason: 'no-build' | 'no-stamp' | 'sources-changed' | 'incomplete' };

/** Whether the build in outDir was made from exactly these sources (`hash` = webSourceHash of the checkout). */
export function buildDecision(outDir: string, hash: string): BuildDecision {
  if (!fs.existsSync(path.join(outDir, 'index.html'))) return { reuse: false, reason: 'no-build' };
  let stamp: { hash?: unknown; files?: unknown };
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(outDir, BUILD_STAMP), 'utf8')) as typeof stamp;
  } catch {
    return { reuse: false, reason: 'no-stamp' };
  }
  if (stamp.hash !== hash) return { reuse: false, reason: 'sources-changed' };
  // A folder someone emptied or trimmed by hand is rebuilt, not served with holes.
  const files = Array.isArray(stamp.files) ? (stamp.files as unknown[]) : [];
  if (!files.every((f) => typeof f === 'string' && fs.existsSync(path.join(outDir, f)))) {
    return { reuse: false, reason: 'incomplete' };
  }
  return { reuse: true };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const brotliOf = (body: Buffer) =>
  brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  });

/** The build's own files (no compressed copies, no dotfiles), relative to outDir. */
function ownFiles(outDir: string): string[] {
  const files: string[] = [];
  listFiles(outDir, '.', files);
  return files.map((f) => path.posix.normalize(f)).filter((f) => !f.startsWith('.') && !/\.(br|gz)$/.test(f));
}

/** Files up to this size get their brotli copy with the build even when the large ones' copies come later. */
const BROTLI_AT_ONCE_BYTES = 64 * 1024;

/**
 * Writes `<file>.gz` and `<file>.br` beside every text file worth compressing (with `brotli: false`, the brotli copy
 * of small files only: addMissingBrotli makes the others); returns the files of the build.
 */
export async function compressBuild(outDir: string, options: { brotli?: boolean } = {}): Promise<string[]> {
  const own = ownFiles(outDir);
  await Promise.all(
    own
      .filter((f) => COMPRESSIBLE.test(f))
      .map(async (f) => {
        const full = path.join(outDir, f);
        const body = await fs.promises.readFile(full);
        if (body.length < MIN_COMPRESS_BYTES) return;
        const later = options.brotli === false && body.length > BROTLI_AT_ONCE_BYTES;
        const [br, gz] = await Promise.all([later ? null : brotliOf(body), gzip(body, { level: 9 })]);
        // A copy that is not smaller is not worth a second file.
        if (br && br.length < body.length) await fs.promises.writeFile(`${full}.br`, br);
        if (gz.length < body.length) await fs.promises.writeFile(`${full}.gz`, gz);
      }),
  );
  return own;
}

/**
 * The brotli copies a build still lacks (built by `lindung start`, or a start stopped before it finished them), one
 * file at a time so that at most one core is busy with them; each appears whole (written aside, then renamed) and is
 * served from then on. Returns how many were written.
 */
export async function addMissingBrotli(outDir: string): Promise<number> {
  let written = 0;
  for (const f of ownFiles(outDir).filter((name) => COMPRESSIBLE.test(name))) {
    const full = path.join(outDir, f);
    if (fs.existsSync(`${full}.br`)) continue;
    const body = await fs.promises.readFile(full);
    if (body.length < MIN_COMPRESS_BYTES) continue;
    const br = await brotliOf(body);
    if (br.length >= body.length) continue;
    const aside = path.join(path.dirname(full), `.${path.basename(full)}.br.${process.pid}`);
    await fs.promises.writeFile(aside, br);
    await fs.promises.rename(aside, `${full}.br`);
    written++;
  }
  return written;
}

/** Set by `lindung start` for its build process: large files' brotli copies later (addMissingBrotli). */
const BROTLI_LATER_ENV = 'LINDUNG_WEB_BROTLI_LATER';

/** The last step of a build: compressed copies, then the stamp (so a build cut short has none). */
export async function finishBuild(outDir: string, hash: string, options: { brotli?: boolean } = {}): Promise<void> {
  const files = await compressBuild(outDir, options);
  fs.writeFileSync(path.join(outDir, BUILD_STAMP), JSON.stringify({ hash, files }));
}

/** The Vite plugin behind `npm run build:web`: hashes the sources as the build starts, stamps the build at its end. */
export function webBuildPlugin(root: string) {
  let outDir = '';
  let hash = '';
  return {
    name: 'lindung-web-build',
    apply: 'build' as const,
    configResolved(config: { build: { outDir: string } }) {
      outDir = path.resolve(root, config.build.outDir);
    },
    buildStart() {
      hash = webSourceHash(root);
    },
    async closeBundle() {
      await finishBuild(outDir, hash, { brotli: process.env[BROTLI_LATER_ENV] !== '1' });
    },
  };
}

export type WebBuildResult = 'reused' | 'built' | 'no-sources';

/**
 * `lindung start`: reuses the web build when its stamp matches the sources, builds it otherwise (into a folder beside
 * it, then swapped in, so a build cut short never replaces a good one). An installation without the sources or without
 * Vite (production dependencies only) serves the build it was shipped with.
 */
export async function ensureWebBuild(root: string, outDir: string, log: Logger): Promise<WebBuildResult> {
  const config = path.join(root, 'vite.config.ts');
  if (!fs.existsSync(config) || !fs.existsSync(path.join(root, 'web/index.html'))) return 'no-sources';
  const hash = webSourceHash(root);
  const decision = buildDecision(outDir, hash);
  if (decision.reuse) return 'reused';
  try {
    import.meta.resolve('vite');
  } catch {
    log.warn('Vite tidak terpasang: aplikasi web tidak dibangun ulang (npm ci tanpa --omit=dev)');
    return 'no-sources';
  }
  const started = Date.now();
  log.info({ reason: decision.reason }, 'Membangun aplikasi web');
  const tmp = `${outDir}.tmp-${process.pid}`;
  await buildInChild(root, config, tmp);
  swapIn(tmp, outDir, hash);
  log.info({ ms: Date.now() - started }, 'Aplikasi web dibangun');
  return 'built';
}

/**
 * `vite build` in a process of its own: it runs on the other core while this process starts the database, loads
 * the regions and seeds the demo, instead of taking turns with them on one thread. Ends with the starting process.
 */
function buildInChild(root: string, configFile: string, outDir: string): Promise<void> {
  const script = `const { build } = await import('vite');
await build({ configFile: ${JSON.stringify(configFile)}, logLevel: 'warn', build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true } });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, [BROTLI_LATER_ENV]: '1' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const stopChild = () => child.kill('SIGTERM');
  process.once('exit', stopChild);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
    process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('exit', stopChild);
      if (code === 0) resolve();
      else reject(new Error(`Membangun aplikasi web gagal / web build failed (${signal ?? code}):\n${stderr}`));
    });
  });
}

function swapIn(tmp: string, outDir: string, hash: string): void {
  const old = `${outDir}.old-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  try {
    fs.renameSync(tmp, outDir);
  } catch (err) {
    // Another start built the same sources at the same moment: its build is as good as ours.
    if (!buildDecision(outDir, hash).reuse) throw err;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.rmSync(old, { recursive: true, force: true });
}

/** Vite's hashed output (`assets/name-HASH.ext`): its name changes with its content. */
export const HASHED_ASSETS_DIR = 'assets/';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Cache-Control of a built file (path relative to the build, `.br`/`.gz` suffix ignored): hashed assets are cached for
 * a year and never revalidated; index.html and the fixed-name files (favicon, /sw.js …) are revalidated on every use,
 * so a new build reaches the browser on its next visit.
 */
export function cacheControlFor(relPath: string): string {
  return relPath.replace(/^\/+/, '').startsWith(HASHED_ASSETS_DIR) ? IMMUTABLE : 'no-cache';
}

/** Source maps and dotfiles (the build stamp) are never served. */
export function servable(relPath: string): boolean {
  return !relPath.endsWith('.map') && !relPath.split('/').some((part) => part.startsWith('.'));
}

/** The compressed copy to send for an Accept-Encoding header: brotli first, then gzip; null for the plain file. */
export function pickEncoding(
  acceptEncoding: string | undefined,
  available: ReadonlySet<'br' | 'gzip'>,
): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (enc: string) => (accepted.get(enc) ?? accepted.get('*') ?? 0) > 0;
  if (available.has('br') && ok('br')) return 'br';
  if (available.has('gzip') && ok('gzip')) return 'gzip';
  return null;
}
