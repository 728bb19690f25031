// The access module's server words (see lib/i18n/words.ts).
import type { Words } from '../../../lib/i18n/words.ts';

export const ACCESS_WORDS = {
  user: { id: 'Pengguna', en: 'User' },
} as const satisfies Record<string, Words>;
