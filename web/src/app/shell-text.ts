// Words of the shell added with the layout, accessibility and home pages issue, Indonesian first, English second;
// kept apart from the shared dictionary (i18n.ts) so that parallel work does not collide in one large file.
import { moduleText, type ModuleT } from './module-text.ts';

const id = {
  'scroll.hint': 'Tabel ini lebih lebar dari layar: geser ke samping untuk melihat semua kolom.',
  'scroll.region': '{label} (dapat digeser ke samping dengan tombol panah)',
} as const;

const en: Readonly<Record<keyof typeof id, string>> = {
  'scroll.hint': 'This table is wider than the screen: scroll sideways to see every column.',
  'scroll.region': '{label} (scrolls sideways with the arrow keys)',
};

export type ShellKey = keyof typeof id;
export type ShellT = ModuleT<ShellKey>;
export const useShellT = moduleText<ShellKey>({ id, en });
