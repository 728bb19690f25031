import type pg from 'pg';
import { CONTRIBUTION_RULE_SEED } from '../../../lib/rules/contribution-rules.seed.ts';

// SQL migrations cannot import TypeScript, so the seed table is loaded here, at start-up, like the regions.

export type SeedResult = { seeded: number; ms: number };

/**
 * Loads CONTRIBUTION_RULE_SEED into an empty contribution_rule table with one set-based INSERT … SELECT from
 * jsonb_to_recordset, audited as the system actor "seed" in the same transaction. Does nothing when any row exists:
 * after the first start, rules change only through the audited admin API.
 */
export async function ensureContributionRulesSeeded(pool: pg.Pool): Promise<SeedResult> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    const present = await client.query('SELECT 1 FROM contribution_rule LIMIT 1');
    if (present.rowCount) return { seeded: 0, ms: 0 };
    await client.query('BEGIN');
    await client.query('LOCK TABLE contribution_rule IN EXCLUSIVE MODE');
    const again = await client.query('SELECT 1 FROM contribution_rule LIMIT 1');
    if (again.rowCount) {
      await client.query('ROLLBACK');
      return { seeded: 0, ms: 0 };
    }
    const rows = CONTRIBUTION_RULE_SEED.map((r) => ({
      key: r.key,
      scope: r.scope,
      valid_from: r.validFrom,
      valid_to: r.validTo,
      legal_basis: r.legalBasis,
      value: r.value,
    }));
    const inserted = await client.query(
      `INSERT INTO contribution_rule (key, scope, valid_from, valid_to, legal_basis, value, created_by)
       SELECT key, scope, valid_from, valid_to, legal_basis, value, 'seed'
       FROM jsonb_to_recordset($1::jsonb)
         AS r(key text, scope text, valid_from date, valid_to date, legal_basis text, value jsonb)`,
      [JSON.stringify(rows)],
    );
    await client.query(
      `INSERT INTO audit_log (actor_username, actor_role, action, entity, after)
       VALUES ('seed', 'admin', 'contribution_rule.seed', 'contribution_rule', $1::jsonb)`,
      [JSON.stringify({ rows: inserted.rowCount, source: 'lib/rules/contribution-rules.seed.ts' })],
    );
    await client.query('COMMIT');
    return { seeded: inserted.rowCount ?? 0, ms: Date.now() - started };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
