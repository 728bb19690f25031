// XLSX export of the continuation list (issue 18 §5), through the one workbook writer (cells neutralised).
import ExcelJS from 'exceljs';
import type { ContinuationPerson } from '../../../lib/contracts/programs.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { wordsIn } from '../../../lib/i18n/words.ts';
import { monthName } from '../../../lib/rules/lapse.ts';
import { addSafeRow } from '../../platform/spreadsheet/writer.ts';
import { CONTINUATION_WORDS } from './pu.words.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function continuationWorkbook(people: readonly ContinuationPerson[], locale: Locale): Promise<Buffer> {
  const w = wordsIn(CONTINUATION_WORDS, locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  const ws = wb.addWorksheet(w.sheet);
  addSafeRow(ws, [w.title]).font = { bold: true, size: 13 };
  addSafeRow(ws, [
    w.name,
    w.nik,
    w.village,
    w.program,
    w.lastMonth,
    w.reason,
    w.earnings,
    w.bpuIncome,
    w.monthly,
    w.treatment,
    w.basis,
  ]).font = { bold: true };
  [28, 20, 24, 30, 16, 26, 16, 16, 16, 50, 60].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const p of people) {
    addSafeRow(ws, [
      p.fullName,
      p.nikMasked,
      p.villageLabel,
      p.programName,
      monthName(p.lastMonth, locale),
      w[p.reason],
      p.earnings,
      p.bpuIncome,
      p.monthly,
      p.treatment,
      p.basis,
    ]);
  }
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
