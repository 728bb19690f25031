// Error codes of the employers module (issue 21), kept beside the shared catalogue (errors.ts spreads them in).
import type { Bilingual } from '../i18n/locale.ts';

export const EMPLOYERS_ERRORS = {
  EMPLOYER_WARNINGS_FULL: {
    status: 409,
    message: {
      id: 'Pemberi kerja ini sudah menerima dua peringatan tertulis (batas PP 86/2013). Langkah berikutnya: surat permintaan sanksi bila cabang BPJS memintanya.',
      en: 'This employer has already received two written warnings (the PP 86/2013 limit). Next step: the sanction request letter when the BPJS branch asks for it.',
    },
  },
  EMPLOYER_WARNING_ORDER: {
    status: 422,
    message: {
      id: 'Peringatan kedua harus bertanggal sesudah peringatan pertama ({first}). Periksa tanggalnya.',
      en: 'The second warning must be dated after the first one ({first}). Check the date.',
    },
  },
  EMPLOYER_WARNINGS_MISSING: {
    status: 409,
    message: {
      id: 'Surat permintaan sanksi baru dapat dibuat setelah dua peringatan tertulis tercatat (sekarang {count}). Catat peringatan yang sudah dikirim dulu.',
      en: 'The sanction request letter can be made only after two written warnings are recorded (now {count}). Record the warnings sent first.',
    },
  },
  EMPLOYER_COMPLIANT: {
    status: 409,
    message: {
      id: 'Pemberi kerja ini patuh menurut snapshot cabang terakhir, jadi tidak ada dasar untuk surat permintaan sanksi.',
      en: 'This employer is compliant according to the latest branch snapshot, so there is no ground for a sanction request letter.',
    },
  },
  PROJECT_JAKON_MISSING: {
    status: 409,
    message: {
      id: 'Proyek belum dapat ditandai "siap mulai": nomor sertifikat Jakon dari BPJS dan tanggal bayar iuran belum dicatat. Catat sertifikatnya dulu.',
      en: 'The project cannot be marked "ready to start": the BPJS Jakon certificate number and payment date are not recorded. Record the certificate first.',
    },
  },
  PROJECT_WORKER_TAKEN: {
    status: 409,
    message: {
      id: 'Pekerja ini sudah tercatat di proyek ini.',
      en: 'This worker is already on this project.',
    },
  },
  PROJECT_WAGES_MISSING: {
    status: 422,
    message: {
      id: 'Iuran Jakon menurut upah membutuhkan upah sebulan setiap pekerja proyek: {missing} dari {workers} pekerja belum ada upahnya. Tambahkan pekerja dengan upahnya, atau pakai dasar nilai kontrak.',
      en: 'The Jakon contribution by wages needs the monthly wage of every project worker: {missing} of {workers} workers have none. Add the workers with their wages, or use the contract-value basis.',
    },
  },
  PROJECT_JAKON_FIXED: {
    status: 409,
    message: {
      id: 'Iuran Jakon proyek ini sudah dibayar (sertifikat {certificate}), jadi dasar perhitungannya tidak dapat diubah lagi.',
      en: 'The Jakon contribution of this project is already paid (certificate {certificate}), so its basis can no longer be changed.',
    },
  },
} as const satisfies Record<string, { status: number; message: Bilingual }>;
