import { systemClock } from '../../platform/clock.ts';
import { TODO_BY_ROLE, TODO_RECENT_DAYS, type HomeTodo, type TodoKey } from '../../../lib/contracts/home.ts';
import { LAPSE_READERS } from '../../../lib/contracts/billing.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { countLockedUsers, requireActor, requireRole } from '../access/index.ts';
import { listLapseWarnings } from '../billing/index.ts';
import { latestSnapshotDate } from '../exchange/index.ts';
import { countFailedImports } from '../imports/index.ts';
import { electionCountdowns, enrollmentWork } from '../programs/index.ts';
import type { ElectionCountdown } from '../../../lib/contracts/election.ts';
import { PROGRAM_READERS } from '../../../lib/contracts/programs.ts';
import { countFailedReports } from '../reports/index.ts';

export type Clock = () => Date;

/**
 * What waits for the signed-in person in their region scope (the home page's to-do list): only the counts of their
 * role (`TODO_BY_ROLE`), each read by the owning module from a small index, in one scoped transaction; the lapse
 * warnings (operators: a village or a district) through the billing module's own list.
 */
export async function homeTodo(db: Db, ctx: RequestContext, clock: Clock = systemClock): Promise<HomeTodo> {
  const actor = requireActor(ctx);
  const keys = TODO_BY_ROLE[actor.role];
  const now = clock();
  const today = todayWib(now);
  const since = new Date(now.getTime() - TODO_RECENT_DAYS * 86_400_000);
  const wants = (...k: TodoKey[]) => k.some((key) => keys.includes(key));

  const counts = new Map<TodoKey, number>();
  let lastSnapshot: string | null = null;
  await withScope(db, actor.scope, async (tx) => {
    if (wants('proposalsToVerify', 'enrollmentsToSend', 'batchesWaiting', 'proposalsWaiting', 'proposalsRejected')) {
      const work = await enrollmentWork(tx, actor.scope, since);
      counts.set('proposalsToVerify', work.proposed);
      counts.set('proposalsWaiting', work.proposed);
      counts.set('enrollmentsToSend', work.verified);
      counts.set('batchesWaiting', work.batchesWaiting);
      counts.set('proposalsRejected', work.rejectedSince);
    }
    if (wants('snapshotDue')) {
      lastSnapshot = await latestSnapshotDate(tx, actor.scope);
      // Each month's snapshot is due once the month has begun.
      counts.set('snapshotDue', lastSnapshot !== null && lastSnapshot >= `${today.slice(0, 7)}-01` ? 0 : 1);
    }
    if (wants('lockedUsers')) counts.set('lockedUsers', await countLockedUsers(tx, actor.scope));
    if (wants('failedImports')) counts.set('failedImports', await countFailedImports(tx, actor.scope, since));
    if (wants('failedReports')) counts.set('failedReports', await countFailedReports(tx, actor.scope, since));
  });
  if (wants('lapseWarnings') && LAPSE_READERS.includes(actor.role)) {
    const lapse = await listLapseWarnings(db, ctx, { page: 1, pageSize: 1 }, clock);
    counts.set('lapseWarnings', lapse.counts.lapsed + lapse.counts.soon);
  }
  return {
    items: keys.flatMap((key) => (counts.has(key) ? [{ key, count: counts.get(key)! }] : [])),
    lastSnapshot,
    today,
  };
}

/**
 * The Disnaker dashboard's election countdown (issue 18 §3): per election officers' programme in scope whose service
 * is not over, the days to polling day and the officers not yet covered, as the programmes module counts them.
 */
export async function homeElections(
  db: Db,
  ctx: RequestContext,
  clock: Clock = systemClock,
): Promise<ElectionCountdown> {
  const actor = requireRole(ctx, PROGRAM_READERS);
  const now = clock();
  return withScope(db, actor.scope, async (tx) => ({
    today: todayWib(now),
    items: await electionCountdowns(tx, actor.scope, now),
  }));
}
