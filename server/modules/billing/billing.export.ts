// XLSX exports of the bills and the lapse list, for the finance office and the villages (forwarded by e-mail or
// WhatsApp). Small in-memory workbooks: a regency has at most a few thousand bills or warnings at a time.
import ExcelJS from 'exceljs';
import type { Bill, LapseWarning } from '../../../lib/contracts/billing.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { dateName, monthName } from '../../../lib/rules/lapse.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';
import { addSafeRow } from '../../platform/spreadsheet/writer.ts';
import { BILLING_WORDS } from './billing.words.ts';

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

export function billsWorkbook(bills: readonly Bill[], locale: Locale, today: string): Promise<Buffer> {
  const t = (w: Words) => word(w, locale);
  const b = BILLING_WORDS.bills;
  return workbook<Bill>(
    t(b.sheet),
    `${t(b.title)} — ${dateName(today, locale)}`,
    [
      { header: t(b.programme), width: 48, value: (x) => x.programName },
      { header: t(b.region), width: 28, value: (x) => x.regionLabel },
      { header: t(b.month), width: 16, value: (x) => monthName(x.month, locale) },
      { header: t(b.persons), width: 10, value: (x) => x.persons },
      // A PU bill has no one price per person (each line is a person's own price): left blank.
      {
        header: t(b.perPerson),
        width: 16,
        value: (x) => (x.amount === x.persons * x.pricePerPerson ? x.pricePerPerson : null),
        money: true,
      },
      { header: t(b.amount), width: 18, value: (x) => x.amount, money: true },
      { header: t(b.paid), width: 18, value: (x) => x.paid, money: true },
      { header: t(b.outstanding), width: 18, value: (x) => x.outstanding, money: true },
      { header: t(b.dueDate), width: 18, value: (x) => dateName(x.dueDate, locale) },
      {
        header: t(b.status),
        width: 22,
        value: (x) => `${t(BILLING_WORDS.billStatus[x.status])}${x.overdue ? t(b.overdue) : ''}`,
      },
    ],
    bills,
  );
}

export function lapseWorkbook(rows: readonly LapseWarning[], locale: Locale, today: string): Promise<Buffer> {
  const t = (w: Words) => word(w, locale);
  const l = BILLING_WORDS.lapse;
  return workbook<LapseWarning>(
    t(l.sheet),
    `${t(l.title)} — ${dateName(today, locale)}`,
    [
      { header: t(l.nik), width: 20, value: (r) => r.nikMasked },
      { header: t(l.name), width: 28, value: (r) => r.fullName ?? '—' },
      { header: t(l.phone), width: 18, value: (r) => r.phone ?? '—' },
      { header: t(l.source), width: 44, value: (r) => r.programName },
      { header: t(l.kpj), width: 16, value: (r) => r.kpjNumber ?? '—' },
      {
        header: t(l.paidThrough),
        width: 16,
        value: (r) => (r.paidThrough ? monthName(r.paidThrough, locale) : t(l.neverPaid)),
      },
      { header: t(l.inactiveFrom), width: 18, value: (r) => dateName(r.lapseDate, locale) },
      {
        header: t(l.status),
        width: 26,
        value: (r) => (r.kind === 'lapsed' ? t(l.lapsed) : word(l.lapsesIn, locale, { days: r.daysLeft })),
      },
      { header: t(l.village), width: 44, value: (r) => r.villageLabel ?? '—' },
    ],
    rows,
  );
}
