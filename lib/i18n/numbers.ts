// One number style per language: Indonesian 1.234,5 · 12,5% · Rp16.800 · Rp3,02 miliar; English 1,234.5 · 12.5% ·
// Rp16,800 · Rp3.02 billion. Pure and ICU-independent like lib/rules/money.ts (whose Indonesian forms these reuse),
// so the server (notes, files) and the web app write the same figures.
import { formatRupiah, formatRupiahShort } from '../rules/money.ts';
import type { Locale } from './locale.ts';

/** Swaps '.' and ',' in a figure written the Indonesian way. */
function toEnglishSeparators(text: string): string {
  return text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** `1.234,5` / `1,234.5`; at most `maxDecimals` decimals, trailing zeros dropped. */
export function formatNumberIn(value: number, locale: Locale, maxDecimals = 0): string {
  if (!Number.isFinite(value)) return '—';
  const negative = value < 0;
  const [whole = '0', fraction = ''] = Math.abs(value).toFixed(maxDecimals).split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const [thousands, decimal] = locale === 'id' ? ['.', ','] : [',', '.'];
  const body = group(whole, thousands) + (trimmed ? `${decimal}${trimmed}` : '');
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** `12,5%` / `12.5%`; `—` for no value. */
export function formatPercentIn(value: number | null | undefined, locale: Locale, maxDecimals = 2): string {
  if (value === null || value === undefined) return '—';
  return `${formatNumberIn(value, locale, maxDecimals)}%`;
}

/** `Rp16.800` / `Rp16,800`. */
export function formatMoneyIn(value: number | bigint, locale: Locale): string {
  const id = formatRupiah(value);
  return locale === 'id' ? id : toEnglishSeparators(id);
}

const SCALE_WORDS: Readonly<Record<string, string>> = { juta: 'million', miliar: 'billion', triliun: 'trillion' };

/** `Rp3,02 miliar` / `Rp3.02 billion`; below a million the exact amount. */
export function formatMoneyShortIn(value: number | bigint, locale: Locale): string {
  const id = formatRupiahShort(value);
  if (locale === 'id') return id;
  return toEnglishSeparators(id).replace(/\b(juta|miliar|triliun)\b/, (w) => SCALE_WORDS[w] ?? w);
}
