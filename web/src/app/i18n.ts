// The language machinery: the chosen locale (Indonesian by default, English), kept per browser, and `useT()`, the
// shell's translator. The shell's words are in shell-text.ts; every module keeps its own in
// `modules/<module>/<module>-text.ts` (see module-text.ts). Server messages arrive already localised
// (x-lindung-locale) and are shown verbatim, never through here.
import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { DEFAULT_LOCALE, interpolate, LOCALES, type Locale } from '../../../lib/i18n/locale.ts';
import { setApiLocale } from './api.ts';
import { SHELL_TEXT, type ShellKey } from './shell-text.ts';
import { setFormatLocale } from '../ui/format.ts';

export type { ShellKey } from './shell-text.ts';
export type TParams = Readonly<Record<string, string | number>>;
export type T = (key: ShellKey, params?: TParams) => string;

/** Translation of a shell word outside React. */
export function translate(locale: Locale, key: ShellKey, params?: TParams): string {
  return interpolate(SHELL_TEXT[locale][key], params);
}

// The choice is kept per browser; its presence means the person chose explicitly (see LocaleSync).
const STORAGE_KEY = 'lindung.locale';

export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
  } catch {
    return null;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

type I18nValue = {
  locale: Locale;
  /** `remember` keeps the choice in localStorage (an explicit choice); false only follows the account's setting. */
  setLocale: (locale: Locale, options?: { remember?: boolean }) => void;
  t: T;
};

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale() ?? DEFAULT_LOCALE);

  // Set synchronously so that the very first API calls already carry the header.
  setApiLocale(locale);
  setFormatLocale(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale, options?: { remember?: boolean }) => {
    if (options?.remember ?? true) storeLocale(next);
    setApiLocale(next);
    setFormatLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() outside <I18nProvider>');
  return value;
}

/** The shell's translate function in the current language (a module uses its own `use<Module>Text()`). */
export function useT(): T {
  return useI18n().t;
}

export function useLocale(): [Locale, I18nValue['setLocale']] {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
}
