import { INTL_LOCALES, type Lang } from './locales';

/** Formats a number the way readers of the language expect (1 149 / 1,149; 0,1 / 0.1); client scripts use it too. */
export function formatNumber(value: number, lang: Lang, maxFractionDigits = 2, minFractionDigits = 0): string {
  return numberFormat(lang, maxFractionDigits, minFractionDigits).format(value);
}

// Creating an Intl formatter costs about 100× a format call (a CPU profile of the directory page put 13 % of a
// render in formatNumber's constructor): one per language and option set, made on first use.
const numberFormats = new Map<string, Intl.NumberFormat>();
const collators = new Map<Lang, Intl.Collator>();

/** The shared number format of a language with these fraction digits. */
function numberFormat(lang: Lang, maxFractionDigits: number, minFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}|${maxFractionDigits}|${minFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(INTL_LOCALES[lang], { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: minFractionDigits })));
  return format;
}

/** Decimals of an index value everywhere it is shown (tables, cards, search hits, the map, charts' values). */
export const INDEX_DECIMALS = 3;

/**
 * An internationalization index (or a ratio of one) always with three decimals, so 0.730 and 0.021 line up.
 *
 * @example formatIndex(0.73, 'ru') // => '0,730'
 */
export function formatIndex(value: number, lang: Lang): string {
  return formatNumber(value, lang, INDEX_DECIMALS, INDEX_DECIMALS);
}

/**
 * A share as a percentage with at most one decimal, e.g. 0.0111 → "1.1%" / "1,1 %".
 *
 * @example formatPercent(0.25, 'en') // => '25%'
 */
export function formatPercent(share: number, lang: Lang): string {
  let format = numberFormats.get(`${lang}|percent`);
  if (!format) numberFormats.set(`${lang}|percent`, (format = new Intl.NumberFormat(INTL_LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 })));
  return format.format(share);
}

/** Hemisphere letters of coordinates per language: north, south, east, west. */
const HEMISPHERES: Record<Lang, { n: string; s: string; e: string; w: string }> = {
  en: { n: 'N', s: 'S', e: 'E', w: 'W' },
  ru: { n: 'с. ш.', s: 'ю. ш.', e: 'в. д.', w: 'з. д.' },
};

/**
 * A point as degrees with hemispheres, three decimals.
 *
 * @example formatCoordinates(54.933, 43.317, 'en') // => '54.933° N, 43.317° E'
 * @example formatCoordinates(54.933, 43.317, 'ru') // => '54,933° с. ш., 43,317° в. д.'
 */
export function formatCoordinates(lat: number, lon: number, lang: Lang): string {
  const h = HEMISPHERES[lang];
  const degrees = (v: number) => `${formatNumber(Math.abs(v), lang, 3, 3)}°`;
  return `${degrees(lat)} ${lat < 0 ? h.s : h.n}, ${degrees(lon)} ${lon < 0 ? h.w : h.e}`;
}

/** English ordinal, e.g. 1 → "1st", 22 → "22nd"; Russian uses "1-е". */
export function formatOrdinal(n: number, lang: Lang): string {
  if (lang === 'ru') return `${n}-е`;
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return n + (s[(v - 20) % 10] ?? s[v] ?? s[0]!);
}

/** Collator for sorting names in the language. */
export function nameCollator(lang: Lang): Intl.Collator {
  let collator = collators.get(lang);
  if (!collator) collators.set(lang, (collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true, ignorePunctuation: true })));
  return collator;
}

/** A stored ISO timestamp as a date and time in the language (UTC, as stored). */
export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';
}
