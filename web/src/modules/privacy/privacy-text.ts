// The words of the privacy module, Indonesian first (the default) and English with exactly the same keys. Each web
// module keeps its words here, in `<module>-text.ts`; the shell's own words are in app/shell-text.ts.
import { moduleText, type ModuleT } from '../../app/module-text.ts';

const id = {
  'personalData.pdf': 'Data saya (PDF)',
  'personalData.json': 'JSON',
  'personalData.label': 'Unduh semua data pribadi pekerja ini ({format}); unduhan tercatat di jejak audit',
} as const;

export type PrivacyKey = keyof typeof id;

const en: Readonly<Record<PrivacyKey, string>> = {
  'personalData.pdf': 'Personal data (PDF)',
  'personalData.json': 'JSON',
  'personalData.label':
    "Download all of this worker's personal data ({format}); the download is recorded in the audit trail",
};

export type PrivacyT = ModuleT<PrivacyKey>;
export const usePrivacyText = moduleText<PrivacyKey>({ id, en });
