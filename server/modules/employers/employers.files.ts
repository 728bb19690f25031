// The two files of the employers module, read by the platform's readFieldFile (CSV with ';' or ',', XLSX) with
// header aliases and a problem per row and column: the licensing office's list (DPMPTSP/OSS export) and the BPJS
// branch's employer snapshot. Cell rules say what is wrong and what to do, Indonesian first.
import { isRealDate, isScientificNotation, toIsoDate } from '../../../lib/rules/nik.ts';
import { readNib, readNpwp } from '../../../lib/rules/employers.ts';
import { cellText, type Cell } from '../../platform/spreadsheet/index.ts';
import { bad, normal, ok, type FieldSpec, type Outcome } from '../../platform/spreadsheet/fields.ts';

const VILLAGE_ALIASES = ['kodedesa', 'kodewilayah', 'kodekelurahan', 'kodedesakelurahan', 'villagecode'];
const NIB_ALIASES = ['nib', 'nomorindukberusaha', 'nonib', 'nomornib'];
const NPWP_ALIASES = ['npwp', 'nonpwp', 'nomornpwp', 'npwpperusahaan', 'npwpbadan'];
const NAME_ALIASES = [
  'nama',
  'namausaha',
  'namaperusahaan',
  'namabadanusaha',
  'namapemberikerja',
  'perusahaan',
  'name',
];

export const LICENSING_FIELDS = {
  nib: { label: 'NIB', aliases: NIB_ALIASES, required: true },
  npwp: { label: 'NPWP', aliases: NPWP_ALIASES, required: false },
  name: { label: 'Nama usaha', aliases: NAME_ALIASES, required: true },
  sector: { label: 'Sektor', aliases: ['sektor', 'kbli', 'bidangusaha', 'sektorusaha', 'jenisusaha'], required: false },
  size: { label: 'Skala usaha', aliases: ['skala', 'skalausaha', 'ukuran', 'size'], required: false },
  address: { label: 'Alamat', aliases: ['alamat', 'alamatusaha', 'alamatperusahaan', 'address'], required: false },
  village: { label: 'Kode desa', aliases: VILLAGE_ALIASES, required: true },
  contact: { label: 'Kontak', aliases: ['kontak', 'telepon', 'notelp', 'nohp', 'email', 'contact'], required: false },
  workers: {
    label: 'Jumlah tenaga kerja',
    aliases: ['jumlahtenagakerja', 'tenagakerja', 'jumlahpekerja', 'jumlahtk', 'pekerja', 'workers'],
    required: false,
  },
} as const satisfies FieldSpec<string>;

export const BRANCH_FIELDS = {
  npp: { label: 'NPP', aliases: ['npp', 'nomorpendaftaranperusahaan', 'nonpp', 'nomornpp'], required: true },
  nib: { label: 'NIB', aliases: NIB_ALIASES, required: false },
  npwp: { label: 'NPWP', aliases: NPWP_ALIASES, required: false },
  name: { label: 'Nama perusahaan', aliases: NAME_ALIASES, required: true },
  status: { label: 'Status', aliases: ['status', 'statuskepesertaan', 'statusperusahaan'], required: true },
  workers: {
    label: 'Tenaga kerja aktif',
    aliases: ['tenagakerjaaktif', 'tkaktif', 'jumlahtkaktif', 'pesertaaktif', 'jumlahpesertaaktif', 'activeworkers'],
    required: true,
  },
  paidThrough: {
    label: 'Dibayar sampai',
    aliases: ['dibayarsampai', 'iurandibayarsampai', 'lunassampai', 'bulanlunas', 'paidthrough', 'blnterakhirbayar'],
    required: false,
  },
  village: { label: 'Kode desa', aliases: VILLAGE_ALIASES, required: false },
} as const satisfies FieldSpec<string>;

/** A number cell that lost digits (Excel keeps 15 significant digits): the identifier cannot be trusted. */
function lostDigits(cell: Cell): boolean {
  if (cell.t === 'number') return cell.v > Number.MAX_SAFE_INTEGER || isScientificNotation(cell.text);
  // A CSV saved from Excel after the column was a number: the cell holds "9.12E+12".
  return cell.t === 'text' && isScientificNotation(cell.v.trim());
}

export function readNibCell(cell: Cell, required: boolean): Outcome<string | null> {
  if (lostDigits(cell))
    return bad(
      'NIB tersimpan sebagai angka sehingga digitnya berubah. Ubah format kolom NIB menjadi Teks lalu ketik ulang.',
      'The NIB is stored as a number, so its digits changed. Format the NIB column as Text and type it again.',
    );
  const text = cellText(cell).trim();
  if (text === '')
    return required
      ? bad('NIB kosong. Isi 13 angka NIB dari OSS.', 'The NIB is empty. Enter the 13-digit NIB from OSS.')
      : ok(null);
  const nib = readNib(text);
  return nib
    ? ok(nib)
    : bad(`NIB "${text}" bukan 13 angka. Salin NIB dari OSS.`, `The NIB "${text}" is not 13 digits. Copy it from OSS.`);
}

export function readNpwpCell(cell: Cell): Outcome<string | null> {
  if (lostDigits(cell))
    return bad(
      'NPWP tersimpan sebagai angka sehingga digitnya berubah. Ubah format kolom NPWP menjadi Teks lalu ketik ulang.',
      'The NPWP is stored as a number, so its digits changed. Format the NPWP column as Text and type it again.',
    );
  const text = cellText(cell).trim();
  if (text === '') return ok(null);
  const npwp = readNpwp(text);
  return npwp
    ? ok(npwp)
    : bad(
        `NPWP "${text}" harus 15 atau 16 angka (boleh dengan titik dan strip). Periksa nomornya.`,
        `The NPWP "${text}" must be 15 or 16 digits (dots and dashes allowed). Check the number.`,
      );
}

export function readNpp(cell: Cell): Outcome<string> {
  const text = cellText(cell).replace(/[\s.-]/g, '');
  if (!/^\d{8,11}$/.test(text))
    return bad(
      `NPP "${cellText(cell)}" harus 8 angka (nomor pendaftaran perusahaan dari BPJS). Periksa nomornya.`,
      `The NPP "${cellText(cell)}" must be 8 digits (the employer registration number from BPJS). Check it.`,
    );
  return ok(text);
}

export function readName(cell: Cell): Outcome<string> {
  const text = cellText(cell).trim().replace(/\s+/g, ' ');
  if (text === '') return bad('Nama usaha kosong. Isi nama sesuai izin.', 'The business name is empty. Enter it.');
  if (text.length > 200)
    return bad('Nama usaha lebih dari 200 huruf. Singkat namanya.', 'The name is over 200 characters. Shorten it.');
  return ok(text);
}

export function readOptionalText(cell: Cell, max: number): Outcome<string | null> {
  const text = cellText(cell).trim().replace(/\s+/g, ' ');
  if (text === '') return ok(null);
  if (text.length > max)
    return bad(`Isian lebih dari ${max} huruf. Persingkat isinya.`, `Over ${max} characters. Shorten it.`);
  return ok(text);
}

const SIZES: Readonly<Record<string, 'micro' | 'small' | 'medium' | 'large'>> = {
  mikro: 'micro',
  usahamikro: 'micro',
  micro: 'micro',
  kecil: 'small',
  usahakecil: 'small',
  small: 'small',
  menengah: 'medium',
  usahamenengah: 'medium',
  medium: 'medium',
  besar: 'large',
  usahabesar: 'large',
  large: 'large',
};

export function readSize(cell: Cell): Outcome<'micro' | 'small' | 'medium' | 'large' | null> {
  const text = cellText(cell).trim();
  if (text === '') return ok(null);
  const size = SIZES[normal(text)];
  return size
    ? ok(size)
    : bad(
        `Skala usaha "${text}" tidak dikenal. Tulis Mikro, Kecil, Menengah atau Besar.`,
        `Unknown business size "${text}". Write Mikro, Kecil, Menengah or Besar.`,
      );
}

export function readCount(cell: Cell, required: boolean): Outcome<number | null> {
  const text = cellText(cell).trim().replace(/\./g, '');
  if (text === '')
    return required
      ? bad('Jumlah kosong. Tulis jumlah orang (0 bila tidak ada).', 'The count is empty. Write 0 if none.')
      : ok(null);
  if (!/^\d{1,7}$/.test(text))
    return bad(
      `Jumlah "${cellText(cell)}" bukan bilangan bulat. Tulis jumlah orang tanpa huruf.`,
      `The count "${cellText(cell)}" is not a whole number. Write the number of people.`,
    );
  return ok(Number(text));
}

const ACTIVE: Readonly<Record<string, boolean>> = {
  aktif: true,
  active: true,
  nonaktif: false,
  tidakaktif: false,
  inactive: false,
  na: false,
};

export function readActive(cell: Cell): Outcome<boolean> {
  const text = cellText(cell).trim();
  const a = ACTIVE[normal(text)];
  return a === undefined
    ? bad(
        `Status "${text}" tidak dikenal. Tulis AKTIF atau NONAKTIF.`,
        `Unknown status "${text}". Write AKTIF or NONAKTIF.`,
      )
    : ok(a);
}

export function readVillage(cell: Cell, required: boolean): Outcome<string | null> {
  const text = cellText(cell).trim();
  if (text === '')
    return required
      ? bad(
          'Kode desa kosong. Tulis kode Kemendagri 10 angka, misalnya 34.02.08.2004.',
          'The village code is empty. Write the 10-digit Kemendagri code, e.g. 34.02.08.2004.',
        )
      : ok(null);
  const digits = text.replace(/\D/g, '');
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(text)) return ok(text);
  if (digits.length === 10 && /^[\d.\s]+$/.test(text))
    return ok(`${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`);
  return bad(
    `Kode desa "${text}" tidak valid. Tulis kode Kemendagri 10 angka, misalnya 34.02.08.2004.`,
    `The village code "${text}" is not valid. Write the 10-digit Kemendagri code, e.g. 34.02.08.2004.`,
  );
}

/** A month as 'YYYY-MM-01': mm-yyyy, yyyy-mm, dd-mm-yyyy or a spreadsheet date. */
export function readMonth(cell: Cell): Outcome<string | null> {
  if (cell.t === 'date') return ok(toIsoDate(cell.v.getUTCFullYear(), cell.v.getUTCMonth() + 1, 1));
  const text = cellText(cell).trim();
  if (text === '') return ok(null);
  const my = /^(\d{1,2})[-/](\d{4})$/.exec(text);
  if (my && Number(my[1]) >= 1 && Number(my[1]) <= 12) return ok(toIsoDate(Number(my[2]), Number(my[1]), 1));
  const ym = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) return ok(toIsoDate(Number(ym[1]), Number(ym[2]), 1));
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dmy && isRealDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])))
    return ok(toIsoDate(Number(dmy[3]), Number(dmy[2]), 1));
  return bad(
    `Bulan "${text}" tidak valid. Tulis mm-yyyy, misalnya 03-2026.`,
    `The month "${text}" is not valid. Write mm-yyyy, e.g. 03-2026.`,
  );
}
