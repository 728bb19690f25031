// Error codes of the assessment module (issue 17), kept beside the shared catalogue (errors.ts spreads them in).
import type { Bilingual } from '../i18n/locale.ts';

export const ASSESSMENT_ERRORS = {
  FRAMEWORK_FROZEN: {
    status: 409,
    message: {
      id: 'Kerangka penilaian {name} sudah diterbitkan dan tidak dapat diubah. Salin kerangka itu, lalu ubah salinannya.',
      en: 'The assessment framework {name} is published and cannot be changed. Copy it and change the copy.',
    },
  },
  FRAMEWORK_INVALID: {
    status: 422,
    message: {
      id: 'Kerangka penilaian belum benar: {problems}. Perbaiki lalu simpan lagi.',
      en: 'The assessment framework is not right yet: {problems}. Correct it and save again.',
    },
  },
  FRAMEWORK_NOT_PUBLISHED: {
    status: 409,
    message: {
      id: 'Kerangka penilaian {name} belum diterbitkan. Minta administrator nasional menerbitkannya dulu.',
      en: 'The assessment framework {name} is not published yet. Ask the national administrator to publish it first.',
    },
  },
  ASSESSMENT_SUBMITTED: {
    status: 409,
    message: {
      id: 'Penilaian mandiri {region} sudah dikirim pada {at} dan tidak dapat diubah lagi.',
      en: 'The self-assessment of {region} was submitted on {at} and can no longer be changed.',
    },
  },
  ASSESSMENT_NOT_SUBMITTED: {
    status: 409,
    message: {
      id: 'Penilaian mandiri {region} belum dikirim, jadi belum dapat dinilai tim provinsi.',
      en: 'The self-assessment of {region} has not been submitted yet, so the provincial team cannot score it.',
    },
  },
  INDICATOR_UNKNOWN: {
    status: 422,
    message: {
      id: 'Indikator {code} tidak ada di kerangka ini atau tidak diisi dengan cara ini ({expected}). Pilih indikator dari daftar.',
      en: 'Indicator {code} is not in this framework or is not filled in this way ({expected}). Pick an indicator from the list.',
    },
  },
  EVIDENCE_TYPE: {
    status: 415,
    message: {
      id: 'Berkas {fileName} bukan PDF, JPEG atau PNG (dilihat dari isinya, bukan namanya). Pindai ulang sebagai PDF atau foto.',
      en: 'The file {fileName} is not a PDF, JPEG or PNG (judged by its content, not its name). Scan it again as a PDF or photo.',
    },
  },
  EVIDENCE_TOO_LARGE: {
    status: 413,
    message: {
      id: 'Berkas {fileName} lebih besar dari batas {limit} byte. Perkecil hasil pindaian atau pecah menjadi beberapa berkas.',
      en: 'The file {fileName} is larger than the limit of {limit} bytes. Scan at a lower resolution or split it into several files.',
    },
  },
} as const satisfies Record<string, { status: number; message: Bilingual }>;
