import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';

// contribution_rule is national reference data without row-level security: read with or without a scope.
type Reader = Db | Tx;

const COLUMNS = [
  'id',
  'key',
  'scope',
  'valid_from',
  'valid_to',
  'citation',
  'legal_basis',
  'value',
  'created_at',
] as const;

export type RuleDbRow = {
  id: string;
  key: string;
  scope: string;
  valid_from: string;
  valid_to: string | null;
  citation: string;
  /** The internal research note. */
  legal_basis: string;
  value: unknown;
  created_at: Date;
};

/** Every rule row (a few hundred at most), oldest first. */
export async function listAllRules(db: Reader): Promise<RuleDbRow[]> {
  return db
    .selectFrom('contribution_rule')
    .select(COLUMNS)
    .orderBy('key')
    .orderBy('scope')
    .orderBy('valid_from')
    .execute();
}

export async function findRule(db: Reader, id: string): Promise<RuleDbRow | undefined> {
  return db.selectFrom('contribution_rule').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Serialises rule changes across processes for the rest of the transaction (the exclusion constraint still guards). */
export async function lockRuleChanges(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7263412)`.execute(tx);
}

export async function insertRule(
  tx: Tx,
  row: {
    key: string;
    scope: string;
    validFrom: string;
    validTo: string | null;
    citation: string;
    note: string;
    value: unknown;
    createdBy: string;
  },
): Promise<RuleDbRow> {
  return tx
    .insertInto('contribution_rule')
    .values({
      key: row.key,
      scope: row.scope,
      valid_from: row.validFrom,
      valid_to: row.validTo,
      citation: row.citation,
      legal_basis: row.note,
      value: JSON.stringify(row.value),
      created_by: row.createdBy,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/**
 * The one permitted change to a rule row: an open-ended row gets its last day. The WHERE keeps it to open rows, and
 * the table's trigger refuses any other change (migration 0002).
 */
export async function closeOpenRule(tx: Tx, id: string, validTo: string): Promise<RuleDbRow | undefined> {
  return tx
    .updateTable('contribution_rule')
    .set({ valid_to: validTo })
    .where('id', '=', id)
    .where('valid_to', 'is', null)
    .returning(COLUMNS)
    .executeTakeFirst();
}
