// Error codes of the governance module (issue 16), kept beside the shared catalogue (errors.ts spreads them in).
import type { Bilingual } from '../i18n/locale.ts';

export const GOVERNANCE_ERRORS = {
  /** Raised by lindung_channel_for (governance/sql/channels.sql) in the owners' INSERTs. */
  UNKNOWN_CHANNEL: {
    status: 422,
    message: {
      id: 'Saluran {id} tidak dikenal, tidak aktif, atau bukan organisasi di wilayah Anda. Pilih saluran dari daftar, atau kosongkan agar tercatat organisasi Anda. Data belum disimpan.',
      en: 'Channel {id} is unknown, inactive, or not an organisation of your area. Pick a channel from the list, or leave it empty to record your own organisation. Nothing was saved.',
    },
  },
} as const satisfies Record<string, { status: number; message: Bilingual }>;
