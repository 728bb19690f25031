// The programs module's server words (see lib/i18n/words.ts).
import type { Words } from '../../../lib/i18n/words.ts';

/**
 * The sheet of the proposal upload template. Not translated: it is part of the file format the proposal reader is
 * given, the same for every user.
 */
export const PROPOSAL_TEMPLATE_SHEET = 'Usulan';

/**
 * The help lines under the columns of the proposal upload template, in the downloader's language. The headers
 * themselves are the file format and stay Indonesian.
 */
export const PROPOSAL_TEMPLATE_HELP = {
  nik: {
    id: 'NIK pekerja yang sudah ada di daftar pekerja wilayah Anda, 16 angka. Kolom ini berformat Teks.',
    en: 'The 16-digit NIK of a worker already in the registry of your area. The column is formatted as text.',
  },
  nama: {
    id: 'Boleh diisi untuk memudahkan membaca; yang dipakai hanya NIK.',
    en: 'Optional, to help people read the list; only the NIK is used.',
  },
} as const satisfies Record<string, Words>;
