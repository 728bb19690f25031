// Server words of payroll rosters of PU programmes (issue 18 §2; see lib/i18n/words.ts). Each problem says what to
// do, Indonesian first.
import { interpolate } from '../../../lib/i18n/locale.ts';
import type { Words } from '../../../lib/i18n/words.ts';

/** A words entry with its placeholders filled in both languages (for IssueList, which picks the locale itself). */
export function filled(w: Words, params: Readonly<Record<string, string | number>>): Words {
  return { id: interpolate(w.id, params), en: interpolate(w.en, params) };
}

export const ROSTER_WORDS = {
  tooMany: {
    id: 'berkas berisi lebih dari {max} baris; satu daftar gaji untuk satu program PU, pecah berkasnya',
    en: 'the file has more than {max} rows; one payroll roster per PU programme, split the file',
  },
  nikEmpty: {
    id: 'NIK kosong. Isi NIK 16 digit sesuai KTP atau hapus barisnya.',
    en: 'The NIK is empty. Enter the 16-digit NIK from the KTP or delete the row.',
  },
  nikFormat: {
    id: 'NIK tidak sah: NIK terdiri dari 16 angka. Periksa NIK pada KTP.',
    en: 'The NIK is not valid: a NIK has 16 digits. Check the NIK on the KTP.',
  },
  duplicate: {
    id: 'NIK ini sudah ada di baris {first}; baris ini diabaikan. Hapus salah satu baris.',
    en: 'This NIK is already on row {first}; this row is ignored. Delete one of the rows.',
  },
  nameEmpty: {
    id: 'Nama kosong atau terlalu pendek. Isi nama sesuai KTP.',
    en: 'The name is empty or too short. Enter the name as on the KTP.',
  },
  wageEmpty: {
    id: 'Gaji kosong. Isi upah sebulan dalam rupiah, misalnya 2.500.000; orangnya tetap di kelompok tanpa perubahan.',
    en: 'The wage is empty. Enter the monthly wage in rupiah, e.g. 2.500.000; the person stays in the cohort unchanged.',
  },
  wageZero: {
    id: 'Gaji harus lebih dari 0. Isi upah sebulan dalam rupiah, misalnya 2.500.000.',
    en: 'The wage must be more than 0. Enter the monthly wage in rupiah, e.g. 2.500.000.',
  },
  endBeforeStart: {
    id: 'Tanggal selesai sebelum tanggal mulai ({start}). Periksa kedua tanggal.',
    en: 'The end date is before the start date ({start}). Check both dates.',
  },
  villageLevel: {
    id: 'Kode desa harus kode desa/kelurahan (10 angka, misalnya 34.02.08.2004), bukan kode kecamatan atau kabupaten.',
    en: 'The village code must be a village code (10 digits, e.g. 34.02.08.2004), not a district or regency code.',
  },
  villageMissing: {
    id: 'Orang ini belum ada di daftar pekerja. Isi kode desa domisilinya agar didaftarkan, atau daftarkan dulu.',
    en: 'This person is not in the worker registry. Enter their domicile village code so they are registered, or register them first.',
  },
  villageOutside: {
    id: 'Desa {village} di luar wilayah kerja Anda atau tidak ada. Periksa kode desa domisilinya.',
    en: 'Village {village} is outside your area or does not exist. Check the domicile village code.',
  },
  elsewhere: {
    id: 'NIK ini terdaftar di luar wilayah kerja Anda. Minta Disnaker wilayahnya atau provinsi mengusulkannya.',
    en: 'This NIK is registered outside your area. Ask the Disnaker of that area or the province to propose them.',
  },
  startAfterPeriod: {
    id: 'Tanggal mulai {start} sesudah periode program berakhir ({end}); baris ini tidak diusulkan.',
    en: 'The start date {start} is after the programme period ends ({end}); this row is not proposed.',
  },
  endPassed: {
    id: 'Tanggal selesai {date} sudah lewat; orang ini tidak diusulkan.',
    en: 'The end date {date} has passed; this person is not proposed.',
  },
  leftNote: {
    id: 'Tidak ada lagi di daftar gaji {employer} (impor daftar gaji)',
    en: 'No longer on the payroll of {employer} (roster import)',
  },
  budgetOver: {
    id: 'daftar gaji ini menahan {after} sedangkan pagu {ceiling}; pilih lebih sedikit pendatang atau perubahan upah, atau naikkan pagu',
    en: 'this roster would hold {after} against a ceiling of {ceiling}; choose fewer joiners or wage changes, or raise the ceiling',
  },
  notProposed: {
    id: '{n} pendatang tidak dapat diusulkan karena kuota atau pagu; pilih lebih sedikit pendatang atau naikkan pagu',
    en: '{n} joiners cannot be proposed for lack of quota or budget; choose fewer joiners or raise the ceiling',
  },
  rowNik: {
    id: 'baris {row}, kolom {column}: NIK tidak sah atau berulang; unggah ulang berkasnya untuk pratinjau baru',
    en: 'row {row}, column {column}: the NIK is not valid or repeated; upload the file again for a new preview',
  },
  changedMeanwhile: {
    id: 'Kelompok program ini berubah sejak pratinjau (ada yang diusulkan, diakhiri atau diubah). Unggah ulang daftar gaji untuk pratinjau baru. Tidak ada yang disimpan.',
    en: "This programme's cohort changed since the preview (someone was proposed, ended or changed). Upload the roster again for a new preview. Nothing was saved.",
  },
  templateSheet: { id: 'Daftar gaji', en: 'Payroll' },
  help: {
    nik: {
      id: 'NIK 16 angka sesuai KTP, kolom berformat Teks.',
      en: '16-digit NIK from the KTP, column formatted as Text.',
    },
    name: { id: 'Nama sesuai KTP.', en: 'Name as on the KTP.' },
    position: { id: 'Jabatan (boleh kosong).', en: 'Position (optional).' },
    unit: { id: 'OPD atau unit kerja (boleh kosong).', en: 'OPD or unit (optional).' },
    wage: { id: 'Upah sebulan dalam rupiah, misalnya 2.500.000.', en: 'Monthly wage in rupiah, e.g. 2.500.000.' },
    start: {
      id: 'Tanggal mulai bekerja, misalnya 01/02/2026 (boleh kosong).',
      en: 'Start date, e.g. 01/02/2026 (optional).',
    },
    end: {
      id: 'Tanggal selesai kontrak (boleh kosong). Bila sudah lewat, kepesertaan diakhiri.',
      en: 'End date of the contract (optional). When it has passed, the membership is ended.',
    },
    village: {
      id: 'Kode desa domisili; wajib untuk orang yang belum ada di daftar pekerja.',
      en: 'Domicile village code; required for persons not yet in the worker registry.',
    },
  },
} as const satisfies Record<string, Words | Record<string, Words>>;
