// Kysely types of the tables the regions module owns (server/db/ownership.ts); re-exported by server/db/schema.ts.
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
