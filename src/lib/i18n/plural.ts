import { INTL_LOCALES, type Lang } from './locales';

/** The plural categories the portal's languages use (Russian: one, few, many, other for fractions; English: one, other). */
export const PLURAL_CATEGORIES = ['one', 'few', 'many', 'other'] as const;
/** One plural category. */
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * The plural category of a count in a language, by Intl.PluralRules (categories the portal does not use fall to "other").
 *
 * @example pluralCategory(21, 'ru') // => 'one'; pluralCategory(3, 'ru') // => 'few'; pluralCategory(1, 'en') // => 'one'
 */
export function pluralCategory(count: number, lang: Lang): PluralCategory {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(INTL_LOCALES[lang])));
  const category = rules.select(count);
  return (PLURAL_CATEGORIES as readonly string[]).includes(category) ? (category as PluralCategory) : 'other';
}
