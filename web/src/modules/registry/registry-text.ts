// The registry pages' newer words, Indonesian first, English second (the older ones are in app/i18n.ts).
import { moduleText, type ModuleT } from '../../app/module-text.ts';

const id = {
  'nik.prefilled': 'Tanggal lahir dan jenis kelamin diisi dari NIK. Ubah bila KTP menyebut lain.',
};

type RegistryKey = keyof typeof id;

const en: Record<RegistryKey, string> = {
  'nik.prefilled': 'Date of birth and sex were filled in from the NIK. Change them if the KTP says otherwise.',
};

export type RT = ModuleT<RegistryKey>;

export const useRT = moduleText<RegistryKey>({ id, en });
