// The words of the system module, Indonesian first (the default) and English with exactly the same keys. Each web
// module keeps its words here, in `<module>-text.ts`; the shell's own words are in app/shell-text.ts.
import { moduleText, type ModuleT } from '../../app/module-text.ts';

const id = {
  'system.title': 'Sistem',
  'system.description': 'Keadaan layanan Lindung dan data acuannya.',
  'system.health': 'Status layanan',
  'system.service': 'Layanan web',
  'system.database': 'Basis data',
  'system.ok': 'Baik',
  'system.down': 'Bermasalah',
  'system.checkedAt': 'Diperiksa {time}',
  'system.check': 'Periksa lagi',
  'system.regions': 'Data wilayah',
  'system.apiDocs': 'Dokumentasi API',
  'system.apiDocsBody': 'Daftar lengkap layanan API Lindung (OpenAPI) untuk integrasi dengan sistem lain.',
  'system.openDocs': 'Buka dokumentasi API',
  'system.openapi': 'Unduh openapi.json',
} as const;

export type SystemKey = keyof typeof id;

const en: Readonly<Record<SystemKey, string>> = {
  'system.title': 'System',
  'system.description': 'The state of the Lindung service and its reference data.',
  'system.health': 'Service status',
  'system.service': 'Web service',
  'system.database': 'Database',
  'system.ok': 'OK',
  'system.down': 'Failing',
  'system.checkedAt': 'Checked {time}',
  'system.check': 'Check again',
  'system.regions': 'Region data',
  'system.apiDocs': 'API documentation',
  'system.apiDocsBody': 'The full list of Lindung API services (OpenAPI) for integration with other systems.',
  'system.openDocs': 'Open API documentation',
  'system.openapi': 'Download openapi.json',
};

export type SystemT = ModuleT<SystemKey>;
export const useSystemText = moduleText<SystemKey>({ id, en });
