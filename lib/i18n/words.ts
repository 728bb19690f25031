// Words the server shows to people (sheet names, column headers, funder words, runner messages) are `{ id, en }`
// entries, kept per module in `server/modules/<m>/<m>.words.ts`; `word` picks the one for a locale and fills
// `{name}` placeholders. Exports follow the requesting user's locale; scheduled and background outputs use 'id'.
import { interpolate, type Bilingual, type Locale } from './locale.ts';

/** One display word or sentence, Indonesian first. The same shape as `Bilingual`. */
export type Words = Bilingual;

export function word(w: Words, locale: Locale, params?: Readonly<Record<string, string | number>>): string {
  return params ? interpolate(w[locale], params) : w[locale];
}

/** A table of words in one locale, e.g. for a document that is always Indonesian. */
export function wordsIn<K extends string>(table: Readonly<Record<K, Words>>, locale: Locale): Record<K, string> {
  return Object.fromEntries(Object.entries<Words>(table).map(([k, w]) => [k, w[locale]])) as Record<K, string>;
}
