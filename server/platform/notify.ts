// Changes announced to every Lindung process on the same database (LISTEN/NOTIFY), so that several processes act as
// one: a process that changes what others keep in memory (a cached rule set) or queues a job says so on one
// channel with a topic; every process listens on one connection of its own and calls what is registered for it.
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from '../db/schema.ts';
import type { Logger } from './logger.ts';

export const CHANGE_CHANNEL = 'lindung_change';
const RECONNECT_MS = 1_000;

/**
 * Announces a change under `topic`. Inside a transaction the message goes out when it commits (and never when it
 * rolls back), so listeners never see a change that did not happen.
 */
export async function announce(db: Kysely<DB>, topic: string): Promise<void> {
  await sql`SELECT pg_notify(${CHANGE_CHANNEL}, ${topic})`.execute(db);
}

type Handler = () => void;

/**
 * One LISTEN connection per process. When the connection drops, it is opened again, and every handler is called
 * once: a message sent while nobody listened is lost, so what depends on it is assumed changed.
 */
export class ChangeListener {
  private readonly handlers = new Map<string, Set<Handler>>();
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
  ) {}

  /** Calls `handler` on every announcement of `topic` (by any process, this one included); returns the undo. */
  on(topic: string, handler: Handler): () => void {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect(false);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private emit(topic: string): void {
    for (const handler of this.handlers.get(topic) ?? []) {
      try {
        handler();
      } catch (err) {
        this.log.warn({ err, topic }, 'Penanganan perubahan gagal');
      }
    }
  }

  private async connect(reconnecting: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (msg) => {
      if (msg.channel === CHANGE_CHANNEL && msg.payload) this.emit(msg.payload);
    });
    client.on('error', () => undefined);
    client.on('end', () => {
      if (this.client !== client || this.stopped) return;
      this.client = null;
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      if (!reconnecting) throw err;
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (reconnecting) {
      this.log.info('Sambungan pemberitahuan perubahan pulih');
      for (const topic of this.handlers.keys()) this.emit(topic);
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.retry = setTimeout(() => void this.connect(true), RECONNECT_MS);
    this.retry.unref();
  }
}

/** The connection string a pool was opened with (the listener opens its own connection beside the pool). */
export function connectionStringOf(pool: pg.Pool): string {
  const s = (pool.options as { connectionString?: string }).connectionString;
  if (!s) throw new Error('pool without a connection string');
  return s;
}
