// Rupiah formatting and Indonesian number words (terbilang).
//
// Pure and locale-independent on purpose: Intl's id-ID output depends on the ICU data shipped with the runtime
// (Node small-icu, old browsers), and an invoice or a budget letter must print the same everywhere. Money is whole
// rupiah in Lindung, so these functions never print decimals for amounts.

const THOUSANDS_SEPARATOR = '.';
const DECIMAL_SEPARATOR = ',';

/** Largest magnitude `terbilang` spells: up to 999 triliun (10^15 − 1). */
const TERBILANG_LIMIT = 1_000_000_000_000_000n;

/**
 * Whole rupiah as bigint. Fractions (which should not occur in Lindung) are rounded half away from zero so that
 * −0.5 and 0.5 print symmetrically.
 */
function toWholeRupiah(n: number | bigint): bigint {
  if (typeof n === 'bigint') return n;
  if (!Number.isFinite(n)) throw new RangeError(`Bukan angka rupiah yang sah / not a valid rupiah amount: ${n}`);
  const rounded = n < 0 ? -Math.round(-n) : Math.round(n);
  return BigInt(rounded);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
}

function withSign(negative: boolean, body: string): string {
  return negative ? `-Rp${body}` : `Rp${body}`;
}

/** `1234567` → `1.234.567` (counts, Indonesian grouping); rounded to a whole number. */
export function formatNumber(n: number): string {
  const whole = Math.round(n);
  return `${whole < 0 ? '-' : ''}${groupThousands(String(Math.abs(whole)))}`;
}

/** `16800` → `Rp16.800`; `-2500` → `-Rp2.500`. No decimals. */
export function formatRupiah(n: number | bigint): string {
  const whole = toWholeRupiah(n);
  const negative = whole < 0n;
  const abs = negative ? -whole : whole;
  return withSign(negative, groupThousands(abs.toString()));
}

const SHORT_UNITS: readonly { size: bigint; word: string }[] = [
  { size: 1_000_000_000_000n, word: 'triliun' },
  { size: 1_000_000_000n, word: 'miliar' },
  { size: 1_000_000n, word: 'juta' },
];

/** abs / size rounded half-up to two decimals, as hundredths. */
function hundredthsOf(abs: bigint, size: bigint): bigint {
  return (abs * 200n + size) / (size * 2n);
}

function formatHundredths(hundredths: bigint): string {
  const whole = groupThousands((hundredths / 100n).toString());
  const fraction = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}${DECIMAL_SEPARATOR}${fraction}`;
}

/**
 * Short form for dashboards and budget summaries: `Rp3,02 miliar`, `Rp201,6 juta`; below one million the exact
 * `formatRupiah` form. At most two decimals, rounded half-up; a value that rounds up to 1000 of a unit moves to the
 * next unit (`Rp1 miliar`, not `Rp1.000 juta`).
 */
export function formatRupiahShort(n: number | bigint): string {
  const whole = toWholeRupiah(n);
  const negative = whole < 0n;
  const abs = negative ? -whole : whole;
  const index = SHORT_UNITS.findIndex((unit) => abs >= unit.size);
  const unit = SHORT_UNITS[index];
  if (unit === undefined) return formatRupiah(whole);
  let chosen = unit;
  let hundredths = hundredthsOf(abs, unit.size);
  const larger = SHORT_UNITS[index - 1];
  if (hundredths >= 100_000n && larger !== undefined) {
    chosen = larger;
    hundredths = hundredthsOf(abs, larger.size);
  }
  return withSign(negative, `${formatHundredths(hundredths)} ${chosen.word}`);
}

const DIGIT_WORDS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

function digitWord(d: number): string {
  return DIGIT_WORDS[d] ?? '';
}

/** 1..99 in words; 10 and 11 and the hundreds take the "se-" form, 21 is "dua puluh satu". */
function tensInWords(n: number): string {
  if (n < 10) return digitWord(n);
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${digitWord(n - 10)} belas`;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return units === 0 ? `${digitWord(tens)} puluh` : `${digitWord(tens)} puluh ${digitWord(units)}`;
}

/** 1..999 in words: "seratus", "dua ratus lima". */
function hundredsInWords(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds === 1) parts.push('seratus');
  else if (hundreds > 1) parts.push(`${digitWord(hundreds)} ratus`);
  if (rest > 0) parts.push(tensInWords(rest));
  return parts.join(' ');
}

const GROUP_WORDS = ['', 'ribu', 'juta', 'miliar', 'triliun'] as const;

/**
 * Indonesian number words in lower case, as written on a *kuitansi* or budget letter:
 * `terbilang(3_024_000_000) + ' rupiah'` → "tiga miliar dua puluh empat juta rupiah".
 * Only a thousands group of exactly one takes "se-" ("seribu", "seratus satu ribu"); millions and above keep
 * "satu" ("satu juta"). Handles 0 ("nol"), negatives ("minus …") and magnitudes up to 999 triliun.
 */
export function terbilang(n: number | bigint): string {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) {
    throw new RangeError(`terbilang hanya untuk bilangan bulat / integers only: ${n}`);
  }
  const value = BigInt(n);
  if (value === 0n) return 'nol';
  if (value < 0n) return `minus ${terbilang(-value)}`;
  if (value >= TERBILANG_LIMIT) {
    throw new RangeError(`terbilang hanya sampai triliun / up to trillions only: ${value}`);
  }
  const parts: string[] = [];
  let rest = value;
  for (let group = 0; rest > 0n; group += 1) {
    const chunk = Number(rest % 1000n);
    rest /= 1000n;
    if (chunk === 0) continue;
    const word = GROUP_WORDS[group] ?? '';
    if (group === 1 && chunk === 1) parts.unshift('seribu');
    else parts.unshift(word === '' ? hundredsInWords(chunk) : `${hundredsInWords(chunk)} ${word}`);
  }
  return parts.join(' ');
}
