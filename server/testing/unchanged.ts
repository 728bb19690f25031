import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';

/**
 * A digest of every row of each table, read by the owner (no row-level security): a refused write re-reads its data
 * with it, before and after, to prove that nothing changed (not only that the answer was 403).
 */
export async function tableDigest(owner: Db, tables: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const r = await sql<{ n: string; digest: string | null }>`
      SELECT count(*) AS n, md5(string_agg(t::text, E'\n' ORDER BY t::text)) AS digest
      FROM ${sql.table(table)} t`.execute(owner);
    out[table] = `${r.rows[0]?.n}:${r.rows[0]?.digest ?? ''}`;
  }
  return out;
}
