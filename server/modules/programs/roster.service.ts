// "Impor daftar gaji" of a PU programme (issue 18 §2): the preview reads the roster with the importer's cell rules
// and runs the very acceptance in one transaction that is rolled back; the acceptance (Disnaker/admin) takes the
// whole diff or a chosen part in ONE transaction: registers persons not yet in the registry (the registry's own
// set-based write, the user's channel), ends leavers, re-prices wage changes from this month on, proposes joiners at
// their wages through proposeWithWages (quota and budget guards), and audits each step. Any error: nothing stays.
import type { RosterAcceptRequest, RosterRow, RosterView } from '../../../lib/contracts/roster.ts';
import { word } from '../../../lib/i18n/words.ts';
import { REASON_MESSAGES, addMonths, committedOf, monthOf, periodIndex } from '../../../lib/rules/eligibility.ts';
import { maskNik, validateNik, type NikContext } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { IssueList } from '../../platform/spreadsheet/fields.ts';
import { fileLimits } from '../../platform/spreadsheet/index.ts';
import { invalidField } from '../../platform/validation.ts';
import { regionCodeSets } from '../regions/index.ts';
import { assertManages, requireProgramManager } from './programs.policy.ts';
import * as repo from './programs.repository.ts';
import { constraintError, countersOf, loadProgram, periodOf, systemClock, type Clock } from './programs.service.ts';
import { proposeWithWages, type WageProposalOutcome } from './pu.proposals.ts';
import { PU_WORDS } from './pu.words.ts';
import { rosterDiff, type RosterDiff } from './roster.diff.ts';
import { readRosterFile, ROSTER_FIELDS } from './roster.file.ts';
import { registerRosterWorkers, repriceWages } from './roster.writes.ts';
import { ROSTER_WORDS } from './roster.words.ts';

type Choice = Omit<RosterAcceptRequest, 'roster'>;
type Columns = { nik: string; village: string; start: string; end: string };
const LABELS: Columns = {
  nik: ROSTER_FIELDS.nik.label,
  village: ROSTER_FIELDS.village.label,
  start: ROSTER_FIELDS.start.label,
  end: ROSTER_FIELDS.end.label,
};

class Preview extends Error {
  constructor(readonly view: RosterView) {
    super('preview');
  }
}

async function nikContext(db: Db, clock: Clock): Promise<NikContext> {
  const sets = await regionCodeSets(db);
  return {
    provinceExists: (c) => sets.provinces.has(c),
    districtExists: (c) => sets.districts.has(c),
    today: clock().toISOString().slice(0, 10),
  };
}

async function puProgram(tx: Tx, actor: Actor, programId: string, lock: boolean) {
  const program = await loadProgram(tx, actor, programId, { lock });
  assertManages(actor, program.region_code);
  if (program.category !== 'pu') {
    throw invalidField('programId', word(PU_WORDS.notPu, actor.locale, { program: program.name }), actor.locale);
  }
  return program;
}

/** Reads the roster file and shows what accepting it would do; nothing is kept. */
export async function previewRoster(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: { content: Buffer; fileName: string },
  clock: Clock = systemClock,
): Promise<RosterView> {
  const actor = requireProgramManager(ctx);
  // The programme first: a file sent to a programme outside the caller's area is refused before it is read.
  await withScope(db, actor.scope, (tx) => puProgram(tx, actor, programId, false));
  const file = await readRosterFile(
    input.content,
    input.fileName,
    fileLimits('proposal', actor.role),
    await nikContext(db, clock),
    actor.locale,
  );
  return runRoster(db, ctx, actor, programId, { ...file, columns: file.headers }, {}, true, clock);
}

/** Accepts the roster rows the preview returned, all of the diff or the chosen joiners, leavers and wage changes. */
export async function acceptRoster(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: RosterAcceptRequest,
  clock: Clock = systemClock,
): Promise<RosterView> {
  const actor = requireProgramManager(ctx);
  // The rows come back from the client: the NIK rules once more, one row per NIK.
  const nik = await nikContext(db, clock);
  const seen = new Set<string>();
  for (const r of input.roster) {
    const checked = validateNik(r.nik, nik);
    const bad = checked.nik === null || checked.issues.some((i) => i.severity === 'error') || seen.has(r.nik);
    if (bad) {
      const detail = word(ROSTER_WORDS.rowNik, actor.locale, { row: r.row, column: LABELS.nik });
      throw new AppError('VALIDATION_FAILED', { detail });
    }
    seen.add(r.nik);
  }
  const { roster, ...choice } = input;
  const issues = new IssueList(actor.locale);
  return runRoster(
    db,
    ctx,
    actor,
    programId,
    { rows: roster.length, roster, issues, columns: LABELS },
    choice,
    false,
    clock,
  );
}

/** The chosen part of a list: all when no keys are given; a key not in the list means the cohort changed meanwhile. */
function pick<T, K>(all: readonly T[], keys: readonly K[] | undefined, key: (t: T) => K, actor: Actor): T[] {
  if (keys === undefined) return [...all];
  const wanted = new Set(keys);
  const chosen = all.filter((t) => wanted.has(key(t)));
  if (chosen.length !== wanted.size) {
    throw new AppError('CONFLICT', { detail: word(ROSTER_WORDS.changedMeanwhile, actor.locale) });
  }
  return chosen;
}

async function runRoster(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  programId: string,
  file: { rows: number; roster: RosterRow[]; issues: IssueList; columns: Columns },
  choice: Choice,
  dryRun: boolean,
  clock: Clock,
): Promise<RosterView> {
  try {
    return await withScope(db, actor.scope, async (tx) => {
      let program = await puProgram(tx, actor, programId, !dryRun);
      const diff = await rosterDiff(db, tx, actor, program, file.roster, file.issues, clock, file.columns);
      const joiners = pick(diff.joiners, choice.joiners, (j) => j.row.row, actor);
      const leavers = pick(diff.leavers, choice.leavers, (l) => l.member.enrollment_id, actor);
      const wageChanges = pick(diff.wageChanges, choice.wageChanges, (w) => w.member.enrollment_id, actor);
      const committed = committedOf(countersOf(program));
      const note = word(ROSTER_WORDS.leftNote, actor.locale, { employer: program.employer_name ?? program.name });
      const applied = { registered: 0, proposed: 0, ended: 0, rejected: 0, repriced: 0 };
      let budgetFits = true;
      try {
        // 1. Persons not yet registered, with the same rules and the user's channel.
        const newIds = await registerRosterWorkers(
          tx,
          ctx,
          actor,
          program,
          joiners.flatMap((j) => (j.workerId ? [] : [j.row])),
        );
        applied.registered = newIds.size;
        for (const j of joiners) j.workerId ??= newIds.get(j.row.nik) ?? null;

        // 2. Leavers: proposals not yet verified are rejected, the others end ("withdrawn": left the employer).
        const rejectIds = leavers.filter((l) => l.action === 'reject').map((l) => l.member.enrollment_id);
        const rejected = await repo.transition(tx, actor.scope, program.id, {
          ids: rejectIds,
          from: ['proposed'],
          to: 'rejected',
          set: { decided_by: actor.username, decided_at: new Date(), reject_reason: note },
        });
        const byMonth = new Map<string, string[]>();
        for (const l of leavers.filter((x) => x.action === 'end'))
          byMonth.set(l.lastMonth, [...(byMonth.get(l.lastMonth) ?? []), l.member.enrollment_id]);
        const ended: string[] = [];
        for (const [lastMonth, ids] of byMonth) {
          const e = await repo.endEnrollments(tx, actor.scope, program.id, {
            ids,
            lastMonth: `${lastMonth}-01`,
            reason: 'withdrawn',
            note,
            by: actor.username,
          });
          ended.push(...e);
          if (!dryRun)
            await writeAudit(tx, ctx, {
              action: 'enrollment.end',
              entity: 'program',
              entityId: program.id,
              region: program.region_code,
              after: { ended: e, reason: 'withdrawn', lastMonth, note, roster: true },
            });
        }
        if (!dryRun && rejected.length > 0)
          await writeAudit(tx, ctx, {
            action: 'enrollment.reject',
            entity: 'program',
            entityId: program.id,
            region: program.region_code,
            after: { rejected, reason: note, roster: true },
          });
        applied.ended = ended.length;
        applied.rejected = rejected.length;

        // 3. Wage changes: the money trigger holds the new prices against the ceiling (or refuses them).
        const repriced = await repriceWages(tx, ctx, program, wageChanges, diff.prices, dryRun);
        applied.repriced = repriced.count;
        budgetFits = repriced.fits;
      } catch (err) {
        throw constraintError(err, program.name, actor.locale);
      }

      // 4. Joiners at their wages, one proposal per run of months, against the programme as it now stands.
      const outcome = new Map<string, WageProposalOutcome['notProposed'][number]['reasons']>();
      const runs = new Map<string, typeof joiners>();
      for (const j of joiners.filter((x) => x.workerId !== null)) {
        const key = `${j.first}|${j.last}`;
        runs.set(key, [...(runs.get(key) ?? []), j]);
      }
      const period = periodOf(program);
      for (const group of runs.values()) {
        program = await loadProgram(tx, actor, programId, { lock: !dryRun });
        const { first, last } = group[0]!;
        const months = { first, last, fromIndex: periodIndex(period, first), toIndex: periodIndex(period, last) };
        const rows = group.map((j) => ({ workerId: j.workerId!, wage: j.row.wage! }));
        const done = await proposeWithWages(db, tx, ctx, actor, program, rows, months, {
          dryRun,
          auditNote: { roster: true },
        });
        applied.proposed += done.proposed.length;
        for (const n of done.notProposed) outcome.set(n.workerId, n.reasons);
      }
      const short = [...outcome.values()].filter((r) => r.includes('QUOTA_FULL') || r.includes('BUDGET_EXCEEDED'));
      if (!dryRun && short.length > 0) {
        const code = short.some((r) => r.includes('QUOTA_FULL')) ? 'QUOTA_FULL' : 'BUDGET_EXCEEDED';
        throw new AppError(code, {
          program: program.name,
          detail: word(ROSTER_WORDS.notProposed, actor.locale, { n: short.length }),
        });
      }

      const view = viewOf(
        actor,
        file,
        diff,
        { joiners, leavers, wageChanges },
        outcome,
        program,
        committed,
        budgetFits,
      );
      if (dryRun) throw new Preview(view);
      await writeAudit(tx, ctx, {
        action: 'program.roster_accept',
        entity: 'program',
        entityId: program.id,
        region: program.region_code,
        after: {
          ...applied,
          rows: file.rows,
          joiners: joiners.map((j) => ({
            row: j.row.row,
            workerId: j.workerId,
            wage: j.row.wage,
            position: j.row.position,
            unit: j.row.unit,
          })),
          leavers: leavers.map((l) => ({ enrollmentId: l.member.enrollment_id, why: l.why, lastMonth: l.lastMonth })),
          wageChanges: wageChanges.map((w) => ({
            enrollmentId: w.member.enrollment_id,
            from: Number(w.member.wage),
            to: w.newWage,
          })),
          budget: view.budget,
        },
      });
      return { ...view, applied };
    });
  } catch (err) {
    if (err instanceof Preview) return err.view;
    throw err;
  }
}

function viewOf(
  actor: Actor,
  file: { rows: number; roster: RosterRow[]; issues: IssueList },
  diff: RosterDiff,
  chosen: Pick<RosterDiff, 'joiners' | 'leavers' | 'wageChanges'>,
  outcome: ReadonlyMap<string, WageProposalOutcome['notProposed'][number]['reasons']>,
  program: repo.ProgramRow,
  committed: number,
  wagesFit: boolean,
): RosterView {
  const reasonsOf = (workerId: string | null) =>
    (workerId === null ? [] : (outcome.get(workerId) ?? [])).map((code) => ({
      code,
      message: REASON_MESSAGES[code][actor.locale],
    }));
  const joinersCost = chosen.joiners.filter((j) => reasonsOf(j.workerId).length === 0).reduce((s, j) => s + j.cost, 0);
  const leaversRelease = -chosen.leavers.reduce((s, l) => s + l.release, 0);
  const wageDelta = chosen.wageChanges.reduce((s, w) => s + w.delta, 0);
  const ceiling = Number(program.budget_ceiling);
  const after = committed + joinersCost + leaversRelease + wageDelta;
  const issues = [...file.issues.items].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    rows: file.rows,
    issues,
    roster: file.roster,
    joiners: diff.joiners.map((j) => ({
      row: j.row.row,
      fullName: j.row.fullName,
      nikMasked: maskNik(j.row.nik),
      position: j.row.position,
      unit: j.row.unit,
      wage: j.row.wage!,
      firstMonth: j.first,
      lastMonth: j.last,
      cost: j.cost,
      newWorker: j.newWorker,
      reasons: reasonsOf(j.workerId),
    })),
    leavers: diff.leavers.map((l) => ({
      enrollmentId: l.member.enrollment_id,
      fullName: l.member.full_name,
      nikMasked: maskNik(l.member.nik),
      status: l.member.status,
      wage: l.member.wage === null ? null : Number(l.member.wage),
      lastMonth: l.lastMonth,
      release: l.release,
      why: l.why,
      row: l.row,
    })),
    wageChanges: diff.wageChanges.map((w) => ({
      enrollmentId: w.member.enrollment_id,
      row: w.row.row,
      fullName: w.member.full_name,
      nikMasked: maskNik(w.member.nik),
      oldWage: Number(w.member.wage),
      newWage: w.newWage,
      fromMonth: addMonths(monthOf(program.start_month), w.fromIndex),
      delta: w.delta,
    })),
    unchanged: diff.unchanged,
    budget: {
      ceiling,
      committed,
      joiners: joinersCost,
      leavers: leaversRelease,
      wageChanges: wageDelta,
      after,
      fits: wagesFit && after <= ceiling,
    },
    applied: null,
  };
}
