// The election roster guard (issue 18 §3): who of a programme's roster is covered for the service months still
// ahead, per village and TPS; "Usulkan semua" (every officer neither covered nor in process, for exactly those
// months, at their honorarium, through proposeWithWages); and the home page's countdown. "Covered" is asked of the
// one definition, lindung_nik_covered, on the first day of each guarded month: an officer counts as covered only
// once BPJS accepted them (KPJ, coverage start) or another protection holds; a proposal in process is shown apart.
import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { ElectionOfficer, ElectionRoster, ProposeAllResult } from '../../../lib/contracts/election.ts';
import { currentMonthWib, firstDay, monthOf, todayWib, type Month } from '../../../lib/rules/eligibility.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { word } from '../../../lib/i18n/words.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { invalidField } from '../../platform/validation.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { scopeLabels } from '../regions/index.ts';
import { requireElection } from './election.import.ts';
import { ELECTION_WORDS } from './election.words.ts';
import { reasonText } from './enrollment.eligibility.ts';
import { requireEnrollmentReader, requireProposer } from './programs.policy.ts';
import type { ProgramRow } from './programs.repository.ts';
import { loadProgram, systemClock, type Clock } from './programs.service.ts';
import { proposeWithWages, wageProposalMonths } from './pu.proposals.ts';

const MAX_LISTED = 1000;

/** The service months still ahead (from this month on); all of them once the service is over. */
export function guardMonths(program: Pick<ProgramRow, 'service_months'>, now: Date): Month[] {
  const all = (program.service_months ?? []).map((m) => monthOf(String(m))).sort();
  const current = currentMonthWib(now);
  const ahead = all.filter((m) => m >= current);
  return ahead.length > 0 ? ahead : all;
}

/** Officers of the roster in scope, each with `covered` (one definition, every guarded month) and `in_process`. */
const officersSql = (programId: string, months: readonly Month[], scope: Scope) => sql`
  SELECT o.worker_id::text AS worker_id, o.village_code, o.tps, o.role, o.honorarium::text AS honorarium,
         o.roster_row, w.full_name, w.nik,
         NOT EXISTS (SELECT 1 FROM unnest(${months.map(firstDay)}::date[]) m WHERE NOT lindung_nik_covered(w.nik, m))
           AS covered,
         EXISTS (SELECT 1 FROM enrollment e
                 WHERE e.program_id = o.program_id AND e.worker_id = o.worker_id
                   AND e.status IN ('proposed', 'verified', 'submitted', 'active')) AS in_process
  FROM election_officer o JOIN worker_directory w ON w.id = o.worker_id
  WHERE o.program_id = ${programId}::bigint AND ${regionInScope('o.village_code', scope)}`;

type OfficerRow = {
  worker_id: string;
  village_code: string;
  tps: number | null;
  role: string;
  honorarium: string;
  roster_row: number;
  full_name: string;
  nik: string;
  covered: boolean;
  in_process: boolean;
};

async function officersOf(tx: Tx, scope: Scope, program: ProgramRow, months: readonly Month[]) {
  const r = await sql<OfficerRow>`${officersSql(program.id, months, scope)} ORDER BY o.roster_row`.execute(tx);
  return r.rows;
}

type Counts = { officers: number; covered: number; inProcess: number; uncovered: number };
const zero = (): Counts => ({ officers: 0, covered: 0, inProcess: 0, uncovered: 0 });
function add(c: Counts, o: OfficerRow) {
  c.officers += 1;
  if (o.covered) c.covered += 1;
  else if (o.in_process) c.inProcess += 1;
  else c.uncovered += 1;
}

export async function electionRoster(
  db: Db,
  ctx: RequestContext,
  programId: string,
  clock: Clock = systemClock,
): Promise<ElectionRoster> {
  const actor = requireEnrollmentReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await loadProgram(tx, actor, programId);
    requireElection(program, actor);
    const months = guardMonths(program, clock());
    const rows = await officersOf(tx, actor.scope, program, months);
    const labels = await scopeLabels(tx, [...new Set(rows.map((r) => r.village_code))], actor.locale);
    const totals = zero();
    const villages = new Map<string, { counts: Counts; tps: Map<number | null, Counts> }>();
    for (const o of rows) {
      add(totals, o);
      const v = villages.get(o.village_code) ?? { counts: zero(), tps: new Map() };
      villages.set(o.village_code, v);
      add(v.counts, o);
      const t = v.tps.get(o.tps) ?? zero();
      v.tps.set(o.tps, t);
      add(t, o);
    }
    const label = (code: string) => labels.get(code) ?? code;
    const notCovered: ElectionOfficer[] = rows
      .filter((o) => !o.covered)
      .sort((a, b) => a.village_code.localeCompare(b.village_code) || (a.tps ?? 0) - (b.tps ?? 0))
      .slice(0, MAX_LISTED)
      .map((o) => ({
        workerId: o.worker_id,
        fullName: o.full_name,
        nikMasked: maskNik(o.nik),
        role: o.role as ElectionOfficer['role'],
        village: o.village_code,
        villageLabel: label(o.village_code),
        tps: o.tps,
        honorarium: Number(o.honorarium),
        inProcess: o.in_process,
      }));
    return {
      programId: program.id,
      programName: program.name,
      pollingDay: program.polling_day,
      serviceMonths: (program.service_months ?? []).map((m) => monthOf(String(m))),
      guardMonths: months,
      totals,
      villages: [...villages.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([village, v]) => ({
          village,
          villageLabel: label(village),
          ...v.counts,
          tps: [...v.tps.entries()]
            .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
            .map(([tps, counts]) => ({ tps, ...counts })),
        })),
      notCovered,
    };
  });
}

/**
 * "Usulkan semua": every officer of the roster in scope who is neither covered nor in process, in roster order, at
 * their honorarium, for exactly the guarded service months, in one set-based proposal under the programme's row lock
 * (quota and budget hold; who does not fit is named with the reason). `dryRun`: the same answer, nothing written.
 */
export async function proposeAllUncovered(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: { dryRun: boolean },
  clock: Clock = systemClock,
): Promise<ProposeAllResult> {
  const actor = requireProposer(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const program = await loadProgram(tx, actor, programId, { lock: !input.dryRun });
    requireElection(program, actor);
    const months = guardMonths(program, clock());
    const last = months[months.length - 1]!;
    if (last < currentMonthWib(clock()))
      throw invalidField(
        'id',
        word(ELECTION_WORDS.serviceOver, actor.locale, { program: program.name, last }),
        actor.locale,
        'params',
      );
    const officers = (await officersOf(tx, actor.scope, program, months)).filter((o) => !o.covered && !o.in_process);
    const run = wageProposalMonths(program, clock, months[0], last);
    const outcome = await proposeWithWages(
      db,
      tx,
      ctx,
      actor,
      program,
      officers.map((o) => ({ workerId: o.worker_id, wage: Number(o.honorarium) })),
      run,
      { dryRun: input.dryRun, auditNote: { election: 'usulkan_semua' } },
    );
    const names = new Map(officers.map((o) => [o.worker_id, o.full_name]));
    return {
      firstMonth: outcome.firstMonth,
      lastMonth: outcome.lastMonth,
      proposed: outcome.proposed.length,
      cost: outcome.cost,
      notProposed: outcome.notProposed.map((n) => ({
        workerId: n.workerId,
        fullName: names.get(n.workerId) ?? n.workerId,
        reasons: n.reasons.map((code) => reasonText(code, actor.locale)),
      })),
    };
  });
}

export type ElectionCountdownRow = {
  programId: string;
  programName: string;
  pollingDay: string | null;
  daysLeft: number | null;
  officers: number;
  uncovered: number;
};

/**
 * The home page's countdown, inside the caller's withScope transaction: per election programme in scope whose
 * service is not over and that has a roster, the days to polling day and the officers not yet covered (the one
 * definition) for the service months ahead.
 */
export async function electionCountdowns(tx: Tx, scope: Scope, now: Date): Promise<ElectionCountdownRow[]> {
  const current = firstDay(currentMonthWib(now));
  const today = todayWib(now);
  const programs = await tx
    .selectFrom('program')
    .selectAll()
    .where('category', '=', 'pu')
    .where('employer_kind', 'in', ['kpu', 'bawaslu'])
    .where(sql<boolean>`EXISTS (SELECT 1 FROM unnest(service_months) m WHERE m >= ${current}::date)`)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM election_officer o WHERE o.program_id = program.id)`)
    .orderBy('polling_day')
    .orderBy('id')
    .execute();
  const out: ElectionCountdownRow[] = [];
  for (const p of programs) {
    const months = guardMonths(p, now);
    const r = await sql<{ officers: string; uncovered: string }>`
      SELECT count(*)::text AS officers, count(*) FILTER (WHERE NOT covered)::text AS uncovered
      FROM (${officersSql(p.id, months, scope)}) x`.execute(tx);
    const days =
      p.polling_day === null ? null : Math.round((Date.parse(p.polling_day) - Date.parse(today)) / 86_400_000);
    out.push({
      programId: p.id,
      programName: p.name,
      pollingDay: p.polling_day,
      daysLeft: days,
      officers: Number(r.rows[0]?.officers ?? 0),
      uncovered: Number(r.rows[0]?.uncovered ?? 0),
    });
  }
  return out;
}
