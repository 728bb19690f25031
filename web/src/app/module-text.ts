// A module's own dictionary as a hook like useT. The shared dictionary (i18n.ts) holds the words of the shell and the
// first modules; larger modules added later keep theirs beside their pages (`<module>-text.ts`), Indonesian first and
// English with exactly the same keys, so that work on two modules never collides in one large file.
import { useCallback } from 'react';
import { interpolate, type Locale } from '../../../lib/i18n/locale.ts';
import { useLocale, type TParams } from './i18n.ts';

export type ModuleT<K extends string> = (key: K, params?: TParams) => string;

/** `useXT = moduleText({ id, en })`: the hook that translates this module's keys into the current language. */
export function moduleText<K extends string>(dictionaries: Readonly<Record<Locale, Readonly<Record<K, string>>>>) {
  return function useModuleText(): ModuleT<K> {
    const [locale] = useLocale();
    return useCallback((key: K, params?: TParams) => interpolate(dictionaries[locale][key], params), [locale]);
  };
}
