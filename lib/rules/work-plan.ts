// Joint work plans (issue 16 §3): how an action item stands against its due date. Pure, shared by server and web.

export type ItemStanding = 'done' | 'on_track' | 'at_risk' | 'behind' | 'late';
export type Trend = 'up' | 'down' | 'flat' | null;

/** Colour cut-offs of progress against the progress expected by today (linear from the plan's start to the due
 *  date): at least the expected share is on track, at least 70 % of it at risk, less is behind. */
export const AT_RISK_SHARE = 0.7;

const day = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);

/** The share of the time from `start` to `due` that has passed on `today` (0…1). */
export function elapsedShare(start: string, due: string, today: string): number {
  const span = day(due) - day(start);
  if (span <= 0) return today >= due ? 1 : 0;
  return Math.min(1, Math.max(0, (day(today) - day(start)) / span));
}

/** A computed item: its latest value against the target; a manual item: done or not (value 1/0, target 1). */
export function standing(i: {
  value: number;
  target: number;
  start: string;
  due: string;
  today: string;
}): ItemStanding {
  if (i.value >= i.target) return 'done';
  if (i.today > i.due) return 'late';
  const expected = i.target * elapsedShare(i.start, i.due, i.today);
  if (i.value >= expected) return 'on_track';
  if (i.value >= expected * AT_RISK_SHARE) return 'at_risk';
  return 'behind';
}

export const STANDING_COLOR: Readonly<Record<ItemStanding, string>> = {
  done: 'teal',
  on_track: 'green',
  at_risk: 'yellow',
  behind: 'orange',
  late: 'red',
};

/** The arrow against the previous computation. */
export function trend(latest: number | null, previous: number | null): Trend {
  if (latest === null || previous === null) return null;
  return latest > previous ? 'up' : latest < previous ? 'down' : 'flat';
}
