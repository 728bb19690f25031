// The registry module's server words (see lib/i18n/words.ts).
import type { Words } from '../../../lib/i18n/words.ts';

export const REGISTRY_WORDS = {
  worker: { id: 'Pekerja', en: 'Worker' },
  deathDateMissing: { id: 'isi tanggal meninggal', en: 'enter the date of death' },
  deathDateAlive: {
    id: 'pekerja yang masih hidup tidak punya tanggal meninggal',
    en: 'a living worker has no date of death',
  },
  deathBeforeBirth: { id: 'tanggal meninggal sebelum tanggal lahir', en: 'the date of death is before the birth date' },
} as const satisfies Record<string, Words>;
