// The imports module's server words (see lib/i18n/words.ts): the downloadable import report, the texts the runner
// stores on a failed or cancelled job (read by the import page, always Indonesian: the job runs in the background),
// and the sheet name of the upload template.
import type { Words } from '../../../lib/i18n/words.ts';

/**
 * The sheet of the worker upload template. Not translated: it is part of the file format (an English user's
 * template has the same sheet, so a file filled in by anyone reads the same).
 */
export const TEMPLATE_SHEET = 'Pekerja';

/** The help line under each column of the worker upload template, in the downloader's language. */
export const TEMPLATE_HELP = {
  nik: {
    id: '16 angka sesuai KTP. Kolom ini berformat Teks: jangan diubah menjadi Angka, digit terakhir akan hilang.',
    en: 'The 16 digits on the KTP. The column is formatted as text: do not change it to a number, the last digits would be lost.',
  },
  namaLengkap: {
    id: 'Nama sesuai KTP.',
    en: 'Name as on the KTP.',
  },
  tempatLahir: {
    id: 'Kota atau kabupaten kelahiran.',
    en: 'Town or regency of birth.',
  },
  tanggalLahir: {
    id: 'dd-mm-yyyy, misalnya 12-03-1985.',
    en: 'dd-mm-yyyy, e.g. 12-03-1985.',
  },
  jenisKelamin: {
    id: 'L (laki-laki) atau P (perempuan).',
    en: 'L (male) or P (female).',
  },
  alamat: {
    id: 'Alamat domisili.',
    en: 'Home address.',
  },
  rt: {
    id: '1–3 angka, misalnya 003.',
    en: '1–3 digits, e.g. 003.',
  },
  rw: {
    id: '1–3 angka, misalnya 012.',
    en: '1–3 digits, e.g. 012.',
  },
  kodeDesa: {
    id: 'Kode Kemendagri desa/kelurahan domisili, misalnya {code} ({label}).',
    en: 'The Kemendagri code of the home village, e.g. {code} ({label}).',
  },
  noHp: {
    id: 'Nomor HP, misalnya 081234567890.',
    en: 'Mobile number, e.g. 081234567890.',
  },
  pekerjaan: {
    id: 'Pekerjaan sehari-hari, misalnya Petani, Nelayan, Pedagang.',
    en: 'Occupation in Indonesian, e.g. Petani, Nelayan, Pedagang.',
  },
  kategori: {
    id: 'PU, BPU, Jakon atau PMI.',
    en: 'PU, BPU, Jakon or PMI.',
  },
  penghasilanPerBulan: {
    id: 'Rupiah tanpa titik atau Rp, misalnya 1500000.',
    en: 'Rupiah without dots or Rp, e.g. 1500000.',
  },
  kerentanan: {
    id: 'Boleh kosong: miskin ekstrem, desil 1–4, disabilitas.',
    en: 'May be empty: extreme poor, decile 1–4, disability.',
  },
  nomorKpj: {
    id: 'Bila sudah peserta BPJS, 8–16 angka.',
    en: 'If already a BPJS member, 8–16 digits.',
  },
} as const satisfies Record<string, Words>;

export const IMPORTS_WORDS = {
  runner: {
    cancelled: { id: 'Impor dibatalkan; tidak ada data yang berubah.', en: 'Import cancelled; no data changed.' },
    systemFailure: {
      id: 'Impor gagal karena kesalahan sistem; tidak ada data yang berubah. Coba lagi; bila terulang, hubungi admin dengan nomor impor ini.',
      en: 'The import failed because of a system error; no data changed. Try again; if it happens again, contact the administrator with this import number.',
    },
    interrupted: {
      id: 'Impor terputus (prosesnya berhenti) sebelum selesai; tidak ada data yang berubah. Jalankan lagi dari halaman impor.',
      en: 'The import was cut off (its process stopped) before it finished; no data changed. Run it again from the import page.',
    },
  },
} as const satisfies Record<string, Record<string, Words>>;

/**
 * Cell notes are the one part exceljs cannot stream: they are held in memory until the "Data" sheet is finished.
 * Past this many problem cells only the fill, the "Masalah" column and "Daftar Masalah" carry the message.
 */
export const REPORT_NOTE_LIMIT = 10_000;

/** The import report's words, per locale (the report follows the locale of the user who downloads it). */
export const REPORT_TEXT = {
  id: {
    sheets: { summary: 'Ringkasan', data: 'Data', issues: 'Daftar Masalah' },
    title: 'Laporan impor data pekerja',
    file: 'Berkas',
    sheet: 'Lembar',
    createdAt: 'Dibuat',
    mode: 'Mode',
    dryRun: 'Uji coba: belum ada data yang disimpan',
    committed: 'Disimpan ke registri pekerja',
    total: 'Jumlah baris data',
    inserted: 'Pekerja baru',
    updated: 'Diperbarui',
    unchanged: 'Tidak berubah',
    rejected: 'Ditolak (ada galat)',
    warnings: 'Peringatan',
    legend:
      'Sel merah: galat, baris tidak disimpan. Sel kuning: peringatan, baris tetap disimpan. Keterangannya ada di ' +
      `catatan sel (untuk ${REPORT_NOTE_LIMIT.toLocaleString('id-ID')} sel pertama), kolom "Masalah" dan lembar ` +
      '"Daftar Masalah". Perbaiki berkas asli, lalu unggah ulang.',
    problems: 'Masalah',
    issueHeader: ['Baris', 'Kolom', 'Kode', 'Jenis', 'Pesan'],
    severity: { error: 'Galat', warning: 'Peringatan' },
  },
  en: {
    sheets: { summary: 'Summary', data: 'Data', issues: 'Issue list' },
    title: 'Worker import report',
    file: 'File',
    sheet: 'Sheet',
    createdAt: 'Created',
    mode: 'Mode',
    dryRun: 'Dry run: nothing was saved yet',
    committed: 'Saved to the worker registry',
    total: 'Data rows',
    inserted: 'New workers',
    updated: 'Updated',
    unchanged: 'Unchanged',
    rejected: 'Rejected (with errors)',
    warnings: 'Warnings',
    legend:
      'Red cells: errors, the row was not saved. Yellow cells: warnings, the row was saved. The messages are in the ' +
      `cell notes (for the first ${REPORT_NOTE_LIMIT.toLocaleString('en-GB')} cells), the "Problems" column and ` +
      'the "Issue list" sheet. Fix the original file, then upload it again.',
    problems: 'Problems',
    issueHeader: ['Row', 'Column', 'Code', 'Type', 'Message'],
    severity: { error: 'Error', warning: 'Warning' },
  },
} as const;
