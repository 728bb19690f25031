// Date cells of worker lists (import-values.ts is the public entry): day before month, spreadsheet serials, month
// names in Indonesian or English; ambiguous or impossible dates are rejected with an instruction.
import { MONTH_NAMES } from '../i18n/months.ts';
import { isRealDate, toIsoDate, daysInMonth } from './nik.ts';
import { ok, fail, clean, type CellFailure, type CellResult } from './import-cell.ts';

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
