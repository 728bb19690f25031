// XLSX export of a collection target: every village with its quota and progress, through the one workbook writer.
import ExcelJS from 'exceljs';
import type { TargetDetail } from '../../../lib/contracts/collection.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { wordsIn } from '../../../lib/i18n/words.ts';
import { dateName } from '../../../lib/rules/lapse.ts';
import { addSafeRow } from '../../platform/spreadsheet/writer.ts';
import { EXPORT_WORDS } from './collection.words.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function targetWorkbook(target: TargetDetail, locale: Locale): Promise<Buffer> {
  const w = wordsIn(EXPORT_WORDS, locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  const ws = wb.addWorksheet(w.sheet);
  addSafeRow(ws, [`${target.name} — ${target.regionLabel}`]).font = { bold: true, size: 13 };
  addSafeRow(ws, [`${w.due}: ${dateName(target.dueOn, locale)}`]);
  addSafeRow(ws, [w.code, w.village, w.quota, w.registered, w.proposed, w.active, w.left, w.overdue]).font = {
    bold: true,
  };
  [18, 30, 10, 12, 12, 12, 10, 14].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const v of target.villages) {
    const row = addSafeRow(ws, [
      v.village,
      v.villageLabel,
      v.quota,
      v.registered,
      v.proposed,
      v.active,
      v.left,
      v.overdue ? w.yes : '',
    ]);
    if (v.overdue) row.font = { color: { argb: 'FFB00020' } };
  }
  const t = target.totals;
  addSafeRow(ws, ['', '', t.quota, t.registered, t.proposed, t.active, t.left, '']).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
