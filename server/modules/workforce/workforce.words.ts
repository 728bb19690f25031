// The workforce module's server words (see lib/i18n/words.ts): the XLSX export (which follows the locale of the
// user who downloads it), the indicator names and the name of a figure in messages.
import type { Words } from '../../../lib/i18n/words.ts';

/**
 * The sheet of the workforce upload template. Not translated: it is part of the file format the reader
 * (workforce.file.ts) is given, the same for every user.
 */
export const TEMPLATE_SHEET = 'Angkatan kerja';

export const WORKFORCE_WORDS = {
  export: {
    sheet: { id: 'Angkatan kerja', en: 'Workforce' },
    code: { id: 'Kode Wilayah', en: 'Region code' },
    label: { id: 'Wilayah', en: 'Region' },
    year: { id: 'Tahun', en: 'Year' },
    kind: { id: 'Indikator', en: 'Indicator' },
    segment: { id: 'Segmen', en: 'Segment' },
    persons: { id: 'Orang', en: 'Persons' },
    source: { id: 'Sumber', en: 'Source' },
    by: { id: 'Diubah oleh', en: 'Changed by' },
    allSegments: { id: 'semua', en: 'all' },
  },
  kind: {
    employed: { id: 'Penduduk bekerja', en: 'Employed population' },
    bpu_universe: { id: 'Semesta PBPU', en: 'PBPU universe' },
  },
  figure: { id: 'Angka angkatan kerja', en: 'Workforce figure' },
} as const satisfies Record<string, Words | Record<string, Words>>;
