// XLSX export of the claim list (the same filters as the page), through the one workbook writer.
import ExcelJS from 'exceljs';
import type { ClaimSummary } from '../../../lib/contracts/claims.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { dateName } from '../../../lib/rules/lapse.ts';
import { addSafeRow } from '../../platform/spreadsheet/writer.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const GAP = {
  id: {
    not_enrolled: 'Tidak terdaftar sebagai peserta',
    not_started: 'Kepesertaan belum mulai',
    lapsed: 'Kepesertaan nonaktif (menunggak)',
    ended: 'Kepesertaan sudah berakhir',
    after_death: 'Setelah tanggal kematian tercatat',
  },
  en: {
    not_enrolled: 'Not enrolled',
    not_started: 'Membership not yet started',
    lapsed: 'Membership lapsed (unpaid)',
    ended: 'Membership ended',
    after_death: 'After the recorded date of death',
  },
} as const;

export async function claimsWorkbook(rows: readonly ClaimSummary[], locale: Locale, today: string): Promise<Buffer> {
  const en = locale === 'en';
  const cols: { header: string; width: number; value: (c: ClaimSummary) => string | number | null; money?: boolean }[] =
    [
      { header: en ? 'No.' : 'No.', width: 8, value: (c) => c.id },
      { header: en ? 'Worker' : 'Pekerja', width: 28, value: (c) => c.workerName },
      { header: 'NIK', width: 22, value: (c) => c.nikMasked },
      { header: en ? 'Region' : 'Wilayah', width: 32, value: (c) => c.regionLabel },
      { header: en ? 'Type' : 'Jenis', width: 8, value: (c) => c.type.toUpperCase() },
      { header: en ? 'Event date' : 'Tanggal kejadian', width: 16, value: (c) => dateName(c.eventDate, locale) },
      {
        header: en ? 'Covered' : 'Tertanggung',
        width: 34,
        value: (c) =>
          c.covered ? (en ? 'Yes' : 'Ya') : `${en ? 'No' : 'Tidak'}: ${GAP[locale][c.gapReason ?? 'not_enrolled']}`,
      },
      { header: en ? 'Programme' : 'Program', width: 30, value: (c) => c.programName },
      { header: 'KPJ', width: 16, value: (c) => c.kpj },
      { header: en ? 'Estimate' : 'Perkiraan manfaat', width: 18, value: (c) => c.estimateTotal, money: true },
    ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  const ws = wb.addWorksheet(en ? 'Claims' : 'Klaim');
  addSafeRow(ws, [`${en ? 'Claims' : 'Klaim'} — ${dateName(today, locale)}`]).font = { bold: true, size: 13 };
  addSafeRow(ws, []);
  addSafeRow(
    ws,
    cols.map((c) => c.header),
  ).font = { bold: true };
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    if (c.money) ws.getColumn(i + 1).numFmt = '"Rp"#,##0';
  });
  for (const r of rows)
    addSafeRow(
      ws,
      cols.map((c) => c.value(r)),
    );
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
