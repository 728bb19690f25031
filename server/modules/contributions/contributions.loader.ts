import type pg from 'pg';
import { CONTRIBUTION_RULE_SEED } from '../../../lib/rules/contribution-rules.seed.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemContext } from '../../platform/context.ts';
import { withClientTransaction } from '../../platform/copy.ts';

// SQL migrations cannot import TypeScript, so the seed table is loaded here, at start-up, like the regions.

export type SeedResult = { seeded: number; ms: number };

function seedRows() {
  return CONTRIBUTION_RULE_SEED.map((r) => ({
    key: r.key,
    scope: r.scope,
    valid_from: r.validFrom,
    valid_to: r.validTo,
    citation: r.citation,
    legal_basis: r.note,
    value: r.value,
  }));
}

const FROM_SEED = `FROM jsonb_to_recordset($1::jsonb)
  AS r(key text, scope text, valid_from date, valid_to date, citation text, legal_basis text, value jsonb)`;

/**
 * Loads CONTRIBUTION_RULE_SEED into an empty contribution_rule table with one set-based INSERT … SELECT from
 * jsonb_to_recordset, audited as the system actor "seed" in the same transaction. On a table that has rows, only
 * seed rows added in a later release are appended (history is never edited): a seed row counts as present when a
 * row with its key, scope, start and value exists (an administrator may have ended it since), and one that would
 * overlap a row an administrator added is skipped (the exclusion constraint, ON CONFLICT DO NOTHING).
 */
export async function ensureContributionRulesSeeded(pool: pg.Pool): Promise<SeedResult> {
  const started = Date.now();
  const seeded = await withClientTransaction(pool, async (tx, client) => {
    await client.query('LOCK TABLE contribution_rule IN EXCLUSIVE MODE');
    const present = await client.query('SELECT 1 FROM contribution_rule LIMIT 1');
    const rows = JSON.stringify(seedRows());
    const inserted = present.rowCount
      ? await client.query(
          `INSERT INTO contribution_rule (key, scope, valid_from, valid_to, citation, legal_basis, value, created_by)
           SELECT key, scope, valid_from, valid_to, citation, legal_basis, value, 'seed'
           ${FROM_SEED}
           WHERE NOT EXISTS (SELECT 1 FROM contribution_rule c
                             WHERE c.key = r.key AND c.scope = r.scope AND c.valid_from = r.valid_from
                               AND c.value = r.value)
           ON CONFLICT DO NOTHING`,
          [rows],
        )
      : await client.query(
          `INSERT INTO contribution_rule (key, scope, valid_from, valid_to, citation, legal_basis, value, created_by)
           SELECT key, scope, valid_from, valid_to, citation, legal_basis, value, 'seed'
           ${FROM_SEED}`,
          [rows],
        );
    const count = inserted.rowCount ?? 0;
    if (count === 0) return 0;
    // Audited as the system actor "seed" in the same transaction (platform/audit.ts).
    await writeAudit(tx, systemContext('seed'), {
      action: 'contribution_rule.seed',
      entity: 'contribution_rule',
      after: {
        rows: count,
        source: 'lib/rules/contribution-rules.seed.ts',
        ...(present.rowCount && { appended: true }),
      },
    });
    return count;
  });
  return seeded === 0 ? { seeded: 0, ms: 0 } : { seeded, ms: Date.now() - started };
}
