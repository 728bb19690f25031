// Server words of wage-earner (PU) cohorts (issue 18; see lib/i18n/words.ts).
import type { Words } from '../../../lib/i18n/words.ts';

export const PU_WORDS = {
  notPu: {
    id: 'program "{program}" adalah program BPU (paket penghasilan yang dilaporkan), bukan program PU dengan upah per orang; pilih program PU',
    en: 'programme "{program}" is a BPU programme (declared-income package), not a PU programme with a wage per person; choose a PU programme',
  },
} as const satisfies Record<string, Words>;
