// Worker files as villages send them, from the synthetic generator: a `;` CSV (Indonesian headers, dd-mm-yyyy dates,
// 08… phones, occupation words) and an XLSX with the NIK column as text. Used by the import benchmark and tests.
import { createReadStream, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { SEGMENTS } from '../lib/rules/segments.ts';
import { generateWorkers, type GeneratedWorker } from '../server/modules/demo/generate.ts';

const require = createRequire(import.meta.url);
const AREA_DATA = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');

/** Districts and villages of a regency straight from the package (no database needed). */
export async function divisionsOf(regency: string): Promise<{ districts: string[]; villages: string[] }> {
  const read = async (file: string) => {
    const codes: string[] = [];
    const text = await new Promise<string>((resolve, reject) => {
      let s = '';
      createReadStream(path.join(AREA_DATA, file), 'utf8')
        .on('data', (c) => (s += c))
        .on('end', () => resolve(s))
        .on('error', reject);
    });
    for (const line of text.split('\n'))
      if (line.startsWith(`${regency}.`)) codes.push(line.slice(0, line.indexOf(',')));
    return codes;
  };
  return { districts: await read('districts.csv'), villages: await read('villages.csv') };
}

export const FILE_HEADER = [
  'NIK',
  'Nama Lengkap',
  'Tempat Lahir',
  'Tgl Lahir',
  'L/P',
  'Alamat',
  'RT',
  'RW',
  'Kode Desa',
  'No HP',
  'Pekerjaan',
  'Penghasilan',
];

function cells(w: GeneratedWorker): string[] {
  const [y, m, d] = w.birth_date.split('-');
  return [
    w.nik,
    w.full_name,
    w.birth_place ?? '',
    `${d}-${m}-${y}`,
    w.sex,
    w.address ?? '',
    w.rt ?? '',
    w.rw ?? '',
    w.village_code,
    w.phone ? `0${w.phone.slice(3)}` : '',
    SEGMENTS[w.segment].label.id,
    w.monthly_income === null ? '' : String(w.monthly_income),
  ];
}

export async function workerRows(regency: string, rows: number, seed: number) {
  const { districts, villages } = await divisionsOf(regency);
  return generateWorkers({ count: rows, seed, districts, villages });
}

/** Writes `rows` workers as a `;`-separated UTF-8 CSV. */
export async function writeWorkerCsv(file: string, opts: { regency?: string; rows: number; seed?: number }) {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${FILE_HEADER.join(';')}\r\n`);
  let chunk: string[][] = [];
  for (const w of await workerRows(opts.regency ?? '34.02', opts.rows, opts.seed ?? 7)) {
    chunk.push(cells(w));
    if (chunk.length === 5000) {
      await write(`${Papa.unparse(chunk, { delimiter: ';', newline: '\r\n' })}\r\n`);
      chunk = [];
    }
  }
  if (chunk.length) await write(`${Papa.unparse(chunk, { delimiter: ';', newline: '\r\n' })}\r\n`);
  out.end();
  await once(out, 'finish');
}

/** Writes `rows` workers as an XLSX (streaming writer), every cell text as an office would set the NIK column. */
export async function writeWorkerXlsx(file: string, opts: { regency?: string; rows: number; seed?: number }) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('Pekerja');
  sheet.addRow(FILE_HEADER).commit();
  for (const w of await workerRows(opts.regency ?? '34.02', opts.rows, opts.seed ?? 7)) sheet.addRow(cells(w)).commit();
  sheet.commit();
  await workbook.commit();
}
