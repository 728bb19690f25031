import type { ColumnType } from 'kysely';

/** A timestamptz column: read as a Date, written as a Date or an ISO string, defaulted on insert. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
