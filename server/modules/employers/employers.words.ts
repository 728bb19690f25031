// The employers module's server words ({id, en}, Indonesian first). The web has its own in employers-text.ts.
import type { Words } from '../../../lib/i18n/words.ts';

export const EMPLOYER_WORDS = {
  snapshotRegion: {
    id: 'Pilih wilayah kabupaten/kota snapshot cabang (akun nasional tidak punya wilayah bawaan).',
    en: 'Choose the regency of the branch snapshot (a national account has no default region).',
  },
  nibInvalid: { id: 'NIB harus 13 angka.', en: 'The NIB must be 13 digits.' },
  notListed: {
    id: 'NIB ini tidak ada di daftar perizinan maupun di snapshot cabang BPJS untuk wilayah ini.',
    en: 'This NIB is neither in the licensing list nor in the BPJS branch snapshot for this region.',
  },
  noSnapshot: {
    id: 'Belum ada snapshot pemberi kerja dari cabang BPJS, jadi kepatuhan belum dapat dinilai.',
    en: 'No employer snapshot from the BPJS branch yet, so compliance cannot be judged.',
  },
  employer: { id: 'Pemberi kerja', en: 'Employer' },
  project: { id: 'Proyek', en: 'Project' },
  worker: { id: 'Pekerja dengan NIK itu di wilayah Anda', en: 'A worker with that NIK in your region' },
  endBeforeStart: {
    id: 'Tanggal selesai sebelum tanggal mulai. Periksa kedua tanggal.',
    en: 'The end date is before the start date. Check both dates.',
  },
  villageOnly: {
    id: 'Pilih desa/kelurahan (kode 10 angka) di wilayah kerja Anda.',
    en: 'Choose a village (10-digit code) inside your working area.',
  },
} as const satisfies Record<string, Words>;
