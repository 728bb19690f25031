// Reading enrollments: a programme's list with each one's protection, the gaps per village, one worker's
// enrollments (the "Data saya" export).
import type {
  Enrollment,
  EndReason,
  EnrollmentListQuery,
  EnrollmentStatus,
  GapList,
} from '../../../lib/contracts/programs.ts';
import { monthIndex, monthOf, periodIndex, todayWib } from '../../../lib/rules/eligibility.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import type { SegmentCode } from '../../../lib/rules/segments.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { scopeLabels } from '../regions/index.ts';
import type * as repo from './programs.repository.ts';
import { requireEnrollmentReader, requireProgramReader } from './programs.policy.ts';
import { countersOf, loadProgram, periodOf, systemClock, type Clock } from './programs.service.ts';
import * as workers from './programs.workers.ts';

function presentEnrollment(
  row: workers.ListedEnrollment,
  program: repo.ProgramRow,
  labels: Map<string, string>,
): Enrollment {
  const counters = countersOf(program);
  const from = periodIndex(periodOf(program), monthOf(row.first_month));
  const months = Math.max(0, monthIndex(monthOf(row.last_month)) - monthIndex(monthOf(row.first_month)) + 1);
  // A PU enrollment is priced at its own wage (issue 18 §1); a BPU one at the programme's package.
  const prices = row.price_by_month?.map(Number) ?? counters.prices;
  const cost = prices.slice(from, from + months).reduce((a, b) => a + b, 0);
  return {
    id: row.id,
    programId: row.program_id,
    workerId: row.worker_id,
    fullName: row.full_name,
    nikMasked: maskNik(row.nik),
    village: row.village_code,
    villageLabel: labels.get(row.village_code) ?? row.village_code,
    segment: row.segment as SegmentCode,
    status: row.status as EnrollmentStatus,
    firstMonth: monthOf(row.first_month),
    lastMonth: monthOf(row.last_month),
    months,
    cost,
    wage: row.wage === null ? null : Number(row.wage),
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at.toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    rejectReason: row.reject_reason,
    endReason: row.end_reason as EndReason | null,
    endNote: row.end_note,
    batchId: row.batch_id,
    kpjNumber: row.kpj_number,
    coverageStart: row.coverage_start,
    coverageState: row.coverage_state,
  };
}

export async function listEnrollments(
  db: Db,
  ctx: RequestContext,
  programId: string,
  query: EnrollmentListQuery,
  clock: Clock = systemClock,
) {
  const actor = requireEnrollmentReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await loadProgram(tx, actor, programId);
    const { items, total } = await workers.listEnrollments(tx, actor.scope, program.id, query, todayWib(clock()));
    const labels = await scopeLabels(tx, [...new Set(items.map((i) => i.village_code))], actor.locale);
    return {
      items: items.map((i) => presentEnrollment(i, program, labels)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

/** Registered workers of the target segments not yet enrolled, per village (aggregates only). */
export async function programGaps(db: Db, ctx: RequestContext, programId: string): Promise<GapList> {
  const actor = requireProgramReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await loadProgram(tx, actor, programId);
    const rows = await workers.gapsByVillage(tx, actor.scope, {
      id: program.id,
      region: program.region_code,
      targetSegments: program.target_segments,
    });
    const labels = await scopeLabels(
      tx,
      rows.map((r) => r.village_code),
      actor.locale,
    );
    const items = rows.map((r) => {
      const registered = Number(r.registered);
      const enrolled = Number(r.enrolled);
      return {
        village: r.village_code,
        villageLabel: labels.get(r.village_code) ?? r.village_code,
        registered,
        enrolled,
        gap: registered - enrolled,
      };
    });
    const sum = (k: 'registered' | 'enrolled' | 'gap') => items.reduce((a, i) => a + i[k], 0);
    return { items, totals: { registered: sum('registered'), enrolled: sum('enrolled'), gap: sum('gap') } };
  });
}

/** Every enrollment of one worker in the actor's scope, with its programme's name (the "Data saya" export). */
export async function workerEnrollments(db: Db, ctx: RequestContext, workerId: string) {
  const actor = requireEnrollmentReader(ctx);
  return withScope(db, actor.scope, (tx) =>
    tx
      .selectFrom('enrollment as e')
      .innerJoin('program as p', 'p.id', 'e.program_id')
      .where(() => regionInScope('e.village_code', actor.scope))
      .where('e.worker_id', '=', workerId)
      .select([
        'p.name as program',
        'e.status',
        'e.first_month as firstMonth',
        'e.last_month as lastMonth',
        'e.kpj_number as kpj',
        'e.coverage_start as coverageStart',
        'e.paid_through as paidThrough',
        'e.proposed_at as proposedAt',
        'e.decided_at as decidedAt',
        'e.reject_reason as rejectReason',
        'e.end_reason as endReason',
        'e.batch_id as batchId',
      ])
      .orderBy('e.first_month')
      .execute(),
  );
}
