#!/usr/bin/env node
// Entry for every role of the one build: `lindung start`, `lindung db migrate`, `lindung users add` …
// tsx compiles the TypeScript sources on the fly (see docs/decisions.md: no separate server build step).
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// A bulk import keeps a small working set (~400 MB for a million rows) but V8 would let garbage grow the heap to
// twice that before collecting; a cap keeps the process within the import's memory budget (docs/benchmarks.md).
const IMPORT_HEAP_MB = 384;
// A larger young generation: fewer scavenges and fewer short-lived rows promoted into the capped old space.
const IMPORT_SEMI_SPACE_MB = 64;
const args = process.argv.slice(2);
const heapSet = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('max-old-space-size'));
if (args[0] === 'workers' && args[1] === 'import' && !heapSet) {
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${IMPORT_HEAP_MB}`,
      `--max-semi-space-size=${IMPORT_SEMI_SPACE_MB}`,
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...args,
    ],
    { stdio: 'inherit', env: { ...process.env, LINDUNG_PARENT_PID: String(process.pid) } },
  );
  process.exit(child.status ?? 1);
}
// The re-started import dies with its launcher (killed, even with SIGKILL): its transaction then rolls back.
const parent = Number(process.env.LINDUNG_PARENT_PID);
if (parent) setInterval(() => process.ppid !== parent && process.kill(process.pid, 'SIGKILL'), 200).unref();

register();
// `lindung start`: the database and the web build begin before the server's code loads (server/cli/start-early.ts).
if (args[0] === 'start' && args.slice(1).every((a) => a === '--no-demo')) {
  const { beginStart } = await import('../server/cli/start-early.ts');
  beginStart();
}
await import('../server/main.ts');
