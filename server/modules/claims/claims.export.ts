// XLSX export of the claim list (the same filters as the page), through the one workbook writer.
import ExcelJS from 'exceljs';
import type { ClaimSummary } from '../../../lib/contracts/claims.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { dateName } from '../../../lib/rules/lapse.ts';
import { wordsIn } from '../../../lib/i18n/words.ts';
import { addSafeRow } from '../../platform/spreadsheet/writer.ts';
import { EXPORT_WORDS, GAP_WORDS } from './claims.words.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function claimsWorkbook(rows: readonly ClaimSummary[], locale: Locale, today: string): Promise<Buffer> {
  const w = wordsIn(EXPORT_WORDS, locale);
  const gap = wordsIn(GAP_WORDS, locale);
  const cols: { header: string; width: number; value: (c: ClaimSummary) => string | number | null; money?: boolean }[] =
    [
      { header: w.number, width: 8, value: (c) => c.id },
      { header: w.worker, width: 28, value: (c) => c.workerName },
      { header: 'NIK', width: 22, value: (c) => c.nikMasked },
      { header: w.region, width: 32, value: (c) => c.regionLabel },
      { header: w.type, width: 8, value: (c) => c.type.toUpperCase() },
      { header: w.eventDate, width: 16, value: (c) => dateName(c.eventDate, locale) },
      {
        header: w.covered,
        width: 34,
        value: (c) => (c.covered ? w.yes : `${w.no}: ${gap[c.gapReason ?? 'not_enrolled']}`),
      },
      { header: w.programme, width: 30, value: (c) => c.programName },
      { header: 'KPJ', width: 16, value: (c) => c.kpj },
      { header: w.estimate, width: 18, value: (c) => c.estimateTotal, money: true },
    ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  const ws = wb.addWorksheet(w.sheet);
  addSafeRow(ws, [`${w.sheet} — ${dateName(today, locale)}`]).font = { bold: true, size: 13 };
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
