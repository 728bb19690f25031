// The coverage pages' newer words (a sub-region's share of a programme's spending, the open-data note), Indonesian
// first, English second with the same keys. The older coverage words stay in app/i18n.ts.
import { moduleText, type ModuleT } from '../../app/module-text.ts';

const id = {
  'share.title': 'Belanja program di wilayah ini',
  'share.figure': 'Belanja program di wilayah ini',
  'share.hint': '{pct} dari {total} terikat program wilayah di atasnya',
  'share.committed': 'Terikat untuk {persons} peserta yang desanya di wilayah ini: {amount}',
  'share.of': 'Bagian {pct} dari {total} yang terikat program: {programmes}.',
  'share.ceiling': 'Pagu program itu milik wilayah program, bukan wilayah ini.',
  'open.note':
    'Peserta aktif jaminan sosial ketenagakerjaan per kecamatan (dihitung sekali per NIK). Angka 1–4 disembunyikan untuk melindungi data pribadi.',
};

export type CoverageKey = keyof typeof id;

const en: Record<CoverageKey, string> = {
  'share.title': 'Programme spending in this region',
  'share.figure': 'Programme spending in this region',
  'share.hint': '{pct} of {total} committed by programmes of the region above',
  'share.committed': 'Committed for {persons} participants whose village is in this region: {amount}',
  'share.of': 'A share of {pct} of the {total} committed by: {programmes}.',
  'share.ceiling': "Those programmes' ceiling belongs to the programme's region, not to this one.",
  'open.note':
    'Active employment social security participants per district (counted once per NIK). Counts of 1–4 are withheld to protect personal data.',
};

export type CT = ModuleT<CoverageKey>;

export const useCoverageText = moduleText<CoverageKey>({ id, en });
