// A fixed "today" for date-dependent tests (issue 13 §10): the application clock (platform/clock.ts) is pinned for
// the whole test file, so the server's answers and the test's expectations are computed from the same day, whatever
// the machine's date (the first of a month, a new year, a Sunday).
import { pinToday, systemClock, type Clock } from '../platform/clock.ts';

/** Mid-July 2026: inside a programme year, far from month and year ends. */
export const FIXED_TODAY = '2026-07-15';

export interface FixedClock {
  /** YYYY-MM-DD in Jakarta. */
  today: string;
  /** YYYY-MM. */
  month: string;
  /** The pinned application clock (noon WIB of `today`, running on). */
  clock: Clock;
}

/** Pins the application clock of this test file's process to `date` and returns its facts. */
export function pinTestToday(date: string = FIXED_TODAY): FixedClock {
  pinToday(date);
  return { today: date, month: date.slice(0, 7), clock: systemClock };
}
