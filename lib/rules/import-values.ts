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
import { isScientificNotation, type Sex } from './nik.ts';
import { ok, fail, clean, type CellFailure, type CellResult } from './import-cell.ts';

export {
  IMPORT_VALUE_CODES,
  isBlankCell,
  isTidyText,
  type CellFailure,
  type CellResult,
  type CellSuccess,
  type ImportValueCode,
} from './import-cell.ts';
export { parseDateCell } from './import-dates.ts';
export { parsePhone, whatsappLink } from './import-phones.ts';

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
