// Runs a function of a module in a worker thread with a capped heap, so that work on untrusted input (a spreadsheet
// that unpacks to gigabytes) can exhaust only that worker: V8 stops the worker, this thread gets WorkerFailure
// 'memory' and goes on. A function that returns an async iterable is streamed: the worker runs at most `ahead` items
// before the caller takes them, so memory stays bounded on both sides. Ending the iteration (or an error) terminates
// the worker, and with it all the memory it held.
import { Worker } from 'node:worker_threads';

export type SerializedError = { name: string; message: string; props: Record<string, unknown> };

export class WorkerFailure extends Error {
  constructor(
    readonly kind: 'memory' | 'crash',
    cause?: unknown,
  ) {
    super(kind === 'memory' ? 'the worker ran out of memory' : 'the worker stopped unexpectedly', { cause });
    this.name = 'WorkerFailure';
  }
}

type FromWorker =
  | { type: 'item'; value: unknown }
  | { type: 'end' }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: SerializedError };

export type WorkerTaskOptions = {
  /** The worker's old-generation heap (MB); its young generation is fixed below. */
  heapMb: number;
  /** Items the worker may produce before the caller asks for them. */
  ahead?: number;
  /** Turns an error thrown in the worker (sent as name, message and its own fields) back into an error here. */
  revive?: (error: SerializedError) => Error;
  /** Keep one started worker waiting for the next task of this module and heap (see `spares`). */
  keepSpare?: boolean;
};

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const YOUNG_GENERATION_MB = 48;

function defaultRevive(e: SerializedError): Error {
  return Object.assign(new Error(e.message), { name: e.name }, e.props);
}

/**
 * Starting a worker costs a second or more (compiling TypeScript, loading exceljs). With `keepSpare`, one started
 * worker per module and heap waits for the next task, so a request does not wait for the start-up; each worker still
 * serves one task and is then terminated, so every file starts from a clean heap.
 */
const spares = new Map<string, Worker>();

function startWorker(module: URL, heapMb: number): Worker {
  const worker = new Worker(BOOT, {
    workerData: { module: module.href },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    stdout: false,
    stderr: false,
  });
  return worker;
}

function takeWorker(module: URL, heapMb: number, keepSpare: boolean): Worker {
  const key = `${heapMb} ${module.href}`;
  const spare = spares.get(key);
  spares.delete(key);
  if (keepSpare) {
    const next = startWorker(module, heapMb);
    // A waiting spare neither keeps the process alive nor outlives a failure.
    next.unref();
    next.once('error', () => spares.get(key) === next && spares.delete(key));
    next.once('exit', () => spares.get(key) === next && spares.delete(key));
    spares.set(key, next);
  }
  if (spare) {
    spare.ref();
    return spare;
  }
  return startWorker(module, heapMb);
}

/** Streams the items of `module[name](...args)` (an async iterable) computed in a worker thread. */
export async function* streamInWorker<T>(
  module: URL,
  name: string,
  args: unknown[],
  options: WorkerTaskOptions,
): AsyncGenerator<T> {
  const revive = options.revive ?? defaultRevive;
  const worker = takeWorker(module, options.heapMb, options.keepSpare ?? false);
  const inbox: FromWorker[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: FromWorker) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (err: Error & { code?: string }) => {
    failure ??= new WorkerFailure(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', err);
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  worker.postMessage({ type: 'task', name, args, pull: Math.max(1, options.ahead ?? 1) });
  try {
    for (;;) {
      const message = inbox.shift();
      if (message === undefined) {
        if (failure) throw failure;
        if (exited) throw new WorkerFailure('crash');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      switch (message.type) {
        case 'item':
          yield message.value as T;
          worker.postMessage({ type: 'pull', n: 1 });
          break;
        case 'result':
          yield message.value as T;
          return;
        case 'end':
          return;
        case 'error':
          throw revive(message.error);
      }
    }
  } finally {
    await worker.terminate();
  }
}

/** The result of `module[name](...args)` computed in a worker thread. */
export async function runInWorker<T>(
  module: URL,
  name: string,
  args: unknown[],
  options: WorkerTaskOptions,
): Promise<T> {
  for await (const value of streamInWorker<T>(module, name, args, options)) return value;
  throw new WorkerFailure('crash');
}
