// The offline queue of the field page (issue 19 §3): entries kept in IndexedDB (they survive closing the browser),
// each with a client-generated id, sent in order to /api/collection/sync and marked with the server's answer.
// The last worklist is kept too, so the page opens offline with the operator's own candidates.
import type { SyncAnswer, SyncEntry, Worklist } from '../../../../lib/contracts/collection.ts';
import { api } from '../../app/api.ts';

export type QueueStatus = 'pending' | 'accepted' | 'error' | 'conflict';
export type QueuedEntry = {
  entry: SyncEntry;
  /** What the operator sees in the queue list (a name, the outcome). */
  label: string;
  status: QueueStatus;
  message: string | null;
  conflict: SyncAnswer['conflict'];
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

export async function cachedWorklist(user: string): Promise<Worklist | undefined> {
  return run<Worklist | undefined>(
    CACHE,
    'readonly',
    (s) => s.get(`worklist:${user}`) as IDBRequest<Worklist | undefined>,
  );
}

export async function cacheWorklist(user: string, list: Worklist): Promise<void> {
  await run(CACHE, 'readwrite', (s) => s.put(list, `worklist:${user}`));
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
      const pending = (await queuedEntries()).filter((q) => q.status === 'pending');
      if (pending.length === 0) return 0;
      const device = await deviceId(user, label);
      const result = await api<{ answers: SyncAnswer[] }>('/api/collection/sync', {
        method: 'POST',
        body: { deviceId: device, entries: pending.map((q) => q.entry) },
      });
      const byId = new Map(result.answers.map((a) => [a.clientId, a]));
      for (const q of pending) {
        const a = byId.get(q.entry.clientId);
        if (a) await putEntry({ ...q, status: a.status, message: a.message, conflict: a.conflict });
      }
      return result.answers.length;
    } finally {
      syncing = null;
    }
  })();
  return syncing;
}
