import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLindung, stopLindung } from '../server/testing/run-cli.ts';
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
 * The real `lindung start` on a fresh embedded PostgreSQL, with the demo; the demo passwords read from the
 * owner-only file it writes (LINDUNG_DEMO_CREDENTIALS_FILE), since its output is not a terminal.
 */
export async function startDemo(): Promise<RunningLindung> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-e2e-'));
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

export async function screenshot(page: Page, name: string): Promise<void> {
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
}

/** Calls the API from the signed-in page, with its cookies and CSRF token, as the web app does. */
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
