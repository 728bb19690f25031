// Kysely types of the coverage module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType } from 'kysely';

/** NIKs whose coverage changed since the last refresh (written by the marking triggers, read by the refresh). */
export interface CoverageDirtyTable {
  nik: string;
}

export interface CoverageRefreshStateTable {
  id: ColumnType<boolean, never, never>;
  window_start: string;
  as_of: string;
  full_needed: boolean;
  refreshed_at: Date | null;
  refresh_ms: number | null;
  persons_seen: number;
}

export interface CoveragePersonTable {
  nik: string;
  region_code: string;
  segment: string;
  category: string;
  worker_id: string | null;
  /** Bit i: active in the month window_start + i (bigint, returned by pg as a string). */
  months: string;
  /** The day the person's coverage can next change by the calendar alone (migration 0046); NULL: not this month. */
  next_change: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CoverageRollupTable {
  area_code: string;
  month: string;
  segment: string;
  category: string;
  persons: number;
}

export interface CoverageRollupAreaTable {
  area_code: string;
  parent_code: string;
  month: string;
  persons: number;
  leavers: number;
}

export interface CoverageQualityTable {
  area_code: string;
  parent_code: string;
  metric: string;
  count: number;
}

export interface CoverageQualityStateTable {
  id: ColumnType<boolean, never, never>;
  computed_at: Date | null;
  compute_ms: number | null;
}
