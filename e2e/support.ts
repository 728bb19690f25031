import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { pidAlive } from '../server/platform/embedded.ts';
import { ROOT, runCli, startLindung, stopLindung } from '../server/testing/run-cli.ts';
import type { ChildProcess } from 'node:child_process';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

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

export type RunningLindung = {
  url: string;
  credentials: Map<string, string>;
  output: () => string;
  child: ChildProcess;
  dataDir: string;
  /**
   * Stops and starts Lindung again on the same data directory (and port), running `between` while it is down;
   * `extraEnv` is added to the environment of this and later starts (e.g. LINDUNG_TODAY).
   */
  restart(between?: () => Promise<void>, extraEnv?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
};

/**
 * What a seeded demo depends on: the server's and rules' code (migrations, repeatable SQL, the demo seed and every
 * module it writes through), the locked dependencies, and the day (the demo is dated relative to today).
 */
function demoKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.test\.ts$/.test(entry.name)) hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['server', 'lib', 'bin']) walk(path.join(ROOT, dir));
  hash.update(fs.readFileSync(path.join(ROOT, 'package-lock.json')));
  hash.update(new Date().toISOString().slice(0, 10));
  return hash.digest('hex').slice(0, 16);
}

/** Copies a data directory as it is, owners and modes kept (PostgreSQL's files belong to its own account as root). */
function copyDataDir(from: string, to: string): void {
  execFileSync('cp', ['-a', '--reflink=auto', `${from}/.`, to]);
}

/**
 * A demo data directory seeded once per code version and day, stopped cleanly, kept under the temporary directory:
 * each journey copies it instead of seeding its own (the seed is most of a journey's start-up). Several runs at once
 * share it: the first builds it under a lock, the others wait for it.
 */
async function seededTemplate(): Promise<string> {
  const template = path.join(os.tmpdir(), `lindung-e2e-template-${demoKey()}`);
  const lock = `${template}.lock`;
  const deadline = Date.now() + 170_000;
  for (;;) {
    if (fs.existsSync(path.join(template, 'demo-credentials.txt'))) return template;
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }), 10);
      if (Number.isInteger(holder) && !pidAlive(holder)) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Menunggu demo yang disiapkan proses ${holder} terlalu lama`);
      else await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    // Templates of older code or earlier days are removed once nobody can still be copying them.
    for (const name of fs.readdirSync(os.tmpdir())) {
      const full = path.join(os.tmpdir(), name);
      if (!name.startsWith('lindung-e2e-template-') || full === template || full === lock) continue;
      if (Date.now() - fs.statSync(full).mtimeMs > 3 * 3_600_000) fs.rmSync(full, { recursive: true, force: true });
    }
    const building = `${template}.build-${process.pid}`;
    fs.rmSync(building, { recursive: true, force: true });
    fs.mkdirSync(building);
    const first = await startLindung([], {
      LINDUNG_DATA_DIR: building,
      PORT: String(await freePort()),
      LINDUNG_DEMO_CREDENTIALS_FILE: path.join(building, 'demo-credentials.txt'),
    });
    await stopLindung(first.child);
    fs.renameSync(building, template);
    return template;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The real `lindung start` on its own embedded PostgreSQL, with the demo; the demo passwords read from the
 * owner-only file it writes (LINDUNG_DEMO_CREDENTIALS_FILE), since its output is not a terminal. By default the data
 * directory is a copy of the day's seeded demo (see seededTemplate), on a port of its own; `fresh` seeds a new one,
 * for journeys about the first start itself.
 */
export async function startDemo(options: { fresh?: boolean } = {}): Promise<RunningLindung> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-e2e-'));
  if (!options.fresh) {
    copyDataDir(await seededTemplate(), dataDir);
    const statePath = path.join(dataDir, 'embedded-postgres.json');
    const state = JSON.parse(fs.readFileSync(statePath, 'utf8')) as { port: number };
    fs.writeFileSync(statePath, JSON.stringify({ ...state, port: await freePort() }, null, 2), { mode: 0o600 });
  }
  const port = await freePort();
  const credentialsFile = path.join(dataDir, 'demo-credentials.txt');
  const env: Record<string, string> = {
    LINDUNG_DATA_DIR: dataDir,
    PORT: String(port),
    LINDUNG_DEMO_CREDENTIALS_FILE: credentialsFile,
  };
  const first = await startLindung([], env);
  const credentials = new Map<string, string>();
  for (const m of fs.readFileSync(credentialsFile, 'utf8').matchAll(/^\s+([a-z0-9._-]+)\s+([a-z]+-[a-z]+-\d{4})\s/gm))
    credentials.set(m[1]!, m[2]!);
  const running: RunningLindung = {
    url: `http://localhost:${port}`,
    credentials,
    output: first.output,
    child: first.child,
    dataDir,
    async restart(between, extraEnv) {
      await stopLindung(running.child);
      await between?.();
      Object.assign(env, extraEnv ?? {});
      const next = await startLindung([], env);
      running.child = next.child;
      running.output = next.output;
    },
    async stop() {
      await stopLindung(running.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return running;
}

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string; summary: string }[] };

/**
 * Waits until the page stands still: fonts loaded, no table refetching (faded rows would fail the contrast rule)
 * and no finite CSS transition or animation running (a menu or notification half faded in is not what people read).
 * Gives up quietly after a while: the check then runs on what is there.
 */
async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document.fonts.status === 'loaded' &&
        !document.querySelector('[aria-busy="true"]') &&
        document.getAnimations().every((a) => {
          const timing = a.effect?.getComputedTiming();
          return a.playState !== 'running' || timing?.iterations === Infinity;
        }),
      undefined,
      { timeout: 5_000, polling: 100 },
    )
    .catch(() => undefined);
}

/**
 * axe-core on the page as it is now, WCAG 2.1 A and AA rules only; throws with every violation, its rule, help text
 * and the elements (CSS selector and axe's own explanation), so a failing journey says what to fix and where.
 */
export async function checkA11y(page: Page, name: string): Promise<void> {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    type Axe = {
      run(
        context: Document,
        options: object,
      ): Promise<{
        violations: {
          id: string;
          impact?: string | null;
          help: string;
          nodes: { target: unknown[]; failureSummary?: string }[];
        }[];
      }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, WCAG_21_AA);
  if (violations.length === 0) return;
  throw new Error(`${name} (${page.url()}): ${violations.length} WCAG 2.1 AA violation(s)\n${describe(violations)}`);
}

function describe(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `- ${v.id} [${v.impact ?? '?'}] ${v.help}\n` +
        v.nodes
          .slice(0, 8)
          .map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`)
          .join('\n') +
        (v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : ''),
    )
    .join('\n');
}

/**
 * A new page (in a browser or a browser context) for a journey: every `page.goto` on it waits for the page's heading
 * and checks the page with axe, so each page a journey opens is checked without the journey asking; pages reached
 * by clicking are checked by `screenshot` (and by `checkA11y` where a journey wants it without a picture).
 */
export async function newPage(
  owner: Browser | BrowserContext,
  options: Parameters<Browser['newPage']>[0] = {},
): Promise<Page> {
  const page = 'newContext' in owner ? await owner.newPage(options) : await owner.newPage();
  const goto = page.goto.bind(page);
  page.goto = async (url, gotoOptions) => {
    const response = await goto(url, gotoOptions);
    if (response?.headers()['content-type']?.startsWith('text/html')) {
      // A page without a heading still gets checked (axe then says what is missing).
      await page
        .locator('h1')
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => undefined);
      await checkA11y(page, new URL(page.url()).pathname);
    }
    return response;
  };
  return page;
}

/** A full-page screenshot in .tmp/screenshots, after axe has checked the page as it is shown. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await checkA11y(page, name);
  const dir = path.resolve('.tmp/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in page (a demo user's printed password unless one is given) and waits for home. */
export async function signIn(page: Page, lindung: RunningLindung, username: string, password?: string) {
  await page.goto(`${lindung.url}/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password ?? lindung.credentials.get(username)!);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByText('Selamat datang').waitFor();
  await checkA11y(page, `home of ${username}`);
}

/** Calls the API from the signed-in page, with its cookies and CSRF token, as the web app does. */
/** callApi that must succeed: the parsed JSON body, or an error with the status, the body and Lindung's last output. */
export async function callApiOk<T>(
  page: Page,
  lindung: RunningLindung,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const r = await callApi(page, method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.body}\n${lindung.output().slice(-3000)}`);
  return JSON.parse(r.body) as T;
}

export function callApi(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = document.cookie.match(/lindung_csrf=([^;]+)/)?.[1] ?? '';
      const headers: Record<string, string> = { 'x-csrf-token': decodeURIComponent(csrf) };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: r.status, body: await r.text() };
    },
    { method, path, body },
  );
}

/**
 * Makes a national administrator (scope: all Indonesia) on the command line: Lindung is stopped meanwhile, since it
 * holds the data directory, and started again. Returns what the command printed.
 */
export async function addNationalAdmin(lindung: RunningLindung, username: string, password: string) {
  let printed = '';
  await lindung.restart(async () => {
    const made = await runCli(
      ['users', 'add', '--username', username, '--password', password, '--role', 'admin', '--region', '*'],
      { LINDUNG_DATA_DIR: lindung.dataDir },
    );
    printed = made.stdout;
  });
  return printed;
}
