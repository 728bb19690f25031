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

/**
 * The help line under each column of the workforce upload template, in the downloader's language. The headers
 * themselves are the file format and stay Indonesian.
 */
export const TEMPLATE_HELP = {
  kodeWilayah: {
    id: 'Kode Kemendagri kecamatan atau kabupaten/kota, misalnya {code}. Boleh diganti kolom Wilayah (nama).',
    en: 'Kemendagri code of the district or regency, e.g. {code}. A Wilayah (name) column may replace it.',
  },
  wilayah: {
    id: 'Nama wilayah, untuk dibaca.',
    en: 'Region name, for reading.',
  },
  tahun: {
    id: 'Tahun angka BPS, misalnya 2025.',
    en: 'Year of the BPS figure, e.g. 2025.',
  },
  pendudukBekerja: {
    id: 'Jumlah penduduk bekerja (orang), tanpa desimal. Isi ini atau Semesta PBPU, atau keduanya.',
    en: 'Employed persons, whole number. Fill this or Semesta PBPU, or both.',
  },
  semestaPbpu: {
    id: 'Jumlah pekerja bukan penerima upah (orang), tanpa desimal.',
    en: 'Non-wage (BPU) workers, whole number.',
  },
  sumber: {
    id: 'Sumber angka, misalnya BPS, Sakernas Agustus 2025.',
    en: 'Source of the figure, e.g. BPS, Sakernas Agustus 2025.',
  },
} as const satisfies Record<string, Words>;
