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

/** Names and sentences of the programme module's answers (errors, validation), in the user's language. */
export const PROGRAM_WORDS = {
  programme: { id: 'Program', en: 'Programme' },
  enrollment: { id: 'Kepesertaan {id}', en: 'Enrollment {id}' },
  or: { id: ' atau ', en: ' or ' },
  chooseMonth: { id: 'pilih bulan {from} sampai {to}', en: 'choose a month from {from} to {to}' },
  quotaHeld: { id: 'ada bulan yang akan melebihi kuota.', en: 'a month would hold more persons than the quota.' },
  budgetHeld: { id: 'iuran yang terikat akan melampauinya.', en: 'the committed contributions would exceed it.' },
  funderRegionEmpty: { id: 'kosongkan untuk sumber dana ini', en: 'leave empty for this funder' },
  funderRegionNeeded: { id: 'pilih wilayah pemilik anggaran', en: 'choose the funding region' },
  funderRegionLevel: { id: 'pilih {level}', en: 'choose {level}' },
  enrolledMeanwhile: {
    id: 'Salah satu pekerja ini baru saja didaftarkan untuk bulan yang sama oleh permintaan lain. Muat ulang lalu coba lagi; tidak ada yang disimpan.',
    en: 'One of these workers was enrolled for the same months by another request at the same moment. Reload and try again; nothing was saved.',
  },
  quotaBelowHeld: {
    id: 'kuota {quota} lebih kecil dari {held} slot yang sudah terisi.',
    en: 'a quota of {quota} is below the {held} slots already held.',
  },
  ceilingBelowCommitted: {
    id: 'pagu {ceiling} lebih kecil dari {committed} yang sudah terikat.',
    en: 'a ceiling of {ceiling} is below the {committed} already committed.',
  },
} as const satisfies Record<string, Words>;
