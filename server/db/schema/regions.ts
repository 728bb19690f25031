// Kysely types of the regions module's tables (owner: server/db/ownership.ts); server/db/schema.ts re-exports them.
import type { ColumnType } from 'kysely';

export interface RegionTable {
  code: string;
  parent_code: string | null;
  level: 'province' | 'regency' | 'district' | 'village';
  kind: string;
  name: string;
  official_name: string;
  province_code: string;
  regency_code: string | null;
  valid_from: ColumnType<string, string, string>;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  source: string;
}

/** The regions module's published read view of `region` (migration 0026). */
export type RegionDirectoryView = {
  readonly [K in keyof RegionTable]: ColumnType<
    RegionTable[K] extends ColumnType<infer S, unknown, unknown> ? S : RegionTable[K],
    never,
    never
  >;
};
