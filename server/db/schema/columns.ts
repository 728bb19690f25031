import type { ColumnType } from 'kysely';

/** A timestamptz column: read as a Date, written as a Date or an ISO string, defaulted on insert. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A read view's row type: the selected columns of a table, read-only (no insert, no update). */
export type ReadView<T, K extends keyof T> = {
  readonly [C in K]: ColumnType<T[C] extends ColumnType<infer S, unknown, unknown> ? S : T[C], never, never>;
};
