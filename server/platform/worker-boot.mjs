// The entry of every worker of worker-task.ts: compiles TypeScript like the main thread (tsx) and loads the task's
// module while it waits; then runs the one task it is sent and sends its result, or its items one by one as the
// main thread asks for them.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

const port = parentPort;
let credits = 0;
let wake = null;
let task = null;
let taskArrived = null;
port.on('message', (m) => {
  if (m.type === 'task') {
    task = m;
    credits += m.pull;
    taskArrived?.();
    return;
  }
  if (m.type !== 'pull') return;
  credits += m.n;
  const w = wake;
  wake = null;
  w?.();
});

/** An error as plain data: its name, message and those own fields that survive a structured clone. */
function serialise(err) {
  const props = {};
  if (err !== null && typeof err === 'object') {
    for (const [key, value] of Object.entries(err)) {
      try {
        props[key] = globalThis.structuredClone(value);
      } catch {
        // a field that cannot cross threads is left out
      }
    }
  }
  return { name: err?.name ?? 'Error', message: String(err?.message ?? err), props };
}

const loading = import(workerData.module);
// A load failure is reported with the task.
loading.catch(() => undefined);
if (task === null) await new Promise((resolve) => (taskArrived = resolve));

try {
  const module = await loading;
  const result = await module[task.name](...task.args);
  if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
    for await (const value of result) {
      while (credits === 0) await new Promise((resolve) => (wake = resolve));
      credits -= 1;
      port.postMessage({ type: 'item', value });
    }
    port.postMessage({ type: 'end' });
  } else {
    port.postMessage({ type: 'result', value: result });
  }
} catch (err) {
  port.postMessage({ type: 'error', error: serialise(err) });
}
