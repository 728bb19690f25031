// The application's clock. In production it is the machine's. A demo, a training session or a browser journey may
// pin "today" (LINDUNG_TODAY=YYYY-MM-DD): the clock then starts at noon Jakarta time of that day and runs on, so
// every date-dependent view (coverage on a date, lapse warnings, bills, dashboards) can be shown as of that day.

import { useClock } from '../../lib/rules/eligibility.ts';

export type Clock = () => Date;

let offsetMs = 0;

/** Pins today's date (Jakarta) for this process, or returns to the machine's clock with `undefined`. */
export function pinToday(date: string | undefined): void {
  offsetMs = date === undefined ? 0 : Date.parse(`${date}T05:00:00Z`) - Date.now();
}

/** Now, as the application sees it. */
export const systemClock: Clock = () => new Date(Date.now() + offsetMs);

// Every "today" default of the shared rules (contracts' "not in the future", eligibility) follows this clock.
useClock(systemClock);
