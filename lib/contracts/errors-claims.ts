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
} as const satisfies Record<string, { status: number; message: Bilingual }>;
