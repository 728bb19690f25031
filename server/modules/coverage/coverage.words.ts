// The coverage module's server words (see lib/i18n/words.ts): the people export (its data sheet, the "Keterangan"
// sheet that names the filters, the truncation line), which follows the locale of the user who downloads it, and
// the words of the dashboard's rows.
import type { Words } from '../../../lib/i18n/words.ts';

export const PEOPLE_WORDS = {
  sheet: { id: 'Peserta', en: 'Members' },
  no: { id: 'No', en: 'No' },
  name: { id: 'Nama', en: 'Name' },
  nik: { id: 'NIK (disamarkan)', en: 'NIK (masked)' },
  code: { id: 'Kode wilayah', en: 'Region code' },
  region: { id: 'Wilayah', en: 'Region' },
  segment: { id: 'Pekerjaan', en: 'Occupation' },
  category: { id: 'Kategori', en: 'Category' },
  source: { id: 'Sumber', en: 'Source' },
  sourceSnapshot: { id: 'Snapshot BPJS', en: 'BPJS snapshot' },
  truncated: {
    id:
      'Dipotong: berkas ini memuat {written} baris pertama dari {total} orang (batas {max} baris per berkas). ' +
      'Persempit filter (wilayah, pekerjaan, kategori) untuk mengunduh sisanya.',
    en:
      'Cut short: this file holds the first {written} rows of {total} persons (at most {max} rows per file). ' +
      'Narrow the filters (region, occupation, category) to download the rest.',
  },
} as const satisfies Record<string, Words>;

export const PEOPLE_INFO_WORDS = {
  sheet: { id: 'Keterangan', en: 'About' },
  key: { id: 'Keterangan', en: 'Item' },
  value: { id: 'Isi', en: 'Value' },
  list: { id: 'Daftar', en: 'List' },
  leavers: { id: 'Peserta yang berhenti aktif pada bulan ini', en: 'Members who stopped being active this month' },
  active: { id: 'Peserta aktif (sekali per NIK)', en: 'Active members (once per NIK)' },
  region: { id: 'Wilayah', en: 'Region' },
  month: { id: 'Bulan', en: 'Month' },
  segment: { id: 'Pekerjaan', en: 'Occupation' },
  category: { id: 'Kategori', en: 'Category' },
  all: { id: 'Semua', en: 'All' },
  total: { id: 'Jumlah orang', en: 'Persons' },
  written: { id: 'Baris dalam berkas', en: 'Rows in the file' },
  cap: { id: 'Batas baris', en: 'Row limit' },
  capText: { id: 'Paling banyak {max} baris per berkas', en: 'At most {max} rows per file' },
  capCut: {
    id: ': daftar ini DIPOTONG, persempit filter untuk sisanya.',
    en: ': this list is CUT SHORT, narrow the filters for the rest.',
  },
  capWhole: { id: '; daftar ini lengkap.', en: '; this list is complete.' },
  nik: { id: 'NIK', en: 'NIK' },
  nikText: {
    id: 'Disamarkan (6 angka awal dan 4 angka akhir), sesuai UU 27/2022 tentang Pelindungan Data Pribadi.',
    en: 'Masked (first 6 and last 4 digits), as Law 27/2022 on Personal Data Protection requires.',
  },
  by: { id: 'Diunduh oleh', en: 'Downloaded by' },
  at: { id: 'Diunduh pada', en: 'Downloaded at' },
} as const satisfies Record<string, Words>;

export const COVERAGE_WORDS = {
  villageUnknown: { id: 'Desa tidak diketahui (data BPJS)', en: 'Village unknown (BPJS data)' },
  segmentUnknown: { id: 'Tidak diketahui', en: 'Unknown' },
} as const satisfies Record<string, Words>;
