export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export type Bilingual = Readonly<Record<Locale, string>>;

/** Fills `{name}` placeholders. Unknown placeholders stay visible so a missing parameter is noticed. */
export function interpolate(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function pickLocale(value: string | undefined | null): Locale {
  if (!value) return DEFAULT_LOCALE;
  const lower = value.toLowerCase();
  return lower.startsWith('en') ? 'en' : DEFAULT_LOCALE;
}
