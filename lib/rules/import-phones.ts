// Phone cells of worker lists (import-values.ts is the public entry): Indonesian mobile and landline numbers in their
// +62 form; a local number without its area code is rejected, not guessed.
import { ok, fail, clean, type CellFailure, type CellResult } from './import-cell.ts';

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
