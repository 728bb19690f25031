// The one text style of the web app. Each module keeps its words in `modules/<module>/<module>-text.ts`: a `const id`
// dictionary (Indonesian, the default), a `const en` one with exactly the same keys, and
// `export const use<Module>Text = moduleText<<Module>Key>({ id, en })`. The hook translates the module's keys and, as
// a fallback, the shell's words (app.*, ui.*, role.* … in shell-text.ts), so a page needs one translator. A module's
// keys never shadow a shell key (checked by text.test.ts), and a page may also call another module's hook for that
// module's words.
import { useCallback } from 'react';
import { interpolate, type Locale } from '../../../lib/i18n/locale.ts';
import { useLocale, type TParams } from './i18n.ts';
import { SHELL_TEXT, type ShellKey } from './shell-text.ts';

export type ModuleT<K extends string> = (key: K | ShellKey, params?: TParams) => string;
export type ModuleDictionaries<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export type ModuleTextHook<K extends string> = {
  (): ModuleT<K>;
  /** Translation outside React (tests, helpers that receive a locale). */
  translate: (locale: Locale, key: K | ShellKey, params?: TParams) => string;
  /** The module's own dictionaries, for the completeness check. */
  dictionaries: ModuleDictionaries<K>;
};

/** `use<Module>Text = moduleText({ id, en })`: the hook that translates this module's keys into the current language. */
export function moduleText<K extends string>(dictionaries: ModuleDictionaries<K>): ModuleTextHook<K> {
  const translate = (locale: Locale, key: K | ShellKey, params?: TParams): string => {
    const own = dictionaries[locale] as Readonly<Record<string, string>>;
    const text = Object.hasOwn(own, key) ? own[key] : (SHELL_TEXT[locale] as Readonly<Record<string, string>>)[key];
    return interpolate(text ?? key, params);
  };
  function useModuleText(): ModuleT<K> {
    const [locale] = useLocale();
    return useCallback((key: K | ShellKey, params?: TParams) => translate(locale, key, params), [locale]);
  }
  return Object.assign(useModuleText, { translate, dictionaries });
}
