import type { CoverageCheckQuery, CoverageCheckResult, CoverageSource } from '../../../lib/contracts/billing.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { monthOf } from '../../../lib/rules/eligibility.ts';
import { coverageReason } from '../../../lib/rules/lapse.ts';
import { maskNik, validateNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import type { Scope } from '../../../lib/access/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { regionCodeSets } from '../regions/index.ts';
import * as repo from './billing.repository.ts';
import { requireCoverageChecker } from './billing.policy.ts';
import { word } from '../../../lib/i18n/words.ts';
import { BILLING_WORDS } from './billing.words.ts';

export const BPJS_PROGRAM_LABEL: Record<Locale, string> = { id: 'BPJS mandiri/lainnya', en: 'BPJS self-paid/other' };

/**
 * Is the person with this NIK protected on this date? Looks at their programme enrollments registered with BPJS
 * (active or ended) and their rows in the current BPJS snapshots the actor may see, judges each with
 * lindung_coverage_state at the date, and answers covered when any is 'covered' (and the person was alive), with
 * one sentence saying why. For a scoped caller the verdict also counts every other region's participations (through
 * lindung_nik_covered) without naming them; "registered" speaks of the caller's region only. Audited as a view of
 * personal data; the HTTP route limits lookups per user. Claims rely on it.
 */
export async function checkCoverage(
  db: Db,
  ctx: RequestContext,
  query: CoverageCheckQuery,
  options: { locale?: Locale } = {},
): Promise<CoverageCheckResult> {
  const actor = requireCoverageChecker(ctx);
  const locale = options.locale ?? actor.locale;
  const sets = await regionCodeSets(db);
  const checked = validateNik(query.nik, {
    provinceExists: (c) => sets.provinces.has(c),
    districtExists: (c) => sets.districts.has(c),
  });
  const error = checked.issues.find((i) => i.severity === 'error');
  if (checked.nik === null || error) {
    throw new AppError('COVERAGE_NIK_INVALID', {
      detail: error?.message[locale] ?? word(BILLING_WORDS.nikInvalid, locale),
    });
  }
  const nik = checked.nik;
  return withScope(db, actor.scope, async (tx) => {
    const rows = await repo.participationsOf(tx, actor.scope, nik, query.date);
    // Only the caller's own region says "registered": the registry of other regions is not theirs to probe.
    const registered =
      rows.some((r) => r.worker_id !== null) || (await repo.nikRegisteredInScope(tx, actor.scope, nik));
    const anywhere = actor.scope === '*' ? null : await repo.nikCoveredAnywhere(tx, nik, query.date);
    const v = verdict(nik, query.date, rows, registered, anywhere, locale);
    await writeAudit(tx, ctx, {
      action: 'coverage.check',
      entity: 'worker',
      entityId: rows.find((r) => r.worker_id !== null)?.worker_id ?? null,
      region: rows.find((r) => r.village_code !== null)?.village_code ?? (actor.scope === '*' ? null : actor.scope),
      after: { nik: maskNik(nik), date: query.date, covered: v.covered, outside_scope: v.outsideScope },
    });
    return { covered: v.covered, programs: v.programs, reason: v.reason };
  });
}

/** The coverage answer for one (NIK, date), with the facts a caller may keep about it. */
export type CoverageVerdict = CoverageCheckResult & {
  /** A registry worker with this NIK is in the caller's scope (or one of its participations names one). */
  registered: boolean;
  deathDate: string | null;
  /** The verdict came from a participation outside the caller's scope. */
  outsideScope: boolean;
};

/**
 * The one judgment of the coverage check, from the participations judged by lindung_coverage_state at the date:
 * covered when any is 'covered' and the person was alive. For a scoped caller the verdict is `coveredAnywhere`
 * (every region's facts, lindung_nik_covered); null for the national scope, whose own rows are every region's.
 */
function verdict(
  nik: string,
  date: string,
  rows: readonly repo.ParticipationRow[],
  registeredInScope: boolean,
  coveredAnywhere: boolean | null,
  locale: Locale,
): CoverageVerdict {
  const registered = registeredInScope || rows.some((r) => r.worker_id !== null);
  const deathDate = rows.find((r) => r.life_status === 'deceased')?.death_date ?? null;
  const programs: CoverageSource[] = rows.map((r) => ({
    program: r.program_name ?? BPJS_PROGRAM_LABEL[locale],
    source: r.source,
    kpj: r.kpj_number,
    state: r.state,
    paidThrough: r.paid_through ? monthOf(r.paid_through) : null,
    coverageStart: r.coverage_start,
    coverageEnd: r.coverage_end ? monthOf(r.coverage_end) : null,
    lapseDate: r.lapse_date,
  }));
  const alive = deathDate === null || date <= deathDate;
  const coveredHere = alive && programs.some((p) => p.state === 'covered');
  // Outside a national scope, the verdict comes from every region's facts (a programme or snapshot of another
  // regency counts), while the details stay those the caller may see.
  const covered = coveredAnywhere ?? coveredHere;
  const nikMasked = maskNik(nik);
  const facts = { date, nikMasked, registered, deathDate, participations: programs };
  const reason =
    covered === coveredHere
      ? coverageReason(facts, covered, locale)
      : covered
        ? coveredElsewhereReason(nikMasked, locale)
        : notCoveredReason(nikMasked, locale);
  return { covered, programs, reason, registered, deathDate, outsideScope: covered !== coveredHere };
}

/**
 * The coverage check for a list of (NIK, date) pairs, set-based, inside the caller's withScope transaction (a list
 * of deaths and accidents): the same judgment as checkCoverage, each pair at its own date. Keyed `nik|date`. The
 * caller checks its role and audits the list it reads this for; NIKs must already be valid.
 */
export async function coverageAtDates(
  tx: Tx,
  scope: Scope,
  pairs: readonly repo.NikAt[],
  locale: Locale,
): Promise<Map<string, CoverageVerdict>> {
  const [rows, facts] = await Promise.all([
    repo.participationsAtDates(tx, scope, pairs),
    repo.nikFactsAtDates(tx, scope, pairs),
  ]);
  const byPair = new Map<string, repo.ParticipationRow[]>();
  for (const r of rows) {
    const key = `${r.nik}|${r.at}`;
    byPair.set(key, [...(byPair.get(key) ?? []), r]);
  }
  const out = new Map<string, CoverageVerdict>();
  for (const f of facts) {
    const key = `${f.nik}|${f.at}`;
    out.set(
      key,
      verdict(f.nik, f.at, byPair.get(key) ?? [], f.registered, scope === '*' ? null : f.covered_anywhere, locale),
    );
  }
  return out;
}

/** Covered through a participation outside the caller's region: no programme, region or registration named. */
function coveredElsewhereReason(nikMasked: string, locale: Locale): string {
  return word(BILLING_WORDS.coveredElsewhere, locale, { nik: nikMasked });
}

/** Not covered, while the caller's own data alone would say covered (e.g. a death recorded in another region). */
function notCoveredReason(nikMasked: string, locale: Locale): string {
  return word(BILLING_WORDS.notCovered, locale, { nik: nikMasked });
}
