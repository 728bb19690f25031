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
