// Error codes of the collection module (issue 19), spread into the shared catalogue (errors.ts).
import type { Bilingual } from '../i18n/locale.ts';

export const COLLECTION_ERRORS = {
  COLLECTION_SPLIT_INVALID: {
    status: 422,
    message: {
      id: 'Kuota tidak dapat dibagi ke desa: {detailId}. Perbaiki isian lalu simpan lagi.',
      en: 'The quota cannot be split across the villages: {detailEn}. Correct the entries and save again.',
    },
  },
  COLLECTION_TARGET_NOT_FOUND: {
    status: 404,
    message: {
      id: 'Target pengumpulan tidak ditemukan di wilayah kerja Anda. Buka daftar target lalu pilih lagi.',
      en: 'The collection target is not found in your working area. Open the target list and choose again.',
    },
  },
  CANDIDATE_FILE_INVALID: {
    status: 422,
    message: {
      id: 'Berkas {fileName} tidak diimpor: {count} masalah. Tidak ada calon yang disimpan; perbaiki baris yang disebut lalu unggah ulang.',
      en: 'The file {fileName} was not imported: {count} problems. No candidate was saved; correct the rows named and upload again.',
    },
  },
  CANDIDATE_NOT_FOUND: {
    status: 404,
    message: {
      id: 'Calon ini tidak ada di daftar kerja desa Anda. Muat ulang daftar kerja.',
      en: 'This candidate is not on your village worklist. Reload the worklist.',
    },
  },
  CANDIDATE_VISITED: {
    status: 409,
    message: {
      id: 'Calon ini sudah dikunjungi pada {date} oleh {operator} dengan hasil "{outcomeId}". Periksa lalu hapus entri Anda bila sama.',
      en: 'This candidate was already visited on {date} by {operator} with the outcome "{outcomeEn}". Check, then delete your entry if it is the same.',
    },
  },
  PROPOSAL_WAITS_FOR_REGISTRATION: {
    status: 409,
    message: {
      id: 'Usulan ini menunggu pendaftaran pekerjanya, yang belum diterima server. Perbaiki dan kirim ulang pendaftarannya; usulan ikut terkirim.',
      en: 'This proposal waits for the worker’s registration, which the server has not accepted. Correct and resend the registration; the proposal is sent with it.',
    },
  },
  DEVICE_REVOKED: {
    status: 403,
    message: {
      id: 'Perangkat ini sudah dicabut oleh administrator, jadi antrean tidak dikirim. Hubungi administrator Lindung; data antrean tetap tersimpan di perangkat.',
      en: 'This device was revoked by an administrator, so the queue was not sent. Contact the Lindung administrator; the queued entries stay on the device.',
    },
  },
  DEVICE_UNKNOWN: {
    status: 404,
    message: {
      id: 'Perangkat ini belum terdaftar untuk akun Anda. Buka halaman Lapangan saat daring agar perangkat didaftarkan.',
      en: 'This device is not registered for your account. Open the Field page while online so the device is registered.',
    },
  },
} as const satisfies Record<string, { status: number; message: Bilingual }>;
