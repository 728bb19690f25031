// Error codes of the claims module (issue 15), kept beside the shared catalogue (errors.ts spreads them in) so the
// catalogue stays one list without one file growing for every module.
import type { Bilingual } from '../i18n/locale.ts';

export const CLAIMS_ERRORS = {
  BENEFIT_RULE_GAP: {
    status: 422,
    message: {
      id:
        'Belum ada aturan manfaat {rule} yang berlaku pada {date}, jadi manfaat tidak dapat dihitung (tidak dianggap nol). ' +
        'Administrator Lindung harus menambahkan baris aturan itu beserta dasar hukumnya.',
      en:
        'No benefit rule {rule} is in force on {date}, so the benefit cannot be computed (it is not taken as zero). ' +
        'A Lindung administrator must add that rule row with its legal basis.',
    },
  },
  CLAIM_STAGE_CONFLICT: {
    status: 409,
    message: {
      id:
        'Klaim ini sekarang pada tahap "{stageId}", jadi langkah "{actionId}" tidak dapat dilakukan. ' +
        'Muat ulang halaman untuk melihat langkah yang mungkin.',
      en:
        'This claim is now at the stage "{stageEn}", so the step "{actionEn}" cannot be taken. ' +
        'Reload the page to see the possible steps.',
    },
  },
  CLAIM_DOCUMENTS_INCOMPLETE: {
    status: 409,
    message: {
      id: 'Berkas belum lengkap: {missingId}. Unggah dokumen itu dulu.',
      en: 'The file is not complete: {missingEn}. Upload those documents first.',
    },
  },
  CLAIM_DOCUMENT_TYPE: {
    status: 415,
    message: {
      id: 'Berkas {fileName} bukan PDF, JPEG atau PNG (dilihat dari isinya, bukan namanya). Pindai ulang sebagai PDF atau foto.',
      en: 'The file {fileName} is not a PDF, JPEG or PNG (judged by its content, not its name). Scan it again as a PDF or photo.',
    },
  },
  CLAIM_DOCUMENT_TOO_LARGE: {
    status: 413,
    message: {
      id: 'Berkas {fileName} terlalu besar (batas {limit} byte). Perkecil resolusi pindaian lalu unggah lagi.',
      en: 'The file {fileName} is too large (limit {limit} bytes). Scan at a lower resolution and upload again.',
    },
  },
  CLAIM_RECEIPT_NOT_ALLOWED: {
    status: 409,
    message: {
      id: 'Konfirmasi penerimaan hanya dicatat sekali, setelah BPJS mencatat pembayaran.',
      en: 'The receipt is recorded only once, after BPJS has recorded the payment.',
    },
  },
} as const satisfies Record<string, { status: number; message: Bilingual }>;
