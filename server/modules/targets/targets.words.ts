// The targets module's server words (see lib/i18n/words.ts).
import type { Words } from '../../../lib/i18n/words.ts';

export const TARGET_WORDS = {
  target: { id: 'Target cakupan', en: 'Coverage target' },
  yearAhead: { id: '12 bulan tahun {year}', en: 'the 12 months of {year}' },
  monthsLeft: { id: '{months} bulan tersisa di tahun {year}', en: '{months} months left in {year}' },
  yearOver: {
    id: 'tahun {year} sudah lewat: 12 bulan mulai bulan depan',
    en: '{year} is over: 12 months from next month',
  },
} as const satisfies Record<string, Words>;
