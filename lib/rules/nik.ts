// NIK (Nomor Induk Kependudukan) checks for imported and typed-in worker data. See docs: domain.md §5.1.
//
// A NIK is PPKKCC DDMMYY SSSS: the district (kecamatan) of FIRST registration, the birth date (day + 40 for women)
// and a serial. Three facts shape the rules below:
// - The NIK never changes, even when Dukcapil corrects the birth date, so a NIK that disagrees with the declared
//   birth date or sex is a warning, never an error: the KTP / Dukcapil record is authoritative.
// - The region prefix is where the person was first registered, not where they live now, and it may be a code that
//   no longer exists after a boundary split (pemekaran). We report it and never derive domicile from it.
// - The year has two digits; the century is a guess (see `resolveBirthYear`).
//
// Pure: no I/O. Region look-ups come in through `NikContext` so the caller decides which region table is "current".

import type { Bilingual } from '../i18n/locale.ts';

export type Sex = 'L' | 'P';

export const NIK_ERROR_CODES = ['NIK_FORMAT', 'NIK_DATE', 'NIK_SERIAL', 'NIK_PROVINCE_UNKNOWN'] as const;
export const NIK_WARNING_CODES = ['NIK_DISTRICT_UNKNOWN', 'NIK_BIRTHDATE_MISMATCH', 'NIK_SEX_MISMATCH'] as const;
export type NikIssueCode = (typeof NIK_ERROR_CODES)[number] | (typeof NIK_WARNING_CODES)[number];

export interface NikIssue {
  code: NikIssueCode;
  severity: 'error' | 'warning';
  message: Bilingual;
  /** A value the operator can accept with one click: the digits-only NIK, the NIK's birth date (ISO), its sex. */
  suggestion?: string;
}

export interface NikContext {
  /** Two-digit province code, e.g. `'34'`. Include historical codes if the region table keeps them. */
  provinceExists(code2: string): boolean;
  /** Called with the DOTTED district code `'PP.KK.CC'` (e.g. `'34.02.08'`), the form region tables store. */
  districtExists(code6: string): boolean;
  /** Birth date as declared (KTP field in the file), ISO `yyyy-mm-dd`. Ignored when not a real ISO date. */
  birthDate?: string;
  sex?: Sex;
  /** ISO `yyyy-mm-dd`; defaults to the current UTC date. Only used to pick the century of the birth year. */
  today?: string;
}

export interface NikImplied {
  /** `'34'` */
  provinceCode: string;
  /** `'34.02'` */
  regencyCode: string;
  /** `'34.02.08'`: the district of first registration, NOT the domicile. */
  districtCode: string;
  /** ISO date, or null when digits 7–12 are not a real date. */
  birthDate: string | null;
  /** From digits 7–8 (01–31 men, 41–71 women), or null when they are in neither range. */
  sex: Sex | null;
  /** Digits 13–16, e.g. `'0001'`. */
  serial: string;
}

export interface NikValidation {
  /** The normalised 16 digits, or null when any issue has severity `error`. */
  nik: string | null;
  issues: NikIssue[];
  /** What the NIK encodes; null only when the text is not 16 digits at all. */
  implied: NikImplied | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar helpers (exported for import-values.ts; kept here so the rules have no date library dependency).

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year-month-day is a day that exists in the Gregorian calendar (29 Feb only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** '00'…'99': two-digit parts of dates without a padStart per call (the import checks a million NIKs). */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => pad(i, 2));

export function toIsoDate(year: number, month: number, day: number): string {
  return `${year >= 1000 && year <= 9999 ? year : pad(year, 4)}-${TWO_DIGITS[month] ?? pad(month, 2)}-${TWO_DIGITS[day] ?? pad(day, 2)}`;
}

/** The value of the ASCII digits text[from, to), or -1 when one of them is not a digit. */
export function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Strict `yyyy-mm-dd` that exists in the calendar, or null. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (year < 0 || month < 0 || day < 0) return null;
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** `1985-03-12` → `12-03-1985`, the form-field style of ui.md, used inside messages. */
function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Format

/** Everything `String.prototype.trim` removes plus zero-width characters that ride along with copy-paste. */
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g;

/** `3,40208E+15`, `3.40208E+15`, `3.402081234567E15`: what a spreadsheet writes for a long number in a CSV. */
export function isScientificNotation(text: string): boolean {
  return /^\d+([.,]\d+)?e\+?\d+$/i.test(text.trim());
}

/** Letters that OCR and hurried typing put in place of digits. Only ever suggested, never applied silently. */
const LOOKALIKE_DIGITS: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  I: '1',
  l: '1',
};

function formatIssue(message: Bilingual, suggestion?: string): NikIssue {
  const issue: NikIssue = { code: 'NIK_FORMAT', severity: 'error', message };
  if (suggestion !== undefined) issue.suggestion = suggestion;
  return issue;
}

/** Why `text` (already trimmed) is not 16 digits, with the most useful fix first. Null when it is fine. */
function checkFormat(text: string): NikIssue | null {
  if (/^\d{16}$/.test(text)) return null;
  if (text === '') {
    return formatIssue({
      id: 'NIK kosong. Isi 16 digit NIK sesuai KTP.',
      en: 'The NIK is empty. Enter the 16-digit NIK shown on the KTP.',
    });
  }
  if (isScientificNotation(text)) {
    return formatIssue({
      id: `NIK tertulis sebagai angka ilmiah (${text}) sehingga digitnya hilang. Ubah format kolom NIK menjadi Teks, ketik ulang NIK dari KTP, lalu unggah ulang.`,
      en: `The NIK was written in scientific notation (${text}), so digits were lost. Format the NIK column as Text, retype the NIK from the KTP and upload again.`,
    });
  }
  const stray = [...text].find((c) => !/[\d.\-\s]/.test(c));
  if (stray !== undefined) {
    const guess = [...text.replace(/[.\-\s]/g, '')].map((c) => LOOKALIKE_DIGITS[c] ?? c).join('');
    return formatIssue(
      {
        id: `NIK hanya boleh berisi angka, tetapi ada karakter "${stray}". Salin ulang NIK dari KTP (huruf O atau I sering tertukar dengan angka 0 atau 1).`,
        en: `The NIK may contain digits only, but it has the character "${stray}". Copy the NIK again from the KTP (the letters O and I are often typed for 0 and 1).`,
      },
      /^\d{16}$/.test(guess) ? guess : undefined,
    );
  }
  const digits = text.replace(/\D/g, '');
  if (digits !== text && digits.length === 16) {
    return formatIssue(
      {
        id: 'NIK berisi titik, tanda hubung, atau spasi. Tulis 16 angka tanpa pemisah, misalnya 3402081203850001.',
        en: 'The NIK contains dots, dashes or spaces. Write the 16 digits without separators, e.g. 3402081203850001.',
      },
      digits,
    );
  }
  return formatIssue({
    id: `NIK harus 16 digit, tetapi yang diisi ${digits.length} digit. Periksa kembali NIK pada KTP.`,
    en: `A NIK has 16 digits, but this one has ${digits.length}. Check the NIK on the KTP again.`,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Birth date and sex

/**
 * The four-digit year for the NIK's two-digit year `yy`.
 * - If the declared birth date (not in the future) ends in the same two digits, take its century: the declared
 *   date is the authoritative one (Dukcapil), so someone born in 1925 is not read as born in 2025.
 * - Otherwise the latest year ending in `yy` that is not after today's year (today 2026: `26` → 2026, `27` → 1927).
 *   Simple and predictable; a worker aged 100+ is rarer than one aged 0–99.
 */
export function resolveBirthYear(yy: number, todayYear: number, declaredYear?: number): number {
  if (declaredYear !== undefined && declaredYear <= todayYear && declaredYear % 100 === yy) return declaredYear;
  const candidate = todayYear - (todayYear % 100) + yy;
  return candidate <= todayYear ? candidate : candidate - 100;
}

function sexFromDayDigits(dd: number): Sex | null {
  if (dd >= 1 && dd <= 31) return 'L';
  if (dd >= 41 && dd <= 71) return 'P';
  return null;
}

interface DecodedDate {
  birthDate: string | null;
  sex: Sex | null;
  issue: NikIssue | null;
}

function dateIssue(idText: string, enText: string): NikIssue {
  return {
    code: 'NIK_DATE',
    severity: 'error',
    message: {
      id: `${idText} Periksa kembali NIK pada KTP.`,
      en: `${enText} Check the NIK on the KTP again.`,
    },
  };
}

/** Digits 7–12 (`DDMMYY`) → birth date and sex, or the reason they are impossible. */
function decodeBirth(digits: string, todayYear: number, declaredYear?: number): DecodedDate {
  const dd = digitsAt(digits, 6, 8);
  const mm = digitsAt(digits, 8, 10);
  const yy = digitsAt(digits, 10, 12);
  const sex = sexFromDayDigits(dd);
  if (sex === null) {
    const issue = dateIssue(
      `Digit ke-7 dan ke-8 NIK (${digits.slice(6, 8)}) harus tanggal lahir 01–31 untuk laki-laki atau 41–71 untuk perempuan (tanggal + 40).`,
      `Digits 7–8 of the NIK (${digits.slice(6, 8)}) must be the day of birth: 01–31 for men or 41–71 for women (day + 40).`,
    );
    return { birthDate: null, sex: null, issue };
  }
  if (mm < 1 || mm > 12) {
    const issue = dateIssue(
      `Digit ke-9 dan ke-10 NIK (${digits.slice(8, 10)}) harus bulan lahir 01–12.`,
      `Digits 9–10 of the NIK (${digits.slice(8, 10)}) must be the month of birth, 01–12.`,
    );
    return { birthDate: null, sex, issue };
  }
  const day = sex === 'P' ? dd - 40 : dd;
  const year = resolveBirthYear(yy, todayYear, declaredYear);
  if (!isRealDate(year, mm, day)) {
    const shown = `${pad(day, 2)}-${pad(mm, 2)}-${year}`;
    const issue = dateIssue(
      `Tanggal lahir pada NIK (${shown}) tidak ada di kalender.`,
      `The birth date in the NIK (${shown}) does not exist in the calendar.`,
    );
    return { birthDate: null, sex, issue };
  }
  return { birthDate: toIsoDate(year, mm, day), sex, issue: null };
}

function sexWord(sex: Sex): Bilingual {
  return sex === 'L' ? { id: 'laki-laki', en: 'male' } : { id: 'perempuan', en: 'female' };
}

/** Operators often type mm/dd; say so when that is the only difference. */
function isDayMonthSwap(a: string, b: string): boolean {
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  return ya === yb && ma === db && da === mb;
}

function birthDateMismatch(implied: string, declared: string): NikIssue {
  const swap = isDayMonthSwap(implied, declared);
  const n = displayDate(implied);
  const d = displayDate(declared);
  return {
    code: 'NIK_BIRTHDATE_MISMATCH',
    severity: 'warning',
    message: {
      id:
        `Tanggal lahir menurut NIK (${n}) berbeda dengan tanggal lahir yang diisi (${d})` +
        (swap ? '; tanggal dan bulan tampaknya tertukar. ' : '. ') +
        'Cocokkan dengan KTP. Bila tanggal lahir pernah dikoreksi Dukcapil, isian boleh tetap karena NIK tidak ikut berubah.',
      en:
        `The birth date in the NIK (${n}) differs from the declared birth date (${d})` +
        (swap ? '; day and month look swapped. ' : '. ') +
        'Compare with the KTP. If Dukcapil corrected the birth date, keep the entry: the NIK does not change.',
    },
    suggestion: implied,
  };
}

function sexMismatch(implied: Sex, declared: Sex): NikIssue {
  const n = sexWord(implied);
  const d = sexWord(declared);
  return {
    code: 'NIK_SEX_MISMATCH',
    severity: 'warning',
    message: {
      id: `Menurut NIK jenis kelaminnya ${n.id} (pada NIK perempuan, tanggal lahir ditambah 40), tetapi yang diisi ${d.id}. Cocokkan dengan KTP.`,
      en: `According to the NIK the sex is ${n.en} (women's NIKs add 40 to the day of birth), but ${d.en} was entered. Compare with the KTP.`,
    },
    suggestion: implied,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Region prefix

function regionOf(digits: string): Pick<NikImplied, 'provinceCode' | 'regencyCode' | 'districtCode'> {
  const pp = digits.slice(0, 2);
  const kk = digits.slice(2, 4);
  const cc = digits.slice(4, 6);
  return {
    provinceCode: pp,
    regencyCode: `${pp}.${kk}`,
    districtCode: `${pp}.${kk}.${cc}`,
  };
}

/** Province unknown is an error (digits 1–2 are wrong); district unknown only a warning (it may have been split). */
function checkRegion(region: ReturnType<typeof regionOf>, ctx: NikContext): NikIssue | null {
  if (!ctx.provinceExists(region.provinceCode)) {
    return {
      code: 'NIK_PROVINCE_UNKNOWN',
      severity: 'error',
      message: {
        id: `Kode provinsi ${region.provinceCode} pada dua digit pertama NIK tidak dikenal. Periksa kembali NIK pada KTP.`,
        en: `Province code ${region.provinceCode} in the first two digits of the NIK is unknown. Check the NIK on the KTP again.`,
      },
    };
  }
  if (!ctx.districtExists(region.districtCode)) {
    return {
      code: 'NIK_DISTRICT_UNKNOWN',
      severity: 'warning',
      message: {
        id: `Kode kecamatan ${region.districtCode} pada NIK tidak ada di daftar wilayah saat ini, mungkin karena pemekaran. NIK tetap dapat dipakai; pastikan alamat domisili diisi.`,
        en: `District code ${region.districtCode} in the NIK is not in the current region list, possibly after a boundary split. The NIK can still be used; make sure the domicile address is filled in.`,
      },
    };
  }
  return null;
}

function serialIssue(): NikIssue {
  return {
    code: 'NIK_SERIAL',
    severity: 'error',
    message: {
      id: 'Empat digit terakhir NIK adalah 0000, padahal nomor urut dimulai dari 0001. Periksa NIK pada KTP; bila kolom NIK di Excel berformat angka, digit terakhir berubah menjadi 0: ubah format kolom menjadi Teks, ketik ulang NIK, lalu unggah ulang.',
      en: 'The last four digits of the NIK are 0000, but serials start at 0001. Check the NIK on the KTP; a spreadsheet number column turns the last digit into 0: format the column as Text, retype the NIKs and upload again.',
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

let lastToday: { text: string | undefined; year: number } | null = null;

function todayYearOf(today: string | undefined): number {
  // An import passes the same `today` for every row: read it once.
  if (today !== undefined && lastToday?.text === today) return lastToday.year;
  const parsed = today === undefined ? null : parseIsoDate(today);
  const year = parsed?.year ?? new Date().getUTCFullYear();
  if (today !== undefined) lastToday = { text: today, year };
  return year;
}

/** True when the first and the last character are ASCII digits: nothing for EDGE_SPACE to remove. */
function digitEdges(raw: string): boolean {
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  return first >= 48 && first <= 57 && last >= 48 && last <= 57;
}

/**
 * Checks one NIK as typed or imported. Reports every issue at once so the operator fixes a row in one pass.
 * Errors (`NIK_FORMAT`, `NIK_DATE`, `NIK_SERIAL`, `NIK_PROVINCE_UNKNOWN`) make `nik` null; warnings do not.
 */
export function validateNik(raw: string, ctx: NikContext): NikValidation {
  const text = digitEdges(raw) ? raw : raw.replace(EDGE_SPACE, '');
  const formatProblem = checkFormat(text);
  if (formatProblem) return { nik: null, issues: [formatProblem], implied: null };

  const declared = ctx.birthDate === undefined ? null : parseIsoDate(ctx.birthDate);
  const region = regionOf(text);
  const birth = decodeBirth(text, todayYearOf(ctx.today), declared?.year);
  const serial = text.slice(12);
  const implied: NikImplied = {
    ...region,
    birthDate: birth.birthDate,
    sex: birth.sex,
    serial,
  };

  const issues: NikIssue[] = [];
  const regionProblem = checkRegion(region, ctx);
  if (regionProblem) issues.push(regionProblem);
  if (birth.issue) issues.push(birth.issue);
  if (serial === '0000') issues.push(serialIssue());
  if (declared && ctx.birthDate && implied.birthDate && ctx.birthDate !== implied.birthDate) {
    issues.push(birthDateMismatch(implied.birthDate, ctx.birthDate));
  }
  if (ctx.sex && implied.sex && ctx.sex !== implied.sex) issues.push(sexMismatch(implied.sex, ctx.sex));

  const hasError = issues.some((i) => i.severity === 'error');
  return { nik: hasError ? null : text, issues, implied };
}

const MASK = '••••••';

/**
 * `3402081203850001` → `340208••••••0001` for lists and logs (UU 27/2022): the district (digits 1–6) and the last 4
 * stay, so rows of one list differ and a person can be matched by the last 4 digits; birth date and the first
 * digits of the serial stay hidden. Always six bullets, whatever the length, so a mask never tells how long a
 * broken value was. A value shorter than 16 keeps only its first and last 4 characters, one shorter than 12 none,
 * so that at least a third of any value stays hidden.
 */
export function maskNik(nik: string): string {
  const text = nik.replace(EDGE_SPACE, '');
  if (text.length < 12) return MASK;
  if (text.length < 16) return `${text.slice(0, 4)}${MASK}${text.slice(-4)}`;
  return `${text.slice(0, 6)}${MASK}${text.slice(-4)}`;
}

/**
 * Number of positions at which two NIKs differ (Hamming distance), for probable-duplicate detection: distance 1 is
 * a typo, 2 often a swapped pair. Strings of different length are never near-duplicates: returns `Infinity`.
 */
export function nikDigitDistance(a: string, b: string): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let distance = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) distance += 1;
  return distance;
}

/**
 * A NIK as typed or pasted into a form: spaces (also non-breaking and zero-width), dots, dashes and slashes between
 * the digit groups are dropped (`3402 0812 0385 0001`, `34.02.08-120385-0001`). Anything else (letters, a too-short
 * number) is kept, so that `validateNik` still reports it.
 */
export function cleanNikInput(raw: string): string {
  const stripped = raw.replace(/[\s\u00A0\u200B-\u200D\u2060.\-/]/g, '');
  return /^\d*$/.test(stripped) ? stripped : raw.trim();
}

/** What a typed NIK tells the form before it is saved: its birth date (ISO) and sex, or null while incomplete. */
export function nikPrefill(raw: string, today?: string): { nik: string; birthDate: string; sex: Sex } | null {
  const nik = cleanNikInput(raw);
  if (!/^\d{16}$/.test(nik)) return null;
  const birth = decodeBirth(nik, todayYearOf(today));
  if (birth.birthDate === null || birth.sex === null) return null;
  return { nik, birthDate: birth.birthDate, sex: birth.sex };
}

/**
 * The NIK of a person first registered in district `PP.KK.CC`, born on `birthDate` (ISO), with this serial: for
 * example rows of templates and for test data. Women's day of birth has 40 added.
 */
export function composeNik(districtCode: string, birthDate: string, sex: Sex, serial: number): string {
  const [year, month, day] = birthDate.split('-');
  const dd = Number(day) + (sex === 'P' ? 40 : 0);
  return `${districtCode.replace(/\./g, '')}${pad(dd, 2)}${month}${year!.slice(2)}${pad(serial, 4)}`;
}
