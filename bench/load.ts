// `npm run bench:load -- --seconds 60 [--clients 50]`: starts the real `lindung start` on a fresh embedded PostgreSQL
// (a temporary data directory, the Kab. Bantul demo seeded on first start), signs in as the demo's Disnaker, BPJS and
// admin users, then runs N concurrent clients over loopback for a fixed time, each sending one request after another
// in turn to the worker search (`GET /api/workers?name=…`), the coverage check (`GET /api/coverage/check`) and the
// dashboard (`GET /api/coverage/dashboard`). Prints JSON: requests/s, p50/p99 and errors per endpoint, and the server
// process's resident memory (RSS) at the start and the end of the load.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLindung, stopLindung } from '../server/testing/run-cli.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const seconds = Number(arg('seconds') ?? 60);
const clients = Number(arg('clients') ?? 50);
if (!(Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600)) throw new Error('--seconds: 1–3600');
if (!(Number.isInteger(clients) && clients >= 1 && clients <= 500)) throw new Error('--clients: 1–500');
// A bound on the number of requests as well as on time, so a broken server answering instantly cannot run away.
const MAX_REQUESTS = 20_000_000;
const REQUEST_TIMEOUT_MS = 30_000;

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

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? null
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 10) / 10;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-bench-load-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const startedAt = performance.now();
const lindung = await startLindung([], { LINDUNG_DATA_DIR: dataDir, PORT: String(port) }, 600_000);
const startupMs = Math.round(performance.now() - startedAt);
const pid = lindung.child.pid!;

try {
  const credentials = new Map<string, string>();
  for (const m of lindung.output().matchAll(/^\s+([a-z0-9._-]+)\s+([a-z]+-[a-z]+-\d{4})\s/gm))
    credentials.set(m[1]!, m[2]!);

  async function signIn(username: string): Promise<Record<string, string>> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: credentials.get(username) }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, 'x-csrf-token': csrfToken };
  }
  const sessions = await Promise.all(['disnaker.bantul', 'bpjs.bantul', 'admin.bantul'].map(signIn));
  const admin = sessions[2]!;

  // Search terms: 2–4 letter prefixes of the demo's names; NIKs: revealed (audited) for 50 workers of the demo.
  const page = (await (await fetch(`${base}/api/workers?page=1&pageSize=100`, { headers: admin })).json()) as {
    items: { id: string; fullName: string }[];
  };
  if (page.items.length === 0) throw new Error('the demo has no workers');
  const prefixes = page.items.map((w, i) => w.fullName.slice(0, 2 + (i % 3)));
  const niks: string[] = [];
  for (const w of page.items.slice(0, 50)) {
    const res = await fetch(`${base}/api/workers/${w.id}/reveal-nik`, { method: 'POST', headers: admin });
    niks.push(((await res.json()) as { nik: string }).nik);
  }
  const today = new Date().toISOString().slice(0, 10);

  const endpoints = {
    search: (i: number) => `/api/workers?name=${encodeURIComponent(prefixes[i % prefixes.length]!)}&page=1&pageSize=25`,
    coverageCheck: (i: number) => `/api/coverage/check?nik=${niks[i % niks.length]}&date=${today}`,
    dashboard: () => '/api/coverage/dashboard',
  } as const;
  type Endpoint = keyof typeof endpoints;
  const names = Object.keys(endpoints) as Endpoint[];
  const stats = Object.fromEntries(names.map((n) => [n, { ms: [] as number[], errors: 0 }])) as Record<
    Endpoint,
    { ms: number[]; errors: number }
  >;
  const errorSamples: string[] = [];

  const rssStart = rssMb(pid);
  const loadStarted = performance.now();
  const deadline = loadStarted + seconds * 1000;
  let issued = 0;
  async function client(c: number) {
    const headers = sessions[c % sessions.length]!;
    for (let i = 0; performance.now() < deadline && issued < MAX_REQUESTS; i++) {
      issued += 1;
      const name = names[(c + i) % names.length]!;
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}${endpoints[name](c * 7919 + i)}`, {
          headers,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await res.arrayBuffer();
        if (res.status === 200) stats[name].ms.push(performance.now() - t0);
        else {
          stats[name].errors += 1;
          if (errorSamples.length < 5) errorSamples.push(`${name} ${res.status}`);
        }
      } catch (err) {
        stats[name].errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${name} ${(err as Error).message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const elapsed = (performance.now() - loadStarted) / 1000;
  const rssEnd = rssMb(pid);

  const perEndpoint = Object.fromEntries(
    names.map((n) => {
      const sorted = stats[n].ms.sort((a, b) => a - b);
      return [
        n,
        {
          ok: sorted.length,
          errors: stats[n].errors,
          req_per_s: Math.round((sorted.length / elapsed) * 10) / 10,
          p50_ms: percentile(sorted, 0.5),
          p99_ms: percentile(sorted, 0.99),
        },
      ];
    }),
  );
  const ok = names.reduce((s, n) => s + stats[n].ms.length, 0);
  const errors = names.reduce((s, n) => s + stats[n].errors, 0);
  process.stdout.write(
    `${JSON.stringify({
      clients,
      seconds: Math.round(elapsed * 10) / 10,
      startup_ms: startupMs,
      requests: ok + errors,
      errors,
      req_per_s: Math.round((ok / elapsed) * 10) / 10,
      endpoints: perEndpoint,
      rss_mb_start: rssStart,
      rss_mb_end: rssEnd,
      error_samples: errorSamples,
      cpus: os.cpus().length,
      node: process.version,
    })}\n`,
  );
} finally {
  await stopLindung(lindung.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
