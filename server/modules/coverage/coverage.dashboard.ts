// The dashboard of one region: counts, trend, children, segments, budget, quota and data quality in one answer.
import { inScope, levelOfCode } from '../../../lib/access/roles.ts';
import {
  COVERAGE_PEOPLE_READERS,
  COVERAGE_QUALITY_READERS,
  COVERAGE_READERS,
  QUALITY_METRICS,
  type ActiveCount,
  type Dashboard,
} from '../../../lib/contracts/coverage.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { programListQuery } from '../../../lib/contracts/programs.ts';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { requireRole } from '../access/index.ts';
import { billingByMonth } from '../billing/index.ts';
import { listPrograms, spendingInRegion } from '../programs/index.ts';
import { listChildren, scopeLabels } from '../regions/index.ts';
import { workforceBySegment } from '../workforce/index.ts';
import {
  assertRegion,
  countsIn,
  currentOf,
  defaultRegion,
  denominators,
  percent,
  segmentLabel,
  summaryIn,
} from './coverage.counts.ts';
import * as repo from './coverage.repository.ts';
import { word } from '../../../lib/i18n/words.ts';
import { COVERAGE_WORDS } from './coverage.words.ts';

/** Everything a dashboard shows for one region: a few rollup reads, the programmes' budget, labels. */
export async function dashboard(
  db: Db,
  ctx: RequestContext,
  q: { region?: string; month?: string },
): Promise<Dashboard> {
  const actor = requireRole(ctx, COVERAGE_READERS);
  const region = q.region ?? defaultRegion(actor);
  assertRegion(actor, region);
  const programs = await listPrograms(db, ctx, programListQuery.parse({ pageSize: 200 })).catch(() => null);
  // Budget absorption from the bills and payments of the year so far, when the role may read them.
  const monthFor = q.month ?? (await currentOf(db)).current;
  const bills = await billingByMonth(db, ctx, {
    region,
    fromMonth: `${monthFor.slice(0, 4)}-01`,
    toMonth: monthFor,
  }).catch(() => null);
  return withScope(db, actor.scope, async (tx) => {
    const summary = await summaryIn(tx, actor, region, q.month);
    const month = summary.month;
    const from = addMonths(month, -23);
    const level = levelOfCode(region);
    const childLevel =
      level === 'province' ? 'regency' : level === 'regency' ? 'district' : level === 'district' ? 'village' : null;
    const [trend, childRows, segments, categories, totals, childRegions, segmentDenoms, quality] = await Promise.all([
      countsIn(tx, { region, fromMonth: from, toMonth: month, by: 'total' }),
      childLevel ? countsIn(tx, { region, fromMonth: month, toMonth: month, by: 'child' }) : Promise.resolve([]),
      countsIn(tx, { region, fromMonth: month, toMonth: month, by: 'segment' }),
      countsIn(tx, { region, fromMonth: month, toMonth: month, by: 'category' }),
      repo.areaTotals(tx, region, month, month),
      childLevel ? listChildren(tx, region) : Promise.resolve([]),
      workforceBySegment(tx, region, Number(month.slice(0, 4))),
      COVERAGE_QUALITY_READERS.includes(actor.role) ? repo.qualityOf(tx, region) : Promise.resolve(null),
    ]);
    const years = [...new Set(trend.map((t) => Number(t.month.slice(0, 4))))];
    const employedByYear = new Map<number, number | null>();
    for (const y of years) employedByYear.set(y, (await denominators(tx, [region], y)).get(region)!.employed);
    const childDenoms = await denominators(
      tx,
      childRegions.map((c) => c.code),
      Number(month.slice(0, 4)),
    );
    const activeByChild = new Map(childRows.map((r) => [r.key, r.persons]));
    const children = childRegions
      .map((c) => {
        const active = activeByChild.get(c.code) ?? 0;
        const employed = childDenoms.get(c.code)?.employed ?? null;
        return {
          code: c.code,
          label: c.label,
          active,
          employed,
          coveragePercent: percent(active, employed),
          drillable: c.level !== 'village',
        };
      })
      .sort((a, b) => (b.coveragePercent ?? -1) - (a.coveragePercent ?? -1) || b.active - a.active);
    const unassigned = activeByChild.get(region);
    if (unassigned) {
      children.push({
        code: region,
        label: word(COVERAGE_WORDS.villageUnknown, actor.locale),
        active: unassigned,
        employed: null,
        coveragePercent: null,
        drillable: false,
      });
    }
    const relevant = (programs?.items ?? []).filter((p) => inScope(region, p.region) || inScope(p.region, region));
    // The region's own budget: programmes whose region lies inside it. A programme of a region above (the
    // regency's, seen from a district or village) is not this region's budget: only its share is shown.
    const own = relevant.filter((p) => inScope(region, p.region));
    const above = relevant.filter((p) => !inScope(region, p.region));
    const ceiling = own.reduce((s, p) => s + p.budgetCeiling, 0);
    const committed = own.reduce((s, p) => s + p.committed, 0);
    const share =
      above.length > 0
        ? await spendingInRegion(
            db,
            ctx,
            region,
            above.map((p) => p.id),
          )
        : null;
    const aboveCommitted = above.reduce((s, p) => s + p.committed, 0);
    const path = region.split('.').map((_, i, a) => a.slice(0, i + 1).join('.'));
    const pathLabels = await scopeLabels(tx, path, actor.locale);
    return {
      summary,
      path: path.map((code) => ({ code, label: shortLabel(pathLabels.get(code) ?? code) })),
      trend: trend.map((t) => ({
        month: t.month,
        active: t.persons,
        coveragePercent: percent(t.persons, employedByYear.get(Number(t.month.slice(0, 4))) ?? null),
      })),
      children,
      childLevel,
      bySegment: bySegment(segments, segmentDenoms, actor.locale),
      byCategory: categories.map((c) => ({ category: c.key, active: c.persons })),
      budget:
        own.length === 0
          ? null
          : bills
            ? {
                source: 'billing' as const,
                ceiling,
                committed,
                paid: bills.reduce((s, b) => s + b.paid, 0),
                absorptionPercent: percent(
                  bills.reduce((s, b) => s + b.paid, 0),
                  ceiling,
                ),
              }
            : {
                source: 'programs' as const,
                ceiling,
                committed,
                paid: null,
                absorptionPercent: percent(committed, ceiling),
              },
      budgetShare: share && {
        committed: share.committed,
        persons: share.persons,
        programmesCommitted: aboveCommitted,
        sharePercent: percent(share.committed, aboveCommitted),
        programmes: above.map((p) => p.name),
      },
      quota: relevant.map((p) => ({ id: p.id, name: p.name, quota: p.quota, filled: p.quotaFilled })),
      lapseRisk: totals[0]?.leavers ?? 0,
      // A village's registry is small (one index range); larger regions would count too many rows per page load.
      registered: level === 'village' ? await repo.registeredWorkers(tx, region) : null,
      canSeePeople: COVERAGE_PEOPLE_READERS.includes(actor.role),
      quality: quality && {
        computedAt: quality.computedAt?.toISOString() ?? null,
        items: QUALITY_METRICS.map((metric) => ({
          metric,
          count: quality.rows.find((r) => r.metric === metric)?.count ?? 0,
        })),
      },
    };
  });
}

/**
 * Active persons per segment with the segment's own denominator (BPS penduduk bekerja of the region and year) where
 * the workforce table has one; segments with a denominator and nobody active are listed with 0.
 */
function bySegment(
  counts: ActiveCount[],
  denoms: { segment: string; kind: string; persons: number }[],
  locale: Locale,
): Dashboard['bySegment'] {
  const employed = new Map(denoms.filter((d) => d.kind === 'employed').map((d) => [d.segment, d.persons]));
  const active = new Map(counts.map((c) => [c.key, c.persons]));
  const codes = [...new Set([...active.keys(), ...employed.keys()])];
  return codes
    .map((code) => {
      const n = active.get(code) ?? 0;
      const e = employed.get(code) ?? null;
      return {
        segment: code,
        label: segmentLabel(code, locale),
        active: n,
        employed: e,
        coveragePercent: percent(n, e),
      };
    })
    .sort((a, b) => b.active - a.active || (b.employed ?? -1) - (a.employed ?? -1) || a.label.localeCompare(b.label));
}

/** "Desa Trirenggo, Kec. Bantul, Kab. Bantul" → "Desa Trirenggo" (the breadcrumb shows one level per step). */
function shortLabel(full: string): string {
  return full.split(', ')[0] ?? full;
}
