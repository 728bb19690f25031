// `npm run bench:web`: the web app on a village connection. Starts the real `lindung start` (fresh embedded
// PostgreSQL, the Kab. Bantul demo; the web build reused or made as `npm start` does), then Chromium with the slow
// profile set through the DevTools protocol: 1.6 Mbps down, 750 kbps up, 150 ms latency, CPU 4× slower.
// Measures, from the navigation or the click:
//   first visit   /masuk with an empty cache until the sign-in form can be typed into and sent,
//   second visit  the same in the same browser profile (cache kept),
//   sign-in       the click on "Masuk" until the Disnaker dashboard shows its figures.
// Prints one JSON line with the times, the bytes that crossed the network for each, and the targets.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support.ts';
import { startLindung, stopLindung } from '../server/testing/run-cli.ts';

const PROFILE = { downMbps: 1.6, upKbps: 750, latencyMs: 150, cpuSlowdown: 4 };
const TARGETS = { first_visit_ms: 3_000, second_visit_ms: 1_000, sign_in_ms: 2_000 };
const USER = 'disnaker.bantul';

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

async function slowProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: (PROFILE.downMbps * 1_000_000) / 8,
    uploadThroughput: (PROFILE.upKbps * 1_000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
}

/** Bytes received over the network (compressed, headers included) while `work` runs; cache hits count nothing. */
async function measured(cdp: CDPSession, work: () => Promise<void>): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  const onFinished = (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength);
  cdp.on('Network.loadingFinished', onFinished);
  const began = performance.now();
  await work();
  const ms = Math.round(performance.now() - began);
  cdp.off('Network.loadingFinished', onFinished);
  return { ms, bytes };
}

async function signInFormUsable(page: Page): Promise<void> {
  await page.getByLabel('Nama pengguna').waitFor({ state: 'visible', timeout: 120_000 });
  await page.getByRole('button', { name: 'Masuk', exact: true }).waitFor({ state: 'visible', timeout: 120_000 });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-bench-web-'));
const credentialsFile = path.join(dataDir, 'demo-credentials.txt');
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const lindung = await startLindung(
  [],
  { LINDUNG_DATA_DIR: dataDir, PORT: String(port), LINDUNG_DEMO_CREDENTIALS_FILE: credentialsFile },
  600_000,
);
const browser = await launchBrowser();
try {
  const password = new RegExp(`^\\s+${USER.replace('.', '\\.')}\\s+(\\S+)\\s`, 'm').exec(
    fs.readFileSync(credentialsFile, 'utf8'),
  )?.[1];
  if (!password) throw new Error(`no demo password for ${USER}`);
  const context = await browser.newContext({ locale: 'id-ID' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await slowProfile(cdp);

  const first = await measured(cdp, async () => {
    await page.goto(`${base}/masuk`, { waitUntil: 'commit' });
    await signInFormUsable(page);
  });
  await page.goto('about:blank');
  const second = await measured(cdp, async () => {
    await page.goto(`${base}/masuk`, { waitUntil: 'commit' });
    await signInFormUsable(page);
  });
  await page.getByLabel('Nama pengguna').fill(USER);
  await page.getByLabel('Kata sandi').fill(password);
  const signIn = await measured(cdp, async () => {
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    // The figures stand once the dashboard's data arrived: its region trail (aria-label Wilayah) replaces the skeleton.
    await page.locator('[aria-label="Wilayah"]').first().waitFor({ state: 'visible', timeout: 120_000 });
  });
  const mapsServed = await page.evaluate(async () => {
    const script = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src;
    return script ? (await fetch(`${script}.map`)).ok : false;
  });
  process.stdout.write(
    `${JSON.stringify({
      bench: 'web',
      profile: PROFILE,
      first_visit_ms: first.ms,
      first_visit_bytes: first.bytes,
      second_visit_ms: second.ms,
      second_visit_bytes: second.bytes,
      sign_in_ms: signIn.ms,
      sign_in_bytes: signIn.bytes,
      targets: TARGETS,
      ok: first.ms <= TARGETS.first_visit_ms && second.ms <= TARGETS.second_visit_ms && signIn.ms <= TARGETS.sign_in_ms,
      source_maps_served: mapsServed,
      loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
    })}\n`,
  );
} finally {
  await browser.close();
  await stopLindung(lindung.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
