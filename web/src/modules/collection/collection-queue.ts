// The offline queue of the field page (issue 19 §3): entries kept in IndexedDB (they survive closing the browser),
// each with a client-generated id, sent in order to /api/collection/sync and marked with the server's answer.
// The last worklist is kept too, so the page opens offline with the operator's own candidates.
import type { SyncAnswer, SyncEntry } from '../../../../lib/contracts/collection.ts';
import { api } from '../../app/api.ts';

export type QueueStatus = 'pending' | 'accepted' | 'error' | 'conflict';
export type QueuedEntry = {
  entry: SyncEntry;
  /** What the operator sees in the queue list (a name, the outcome). */
  label: string;
  status: QueueStatus;
  message: string | null;
  conflict: SyncAnswer['conflict'];
  /** The server's worker for the entry: the one registered, or the record a NIK conflict is about. */
  workerId?: string | null;
  createdAt: number;
};

const DB_NAME = 'lindung-collection';
const ENTRIES = 'entries';
const CACHE = 'cache';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(ENTRIES, { keyPath: 'entry.clientId' });
      req.result.createObjectStore(CACHE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const req = work(tx.objectStore(store));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function queuedEntries(): Promise<QueuedEntry[]> {
  const all = await run<QueuedEntry[]>(ENTRIES, 'readonly', (s) => s.getAll() as IDBRequest<QueuedEntry[]>);
  return all.sort((a, b) => a.createdAt - b.createdAt);
}

export async function putEntry(q: QueuedEntry): Promise<void> {
  await run(ENTRIES, 'readwrite', (s) => s.put(q));
}

export async function removeEntry(clientId: string): Promise<void> {
  await run(ENTRIES, 'readwrite', (s) => s.delete(clientId));
}

export async function enqueue(entry: SyncEntry, label: string): Promise<void> {
  await putEntry({ entry, label, status: 'pending', message: null, conflict: null, createdAt: Date.now() });
}

/** The last copy of a read the page needs offline (the worklist, the village's targets), per user. */
export async function cached<T>(key: string, user: string): Promise<T | undefined> {
  return run<T | undefined>(CACHE, 'readonly', (s) => s.get(`${key}:${user}`) as IDBRequest<T | undefined>);
}

export async function keep<T>(key: string, user: string, value: T): Promise<void> {
  await run(CACHE, 'readwrite', (s) => s.put(value, `${key}:${user}`));
}

/**
 * Resolves a NIK conflict by using the worker registered meanwhile: the entry's candidate (if any) is closed as
 * "registered" with that worker by a new visit entry; the entry itself leaves the queue.
 */
export async function resolveWithRegisteredWorker(q: QueuedEntry, label: string, visitedOn: string): Promise<void> {
  if (q.entry.kind === 'register' && q.entry.candidateId) {
    await enqueue(
      {
        clientId: crypto.randomUUID(),
        kind: 'visit',
        payload: { candidateId: q.entry.candidateId, outcome: 'registered', visitedOn, workerId: q.workerId ?? null },
      },
      label,
    );
  }
  // Proposals of the person registered by that entry now name the registered worker.
  for (const other of await queuedEntries())
    if (other.entry.kind === 'propose' && other.entry.payload.registerClientId === q.entry.clientId)
      await putEntry({
        ...other,
        status: other.status === 'accepted' ? 'accepted' : 'pending',
        entry: {
          ...other.entry,
          payload: { programId: other.entry.payload.programId, workerId: q.workerId ?? undefined },
        },
      });
  await removeEntry(q.entry.clientId);
}

/** Proposals refused because their registration was not accepted go again with it once it is resent. */
function withDependents(all: readonly QueuedEntry[]): QueuedEntry[] {
  const resent = new Set(all.filter((q) => q.status === 'pending').map((q) => q.entry.clientId));
  return all.filter(
    (q) =>
      q.status === 'pending' ||
      (q.status === 'error' && q.entry.kind === 'propose' && resent.has(q.entry.payload.registerClientId ?? '')),
  );
}

/** This browser's device id for the signed-in user, registered with the server once (online). */
export async function deviceId(user: string, label: string): Promise<string> {
  const key = `lindung.device.${user}`;
  const known = localStorage.getItem(key);
  if (known) return known;
  const id = crypto.randomUUID();
  await api('/api/collection/devices', { method: 'POST', body: { id, label } });
  localStorage.setItem(key, id);
  return id;
}

let syncing: Promise<number> | null = null;

/**
 * Sends every pending entry, in the order queued, and records each answer. Entries already answered are not sent
 * again; an edited entry is pending again and is re-applied by the server (its content changed). Returns how many
 * entries were answered. One call at a time.
 */
export function syncNow(user: string, label: string): Promise<number> {
  syncing ??= (async () => {
    try {
      const pending = withDependents(await queuedEntries());
      if (pending.length === 0) return 0;
      const device = await deviceId(user, label);
      const result = await api<{ answers: SyncAnswer[] }>('/api/collection/sync', {
        method: 'POST',
        body: { deviceId: device, entries: pending.map((q) => q.entry) },
      });
      const byId = new Map(result.answers.map((a) => [a.clientId, a]));
      for (const q of pending) {
        const a = byId.get(q.entry.clientId);
        if (a)
          await putEntry({ ...q, status: a.status, message: a.message, conflict: a.conflict, workerId: a.workerId });
      }
      return result.answers.length;
    } finally {
      syncing = null;
    }
  })();
  return syncing;
}
