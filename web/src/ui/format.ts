// Display formats from ui.md: `5 Sep 1985` in tables, `5 Sep 2026 14.05` for times, Asia/Jakarta (WIB) for display,
// id-ID digit grouping. Built from Intl parts so the shape does not drift with the browser's ICU version.
import { DEFAULT_LOCALE, type Locale } from '../../../lib/i18n/locale.ts';
import { formatMoneyIn, formatMoneyShortIn, formatNumberIn, formatPercentIn } from '../../../lib/i18n/numbers.ts';

let uiLocale: Locale = DEFAULT_LOCALE;

/**
 * Called by the i18n provider whenever the language changes, before the pages render again: figures and dates
 * formatted without an explicit locale follow the page's language (one number style per language).
 */
export function setFormatLocale(locale: Locale): void {
  uiLocale = locale;
}

export const DISPLAY_TIME_ZONE = 'Asia/Jakarta';

const INTL_LOCALE: Readonly<Record<Locale, string>> = { id: 'id-ID', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime && { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const }),
      timeZone: DISPLAY_TIME_ZONE,
    });
    cache.set(key, format);
  }
  return format;
}

function toDate(value: Date | string | number): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parts(value: Date, locale: Locale, withTime: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dateTimeFormat(locale, withTime).formatToParts(value)) out[p.type] = p.value;
  return out;
}

/** `5 Sep 1985`; a date-only string (`1985-09-05`) is taken as that calendar day, not shifted by time zone. */
export function formatDate(value: Date | string | number | null | undefined, locale: Locale = uiLocale): string {
  if (value === null || value === undefined || value === '') return '—';
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? toDate(`${value}T12:00:00+07:00`) : toDate(value);
  if (!date) return String(value);
  const p = parts(date, locale, false);
  return `${p.day} ${p.month} ${p.year}`;
}

/** `5 Sep 2026 14.05` (Indonesian uses a dot between hours and minutes; English a colon). */
export function formatDateTime(value: Date | string | number | null | undefined, locale: Locale = uiLocale): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = toDate(value);
  if (!date) return String(value);
  const p = parts(date, locale, true);
  const hour = p.hour === '24' ? '00' : p.hour;
  return `${p.day} ${p.month} ${p.year} ${hour}${locale === 'id' ? '.' : ':'}${p.minute}`;
}

/** `05-09-1985`: the form format from ui.md. */
export function formatDateForForm(value: Date | string, timeZone = DISPLAY_TIME_ZONE): string {
  const date = toDate(value);
  if (!date) return String(value);
  const p: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone,
  }).formatToParts(date)) {
    p[part.type] = part.value;
  }
  return `${p.day}-${p.month}-${p.year}`;
}

/**
 * A whole-number field (Rupiah, persons) that groups digits as the figures do: `15.000` in Indonesian, `15,000` in
 * English. Spread into a Mantine NumberInput.
 */
export function wholeNumberInput(locale: Locale) {
  return {
    thousandSeparator: locale === 'id' ? '.' : ',',
    decimalSeparator: locale === 'id' ? ',' : '.',
    allowDecimal: false,
    allowNegative: false,
  } as const;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** `83.762` in Indonesian, `83,762` in English. */
export function formatNumber(value: number | bigint | null | undefined, locale: Locale = uiLocale): string {
  if (value === null || value === undefined) return '—';
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** `12,5%` / `12.5%` (at most two decimals); `—` for no value. */
export function formatPercent(value: number | null | undefined, locale: Locale = uiLocale): string {
  return formatPercentIn(value, locale);
}

/** `1.234,5` / `1,234.5` with up to `decimals` decimals. */
export function formatDecimal(value: number, decimals: number, locale: Locale = uiLocale): string {
  return formatNumberIn(value, locale, decimals);
}

/** `Rp16.800` / `Rp16,800`: Rupiah in the page's number style. */
export function formatRupiah(value: number | bigint, locale: Locale = uiLocale): string {
  return formatMoneyIn(value, locale);
}

/** `Rp3,02 miliar` / `Rp3.02 billion`. */
export function formatRupiahShort(value: number | bigint, locale: Locale = uiLocale): string {
  return formatMoneyShortIn(value, locale);
}
