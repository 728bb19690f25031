// XLSX exports of the bills and the lapse list, for the finance office and the villages (forwarded by e-mail or
// WhatsApp). Small in-memory workbooks: a regency has at most a few thousand bills or warnings at a time.
import ExcelJS from 'exceljs';
import type { Bill, LapseWarning } from '../../../lib/contracts/billing.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { dateName, monthName } from '../../../lib/rules/lapse.ts';
import { addSafeRow } from '../../platform/spreadsheet/writer.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Col<T> = { header: string; width: number; value: (row: T) => string | number | null; money?: boolean };

async function workbook<T>(sheet: string, title: string, cols: Col<T>[], rows: readonly T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  const ws = wb.addWorksheet(sheet);
  addSafeRow(ws, [title]).font = { bold: true, size: 13 };
  addSafeRow(ws, []);
  const header = addSafeRow(
    ws,
    cols.map((c) => c.header),
  );
  header.font = { bold: true };
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

const STATUS = {
  id: { unpaid: 'Belum dibayar', partial: 'Dibayar sebagian', paid: 'Lunas' },
  en: { unpaid: 'Unpaid', partial: 'Partly paid', paid: 'Paid' },
} as const;

export function billsWorkbook(bills: readonly Bill[], locale: Locale, today: string): Promise<Buffer> {
  const en = locale === 'en';
  return workbook<Bill>(
    en ? 'Bills' : 'Tagihan',
    `${en ? 'Programme contribution bills' : 'Tagihan iuran program perlindungan'} — ${dateName(today, locale)}`,
    [
      { header: en ? 'Programme' : 'Program', width: 48, value: (b) => b.programName },
      { header: en ? 'Region' : 'Wilayah', width: 28, value: (b) => b.regionLabel },
      { header: en ? 'Month' : 'Bulan', width: 16, value: (b) => monthName(b.month, locale) },
      { header: en ? 'Persons' : 'Peserta', width: 10, value: (b) => b.persons },
      { header: en ? 'Per person' : 'Iuran per orang', width: 16, value: (b) => b.pricePerPerson, money: true },
      { header: en ? 'Amount' : 'Jumlah tagihan', width: 18, value: (b) => b.amount, money: true },
      { header: en ? 'Paid' : 'Dibayar', width: 18, value: (b) => b.paid, money: true },
      { header: en ? 'Outstanding' : 'Sisa', width: 18, value: (b) => b.outstanding, money: true },
      { header: en ? 'Due date' : 'Jatuh tempo', width: 18, value: (b) => dateName(b.dueDate, locale) },
      {
        header: 'Status',
        width: 22,
        value: (b) => `${STATUS[locale][b.status]}${b.overdue ? (en ? ' (overdue)' : ' (menunggak)') : ''}`,
      },
    ],
    bills,
  );
}

export function lapseWorkbook(rows: readonly LapseWarning[], locale: Locale, today: string): Promise<Buffer> {
  const en = locale === 'en';
  return workbook<LapseWarning>(
    en ? 'Lapse warnings' : 'Peringatan iuran',
    `${en ? 'Protection lapsed or lapsing within 30 days' : 'Perlindungan nonaktif atau akan nonaktif dalam 30 hari'} — ${dateName(today, locale)}`,
    [
      { header: 'NIK', width: 20, value: (r) => r.nikMasked },
      { header: en ? 'Name' : 'Nama', width: 28, value: (r) => r.fullName ?? '—' },
      { header: en ? 'Phone' : 'Telepon', width: 18, value: (r) => r.phone ?? '—' },
      { header: en ? 'Source' : 'Sumber', width: 44, value: (r) => r.programName },
      { header: 'KPJ', width: 16, value: (r) => r.kpjNumber ?? '—' },
      {
        header: en ? 'Paid through' : 'Lunas sampai',
        width: 16,
        value: (r) => (r.paidThrough ? monthName(r.paidThrough, locale) : en ? 'never paid' : 'belum pernah'),
      },
      { header: en ? 'Inactive from' : 'Nonaktif mulai', width: 18, value: (r) => dateName(r.lapseDate, locale) },
      {
        header: 'Status',
        width: 26,
        value: (r) =>
          r.kind === 'lapsed'
            ? en
              ? 'Inactive'
              : 'Sudah nonaktif'
            : en
              ? `Lapses in ${r.daysLeft} days`
              : `Nonaktif dalam ${r.daysLeft} hari`,
      },
      { header: en ? 'Village' : 'Desa/Kelurahan', width: 44, value: (r) => r.villageLabel ?? '—' },
    ],
    rows,
  );
}
