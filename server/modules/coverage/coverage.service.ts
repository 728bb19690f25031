// Active counts and summaries by region and month, the refresh on request, and the open data.
import {
  COVERAGE_READERS,
  COVERAGE_REFRESHERS,
  FORMULAS,
  type ActiveCount,
  type CoverageGrouping,
  type CoverageSummary,
  type OpenData,
} from '../../../lib/contracts/coverage.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { requireRole } from '../access/index.ts';
import { scopeLabels } from '../regions/index.ts';
import { assertRegion, countsIn, currentOf, defaultRegion, percent, summaryIn } from './coverage.counts.ts';
import * as repo from './coverage.repository.ts';
import { csvText, type CsvValue } from '../../platform/spreadsheet/writer.ts';

/**
 * Distinct persons (by NIK) active in each month from fromMonth to toMonth inside `region`, from the rollups.
 * Months after the rollups' current month and before their 60-month window are left out; `child` rows of persons
 * without a known village carry the region's own code as key.
 */
export async function activeCounts(
  db: Db,
  ctx: RequestContext,
  q: { region: string; fromMonth: string; toMonth: string; by: CoverageGrouping },
): Promise<ActiveCount[]> {
  const actor = requireRole(ctx, COVERAGE_READERS);
  assertRegion(actor, q.region);
  return withScope(db, actor.scope, (tx) => countsIn(tx, q));
}

/**
 * Coverage of one region (default: the actor's scope) in one month (default: the rollups' current month), with both
 * indicators, their denominators and formulas.
 */
export async function coverageSummary(
  db: Db,
  ctx: RequestContext,
  q: { region?: string; month?: string },
): Promise<CoverageSummary> {
  const actor = requireRole(ctx, COVERAGE_READERS);
  const region = q.region ?? defaultRegion(actor);
  assertRegion(actor, region);
  return withScope(db, actor.scope, (tx) => summaryIn(tx, actor, region, q.month));
}

/** Brings the rollups up to date now (the job also does this by itself); audited. */
export async function refreshCoverage(db: Db, ctx: RequestContext, options: { full?: boolean } = {}) {
  const actor = requireRole(ctx, COVERAGE_REFRESHERS);
  // Asked for by a person: the data-quality counts are brought up to date as well.
  const persons = await repo.refresh(db, { full: options.full ?? false, quality: true });
  return withScope(db, actor.scope, async (tx) => {
    await writeAudit(tx, ctx, {
      action: 'coverage.refresh',
      entity: 'coverage',
      entityId: null,
      region: actor.scope === '*' ? null : actor.scope,
      after: { persons, full: options.full ?? false },
    });
    return { persons, asOf: (await currentOf(tx)).asOf };
  });
}

/** Open data: per district (and segment) of the month, no personal data, every count from 1 to 4 withheld. */
export async function openCoverage(db: Db, q: { month?: string }): Promise<OpenData> {
  return withScope(db, '', async (tx) => {
    const window = await currentOf(tx);
    const month = q.month ?? window.current;
    const [totals, segments] = await Promise.all([repo.openTotals(tx, month), repo.openSegments(tx, month)]);
    const labels = await scopeLabels(
      tx,
      totals.map((t) => t.district_code),
      'id',
    );
    return {
      month,
      note:
        'Peserta aktif jaminan sosial ketenagakerjaan per kecamatan (dihitung sekali per NIK). Angka 1–4 ' +
        'disembunyikan (null) untuk melindungi data pribadi. ' +
        FORMULAS.total.id,
      districts: totals.map((t) => ({
        code: t.district_code,
        label: labels.get(t.district_code) ?? t.district_code,
        active: t.persons,
        employed: t.employed,
        coveragePercent: t.persons === null ? null : percent(t.persons, t.employed),
      })),
      segments: segments.map((s) => ({ districtCode: s.district_code, segment: s.segment, active: s.persons })),
    };
  });
}

export function openCoverageCsv(data: OpenData): string {
  const lines: CsvValue[][] = [
    ['bulan', 'kode_kecamatan', 'kecamatan', 'segmen', 'peserta_aktif', 'penduduk_bekerja', 'cakupan_persen'],
  ];
  for (const d of data.districts) {
    lines.push([data.month, d.code, d.label, 'semua', d.active, d.employed, d.coveragePercent]);
    for (const s of data.segments.filter((x) => x.districtCode === d.code)) {
      lines.push([data.month, d.code, d.label, s.segment || 'tidak_diketahui', s.active, '', '']);
    }
  }
  return csvText(lines, { separator: ',', bom: false, newline: '\n' });
}
