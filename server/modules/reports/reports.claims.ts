// The claims part of the monthly report (issue 15 §8): benefits delivered ("manfaat yang sudah dirasakan") per
// programme, funder and region with their words, claims by stage, service-level compliance, and the protection gap.
// The figures come from the claims module's index.ts (claimsFigures), January to the reported month; this file only
// lays them out, as a PDF section and as one XLSX sheet.
import type ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ClaimFigures, FigureGroup } from '../../../lib/contracts/claims-figures.ts';
import { formatNumber, formatRupiah } from '../../../lib/rules/money.ts';
import { terbilangRupiah } from '../../../lib/rules/terbilang.ts';
import { addSafeRow, safeColumns } from '../../platform/spreadsheet/writer.ts';
import { word } from '../../../lib/i18n/words.ts';
import { REPORTS_WORDS } from './reports.words.ts';

/** Stage names as the report prints them (Indonesian document). */
const STAGE_LABEL: Record<string, string> = {
  reported: 'Dilaporkan',
  complete: 'Berkas lengkap',
  handed: 'Diserahkan ke BPJS',
  returned: 'Dikembalikan untuk perbaikan',
  paid: 'Dibayar',
  rejected: 'Ditolak',
  closed: 'Selesai',
};

const th = (text: string): TableCell => ({ text, style: 'th' });
const right = (text: string): TableCell => ({ text, alignment: 'right' });
const pct = (n: number | null) => (n === null ? '-' : `${n.toFixed(2).replace('.', ',')}%`);

function groupTable(title: string, rows: FigureGroup[], amountHeader: string): Content {
  const body: TableCell[][] = [
    [th(title), th('Klaim'), th(amountHeader)],
    ...rows.map((g): TableCell[] => [g.label, right(formatNumber(g.claims)), right(formatRupiah(g.amount))]),
  ];
  return {
    table: { headerRows: 1, widths: ['*', 50, 110], body },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}

/** The PDF section (heading given by the caller). */
export function claimsSection(c: ClaimFigures | undefined, periodLabel: string): Content[] {
  if (!c) return [{ text: 'Angka klaim tidak tersedia untuk laporan ini.', italics: true }];
  const delivered: Content = {
    text: [
      `Manfaat yang sudah dirasakan (${periodLabel}): `,
      { text: `${formatRupiah(c.delivered.amount)} (${c.delivered.words})`, bold: true },
      ` untuk ${formatNumber(c.delivered.claims)} klaim yang dibayar BPJS Ketenagakerjaan. `,
      `Klaim dilaporkan: ${formatNumber(c.reported)}, di antaranya ${formatNumber(c.facilitated)} peserta tertanggung.`,
    ],
    margin: [0, 0, 0, 6],
  };
  const sla: Content = {
    text:
      c.sla.decided > 0
        ? `Layanan klaim JKM (3 hari kerja sejak berkas lengkap): ${formatNumber(c.sla.onTime)} dari ` +
          `${formatNumber(c.sla.decided)} tepat waktu (${pct(c.sla.percentOnTime)}); ${formatNumber(c.sla.late)} ` +
          `terlambat; ${formatNumber(c.sla.overdue)} sekarang lewat batas dan masih menunggu.`
        : `Belum ada klaim dengan batas layanan yang diputus dalam periode ini; ${formatNumber(c.sla.overdue)} ` +
          'sekarang lewat batas dan masih menunggu.',
    margin: [0, 0, 0, 6],
  };
  const gap: Content = {
    text: [
      `Kejadian orang yang tidak tertanggung: ${formatNumber(c.gaps.events)}; manfaat yang tidak diterima keluarga `,
      { text: `${formatRupiah(c.gaps.missed)} (${c.gaps.words})`, bold: true },
      ' (dihitung dengan aturan manfaat yang sama, PP 44/2015 jo. PP 82/2019).',
    ],
    margin: [0, 4, 0, 6],
  };
  const stages = c.byStage.map((s) => `${STAGE_LABEL[s.stage] ?? s.stage}: ${formatNumber(s.claims)}`).join('; ');
  return [
    delivered,
    ...(c.byProgram.length ? [groupTable('Program', c.byProgram, 'Dibayar')] : []),
    ...(c.byFunder.length ? [groupTable('Pendanaan', c.byFunder, 'Dibayar')] : []),
    ...(c.byRegion.length ? [groupTable('Wilayah', c.byRegion, 'Dibayar')] : []),
    { text: `Klaim menurut tahap: ${stages || '-'}.`, margin: [0, 0, 0, 6] },
    sla,
    gap,
    ...(c.gaps.byReason.length ? [groupTable('Alasan tidak tertanggung', c.gaps.byReason, 'Manfaat hilang')] : []),
  ];
}

/** The XLSX sheet "Klaim". */
export function claimsSheet(wb: ExcelJS.Workbook, c: ClaimFigures | undefined, periodLabel: string): void {
  if (!c) return;
  const sheet = wb.addWorksheet(word(REPORTS_WORDS.sheets.claims, 'id'));
  sheet.columns = safeColumns([
    { key: 'a', width: 44 },
    { key: 'b', width: 12 },
    { key: 'c', width: 20 },
    { key: 'd', width: 80 },
  ]);
  const title = addSafeRow(sheet, [`Klaim JKK/JKM dan manfaat yang sudah dirasakan, ${periodLabel}`]);
  title.font = { bold: true };
  const line = (label: string, claims: number | null, amount: number | null, note = '') => {
    const row = addSafeRow(sheet, [label, claims, amount, note]);
    row.getCell(2).numFmt = '#,##0';
    row.getCell(3).numFmt = '"Rp"#,##0';
  };
  const head = (label: string, third = 'Rupiah') => {
    addSafeRow(sheet, []);
    addSafeRow(sheet, [label, 'Klaim', third, 'Terbilang']).font = { bold: true };
  };
  head('Ringkasan');
  line('Manfaat yang sudah dirasakan (dibayar BPJS)', c.delivered.claims, c.delivered.amount, c.delivered.words);
  line('Klaim dilaporkan', c.reported, null);
  line('Klaim peserta tertanggung', c.facilitated, null);
  line('Tak terlindungi: manfaat yang hilang', c.gaps.events, c.gaps.missed, c.gaps.words);
  const groups = (label: string, rows: FigureGroup[]) => {
    head(label);
    for (const g of rows) line(g.label, g.claims, g.amount, terbilangRupiah(g.amount));
  };
  groups('Per program', c.byProgram);
  groups('Per pendanaan', c.byFunder);
  groups('Per wilayah', c.byRegion);
  groups('Tak terlindungi per alasan', c.gaps.byReason);
  head('Per tahap', '');
  for (const s of c.byStage) line(STAGE_LABEL[s.stage] ?? s.stage, s.claims, null);
  head('Layanan klaim JKM (3 hari kerja)', '');
  line('Diputus dengan batas layanan', c.sla.decided, null);
  line('Tepat waktu', c.sla.onTime, null, c.sla.percentOnTime === null ? '' : pct(c.sla.percentOnTime));
  line('Terlambat', c.sla.late, null);
  line('Sekarang lewat batas, masih menunggu', c.sla.overdue, null);
}
