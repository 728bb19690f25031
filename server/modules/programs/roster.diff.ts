// The diff of a payroll roster against a PU programme's current cohort (issue 18 §2), read inside the caller's
// transaction: joiners (on the roster, not in the cohort), leavers (in the cohort and not on the roster, or whose
// end date has passed) and wage changes (on both, another wage), each with what it does to the money the programme
// holds. Pure reads; roster.service.ts applies a chosen part of it.
import { sql } from 'kysely';
import type { RosterRow } from '../../../lib/contracts/roster.ts';
import {
  addMonths,
  currentMonthWib,
  lastMonthOf,
  monthIndex,
  monthOf,
  periodIndex,
  todayWib,
  type Month,
} from '../../../lib/rules/eligibility.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db.ts';
import type { IssueList } from '../../platform/spreadsheet/fields.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import type * as repo from './programs.repository.ts';
import { periodOf, type Clock } from './programs.service.ts';
import { costOver, priceWages, type WagePrice } from './pu.pricing.ts';
import { wageProposalMonths } from './pu.proposals.ts';
import * as workers from './programs.workers.ts';
import { filled, ROSTER_WORDS } from './roster.words.ts';

export type CohortMember = {
  enrollment_id: string;
  worker_id: string;
  nik: string;
  full_name: string;
  status: string;
  wage: string | null;
  first_month: string;
  last_month: string;
  price_by_month: string[] | null;
  worker_by_month: string[] | null;
};

export type Joiner = {
  row: RosterRow;
  workerId: string | null;
  /** Not in the registry before this roster: registered when accepted. */
  newWorker: boolean;
  first: Month;
  last: Month;
  cost: number;
};
export type Leaver = {
  member: CohortMember;
  action: 'end' | 'reject';
  lastMonth: Month;
  release: number;
  why: 'not_in_roster' | 'end_date_passed';
  row: number | null;
};
export type WageChange = {
  member: CohortMember;
  row: RosterRow;
  newWage: number;
  fromIndex: number;
  delta: number;
};

export type RosterDiff = {
  joiners: Joiner[];
  leavers: Leaver[];
  wageChanges: WageChange[];
  unchanged: number;
  /** Every wage of the roster priced once over the programme's period. */
  prices: Map<number, WagePrice>;
  months: ReturnType<typeof wageProposalMonths>;
};

/** The open enrollments of the programme with their worker (the cohort a roster is compared with). */
export async function cohortOf(tx: Tx, actor: Actor, programId: string): Promise<CohortMember[]> {
  const r = await sql<CohortMember>`
    SELECT e.id AS enrollment_id, e.worker_id, w.nik, w.full_name, e.status, e.wage, e.first_month::text,
           e.last_month::text, e.price_by_month, e.worker_by_month
    FROM enrollment e JOIN worker_directory w ON w.id = e.worker_id
    WHERE e.program_id = ${programId}::bigint AND e.status IN ('proposed', 'verified', 'submitted', 'active')
      AND ${regionInScope('e.village_code', actor.scope)}
    ORDER BY w.name_key, e.id`.execute(tx);
  return r.rows;
}

/** NIKs registered, but outside the caller's scope or merged into another record. */
async function takenElsewhere(tx: Tx, niks: readonly string[]): Promise<Set<string>> {
  if (niks.length === 0) return new Set();
  const r = await sql<{ nik: string }>`
    SELECT n AS nik FROM unnest(${[...niks]}::text[]) AS n WHERE lindung_nik_taken(n)`.execute(tx);
  return new Set(r.rows.map((x) => x.nik));
}

/** The villages among `codes` that exist today inside the caller's scope. */
async function villagesInScope(tx: Tx, actor: Actor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const r = await sql<{ code: string }>`
    SELECT code FROM region_directory
    WHERE code = ANY (${[...new Set(codes)]}::text[]) AND level = 'village' AND valid_to IS NULL
      AND ${regionInScope('code', actor.scope)}`.execute(tx);
  return new Set(r.rows.map((x) => x.code));
}

const sum = (xs: readonly (string | number)[], from: number, to: number) =>
  xs.slice(from, to + 1).reduce<number>((a, b) => a + Number(b), 0);

/**
 * Compares the roster with the cohort. Rows that cannot join (unknown person without a village, registered
 * elsewhere, start after the period, end date passed) are added to `issues` with their row and column.
 */
export async function rosterDiff(
  db: Db,
  tx: Tx,
  actor: Actor,
  program: repo.ProgramRow,
  roster: readonly RosterRow[],
  issues: IssueList,
  clock: Clock,
  columns: { nik: string; village: string; start: string; end: string },
): Promise<RosterDiff> {
  const period = periodOf(program);
  const months = wageProposalMonths(program, clock);
  const today = todayWib(clock());
  const thisMonth = currentMonthWib(clock());
  const cohort = await cohortOf(tx, actor, program.id);
  const byNik = new Map(cohort.map((m) => [m.nik, m]));
  const rowByNik = new Map(roster.map((r) => [r.nik, r]));
  const prices = await priceWages(db, program, [...new Set(roster.flatMap((r) => (r.wage === null ? [] : [r.wage])))]);
  const within = (m: Month) =>
    Math.min(Math.max(monthIndex(m), monthIndex(addMonths(period.startMonth, -1))), monthIndex(lastMonthOf(period)));

  // Leavers: in the cohort, not on the roster or their end date has passed.
  const leavers: Leaver[] = [];
  for (const m of cohort) {
    const r = rowByNik.get(m.nik);
    const passed = r?.endDate != null && r.endDate < today;
    if (r && !passed) continue;
    const wanted = passed ? monthOf(r.endDate!) : thisMonth;
    const action = m.status === 'proposed' ? 'reject' : 'end';
    const first = monthOf(m.first_month);
    const oldLast = monthOf(m.last_month);
    // As the repository ends it: never later than it was to end, nor earlier than the month before it began.
    const idx = Math.max(Math.min(within(wanted), monthIndex(oldLast)), monthIndex(first) - 1);
    const lastMonth = addMonths(period.startMonth, idx - monthIndex(period.startMonth));
    const prices = m.price_by_month ?? program.price_by_month.map(String);
    const from = action === 'reject' ? periodIndex(period, first) : idx - monthIndex(period.startMonth) + 1;
    const release = from < 0 ? 0 : sum(prices, from, periodIndex(period, oldLast));
    leavers.push({
      member: m,
      action,
      lastMonth: action === 'reject' ? addMonths(first, -1) : lastMonth,
      release,
      why: passed ? 'end_date_passed' : 'not_in_roster',
      row: r?.row ?? null,
    });
  }
  const leaving = new Set(leavers.map((l) => l.member.nik));

  // Wage changes: on both, with a readable wage that differs; the new wage holds from this month on.
  const wageChanges: WageChange[] = [];
  let unchanged = 0;
  for (const r of roster) {
    const m = byNik.get(r.nik);
    if (!m || leaving.has(r.nik)) continue;
    if (r.wage === null || Number(m.wage) === r.wage || m.price_by_month === null) {
      unchanged += 1;
      continue;
    }
    const fromIndex = Math.max(months.fromIndex, periodIndex(period, monthOf(m.first_month)));
    const lastIndex = periodIndex(period, monthOf(m.last_month));
    if (lastIndex < fromIndex) {
      unchanged += 1;
      continue;
    }
    const delta = sum(prices.get(r.wage)!.prices, fromIndex, lastIndex) - sum(m.price_by_month, fromIndex, lastIndex);
    wageChanges.push({ member: m, row: r, newWage: r.wage, fromIndex, delta });
  }

  // Joiners: on the roster, not in the cohort.
  const newcomers = roster.filter((r) => !byNik.has(r.nik) && r.wage !== null);
  const found = await workers.workersByNik(
    tx,
    actor.scope,
    newcomers.map((r) => r.nik),
  );
  const idByNik = new Map(found.map((w) => [w.nik, w.id]));
  const unknown = newcomers.filter((r) => !idByNik.has(r.nik));
  const elsewhere = await takenElsewhere(
    tx,
    unknown.map((r) => r.nik),
  );
  const villages = await villagesInScope(
    tx,
    actor,
    unknown.flatMap((r) => (r.villageCode ? [r.villageCode] : [])),
  );
  const joiners: Joiner[] = [];
  for (const r of newcomers) {
    const workerId = idByNik.get(r.nik) ?? null;
    if (workerId === null) {
      if (elsewhere.has(r.nik)) {
        issues.add(r.row, columns.nik, ROSTER_WORDS.elsewhere);
        continue;
      }
      if (r.villageCode === null) {
        issues.add(r.row, columns.village, ROSTER_WORDS.villageMissing);
        continue;
      }
      if (!villages.has(r.villageCode)) {
        issues.add(r.row, columns.village, filled(ROSTER_WORDS.villageOutside, { village: r.villageCode }));
        continue;
      }
    }
    if (r.endDate !== null && r.endDate < today) {
      issues.add(r.row, columns.end, filled(ROSTER_WORDS.endPassed, { date: r.endDate }));
      continue;
    }
    const start = r.startDate === null ? months.first : monthOf(r.startDate);
    const first = start > months.first ? start : months.first;
    const end = r.endDate === null ? months.last : monthOf(r.endDate);
    const last = end < months.last ? end : months.last;
    if (first > last) {
      issues.add(r.row, columns.start, filled(ROSTER_WORDS.startAfterPeriod, { start: first, end: last }));
      continue;
    }
    const cost = costOver(prices.get(r.wage!)!, periodIndex(period, first), periodIndex(period, last));
    joiners.push({ row: r, workerId, newWorker: workerId === null, first, last, cost });
  }
  return { joiners, leavers, wageChanges, unchanged, prices, months };
}
