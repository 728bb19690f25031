// The coverage pages' newer words, Indonesian first, English second (the older ones are in app/i18n.ts).
import { moduleText, type ModuleT } from '../../app/module-text.ts';

const id = {
  'open.note':
    'Peserta aktif jaminan sosial ketenagakerjaan per kecamatan (dihitung sekali per NIK). Angka 1–4 disembunyikan untuk melindungi data pribadi.',
};

type CoverageKey = keyof typeof id;

const en: Record<CoverageKey, string> = {
  'open.note':
    'Active employment social security participants per district (counted once per NIK). Counts of 1–4 are withheld to protect personal data.',
};

export type CT = ModuleT<CoverageKey>;

export const useCoverageText = moduleText<CoverageKey>({ id, en });
