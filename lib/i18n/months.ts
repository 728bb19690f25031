// Month names for dates written out in words ("12 Maret 1985", "Oktober 2026"), Indonesian and English.
import type { Locale } from './locale.ts';

export const MONTH_NAMES: Readonly<Record<Locale, readonly string[]>> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
