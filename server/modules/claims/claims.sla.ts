// The claim service level (issue 15 §5): the holiday calendar (administrators edit it; weekends are never working
// days) and the job that marks claims whose last working day passed without a decision. The clock itself is set
// by the workflow (workflow.service.ts) with lib/rules/claim-workflow.ts's addWorkingDays.
import type { HolidayInput, HolidayList } from '../../../lib/contracts/claims-workflow.ts';
import { interpolate } from '../../../lib/i18n/locale.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/logger.ts';
import { requireRole } from '../access/index.ts';
import { requireClaimReader } from './claims.policy.ts';
import { HOLIDAY_TAKEN } from './claims.words.ts';
import * as repo from './workflow.repository.ts';

export const CLAIM_SLA_JOB = 'claims.sla';

/** `GET /api/claims/holidays`: the holidays from a year ago on. */
export async function listHolidays(db: Db, ctx: RequestContext): Promise<HolidayList> {
  const actor = requireClaimReader(ctx);
  const from = `${Number(todayWib(systemClock()).slice(0, 4)) - 1}-01-01`;
  const rows = await withScope(db, actor.scope, (tx) => repo.listHolidays(tx, from));
  return { items: rows.map((r) => ({ day: r.day, name: r.name, createdBy: r.created_by })) };
}

/** `POST /api/claims/holidays` (administrators). Claims already running keep their due date. */
export async function addHoliday(db: Db, ctx: RequestContext, input: HolidayInput): Promise<HolidayList> {
  const actor = requireRole(ctx, ['admin']);
  await withScope(db, actor.scope, async (tx) => {
    if (!(await repo.insertHoliday(tx, { day: input.day, name: input.name, created_by: actor.username }))) {
      throw new AppError('CONFLICT', { detail: interpolate(HOLIDAY_TAKEN[actor.locale], { day: input.day }) });
    }
    await writeAudit(tx, ctx, {
      action: 'claim.holiday.add',
      entity: 'claim_holiday',
      entityId: input.day,
      after: input,
    });
  });
  return listHolidays(db, ctx);
}

/** `DELETE /api/claims/holidays/:day` (administrators). */
export async function removeHoliday(db: Db, ctx: RequestContext, day: string): Promise<HolidayList> {
  const actor = requireRole(ctx, ['admin']);
  await withScope(db, actor.scope, async (tx) => {
    if (!(await repo.deleteHoliday(tx, day))) throw new AppError('NOT_FOUND', { entity: day });
    await writeAudit(tx, ctx, { action: 'claim.holiday.remove', entity: 'claim_holiday', entityId: day });
  });
  return listHolidays(db, ctx);
}

/**
 * Marks every claim whose service level (JKM payment, JKK status) ended before `today` without a decision, and every
 * JKK claim whose stage-I report was not there by its last day; audited per claim and deadline.
 */
export async function markSlaBreaches(db: Db, today: string = todayWib(systemClock())): Promise<number> {
  const ctx = systemContext(CLAIM_SLA_JOB);
  return withScope(db, '*', async (tx) => {
    const marked = [
      ...(await repo.markBreaches(tx, '*', today)).map((m) => ({
        action: 'claim.sla.breach',
        id: m.id,
        region: m.village_code,
        after: { sla_due_on: m.sla_due_on, today },
      })),
      ...(await repo.markReportBreaches(tx, '*', today)).map((m) => ({
        action: 'claim.sla.report_breach',
        id: m.id,
        region: m.village_code,
        after: { report_due_on: m.report_due_on, today },
      })),
    ];
    for (const m of marked) {
      await writeAudit(tx, ctx, {
        action: m.action,
        entity: 'claim',
        entityId: String(m.id),
        region: m.region,
        after: m.after,
      });
    }
    return marked.length;
  });
}

/** The hourly job (and at every start, catching up after downtime). */
export function registerClaimJobs(jobs: JobQueue, db: Db, log: Logger): void {
  jobs.register(
    CLAIM_SLA_JOB,
    async () => {
      const n = await markSlaBreaches(db);
      if (n > 0) log.info({ claims: n }, 'Klaim melewati batas layanan ditandai');
    },
    { maxAttempts: 1 },
  );
  jobs.every(CLAIM_SLA_JOB, 3_600, { atStart: true });
}
