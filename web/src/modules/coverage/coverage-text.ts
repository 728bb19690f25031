// Words of the coverage dashboard added with issue 12 (a sub-region's share of a programme's spending), Indonesian
// first, English second with the same keys. The older coverage words stay in app/i18n.ts.
import { moduleText, type ModuleT } from '../../app/module-text.ts';

const id = {
  'share.title': 'Belanja program di wilayah ini',
  'share.figure': 'Belanja program di wilayah ini',
  'share.hint': '{pct} dari {total} terikat program wilayah di atasnya',
  'share.committed': 'Terikat untuk {persons} peserta yang desanya di wilayah ini: {amount}',
  'share.of': 'Bagian {pct} dari {total} yang terikat program: {programmes}.',
  'share.ceiling': 'Pagu program itu milik wilayah program, bukan wilayah ini.',
};

export type CoverageKey = keyof typeof id;

const en: Record<CoverageKey, string> = {
  'share.title': 'Programme spending in this region',
  'share.figure': 'Programme spending in this region',
  'share.hint': '{pct} of {total} committed by programmes of the region above',
  'share.committed': 'Committed for {persons} participants whose village is in this region: {amount}',
  'share.of': 'A share of {pct} of the {total} committed by: {programmes}.',
  'share.ceiling': "Those programmes' ceiling belongs to the programme's region, not to this one.",
};

export type CT = ModuleT<CoverageKey>;

export const useCoverageText = moduleText<CoverageKey>({ id, en });
