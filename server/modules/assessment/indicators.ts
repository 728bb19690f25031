// The indicators Lindung computes from its own data at a cut-off date (issue 17 §2): a small registry of named
// computations. A framework's computed indicator names one of these; each returns its figure and the rows behind it
// (the drill-down). Other modules' data is read only through their index.ts or their published views; "covered" is
// the coverage module's one definition. A figure that cannot be computed (nothing due, a role that may not read the
// source) is null and says why, never a made-up zero.
import { sql } from 'kysely';
import type { DrillRow } from '../../../lib/contracts/assessment.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { formatRupiah } from '../../../lib/rules/money.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { activeCounts, dashboard } from '../coverage/index.ts';
import { regionTargets } from '../targets/index.ts';
import { claimsFigures, listClaims } from '../claims/index.ts';
import { instrumentsInForce, villagesBriefed, workItemsDoneOnTime } from '../governance/index.ts';
import { complianceFigures } from '../employers/index.ts';
import { inScope } from '../../../lib/access/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { W, word } from './assessment.words.ts';

export type IndicatorContext = {
  db: Db;
  ctx: RequestContext;
  /** The regency assessed. */
  region: string;
  /** YYYY-MM-DD: figures as of this day (months: the cut-off's month). */
  cutoff: string;
  /** The calendar year of the cut-off: figures run from its 1 January to the cut-off. */
  year: number;
  locale: Locale;
};

export type Computed = { value: number | null; note: string; available: boolean; rows: DrillRow[] };
export type Computation = (c: IndicatorContext) => Promise<Computed>;

const round2 = (n: number) => Math.round(n * 100) / 100;
const monthOf = (date: string) => date.slice(0, 7);

// --- Coverage (the coverage and targets modules' figures) --------------------------------------------------------

const coverageWorkforce: Computation = async (c) => {
  const d = await dashboard(c.db, c.ctx, { region: c.region, month: monthOf(c.cutoff) });
  return {
    value: d.summary.coveragePercent,
    available: true,
    note: `${word(W.coverageNote, c.locale)} ${d.summary.month}: ${d.summary.active} / ${d.summary.denominators.employed ?? '–'}. ${d.summary.formulas.total}`,
    rows: d.children.map((ch) => ({
      key: ch.code,
      label: ch.label,
      value: ch.coveragePercent ?? 0,
      extra: `${ch.active} / ${ch.employed ?? '–'}`,
    })),
  };
};

const coverageTarget: Computation = async (c) => {
  const t = await regionTargets(c.db, c.ctx, c.region, c.year);
  const employed = t.targets.find((x) => x.kind === 'employed');
  return {
    value: employed?.achievedOfTarget ?? null,
    available: true,
    note: employed
      ? `${word(W.targetNote, c.locale)} ${employed.targetPercent}% (${employed.asOfMonth})`
      : word(W.noTarget, c.locale),
    rows: t.targets.map((x) => ({
      key: x.id,
      label: `${x.kind} ${x.year}: ${x.targetPercent}%`,
      value: x.achievedOfTarget ?? 0,
      extra: `${x.active} / ${x.targetPersons ?? '–'}`,
    })),
  };
};

const coverageGrowth: Computation = async (c) => {
  const from = `${c.year - 1}-12`;
  const counts = await activeCounts(c.db, c.ctx, {
    region: c.region,
    fromMonth: from,
    toMonth: monthOf(c.cutoff),
    by: 'total',
  });
  const first = counts[0];
  const last = counts[counts.length - 1];
  const value =
    first && last && first.persons > 0 ? round2(((last.persons - first.persons) / first.persons) * 100) : null;
  return {
    value,
    available: true,
    note: word(W.growthNote, c.locale),
    rows: counts.map((r) => ({ key: r.month, label: r.month, value: r.persons, extra: '' })),
  };
};

// --- APBD funding (the programmes' published views) ---------------------------------------------------------------

/** Segments that mark a programme's group; a programme for none of them counts as one for pekerja rentan. */
const GROUP_SEGMENTS = {
  non_asn: 'non_civil_servant',
  election: 'election_worker',
  rt_rw: 'neighbourhood_head',
  village_official: 'village_official',
} as const;
type Group = keyof typeof GROUP_SEGMENTS | 'vulnerable' | 'all';

type ProgramFigure = {
  id: string;
  name: string;
  dpa: string | null;
  ceiling: number;
  persons: number;
  segments: string[];
};

/**
 * Programmes paid from the regency's APBD whose period touches the award year up to the cut-off, with the persons
 * enrolled (proposed-only and rejected enrollments excluded) whose months touch that span.
 */
async function apbdPrograms(c: IndicatorContext): Promise<ProgramFigure[]> {
  const actor = c.ctx.actor!;
  const yearStart = `${c.year}-01-01`;
  return withScope(c.db, actor.scope, async (tx) => {
    const r = await sql<{
      id: string;
      name: string;
      dpa_reference: string | null;
      budget_ceiling: string;
      target_segments: string[];
      persons: string;
    }>`
      SELECT p.id, p.name, p.dpa_reference, p.budget_ceiling, p.target_segments,
             count(DISTINCT e.worker_id) FILTER (
               WHERE e.status IN ('submitted', 'active', 'ended')
                 AND e.first_month <= ${c.cutoff}::date AND e.last_month >= ${yearStart}::date
             ) AS persons
      FROM program_directory p
      LEFT JOIN enrollment_directory e ON e.program_id = p.id
      WHERE p.funder = 'apbd_regency' AND p.funder_region_code = ${c.region}
        AND p.start_month <= ${c.cutoff}::date
        AND (p.start_month + make_interval(months => p.months)) > ${yearStart}::date
        AND ${regionInScope('p.region_code', actor.scope)}
      GROUP BY p.id, p.name, p.dpa_reference, p.budget_ceiling, p.target_segments
      ORDER BY p.name, p.id`.execute(tx);
    return r.rows.map((p) => ({
      id: String(p.id),
      name: p.name,
      dpa: p.dpa_reference,
      ceiling: Number(p.budget_ceiling),
      persons: Number(p.persons),
      segments: p.target_segments,
    }));
  });
}

function inGroup(p: ProgramFigure, group: Group): boolean {
  if (group === 'all') return true;
  if (group === 'vulnerable') return !Object.values(GROUP_SEGMENTS).some((s) => p.segments.includes(s));
  return p.segments.includes(GROUP_SEGMENTS[group]);
}

const apbd =
  (group: Group, measure: 'persons' | 'rupiah'): Computation =>
  async (c) => {
    const programs = (await apbdPrograms(c)).filter((p) => inGroup(p, group));
    const value = programs.reduce((s, p) => s + (measure === 'persons' ? p.persons : p.ceiling), 0);
    return {
      value,
      available: true,
      note: word(measure === 'persons' ? W.apbdPersonsNote : W.apbdRupiahNote, c.locale),
      rows: programs.map((p) => ({
        key: p.id,
        label: p.name,
        value: measure === 'persons' ? p.persons : p.ceiling,
        extra: `${formatRupiah(p.ceiling)} · ${p.persons} · ${p.dpa ?? '–'}`,
      })),
    };
  };

// --- Claims (the claims module's list and its published figures) ----------------------------------------------

const claimsFacilitated: Computation = async (c) => {
  const rows: DrillRow[] = [];
  const yearStart = `${c.year}-01-01`;
  for (let page = 1; ; page += 1) {
    const list = await listClaims(c.db, c.ctx, { region: c.region, page, pageSize: 200 });
    for (const claim of list.items) {
      if (claim.eventDate < yearStart || claim.eventDate > c.cutoff) continue;
      rows.push({
        key: claim.id,
        label: `${claim.type} ${claim.eventDate}`,
        value: claim.estimateTotal,
        extra: claim.status,
      });
    }
    if (page * list.pageSize >= list.total) break;
  }
  return { value: rows.length, available: true, note: word(W.claimsNote, c.locale), rows };
};

const claimsBenefits: Computation = async (c) => {
  if (!c.ctx.actor) throw new AppError('UNAUTHENTICATED');
  if (!inScope(c.ctx.actor.scope, c.region)) throw new AppError('OUT_OF_SCOPE', { region: c.region });
  const f = await claimsFigures(c.db, c.region, { from: `${c.year}-01-01`, to: c.cutoff }, c.locale);
  return {
    value: f.delivered.amount,
    available: true,
    note: `${word(W.benefitsNote, c.locale)} ${f.delivered.claims} · ${f.delivered.words}`,
    rows: f.byProgram.map((g) => ({ key: g.key, label: g.label, value: g.amount, extra: String(g.claims) })),
  };
};

// --- Governance (the governance module's read functions) ---------------------------------------------------------

const percentOf = (part: number, whole: number) => (whole > 0 ? round2((part / whole) * 100) : null);

/** How an instrument of the governance register is named in figures and evidence: "PERBUP 12 <title>". */
export const instrumentLabel = (i: { kind: string; number: string | null; title: string }) =>
  `${i.kind.toUpperCase()} ${i.number ?? ''} ${i.title}`.replace(/\s+/g, ' ');

const regulationsInForce: Computation = async (c) => {
  const r = await instrumentsInForce(c.db, c.ctx, { region: c.region, at: c.cutoff });
  return {
    value: r.rows.length,
    available: true,
    note: `${word(W.regulationsNote, c.locale)} ${r.counts.map((k) => `${k.kind}: ${k.count}`).join(', ') || '–'}`,
    rows: r.rows.map((i) => ({
      key: i.id,
      label: instrumentLabel(i),
      value: 1,
      extra: i.effectiveFrom ?? i.signedOn ?? '',
    })),
  };
};

const workplanOnTime: Computation = async (c) => {
  const r = await workItemsDoneOnTime(c.db, c.ctx, { region: c.region, from: `${c.year}-01-01`, to: c.cutoff });
  const value = percentOf(r.doneOnTime, r.due);
  return {
    value,
    available: true,
    note: `${word(value === null ? W.nothingDue : W.workplanNote, c.locale)} ${r.doneOnTime} / ${r.due}`,
    rows: r.rows.map((i) => ({
      key: String(i.itemId),
      label: `${i.planTitle}: ${i.title}`,
      value: i.doneOnTime ? 1 : 0,
      extra: `${i.dueOn}${i.doneOn ? ` → ${i.doneOn}` : ''}`,
    })),
  };
};

const villagesBriefedPercent: Computation = async (c) => {
  const r = await villagesBriefed(c.db, c.ctx, { region: c.region, from: `${c.year}-01-01`, to: c.cutoff });
  const value = percentOf(r.briefed, r.villages);
  return {
    value,
    available: true,
    note: `${word(value === null ? W.nothingDue : W.briefedNote, c.locale)} ${r.briefed} / ${r.villages}`,
    rows: r.rows.map((v) => ({
      key: v.villageCode,
      label: v.villageName,
      value: v.meetings,
      extra: v.lastHeldOn ?? '',
    })),
  };
};

// --- Employers (the employers module's compliance figures, issue 21 §4) ------------------------------------------

/** Employers of the licensing list registered and paying, per the branch's latest employer snapshot. */
const employersPaying: Computation = async (c) => {
  if (!c.ctx.actor) throw new AppError('UNAUTHENTICATED');
  const f = await complianceFigures(c.db, c.ctx.actor.scope, c.region);
  const value = percentOf(f.paying, f.employers);
  const count = (key: string, label: { id: string; en: string }, n: number) => ({
    key,
    label: label[c.locale],
    value: n,
    extra: '',
  });
  return {
    value,
    available: true,
    note: `${word(value === null ? W.nothingDue : W.employersNote, c.locale)} ${f.paying} / ${f.employers} (${f.snapshotAsOf ?? '–'})`,
    rows: [
      count('paying', { id: 'Terdaftar dan membayar', en: 'Registered and paying' }, f.paying),
      count('arrears', { id: 'Menunggak', en: 'In arrears' }, f.arrears),
      count('partial', { id: 'Terdaftar sebagian', en: 'Registered partially' }, f.partial),
      count('not_registered', { id: 'Belum terdaftar', en: 'Not registered' }, f.notRegistered),
    ],
  };
};

/** APBD construction projects whose workers are registered under Jakon (certificate recorded). */
const projectsWithJakon: Computation = async (c) => {
  if (!c.ctx.actor) throw new AppError('UNAUTHENTICATED');
  const f = await complianceFigures(c.db, c.ctx.actor.scope, c.region);
  const value = percentOf(f.projectsWithJakon, f.projects);
  return {
    value,
    available: true,
    note: `${word(value === null ? W.nothingDue : W.projectsNote, c.locale)} ${f.projectsWithJakon} / ${f.projects}`,
    rows: [],
  };
};

export const COMPUTATIONS: ReadonlyMap<string, Computation> = new Map<string, Computation>([
  ['coverage.workforce_percent', coverageWorkforce],
  ['coverage.target_achieved_percent', coverageTarget],
  ['coverage.growth_percent', coverageGrowth],
  ['apbd.non_asn.persons', apbd('non_asn', 'persons')],
  ['apbd.non_asn.rupiah', apbd('non_asn', 'rupiah')],
  ['apbd.vulnerable.persons', apbd('vulnerable', 'persons')],
  ['apbd.vulnerable.rupiah', apbd('vulnerable', 'rupiah')],
  ['apbd.election.persons', apbd('election', 'persons')],
  ['apbd.election.rupiah', apbd('election', 'rupiah')],
  ['apbd.rt_rw.persons', apbd('rt_rw', 'persons')],
  ['apbd.rt_rw.rupiah', apbd('rt_rw', 'rupiah')],
  ['apbd.village_official.persons', apbd('village_official', 'persons')],
  ['apbd.village_official.rupiah', apbd('village_official', 'rupiah')],
  ['apbd.all.persons', apbd('all', 'persons')],
  ['apbd.all.rupiah', apbd('all', 'rupiah')],
  ['claims.facilitated', claimsFacilitated],
  ['claims.benefits_rupiah', claimsBenefits],
  ['governance.regulations_in_force', regulationsInForce],
  ['governance.workplan_on_time_percent', workplanOnTime],
  ['governance.villages_briefed_percent', villagesBriefedPercent],
  ['employers.paying_percent', employersPaying],
  ['employers.projects_with_jakon_percent', projectsWithJakon],
]);

export const COMPUTATION_NAMES: readonly string[] = [...COMPUTATIONS.keys()];

/** Runs one computation; a source the preparer's role may not read is reported as unavailable, not as zero. */
export async function compute(name: string, c: IndicatorContext): Promise<Computed> {
  const run = COMPUTATIONS.get(name);
  if (!run) return { value: null, available: false, note: word(W.unknownComputation, c.locale), rows: [] };
  try {
    return await run(c);
  } catch (err) {
    if (err instanceof Error && 'code' in err && (err.code === 'FORBIDDEN' || err.code === 'OUT_OF_SCOPE')) {
      return { value: null, available: false, note: word(W.notReadable, c.locale), rows: [] };
    }
    throw err;
  }
}
