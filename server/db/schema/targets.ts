// Kysely types of the targets module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.ts';

export interface WorkforceTable {
  id: Generated<string>;
  region_code: string;
  year: number;
  kind: 'employed' | 'bpu_universe';
  segment: ColumnType<string, string | undefined, string>;
  persons: number;
  source: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface CoverageTargetTable {
  id: Generated<string>;
  region_code: string;
  year: number;
  kind: 'employed' | 'bpu_universe';
  /** numeric(5,2): pg returns a string such as '34.99'. */
  target_percent: ColumnType<string, string | number, string | number>;
  basis: 'RPJMD' | 'RKPD' | 'RENSTRA' | 'UCJ' | 'other';
  document: string | null;
  /** PU pricing of the gap (issue 18 §6): all four set, or all null (the cheapest BPU package). bigint → string. */
  pu_wage: ColumnType<string | null, number | null | undefined, number | null>;
  pu_risk_class: ColumnType<number | null, number | null | undefined, number | null>;
  pu_employer_size: ColumnType<string | null, string | null | undefined, string | null>;
  pu_programs: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  updated_by: string;
  updated_at: Timestamp;
}
