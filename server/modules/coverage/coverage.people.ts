// The people behind a figure: a page of them, or all of them (capped) as a streamed, audited XLSX.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  COVERAGE_PEOPLE_READERS,
  PEOPLE_EXPORT_MAX_ROWS,
  type PeopleExportQuery,
  type PeopleList,
  type PeopleQuery,
} from '../../../lib/contracts/coverage.ts';
import { MONTH_NAMES } from '../../../lib/i18n/months.ts';
import { monthIndex } from '../../../lib/rules/eligibility.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { requireRole } from '../access/index.ts';
import { scopeLabels } from '../regions/index.ts';
import { assertRegion, currentOf, segmentLabel } from './coverage.counts.ts';
import * as repo from './coverage.repository.ts';
import { addSafeRow, safeColumns } from '../../platform/spreadsheet/writer.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';
import { PEOPLE_INFO_WORDS, PEOPLE_WORDS } from './coverage.words.ts';
import { formatNumberIn } from '../../../lib/i18n/numbers.ts';

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
const monthWords = (m: string, locale: Locale) => `${MONTH_NAMES[locale][Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
const XLSX_TEXT = { numFmt: '@' } as const;
const INTL_LOCALE = { id: 'id-ID', en: 'en-GB' } as const satisfies Record<Locale, string>;

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
    const label = (await scopeLabels(tx, [q.region], actor.locale)).get(q.region) ?? q.region;
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
  const locale = actor.locale;
  const t = (w: Words) => word(w, locale);
  const p = PEOPLE_WORDS;
  const sheet = workbook.addWorksheet(t(p.sheet));
  sheet.columns = safeColumns([
    { header: t(p.no), key: 'no', width: 8 },
    { header: t(p.name), key: 'name', width: 30 },
    { header: t(p.nik), key: 'nik', width: 20, style: XLSX_TEXT },
    { header: t(p.code), key: 'code', width: 16, style: XLSX_TEXT },
    { header: t(p.region), key: 'region', width: 50 },
    { header: t(p.segment), key: 'segment', width: 26 },
    { header: t(p.category), key: 'category', width: 10 },
    { header: t(p.source), key: 'source', width: 16 },
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
          locale,
        );
        for (const r of page) {
          written += 1;
          const row = addSafeRow(sheet, {
            no: written,
            name: r.full_name,
            nik: maskNik(r.nik),
            code: r.region_code,
            region: labels.get(r.region_code) ?? r.region_code,
            segment: segmentLabel(r.segment, locale),
            category: r.category,
            source: r.worker_id ? 'Lindung' : t(p.sourceSnapshot),
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
  const number = (n: number) => formatNumberIn(n, locale);
  const cut = plan.total > plan.maxRows;
  if (cut) {
    addSafeRow(sheet, {
      name: word(p.truncated, locale, {
        written: number(written),
        total: number(plan.total),
        max: number(plan.maxRows),
      }),
    }).commit();
  }
  sheet.commit();

  const i = PEOPLE_INFO_WORDS;
  const info = workbook.addWorksheet(t(i.sheet));
  info.columns = safeColumns([
    { header: t(i.key), key: 'k', width: 24 },
    { header: t(i.value), key: 'v', width: 90 },
  ]);
  info.getRow(1).font = { bold: true };
  info.getRow(1).commit();
  const lines: [string, string | number][] = [
    [t(i.list), t(plan.filter.leavers ? i.leavers : i.active)],
    [t(i.region), `${plan.label} (${plan.filter.region})`],
    [t(i.month), monthWords(plan.month, locale)],
    [t(i.segment), plan.filter.segment === undefined ? t(i.all) : segmentLabel(plan.filter.segment, locale)],
    [t(i.category), plan.filter.category ?? t(i.all)],
    [t(i.total), plan.total],
    [t(i.written), written],
    [t(i.cap), word(i.capText, locale, { max: number(plan.maxRows) }) + t(cut ? i.capCut : i.capWhole)],
    [t(i.nik), t(i.nikText)],
    [t(i.by), actor.username],
    [
      t(i.at),
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Asia/Jakarta',
      }).format(new Date()) + ' WIB',
    ],
  ];
  for (const [k, v] of lines) addSafeRow(info, { k, v }).commit();
  info.commit();
  await workbook.commit();
}
