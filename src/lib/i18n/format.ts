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
