// Cell normalisers for worker lists sent by village operators (CSV/XLSX). The importer calls one of these per cell;
// each returns the canonical value or a closed error code with a message that says what to do, Indonesian first.
//
// Principles:
// - Never guess silently. Where a value is ambiguous (a two-digit year, a month > 12 that might be mm/dd, a local
//   phone number without its area code) we reject it with an instruction instead of storing a wrong value.
// - Indonesian conventions first: day before month, '.' for thousands and ',' for decimals, 08… phone numbers.
// - Empty cells are rejected too; whether a column is optional is the importer's decision (see `isBlankCell`).
//
// Pure: no Node or DOM APIs. JS `Date` is only used for spreadsheet serial arithmetic, always in UTC.

import type { Bilingual } from '../i18n/locale.ts';
import { MONTH_NAMES } from '../i18n/months.ts';
import { isRealDate, isScientificNotation, toIsoDate, daysInMonth, type Sex } from './nik.ts';

export const IMPORT_VALUE_CODES = [
  'NIK_NUMERIC_CELL',
  'NIK_SCIENTIFIC',
  'DATE_INVALID',
  'PHONE_INVALID',
  'SEX_INVALID',
  'AMOUNT_INVALID',
  'REGION_CODE_INVALID',
] as const;
export type ImportValueCode = (typeof IMPORT_VALUE_CODES)[number];

export type CellSuccess<T> = { ok: true; value: T };
export type CellFailure = {
  ok: false;
  code: ImportValueCode;
  message: Bilingual;
};
export type CellResult<T> = CellSuccess<T> | CellFailure;

function ok<T>(value: T): CellSuccess<T> {
  return { ok: true, value };
}

function fail(code: ImportValueCode, id: string, en: string): CellFailure {
  return { ok: false, code, message: { id, en } };
}

/** Spaces, NBSP and the zero-width characters that come along with copy-paste from WhatsApp or PDFs. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

function clean(text: string): string {
  if (isTidyText(text)) return text;
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * True when `text` has nothing to clean: printable ASCII with single spaces between words and none at the ends.
 * Most cells of a file are like that; they skip the regular expressions (a million-row import cleans ~10M cells).
 */
export function isTidyText(text: string): boolean {
  let space = true; // a space at the start is not tidy
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (c < 32 || c > 126) {
      return false;
    } else {
      space = false;
    }
  }
  return !space || text.length === 0;
}

/** True for an empty cell (undefined, null, '' or only spaces): the importer decides if the column may be empty. */
export function isBlankCell(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && clean(v) === '');
}

// ---------------------------------------------------------------------------------------------------------------
// NIK cell

export interface NikCell {
  /** The cell's text as written (CSV, or an XLSX text cell). */
  text?: string;
  /** The cell's numeric value when the spreadsheet stored a number. */
  numeric?: number;
  /** True when the XLSX cell type is number (even if it is displayed without exponent). */
  isNumberCell?: boolean;
}

/**
 * The raw NIK text of a cell, for `validateNik`. Rejects number cells outright: spreadsheets keep 15 significant
 * digits, so a 16-digit NIK stored as a number has already lost its last digit even when it still looks fine.
 * Formatting the column as Text afterwards does not bring the digit back, hence "ketik ulang" in the message.
 */
export function parseNikCell(cell: NikCell): CellResult<string> {
  if (cell.isNumberCell === true || (cell.text === undefined && cell.numeric !== undefined)) {
    return fail(
      'NIK_NUMERIC_CELL',
      'NIK tersimpan sebagai angka sehingga digit terakhir hilang. Ubah format kolom NIK menjadi Teks, ketik ulang NIK sesuai KTP, lalu unggah ulang.',
      'The NIK is stored as a number, so its last digit is lost. Format the NIK column as Text, retype the NIKs from the KTP and upload again.',
    );
  }
  // Excel users type a leading apostrophe to force text; some keyboards produce a curly one.
  const text = clean(cell.text ?? '')
    .replace(/^['‘’`]/, '')
    .trim();
  if (isScientificNotation(text)) {
    return fail(
      'NIK_SCIENTIFIC',
      `NIK tertulis sebagai angka ilmiah (${text}) sehingga digitnya hilang. Di Excel, ubah format kolom NIK menjadi Teks, ketik ulang NIK sesuai KTP, lalu simpan dan unggah ulang.`,
      `The NIK was saved in scientific notation (${text}), so digits were lost. In Excel, format the NIK column as Text, retype the NIKs from the KTP, then save and upload again.`,
    );
  }
  return ok(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** Indonesian names, their usual abbreviations (Agt/Agu/Ags, Okt, Des, Nop…) and English names. */
// prettier-ignore
const MONTH_BY_NAME: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, pebruari: 2, feb: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, agst: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

/** Dates outside this window are typos, and the 1900 spreadsheet system cannot hold earlier ones anyway. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;
const MAX_SERIAL = 60000;

const FORMAT_HINT_ID = 'Tulis hari-bulan-tahun, misalnya 05-09-1985 atau 5 September 1985.';
const FORMAT_HINT_EN = 'Write day-month-year, e.g. 05-09-1985 or 5 September 1985.';

function dateFail(id: string, en: string): CellFailure {
  return fail('DATE_INVALID', id, en);
}

/** The one place that turns year/month/day into a result, so every form gets the same calendar checks. */
function checkedDate(year: number, month: number, day: number, raw: string): CellResult<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return dateFail(
      `Tahun ${year} pada "${raw}" di luar rentang ${MIN_YEAR}–${MAX_YEAR}. Periksa kembali tanggalnya.`,
      `The year ${year} in "${raw}" is outside ${MIN_YEAR}–${MAX_YEAR}. Check the date again.`,
    );
  }
  if (month < 1 || month > 12) {
    return dateFail(
      `Bulan ${month} pada "${raw}" tidak ada. Tanggal ditulis hari dulu, lalu bulan, lalu tahun (05-09-1985 = 5 September 1985); periksa apakah hari dan bulan tertukar.`,
      `There is no month ${month} in "${raw}". Dates are written day first, then month, then year (05-09-1985 = 5 September 1985); check whether day and month are swapped.`,
    );
  }
  if (!isRealDate(year, month, day)) {
    const last = daysInMonth(year, month);
    return dateFail(
      `Tanggal "${raw}" tidak ada di kalender: ${MONTH_NAMES.id[month - 1]} ${year} hanya sampai tanggal ${last}. Periksa kembali tanggalnya.`,
      `The date "${raw}" does not exist: ${MONTH_NAMES.en[month - 1]} ${year} has only ${last} days. Check the date again.`,
    );
  }
  return ok(toIsoDate(year, month, day));
}

const DAY_MS = 86_400_000;

/**
 * Spreadsheet serial (1900 date system) → ISO. Excel copied Lotus 1-2-3's bug that 1900 was a leap year: serial 60
 * is the non-existent 29 Feb 1900, so serials 1–59 count from 31 Dec 1899 and 61+ from 30 Dec 1899.
 */
function fromSerial(serial: number, raw: string): CellResult<string> {
  const whole = Math.floor(serial); // a fraction is the time of day
  if (serial === whole && whole >= MIN_YEAR && whole <= MAX_YEAR) {
    // Serials 1900–2099 are dates in 1905, which no worker record has; such a cell is a year on its own.
    return dateFail(
      `Hanya tahun (${raw}) yang diisi. Tulis tanggal lengkap, misalnya 05-09-${raw}.`,
      `Only a year (${raw}) was entered. Write the full date, e.g. 05-09-${raw}.`,
    );
  }
  if (whole < 1 || whole > MAX_SERIAL) {
    return dateFail(
      `Angka ${raw} bukan tanggal. Ubah format kolom menjadi Tanggal, atau tulis hari-bulan-tahun seperti 05-09-1985.`,
      `The number ${raw} is not a date. Format the column as Date, or write day-month-year like 05-09-1985.`,
    );
  }
  if (whole === 60) {
    return dateFail(
      'Angka 60 adalah tanggal 29-02-1900 yang tidak pernah ada (kekeliruan lama Excel). Periksa kembali tanggalnya.',
      'Serial 60 is 29 Feb 1900, a day that never existed (an old Excel quirk). Check the date again.',
    );
  }
  const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + whole * DAY_MS);
  return ok(toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
}

const TIME_SUFFIX = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME_SUFFIX}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})${TIME_SUFFIX}$`);
const DAY_MONTHNAME_YEAR = /^(\d{1,2})[\s\-/.]*([a-z]+)\.?[\s\-/.,]*(\d{4})$/i;
const MONTHNAME_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i;

function fromMonthName(name: string, day: string, year: string, raw: string): CellResult<string> | null {
  const month = MONTH_BY_NAME[name.toLowerCase()];
  return month === undefined ? null : checkedDate(Number(year), month, Number(day), raw);
}

function parseDateText(raw: string): CellResult<string> | null {
  if (/^\d{1,5}$/.test(raw)) return fromSerial(Number(raw), raw);
  let m = YEAR_FIRST.exec(raw);
  if (m) return checkedDate(Number(m[1]), Number(m[3]), Number(m[4]), raw);
  m = DAY_FIRST.exec(raw);
  if (m && m[4]?.length === 2) {
    return dateFail(
      `Tahun pada "${raw}" hanya 2 digit sehingga abadnya tidak pasti. Tulis tahun 4 digit, misalnya 05-09-1985.`,
      `The year in "${raw}" has only 2 digits, so the century is unclear. Write a 4-digit year, e.g. 05-09-1985.`,
    );
  }
  if (m) return checkedDate(Number(m[4]), Number(m[3]), Number(m[1]), raw);
  m = DAY_MONTHNAME_YEAR.exec(raw);
  if (m) return fromMonthName(m[2] ?? '', m[1] ?? '', m[3] ?? '', raw);
  m = MONTHNAME_DAY_YEAR.exec(raw);
  if (m) return fromMonthName(m[1] ?? '', m[2] ?? '', m[3] ?? '', raw);
  return null;
}

/**
 * A date cell → ISO `yyyy-mm-dd`. Accepts `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, `yyyy-mm-dd`
 * (optionally with a time, which is dropped), `12 Maret 1985`, `12 Mar 1985`, `12-Agustus-1985`, `March 12, 1985`,
 * spreadsheet serials (number, or a numeric string of up to 5 digits) and JS Dates (UTC parts, as XLSX readers
 * create them). Day always comes before month: mm/dd is never read, a month > 12 is an error that says so.
 */
export function parseDateCell(v: string | number | Date): CellResult<string> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime()))
      return dateFail(`Tanggal tidak valid. ${FORMAT_HINT_ID}`, `Invalid date. ${FORMAT_HINT_EN}`);
    return checkedDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate(), v.toISOString().slice(0, 10));
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v))
      return dateFail(`Tanggal tidak valid. ${FORMAT_HINT_ID}`, `Invalid date. ${FORMAT_HINT_EN}`);
    return fromSerial(v, String(v));
  }
  const raw = clean(v);
  if (raw === '') return dateFail(`Tanggal kosong. ${FORMAT_HINT_ID}`, `The date is empty. ${FORMAT_HINT_EN}`);
  return (
    parseDateText(raw) ??
    dateFail(
      `Tanggal "${raw}" tidak dikenali. ${FORMAT_HINT_ID}`,
      `The date "${raw}" is not recognised. ${FORMAT_HINT_EN}`,
    )
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers

/** National significant number (after +62 / the trunk 0): mobile 8x with 9–12 digits, i.e. 10–13 digits as 08…. */
const MOBILE_NSN = /^8[1-9]\d{7,10}$/;
/** Landline: area code (2–3 digits after the 0, never starting with 0, 1 or 8) and a 5–8 digit subscriber number. */
const LANDLINE_NSN = /^[2-79]\d{6,10}$/;

const PHONE_HINT_ID =
  'Tulis nomor HP seperti 0812-3456-7890 atau +62 812-3456-7890, atau telepon rumah dengan kode wilayah seperti 0274-123456.';
const PHONE_HINT_EN =
  'Write a mobile number like 0812-3456-7890 or +62 812-3456-7890, or a landline with its area code like 0274-123456.';

function phoneFail(id: string, en: string): CellFailure {
  return fail('PHONE_INVALID', `${id} ${PHONE_HINT_ID}`, `${en} ${PHONE_HINT_EN}`);
}

/**
 * Strips the country code or trunk 0 and returns the national significant number, or null when the number is
 * not Indonesian. A bare number starting with 8 is a mobile whose leading 0 a spreadsheet dropped; other bare
 * numbers are rejected because they are usually local landline numbers without their area code.
 */
function nationalNumber(compact: string): string | null {
  let rest: string;
  if (compact.startsWith('+62')) rest = compact.slice(3);
  else if (compact.startsWith('0062')) rest = compact.slice(4);
  else if (compact.startsWith('0')) rest = compact.slice(1);
  else if (compact.startsWith('62')) rest = compact.slice(2);
  else if (compact.startsWith('8')) rest = compact;
  else return null;
  // "+62 (0)812…" keeps the trunk 0 inside the international form.
  return rest.startsWith('0') ? rest.slice(1) : rest;
}

/**
 * The WhatsApp link for a stored phone number (`+6281234567890` → `https://wa.me/6281234567890`): digits only, with
 * the country code 62 and no trunk 0, as wa.me wants them. Null for a landline or a number that is not Indonesian:
 * WhatsApp runs on mobiles.
 */
export function whatsappLink(phone: string | null): string | null {
  if (phone === null) return null;
  const parsed = parsePhone(phone);
  if (!parsed.ok) return null;
  const nsn = parsed.value.slice(3);
  return MOBILE_NSN.test(nsn) ? `https://wa.me/62${nsn}` : null;
}

/** `0812-3456-7890`, `628123456789`, `+62 812 3456 7890`, `(0274) 123456` → E.164 `+62…`. */
export function parsePhone(v: string | number): CellResult<string> {
  const raw = typeof v === 'number' ? (Number.isSafeInteger(v) && v > 0 ? String(v) : '') : clean(v);
  if (raw === '') return phoneFail('Nomor telepon kosong.', 'The phone number is empty.');
  if (/[/,;]|\batau\b|\bor\b/i.test(raw)) {
    return phoneFail(
      `Kolom telepon berisi lebih dari satu nomor ("${raw}"). Isi satu nomor saja.`,
      `The phone cell holds more than one number ("${raw}"). Enter one number only.`,
    );
  }
  const compact = raw.replace(/[\s\-.()]/g, '');
  if (/^\+(?!62)/.test(compact) || /^00(?!62)/.test(compact)) {
    return phoneFail(`Nomor "${raw}" bukan nomor Indonesia (+62).`, `"${raw}" is not an Indonesian (+62) number.`);
  }
  const nsn = nationalNumber(compact);
  if (nsn !== null && (MOBILE_NSN.test(nsn) || LANDLINE_NSN.test(nsn))) return ok(`+62${nsn}`);
  if (nsn !== null && /^8[1-9]\d*$/.test(nsn)) {
    const length = nsn.length + 1;
    return phoneFail(
      `Nomor HP "${raw}" terdiri dari ${length} digit (dengan 0 di depan), padahal nomor HP 10–13 digit.`,
      `The mobile number "${raw}" has ${length} digits (with the leading 0), but mobile numbers have 10–13.`,
    );
  }
  return phoneFail(`Nomor telepon "${raw}" tidak dikenali.`, `The phone number "${raw}" is not recognised.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Names

/** Trim and collapse inner whitespace; otherwise the KTP spelling (case, apostrophes, dots) is kept as written. */
export function normaliseName(v: string): string {
  return clean(v);
}

/** Academic degrees written after a name without a comma: S.Pd, S.E., M.Si, A.Md.Kep … (S/M/A, dot, letters). */
const TRAILING_DEGREE = /^[SMA]\.[A-Z]{1,5}(\.[A-Z]{1,5})*\.?$/;

/**
 * Honorifics and titles written before a name in village lists but not on the KTP (Dukcapil omits them). Matched
 * after punctuation became spaces, and only when another word follows: "Hadi" keeps its H, "K.H. Ahmad" (K H) and
 * "Drs.H.Ahmad" lose theirs, a person recorded only as "Ibu" keeps that word.
 */
// prettier-ignore
const LEADING_TITLES = [
  'H', 'HJ', 'HAJI', 'HAJJAH', 'K ?H', 'TGH', 'PROF', 'DR', 'DRS', 'DRA', 'IR',
  'UST', 'USTAD', 'USTADZ', 'USTAZ', 'USTADZAH', 'USTAZAH',
  'BPK', 'BAPAK', 'PAK', 'IBU', 'BU', 'SDR', 'SDRI', 'SDRA', 'NY', 'NYONYA', 'TN', 'TUAN',
  'ALM', 'ALMH', 'ALMARHUM', 'ALMARHUMAH',
];
const LEADING_TITLE = new RegExp(`^(?:${LEADING_TITLES.join('|')}) +(?=\\S)`);

function withoutLeadingTitles(name: string): string {
  let rest = name;
  while (LEADING_TITLE.test(rest)) rest = rest.replace(LEADING_TITLE, '');
  return rest;
}

/**
 * Key for probable-duplicate detection, not for display: `"Drs. H. Ahmad Ma'ruf, M.Pd."` → `"AHMAD MARUF"`.
 * Upper case without diacritics; everything after the first comma dropped (in Indonesian usage a comma in a name
 * only introduces degrees); trailing degree-shaped tokens and leading titles (closed list) dropped while a word
 * remains; apostrophes removed (Ma'ruf = Maruf), other punctuation turned into spaces (M.Yusuf = M Yusuf).
 * Spelling variants (Muhammad/Muhamad/Moh.) are NOT merged: that is fuzzy matching, the caller's job.
 * Idempotent: `nameKey(nameKey(x)) === nameKey(x)`.
 */
export function nameKey(v: string): string {
  const upper = clean(v).normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase();
  const tokens = (upper.split(',')[0] ?? '').split(' ').filter((t) => t !== '');
  while (tokens.length > 1 && TRAILING_DEGREE.test(tokens[tokens.length - 1] ?? '')) tokens.pop();
  const plain = tokens
    .join(' ')
    .replace(/['‘’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return withoutLeadingTitles(plain);
}

// ---------------------------------------------------------------------------------------------------------------
// Sex

/** Keys are upper case with everything but letters and digits removed ("Laki - laki" → LAKILAKI). 1/2 is Dukcapil's coding. */
// prettier-ignore
const SEX_BY_TEXT: Readonly<Record<string, Sex>> = {
  L: 'L', LK: 'L', LAKI: 'L', LAKILAKI: 'L', LELAKI: 'L', PRIA: 'L', M: 'L', MALE: 'L', '1': 'L',
  P: 'P', PR: 'P', PEREMPUAN: 'P', WANITA: 'P', W: 'P', F: 'P', FEMALE: 'P', '2': 'P',
};

/** `L`, `Laki-laki`, `LK`, `Pria`, `M`, `1` → 'L'; `P`, `Perempuan`, `PR`, `Wanita`, `F`, `2` → 'P'. */
export function parseSex(v: string | number): CellResult<Sex> {
  const key = String(v)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  const sex = SEX_BY_TEXT[key];
  if (sex) return ok(sex);
  const shown = clean(String(v));
  return fail(
    'SEX_INVALID',
    `Jenis kelamin "${shown}" tidak dikenali. Isi L (laki-laki) atau P (perempuan).`,
    `Sex "${shown}" is not recognised. Enter L (male) or P (female).`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Rupiah amounts

/** Informal multipliers seen in lists: "1,5 jt", "500 rb", "500k". Value = zeros to append. */
const AMOUNT_UNITS: Readonly<Record<string, number>> = {
  juta: 6,
  jt: 6,
  ribu: 3,
  rb: 3,
  k: 3,
};

/**
 * Integer and fraction digits of a written number, Indonesian grouping first. Null when it is not a number.
 * Before a unit word the number is short and its one separator is a decimal mark: "2,125 juta" is 2.125.000.
 */
function splitDecimal(s: string, beforeUnit: boolean): { int: string; frac: string } | null {
  if (beforeUnit) {
    const u = /^(\d+)(?:[.,](\d+))?$/.exec(s);
    return u ? { int: u[1] ?? '', frac: u[2] ?? '' } : null;
  }
  let m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(s); // 1.500.000,00
  if (m) return { int: (m[1] ?? '').replace(/\./g, ''), frac: m[2] ?? '' };
  m = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(s); // 1,500,000.00
  if (m) return { int: (m[1] ?? '').replace(/,/g, ''), frac: m[2] ?? '' };
  m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s); // 1500000 / 1500000,00
  if (m) return { int: m[1] ?? '', frac: m[2] ?? '' };
  return null;
}

function amountFail(raw: string): CellFailure {
  return fail(
    'AMOUNT_INVALID',
    `Nominal "${raw}" tidak dikenali. Tulis rupiah bulat seperti 1.000.000 atau Rp 1.000.000.`,
    `The amount "${raw}" is not recognised. Write whole rupiah like 1.000.000 or Rp 1.000.000.`,
  );
}

function fractionFail(raw: string): CellFailure {
  return fail(
    'AMOUNT_INVALID',
    `Nominal "${raw}" memuat pecahan rupiah (sen). Tulis rupiah bulat, misalnya 1.500.000; pembulatan tidak dilakukan otomatis.`,
    `The amount "${raw}" has a fraction of a rupiah. Write whole rupiah, e.g. 1.500.000; amounts are never rounded automatically.`,
  );
}

/**
 * `Rp 1.000.000`, `1.000.000`, `1,000,000`, `1000000`, `1.500.000,00`, `Rp 1.000.000,-`, `1,5 juta`, a number →
 * integer rupiah. Fractions of a rupiah are rejected, never rounded: rounding is a rule with its own legal basis.
 */
export function parseRupiah(v: string | number): CellResult<number> {
  if (typeof v === 'number') {
    if (Number.isFinite(v) && !Number.isInteger(v)) return fractionFail(String(v));
    return Number.isSafeInteger(v) && v >= 0 ? ok(v) : amountFail(String(v));
  }
  const raw = clean(v);
  const body = raw
    .replace(/\s/g, '')
    .replace(/^(rp\.?|idr)/i, '')
    .replace(/rupiah$/i, '')
    .replace(/[,.][-=]$/, '');
  const unitMatch = /(juta|jt|ribu|rb|k)\.?$/i.exec(body);
  const zeros = unitMatch ? (AMOUNT_UNITS[(unitMatch[1] ?? '').toLowerCase()] ?? 0) : 0;
  const parts = unitMatch ? splitDecimal(body.slice(0, unitMatch.index), true) : splitDecimal(body, false);
  if (!parts) return amountFail(raw);
  // Move the decimal point right by `zeros`; anything left after it must be zeros (no sen).
  const digits = parts.int + parts.frac.slice(0, zeros).padEnd(zeros, '0');
  if (/[1-9]/.test(parts.frac.slice(zeros))) return fractionFail(raw);
  const value = Number(digits);
  return Number.isSafeInteger(value) ? ok(value) : amountFail(raw);
}

// ---------------------------------------------------------------------------------------------------------------
// Region codes

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

const LEVEL_BY_PARTS: readonly RegionLevel[] = ['province', 'regency', 'district', 'village'];
const DOTTED_CODE = /^(\d{2})(?:\.(\d{2})(?:\.(\d{2})(?:\.(\d{4}))?)?)?$/;
const PLAIN_CODE = /^(\d{2})(?:(\d{2})(?:(\d{2})(\d{4})?)?)?$/;

const REGION_HINT_ID =
  'Tulis kode Kemendagri seperti 34.02.08.2004 (desa/kelurahan), 34.02.08 (kecamatan), 34.02 (kabupaten/kota) atau 34 (provinsi).';
const REGION_HINT_EN =
  'Write a Kemendagri code like 34.02.08.2004 (village), 34.02.08 (district), 34.02 (regency/city) or 34 (province).';

/** Why a part cannot exist under Permendagri 137/2017 numbering (domain.md §8), or null when it can. */
function impossiblePart(parts: readonly string[]): Bilingual | null {
  const [pp = '', kk, cc, dddd] = parts;
  if (!/^[1-9][1-9]$/.test(pp))
    return {
      id: `Kode provinsi ${pp} tidak mungkin.`,
      en: `Province code ${pp} cannot exist.`,
    };
  if (kk !== undefined && (kk === '00' || kk === '70')) {
    return {
      id: `Kode kabupaten/kota ${kk} tidak mungkin (kabupaten 01–69, kota 71–99).`,
      en: `Regency code ${kk} cannot exist (regencies 01–69, cities 71–99).`,
    };
  }
  if (cc === '00')
    return {
      id: 'Kode kecamatan 00 tidak mungkin.',
      en: 'District code 00 cannot exist.',
    };
  if (dddd !== undefined && !/^[12](?!000)\d{3}$/.test(dddd)) {
    return {
      id: `Kode desa/kelurahan ${dddd} tidak mungkin: diawali 1 (kelurahan) atau 2 (desa). Kode BPS tidak dapat dipakai.`,
      en: `Village code ${dddd} cannot exist: it starts with 1 (kelurahan) or 2 (desa). BPS codes cannot be used.`,
    };
  }
  return null;
}

/** `34.02.08.2004`, `3402082004`, `34.02.08`, `3402` … → dotted canonical code and its level. */
export function parseRegionCode(v: string | number): CellResult<{ code: string; level: RegionLevel }> {
  const raw = typeof v === 'number' ? (Number.isSafeInteger(v) ? String(v) : '') : clean(v);
  const m = DOTTED_CODE.exec(raw) ?? PLAIN_CODE.exec(raw);
  if (!m)
    return fail(
      'REGION_CODE_INVALID',
      `Kode wilayah "${raw}" tidak dikenali. ${REGION_HINT_ID}`,
      `Region code "${raw}" is not recognised. ${REGION_HINT_EN}`,
    );
  const parts = m.slice(1).filter((p): p is string => p !== undefined);
  const problem = impossiblePart(parts);
  if (problem) return fail('REGION_CODE_INVALID', `${problem.id} ${REGION_HINT_ID}`, `${problem.en} ${REGION_HINT_EN}`);
  const level = LEVEL_BY_PARTS[parts.length - 1] ?? 'province';
  return ok({ code: parts.join('.'), level });
}
