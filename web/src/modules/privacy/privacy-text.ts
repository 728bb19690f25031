// The words of the "Data saya" export, Indonesian first, English second (see app/module-text.ts).
import { moduleText } from '../../app/module-text.ts';

const id = {
  'personalData.pdf': 'Data saya (PDF)',
  'personalData.json': 'JSON',
  'personalData.label': 'Unduh semua data pribadi pekerja ini ({format}); unduhan tercatat di jejak audit',
};

const en: Record<keyof typeof id, string> = {
  'personalData.pdf': 'Personal data (PDF)',
  'personalData.json': 'JSON',
  'personalData.label':
    "Download all of this worker's personal data ({format}); the download is recorded in the audit trail",
};

export const usePrivacyText = moduleText({ id, en });
