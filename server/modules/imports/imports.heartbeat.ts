// The heartbeat of a running import, and its cancellation: a connection of its own beats the job row and, when
// someone asked to cancel, cancels the import's statement on the import's connection.
import pg from 'pg';
import type { Database } from '../../platform/db.ts';

/** How often a running import says it is alive (and looks for a cancellation). */
export const HEARTBEAT_MS = 5_000;

/**
 * While an import runs: every HEARTBEAT_MS, its job row's heartbeat, and when someone asked to cancel it, the
 * import's statement is cancelled on its own connection (`pid`), so even a long set-based step stops at once and
 * the transaction rolls back. The beats use a connection of their own, outside the pool, so a busy pool never holds
 * up a beat, and no beat can reach a pooled connection that a later user has taken over.
 */
export function startHeartbeat(database: Database, jobId: string, pid: number) {
  let cancelled = false;
  let stopped = false;
  const client = new pg.Client({ connectionString: database.ownerPool.options.connectionString });
  client.on('error', () => undefined);
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  let beating: Promise<void> = Promise.resolve();
  const beat = () => {
    beating = beating.then(async () => {
      if (stopped || !(await connected)) return;
      try {
        const r = await client.query<{ cancel_requested_at: Date | null }>(
          'UPDATE import_job SET heartbeat_at = now() WHERE id = $1 RETURNING cancel_requested_at',
          [jobId],
        );
        if (r.rows[0]?.cancel_requested_at && !cancelled && !stopped) {
          cancelled = true;
          await client.query('SELECT pg_cancel_backend($1::integer)', [pid]);
        }
      } catch {
        // A missed beat is not an error of the import; the next one tries again.
      }
    });
  };
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();
  return {
    cancelled: () => cancelled,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await beating;
      await client.end().catch(() => undefined);
    },
  };
}
