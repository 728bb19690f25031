// The "Unduh templat" file of an upload: an XLSX whose first sheet has the headers the reader recognises, one
// example row that passes its checks, and text format on the columns spreadsheets would otherwise mangle (a NIK
// typed into a number cell loses its last digit and leading zeros). A second sheet explains each column in the
// reader's language. Domain-free: each module says which columns and which example.
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Locale } from '../../lib/i18n/locale.ts';
import { addSafeRow, safeColumns } from './spreadsheet/writer.ts';

export type TemplateColumn = {
  header: string;
  /** Text format for the whole column (NIK, KPJ, codes, phone, RT/RW, dates written dd-mm-yyyy). */
  text?: boolean;
  /** What to write in the column, in the reader's language (the second sheet). */
  help: string;
  required?: boolean;
};

export type UploadTemplate = {
  fileName: string;
  sheetName: string;
  columns: readonly TemplateColumn[];
  example: readonly (string | number)[];
  locale: Locale;
};

const HELP: Readonly<
  Record<Locale, Readonly<Record<'title' | 'column' | 'required' | 'yes' | 'no' | 'explanation', string>>>
> = {
  id: { title: 'Petunjuk', column: 'Kolom', required: 'Wajib', yes: 'Ya', no: 'Tidak', explanation: 'Isi dengan' },
  en: {
    title: 'Instructions',
    column: 'Column',
    required: 'Required',
    yes: 'Yes',
    no: 'No',
    explanation: 'What to write',
  },
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows a person may add below the example that still get the column's text format. */
const FORMATTED_ROWS = 1000;

export async function writeUploadTemplate(template: UploadTemplate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(template.sheetName);
  sheet.columns = safeColumns(
    template.columns.map((c) => ({
      header: c.header,
      width: Math.min(40, Math.max(12, c.header.length + 4)),
      ...(c.text && { style: { numFmt: '@' } }),
    })),
  );
  const header = sheet.getRow(1);
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  addSafeRow(sheet, [...template.example]);
  template.columns.forEach((c, i) => {
    if (!c.text) return;
    for (let r = 2; r <= FORMATTED_ROWS; r++) sheet.getCell(r, i + 1).numFmt = '@';
  });

  const words = HELP[template.locale];
  const help = workbook.addWorksheet(words.title);
  help.columns = safeColumns([
    { header: words.column, width: 28 },
    { header: words.required, width: 10 },
    { header: words.explanation, width: 90 },
  ]);
  help.getRow(1).font = { bold: true };
  for (const c of template.columns) addSafeRow(help, [c.header, c.required ? words.yes : words.no, c.help]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a template as a download. */
export async function sendUploadTemplate(reply: FastifyReply, template: UploadTemplate): Promise<FastifyReply> {
  const content = await writeUploadTemplate(template);
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${template.fileName}"`)
    .header('cache-control', 'no-store')
    .send(content);
}
