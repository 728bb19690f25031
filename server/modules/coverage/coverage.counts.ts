// The coverage figures every use case shares: the rollups' window and current month, active counts from the
// rollups, the workforce denominators (through the workforce module) and a region's summary.
import { inScope, levelOfCode } from '../../../lib/access/roles.ts';
import {
  FORMULAS,
  type ActiveCount,
  type CoverageGrouping,
  type CoverageSummary,
} from '../../../lib/contracts/coverage.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { addMonths, currentMonthWib, monthIndex } from '../../../lib/rules/eligibility.ts';
import { SEGMENTS, type SegmentCode } from '../../../lib/rules/segments.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeLabels } from '../regions/index.ts';
import { workforceFor } from '../workforce/index.ts';
import * as repo from './coverage.repository.ts';
import { word } from '../../../lib/i18n/words.ts';
import { COVERAGE_WORDS } from './coverage.words.ts';

/** The rollups keep 60 months, ending with the month of their last full pass. */
export const WINDOW_MONTHS = 60;

export function assertRegion(actor: Actor, region: string) {
  if (!levelOfCode(region)) throw new AppError('VALIDATION_FAILED', { detail: `kode wilayah ${region} tidak dikenal` });
  if (!inScope(actor.scope, region)) throw new AppError('OUT_OF_SCOPE', { region });
}

/** The month the rollups were last evaluated on ("this month" of the figures). */
export async function currentOf(tx: Tx | Db): Promise<{ current: string; windowStart: string; asOf: string | null }> {
  const state = await repo.refreshState(tx);
  if (!state || state.as_of < '2001-01-01') {
    const current = currentMonthWib(systemClock());
    return { current, windowStart: addMonths(current, 1 - WINDOW_MONTHS), asOf: null };
  }
  return { current: state.as_of.slice(0, 7), windowStart: state.window_start.slice(0, 7), asOf: state.as_of };
}

export const percent = (part: number, whole: number | null) =>
  whole && whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null;

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

function clampRange(from: string, to: string, window: { current: string; windowStart: string }) {
  if (from > to) throw new AppError('VALIDATION_FAILED', { detail: `bulan awal ${from} sesudah bulan akhir ${to}` });
  if (monthIndex(to) - monthIndex(from) >= WINDOW_MONTHS) {
    throw new AppError('VALIDATION_FAILED', { detail: `rentang paling panjang ${WINDOW_MONTHS} bulan` });
  }
  return {
    from: from < window.windowStart ? window.windowStart : from,
    to: to > window.current ? window.current : to,
  };
}

export async function countsIn(
  tx: Tx,
  q: { region: string; fromMonth: string; toMonth: string; by: CoverageGrouping },
): Promise<ActiveCount[]> {
  const window = await currentOf(tx);
  const { from, to } = clampRange(q.fromMonth, q.toMonth, window);
  if (from > to) return [];
  if (q.by === 'total') {
    const rows = await repo.areaTotals(tx, q.region, from, to);
    const byMonth = new Map(rows.map((r) => [r.month.slice(0, 7), r.persons]));
    return monthsBetween(from, to).map((m) => ({ month: m, key: q.region, persons: byMonth.get(m) ?? 0 }));
  }
  if (q.by === 'child') {
    const [total, children] = await Promise.all([
      repo.areaTotals(tx, q.region, from, to),
      repo.childTotals(tx, q.region, from, to),
    ]);
    const out: ActiveCount[] = children.map((r) => ({
      month: r.month.slice(0, 7),
      key: r.area_code,
      persons: r.persons,
    }));
    // Persons known only at this region's level (a BPJS row without a known village) are keyed by the region.
    for (const t of total) {
      const month = t.month.slice(0, 7);
      const rest = t.persons - out.filter((o) => o.month === month).reduce((s, o) => s + o.persons, 0);
      if (rest > 0) out.push({ month, key: q.region, persons: rest });
    }
    return out.sort((a, b) => a.month.localeCompare(b.month) || a.key.localeCompare(b.key));
  }
  const rows = await repo.totalsBy(tx, q.region, from, to, q.by);
  return rows.map((r) => ({ month: r.month.slice(0, 7), key: r.key, persons: r.persons }));
}

export async function denominators(tx: Tx, regions: string[], year: number) {
  const rows = await workforceFor(tx, regions, year);
  const out = new Map<string, { employed: number | null; bpuUniverse: number | null }>();
  for (const code of regions) out.set(code, { employed: null, bpuUniverse: null });
  for (const r of rows) {
    const d = out.get(r.region_code)!;
    if (r.kind === 'employed') d.employed = r.persons;
    else d.bpuUniverse = r.persons;
  }
  return out;
}

export async function summaryIn(
  tx: Tx,
  actor: Actor,
  region: string,
  month: string | undefined,
): Promise<CoverageSummary> {
  const window = await currentOf(tx);
  const m = month ?? window.current;
  const [total, byCategory, labels, denoms] = await Promise.all([
    countsIn(tx, { region, fromMonth: m, toMonth: m, by: 'total' }),
    countsIn(tx, { region, fromMonth: m, toMonth: m, by: 'category' }),
    scopeLabels(tx, [region], actor.locale),
    denominators(tx, [region], Number(m.slice(0, 4))),
  ]);
  const active = total[0]?.persons ?? 0;
  const activeBpu = byCategory.find((r) => r.key === 'BPU')?.persons ?? 0;
  const d = denoms.get(region)!;
  return {
    region,
    regionLabel: labels.get(region) ?? region,
    level: levelOfCode(region) ?? 'region',
    month: m,
    active,
    activeBpu,
    denominators: d,
    coveragePercent: percent(active, d.employed),
    bpuCoveragePercent: percent(activeBpu, d.bpuUniverse),
    formulas: { total: FORMULAS.total.id, bpu: FORMULAS.bpu.id },
    asOf: window.asOf,
  };
}

export function defaultRegion(actor: Actor): string {
  if (actor.scope !== '*') return actor.scope;
  throw new AppError('VALIDATION_FAILED', {
    detail: 'wilayah: pilih provinsi atau kabupaten/kota (misalnya ?wilayah=34) untuk melihat cakupannya',
  });
}

export function segmentLabel(code: string, locale: Locale): string {
  if (code === '') return word(COVERAGE_WORDS.segmentUnknown, locale);
  const def = SEGMENTS[code as SegmentCode];
  return def ? def.label[locale] : code;
}
