// Server words of wage-earner (PU) cohorts (issue 18; see lib/i18n/words.ts).
import type { Words } from '../../../lib/i18n/words.ts';

export const PU_WORDS = {
  notPu: {
    id: 'program "{program}" adalah program BPU (paket penghasilan yang dilaporkan), bukan program PU dengan upah per orang; pilih program PU',
    en: 'programme "{program}" is a BPU programme (declared-income package), not a PU programme with a wage per person; choose a PU programme',
  },
  ENDED_DEATH: {
    id: 'Kepesertaan berakhir karena meninggal dunia; tidak dilanjutkan. Ahli waris dapat mengajukan klaim JKM.',
    en: 'The membership ended by death; it is not carried. The heirs can claim JKM.',
  },
  ENDED_MOVED: {
    id: 'Kepesertaan berakhir karena pindah; tidak dilanjutkan. Usulkan di program wilayah barunya.',
    en: "The membership ended because the person moved; it is not carried. Propose them in their new region's programme.",
  },
  ENDED_REPLACED: {
    id: 'Kepesertaan berakhir karena diganti orang lain; tidak dilanjutkan.',
    en: 'The membership ended because the person was replaced; it is not carried.',
  },
  ENDED_WITHDRAWN: {
    id: 'Kepesertaan berakhir karena mengundurkan diri; tidak dilanjutkan. Tawarkan kepesertaan mandiri (BPU).',
    en: 'The membership ended by withdrawal; it is not carried. Offer self-paid (BPU) membership.',
  },
} as const satisfies Record<string, Words>;
