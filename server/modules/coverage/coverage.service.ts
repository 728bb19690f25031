import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { inScope, levelOfCode } from '../../../lib/access/roles.ts';
import {
  COVERAGE_PEOPLE_READERS,
  COVERAGE_QUALITY_READERS,
  COVERAGE_READERS,
  COVERAGE_REFRESHERS,
  FORMULAS,
  PEOPLE_EXPORT_MAX_ROWS,
  QUALITY_METRICS,
  type ActiveCount,
  type CoverageGrouping,
  type CoverageSummary,
  type Dashboard,
  type OpenData,
  type PeopleExportQuery,
  type PeopleList,
  type PeopleQuery,
} from '../../../lib/contracts/coverage.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { MONTH_NAMES } from '../../../lib/i18n/months.ts';
import { programListQuery } from '../../../lib/contracts/programs.ts';
import { addMonths, currentMonthWib, monthIndex } from '../../../lib/rules/eligibility.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { SEGMENTS, type SegmentCode } from '../../../lib/rules/segments.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';
import { billingByMonth } from '../billing/index.ts';
import { listPrograms, spendingInRegion } from '../programs/index.ts';
import { listChildren, scopeLabels } from '../regions/index.ts';
import { workforceBySegment, workforceFor } from '../workforce/index.ts';
import * as repo from './coverage.repository.ts';
import { addSafeRow, csvText, safeColumns, type CsvValue } from '../../platform/spreadsheet-writer.ts';

/** The rollups keep 60 months, ending with the month of their last full pass. */
export const WINDOW_MONTHS = 60;

function assertRegion(actor: Actor, region: string) {
  if (!levelOfCode(region)) throw new AppError('VALIDATION_FAILED', { detail: `kode wilayah ${region} tidak dikenal` });
  if (!inScope(actor.scope, region)) throw new AppError('OUT_OF_SCOPE', { region });
}

/** The month the rollups were last evaluated on ("this month" of the figures). */
async function currentOf(tx: Tx | Db): Promise<{ current: string; windowStart: string; asOf: string | null }> {
  const state = await repo.refreshState(tx);
  if (!state || state.as_of < '2001-01-01') {
    const current = currentMonthWib(systemClock());
    return { current, windowStart: addMonths(current, 1 - WINDOW_MONTHS), asOf: null };
  }
  return { current: state.as_of.slice(0, 7), windowStart: state.window_start.slice(0, 7), asOf: state.as_of };
}

const percent = (part: number, whole: number | null) =>
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

async function countsIn(
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

async function denominators(tx: Tx, regions: string[], year: number) {
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

async function summaryIn(tx: Tx, actor: Actor, region: string, month: string | undefined): Promise<CoverageSummary> {
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

function defaultRegion(actor: Actor): string {
  if (actor.scope !== '*') return actor.scope;
  throw new AppError('VALIDATION_FAILED', {
    detail: 'wilayah: pilih provinsi atau kabupaten/kota (misalnya ?wilayah=34) untuk melihat cakupannya',
  });
}

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
        label: actor.locale === 'en' ? 'Village unknown (BPJS data)' : 'Desa tidak diketahui (data BPJS)',
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

function segmentLabel(code: string, locale: Locale): string {
  if (code === '') return locale === 'en' ? 'Unknown' : 'Tidak diketahui';
  const def = SEGMENTS[code as SegmentCode];
  return def ? def.label[locale] : code;
}

/** The people behind a figure: active (or, with `leavers`, just lapsed or ended) persons of a region in a month. */
export async function coveragePeople(
  db: Db,
  ctx: RequestContext,
  q: PeopleQuery & { leavers?: boolean },
): Promise<PeopleList> {
  const actor = requireRole(ctx, COVERAGE_PEOPLE_READERS);
  assertRegion(actor, q.region);
  return withScope(db, actor.scope, async (tx) => {
    const window = await currentOf(tx);
    const month = q.month ?? window.current;
    const bit = monthIndex(month) - monthIndex(window.windowStart);
    if (bit < 0 || month > window.current) {
      return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    }
    const { rows, total } = await repo.people(tx, {
      region: q.region,
      bit,
      segment: q.segment,
      category: q.category,
      leavers: q.leavers ?? false,
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    });
    const labels = await scopeLabels(
      tx,
      rows.map((r) => r.region_code),
      actor.locale,
    );
    return {
      items: rows.map((r) => ({
        nik: maskNik(r.nik),
        name: r.full_name,
        regionCode: r.region_code,
        regionLabel: labels.get(r.region_code) ?? r.region_code,
        segment: segmentLabel(r.segment, actor.locale),
        category: r.category,
        source: r.worker_id ? ('registry' as const) : ('bpjs' as const),
        workerId: r.worker_id,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** Rows read per query while the XLSX streams: the keyset pages keep memory flat whatever the region's size. */
const EXPORT_CHUNK = 2_000;
const monthWords = (m: string) => `${MONTH_NAMES.id[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
const XLSX_TEXT = { numFmt: '@' } as const;

export type PeopleDownload = { fileName: string; stream: PassThrough; rows: number; total: number };

/**
 * The people behind a figure as an XLSX, with the list's filters, roles, scope and masked NIKs. The export is
 * audited (filters and row count) and committed before the first byte leaves; the rows are then read in keyset
 * pages and written row by row with exceljs's streaming writer (exceljs 4.4 zips the sheets with JSZip when the
 * workbook is committed, so the sheet XML of up to `maxRows` rows is held until then: the cap bounds it). At most
 * `maxRows` rows: the data sheet ends with a line saying so and the "Keterangan" sheet names the filters, the number
 * of persons and the cap.
 */
export async function coveragePeopleXlsx(
  db: Db,
  ctx: RequestContext,
  q: PeopleExportQuery,
  options: { maxRows?: number; chunk?: number } = {},
): Promise<PeopleDownload> {
  const maxRows = options.maxRows ?? PEOPLE_EXPORT_MAX_ROWS;
  const chunk = options.chunk ?? EXPORT_CHUNK;
  const actor = requireRole(ctx, COVERAGE_PEOPLE_READERS);
  assertRegion(actor, q.region);
  const plan = await withScope(db, actor.scope, async (tx) => {
    const window = await currentOf(tx);
    const month = q.month ?? window.current;
    const bit = monthIndex(month) - monthIndex(window.windowStart);
    const inWindow = bit >= 0 && month <= window.current;
    const filter = { region: q.region, bit, segment: q.segment, category: q.category, leavers: q.leavers ?? false };
    const total = inWindow ? await repo.peopleCount(tx, filter) : 0;
    const rows = Math.min(total, maxRows);
    const label = (await scopeLabels(tx, [q.region], 'id')).get(q.region) ?? q.region;
    await writeAudit(tx, ctx, {
      action: 'coverage.people.export',
      entity: 'coverage',
      entityId: null,
      region: q.region,
      after: {
        filters: {
          region: q.region,
          month,
          segment: q.segment ?? null,
          category: q.category ?? null,
          leavers: q.leavers ?? false,
        },
        rows,
        total,
        maxRows,
        truncated: total > maxRows,
      },
    });
    return { month, filter, inWindow, total, rows, label };
  });
  const stream = new PassThrough();
  writePeopleWorkbook(db, actor, { ...plan, maxRows, chunk }, stream).catch((err: unknown) =>
    stream.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  const suffix = q.leavers ? '-berhenti' : '';
  return {
    fileName: `peserta${suffix}-${q.region.replace(/\./g, '')}-${plan.month}.xlsx`,
    stream,
    rows: plan.rows,
    total: plan.total,
  };
}

async function writePeopleWorkbook(
  db: Db,
  actor: Actor,
  plan: {
    month: string;
    filter: { region: string; bit: number; segment?: string; category?: string; leavers: boolean };
    inWindow: boolean;
    total: number;
    rows: number;
    label: string;
    maxRows: number;
    chunk: number;
  },
  out: PassThrough,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Peserta');
  sheet.columns = safeColumns([
    { header: 'No', key: 'no', width: 8 },
    { header: 'Nama', key: 'name', width: 30 },
    { header: 'NIK (disamarkan)', key: 'nik', width: 20, style: XLSX_TEXT },
    { header: 'Kode wilayah', key: 'code', width: 16, style: XLSX_TEXT },
    { header: 'Wilayah', key: 'region', width: 50 },
    { header: 'Pekerjaan', key: 'segment', width: 26 },
    { header: 'Kategori', key: 'category', width: 10 },
    { header: 'Sumber', key: 'source', width: 16 },
  ]);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  if (plan.inWindow && plan.rows > 0) {
    await withScope(db, actor.scope, async (tx) => {
      let after: { region: string; nik: string } | null = null;
      while (written < plan.rows) {
        const page = await repo.peopleAfter(tx, {
          ...plan.filter,
          after,
          limit: Math.min(plan.chunk, plan.rows - written),
        });
        if (page.length === 0) break;
        const labels = await scopeLabels(
          tx,
          page.map((r) => r.region_code),
          'id',
        );
        for (const r of page) {
          written += 1;
          const row = addSafeRow(sheet, {
            no: written,
            name: r.full_name,
            nik: maskNik(r.nik),
            code: r.region_code,
            region: labels.get(r.region_code) ?? r.region_code,
            segment: segmentLabel(r.segment, 'id'),
            category: r.category,
            source: r.worker_id ? 'Lindung' : 'Snapshot BPJS',
          });
          row.getCell('nik').numFmt = '@';
          row.getCell('code').numFmt = '@';
          row.commit();
        }
        const last = page[page.length - 1]!;
        after = { region: last.region_code, nik: last.nik };
      }
    });
  }
  const number = (n: number) => n.toLocaleString('id-ID');
  const cut = plan.total > plan.maxRows;
  if (cut) {
    addSafeRow(sheet, {
      name:
        `Dipotong: berkas ini memuat ${number(written)} baris pertama dari ${number(plan.total)} orang ` +
        `(batas ${number(plan.maxRows)} baris per berkas). Persempit filter (wilayah, pekerjaan, kategori) ` +
        'untuk mengunduh sisanya.',
    }).commit();
  }
  sheet.commit();

  const info = workbook.addWorksheet('Keterangan');
  info.columns = safeColumns([
    { header: 'Keterangan', key: 'k', width: 24 },
    { header: 'Isi', key: 'v', width: 90 },
  ]);
  info.getRow(1).font = { bold: true };
  info.getRow(1).commit();
  const lines: [string, string | number][] = [
    ['Daftar', plan.filter.leavers ? 'Peserta yang berhenti aktif pada bulan ini' : 'Peserta aktif (sekali per NIK)'],
    ['Wilayah', `${plan.label} (${plan.filter.region})`],
    ['Bulan', monthWords(plan.month)],
    ['Pekerjaan', plan.filter.segment === undefined ? 'Semua' : segmentLabel(plan.filter.segment, 'id')],
    ['Kategori', plan.filter.category ?? 'Semua'],
    ['Jumlah orang', plan.total],
    ['Baris dalam berkas', written],
    [
      'Batas baris',
      `Paling banyak ${number(plan.maxRows)} baris per berkas` +
        (cut ? ': daftar ini DIPOTONG, persempit filter untuk sisanya.' : '; daftar ini lengkap.'),
    ],
    ['NIK', 'Disamarkan (6 angka awal dan 4 angka akhir), sesuai UU 27/2022 tentang Pelindungan Data Pribadi.'],
    ['Diunduh oleh', actor.username],
    [
      'Diunduh pada',
      new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(
        new Date(),
      ) + ' WIB',
    ],
  ];
  for (const [k, v] of lines) addSafeRow(info, { k, v }).commit();
  info.commit();
  await workbook.commit();
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
