// The files exchanged with the BPJS branch: the registration batch written from a template (XLSX with NIK cells as
// text, CSV with ';' and a BOM as Excel in Indonesia expects), and the branch's response and membership snapshot
// read through the platform's readers (platform/spreadsheet/) with header aliases and a problem per row and column.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TemplateColumn } from '../../../lib/contracts/exchange.ts';
import { isRealDate, isScientificNotation, toIsoDate } from '../../../lib/rules/nik.ts';
import { PARTICIPATION_CATEGORIES, type ParticipationCategory } from '../../../lib/rules/segments.ts';
import { addSafeRow, safeColumns, writeCsv } from '../../platform/spreadsheet/writer.ts';
import { cellText, type Cell } from '../../platform/spreadsheet/index.ts';
import { bad, normal, ok, type FieldSpec, type Outcome } from '../../platform/spreadsheet/fields.ts';
import { BATCH_SHEET } from './exchange.words.ts';

// ---------------------------------------------------------------------------------------------------------------
// Writing a batch file

/** One person of a batch, every template field already as text. */
export type BatchLine = Readonly<Record<TemplateColumn['field'], string>>;

/** Fields written as text cells, so spreadsheets keep leading zeros and all 16 digits of a NIK. */
const TEXT_FIELDS = new Set<string>([
  'nik',
  'phone',
  'rt',
  'rw',
  'village_code',
  'batch_number',
  'enrollment_reference',
  'birth_date',
]);

export async function writeBatchXlsx(columns: readonly TemplateColumn[], lines: readonly BatchLine[]): Promise<Buffer> {
  return writeTemplatedXlsx(BATCH_SHEET, columns, lines, TEXT_FIELDS);
}

export function writeBatchCsv(columns: readonly TemplateColumn[], lines: readonly BatchLine[]): Buffer {
  return writeTemplatedCsv(columns, lines);
}

/**
 * A file laid out by a template (its columns: a header and the field each shows), the batch file's mechanism for any
 * file handed to the branch: XLSX with the `textFields` as text cells (NIK keeps its 16 digits), formula cells
 * neutralised by the platform writer.
 */
export async function writeTemplatedXlsx<F extends string>(
  sheetName: string,
  columns: readonly { header: string; field: F }[],
  lines: readonly Readonly<Record<F, string>>[],
  textFields: ReadonlySet<string>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = safeColumns(
    columns.map((c) => ({
      header: c.header,
      key: c.field,
      width: Math.min(40, Math.max(10, c.header.length + 2)),
      ...(textFields.has(c.field) && { style: { numFmt: '@' } }),
    })),
  );
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const line of lines) {
    const row = addSafeRow(
      sheet,
      columns.map((c) => line[c.field]),
    );
    columns.forEach((c, i) => {
      if (textFields.has(c.field)) row.getCell(i + 1).numFmt = '@';
    });
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** The same as CSV with ';' and a BOM, as Excel in Indonesia expects. */
export function writeTemplatedCsv<F extends string>(
  columns: readonly { header: string; field: F }[],
  lines: readonly Readonly<Record<F, string>>[],
): Buffer {
  return writeCsv(
    columns.map((c) => c.header),
    lines.map((l) => columns.map((c) => l[c.field])),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a response or snapshot file: the fields and their header aliases (read by the platform's readFieldFile)

export const RESPONSE_FIELDS = {
  nik: { label: 'NIK', aliases: ['nik', 'noktp', 'nomorktp', 'nomorindukkependudukan', 'niktk'], required: true },
  kpj: {
    label: 'KPJ',
    aliases: ['kpj', 'nokpj', 'nomorkpj', 'nokartu', 'nomorkartu', 'nopeserta', 'nomorpeserta', 'kpjnumber'],
    required: true,
  },
  status: {
    label: 'Status',
    aliases: ['status', 'hasil', 'statuspendaftaran', 'statusverifikasi', 'keputusan'],
    required: true,
  },
  reason: {
    label: 'Alasan',
    aliases: ['alasan', 'alasanpenolakan', 'keterangan', 'catatan', 'reason'],
    required: false,
  },
  coverageStart: {
    label: 'Mulai perlindungan',
    aliases: [
      'mulai',
      'tmt',
      'tmtkepesertaan',
      'tanggalmulai',
      'tglmulai',
      'mulaiperlindungan',
      'tanggalkepesertaan',
      'tglkepesertaan',
      'coveragestart',
    ],
    required: true,
  },
} as const satisfies FieldSpec<string>;

export const SNAPSHOT_FIELDS = {
  nik: { label: 'NIK', aliases: RESPONSE_FIELDS.nik.aliases, required: true },
  kpj: { label: 'KPJ', aliases: RESPONSE_FIELDS.kpj.aliases, required: true },
  category: {
    label: 'Kategori',
    aliases: ['kategori', 'kategoripeserta', 'segmen', 'segmenpeserta', 'jenispeserta', 'category'],
    required: true,
  },
  start: {
    label: 'Mulai',
    aliases: ['mulai', 'tmt', 'tmtkepesertaan', 'tanggalmulai', 'tglmulai', 'mulaiperlindungan', 'coveragestart'],
    required: true,
  },
  end: {
    label: 'Akhir',
    aliases: ['akhir', 'selesai', 'tanggalakhir', 'tglakhir', 'akhirperlindungan', 'coverageend'],
    required: false,
  },
  paidThrough: {
    label: 'Dibayar sampai',
    aliases: ['dibayarsampai', 'iurandibayarsampai', 'lunassampai', 'bulanlunas', 'paidthrough', 'blnterakhirbayar'],
    required: false,
  },
  village: {
    label: 'Kode desa',
    aliases: ['kodedesa', 'kodewilayah', 'kodekelurahan', 'kodedesakelurahan', 'villagecode'],
    required: false,
  },
} as const satisfies FieldSpec<string>;

// ---------------------------------------------------------------------------------------------------------------
// Cell values, with messages that say what to do

export function readNik(cell: Cell): Outcome<string> {
  if (cell.t === 'number' && (cell.v > Number.MAX_SAFE_INTEGER || isScientificNotation(cell.text))) {
    return bad(
      'NIK tersimpan sebagai angka sehingga digit terakhir hilang. Ubah format kolom NIK menjadi Teks lalu ketik ulang NIK-nya.',
      'The NIK is stored as a number, so its last digits are lost. Format the NIK column as Text and type the NIK again.',
    );
  }
  const text = cellText(cell).replace(/[\s.'-]/g, '');
  if (text === '') return bad('NIK kosong. Isi 16 angka NIK sesuai KTP.', 'The NIK is empty. Enter the 16-digit NIK.');
  if (!/^\d{16}$/.test(text))
    return bad(
      `NIK "${cellText(cell)}" bukan 16 angka. Tulis 16 angka NIK sesuai KTP.`,
      `The NIK "${cellText(cell)}" is not 16 digits. Enter the 16-digit NIK.`,
    );
  return ok(text);
}

export function readKpj(cell: Cell, required: boolean): Outcome<string | null> {
  const text = cellText(cell).replace(/[\s.-]/g, '');
  if (text === '')
    return required
      ? bad(
          'Nomor KPJ kosong untuk peserta yang diterima. Isi nomor KPJ (8–16 angka) dari BPJS.',
          'The KPJ number is empty for an accepted participant. Enter the KPJ number (8–16 digits) from BPJS.',
        )
      : ok(null);
  if (!/^\d{8,16}$/.test(text))
    return bad(
      `Nomor KPJ "${cellText(cell)}" harus 8–16 angka. Periksa nomor dari BPJS lalu tulis tanpa huruf.`,
      `The KPJ number "${cellText(cell)}" must be 8–16 digits. Check the number from BPJS and write it without letters.`,
    );
  return ok(text);
}

/** dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd or a spreadsheet date. */
export function readDate(cell: Cell, required: boolean): Outcome<string | null> {
  if (cell.t === 'date') {
    const d = cell.v;
    return ok(toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  }
  const text = cellText(cell).trim();
  if (text === '')
    return required
      ? bad('Tanggal kosong. Tulis tanggal dd-mm-yyyy, misalnya 01-02-2027.', 'The date is empty. Write dd-mm-yyyy.')
      : ok(null);
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  let parts: [number, number, number] | null = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : null;
  if (!parts) {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    parts = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  }
  if (!parts || !isRealDate(...parts))
    return bad(
      `Tanggal "${text}" tidak valid. Tulis dd-mm-yyyy, misalnya 01-02-2027.`,
      `The date "${text}" is not valid. Write dd-mm-yyyy, e.g. 01-02-2027.`,
    );
  return ok(toIsoDate(...parts));
}

/** A month as 'YYYY-MM-01': mm-yyyy, yyyy-mm, or any date in that month. */
export function readMonth(cell: Cell): Outcome<string | null> {
  const text = cellText(cell).trim();
  if (cell.t === 'empty' || text === '') return ok(null);
  const my = /^(\d{1,2})[-/](\d{4})$/.exec(text);
  if (my && Number(my[1]) >= 1 && Number(my[1]) <= 12) return ok(toIsoDate(Number(my[2]), Number(my[1]), 1));
  const ym = /^(\d{4})-(\d{2})$/.exec(text);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) return ok(toIsoDate(Number(ym[1]), Number(ym[2]), 1));
  const date = readDate(cell, false);
  if (date.ok && date.value) return ok(`${date.value.slice(0, 7)}-01`);
  return bad(
    `Bulan "${text}" tidak valid. Tulis mm-yyyy, misalnya 03-2027.`,
    `The month "${text}" is not valid. Write mm-yyyy, e.g. 03-2027.`,
  );
}

const STATUS_WORDS: Readonly<Record<string, 'accepted' | 'rejected'>> = {
  diterima: 'accepted',
  terima: 'accepted',
  accepted: 'accepted',
  aktif: 'accepted',
  berhasil: 'accepted',
  sukses: 'accepted',
  ok: 'accepted',
  ditolak: 'rejected',
  tolak: 'rejected',
  rejected: 'rejected',
  gagal: 'rejected',
};

export function readStatus(cell: Cell): Outcome<'accepted' | 'rejected'> {
  const text = cellText(cell).trim();
  const status = STATUS_WORDS[normal(text)];
  if (!status)
    return bad(
      `Status "${text}" tidak dikenal. Tulis DITERIMA atau DITOLAK.`,
      `Unknown status "${text}". Write DITERIMA (accepted) or DITOLAK (rejected).`,
    );
  return ok(status);
}

const CATEGORY_WORDS: Readonly<Record<string, ParticipationCategory>> = {
  pu: 'PU',
  penerimaupah: 'PU',
  ppu: 'PU',
  bpu: 'BPU',
  pbpu: 'BPU',
  bukanpenerimaupah: 'BPU',
  jakon: 'JAKON',
  jasakonstruksi: 'JAKON',
  pmi: 'PMI',
  pekerjamigranindonesia: 'PMI',
};

export function readCategory(cell: Cell): Outcome<ParticipationCategory> {
  const text = cellText(cell).trim();
  const c = CATEGORY_WORDS[normal(text)];
  if (!c || !PARTICIPATION_CATEGORIES.includes(c))
    return bad(
      `Kategori "${text}" tidak dikenal. Tulis salah satu: PU, BPU, JAKON, PMI.`,
      `Unknown category "${text}". Write one of: PU, BPU, JAKON, PMI.`,
    );
  return ok(c);
}

export function readVillage(cell: Cell): Outcome<string | null> {
  const text = cellText(cell).trim();
  if (text === '') return ok(null);
  const digits = text.replace(/\D/g, '');
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(text)) return ok(text);
  if (digits.length === 10)
    return ok(`${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`);
  return bad(
    `Kode desa "${text}" tidak valid. Tulis kode Kemendagri 10 angka, misalnya 34.02.08.2004.`,
    `The village code "${text}" is not valid. Write the 10-digit Kemendagri code, e.g. 34.02.08.2004.`,
  );
}

export { cellText };
