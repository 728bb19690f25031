// Kysely types of the contributions module's tables (owner: server/db/ownership.ts); re-exported by schema.ts.
import type { ColumnType, Generated } from 'kysely';

/** Effective-dated contribution rules; `value` is a RuleValue (lib/rules/contribution-types.ts) as jsonb. */
export interface ContributionRuleTable {
  id: Generated<string>;
  key: string;
  scope: ColumnType<string, string | undefined, never>;
  valid_from: ColumnType<string, string, never>;
  /** The one column that may change: an open row is ended once (see migration 0002). */
  valid_to: ColumnType<string | null, string | null | undefined, string>;
  /** The legal citation (regulation and article): the only text printed or public (migration 0017). */
  citation: ColumnType<string, string, never>;
  /** The internal research note, for administrators only. */
  legal_basis: ColumnType<string, string, never>;
  value: ColumnType<unknown, string, never>;
  created_by: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
