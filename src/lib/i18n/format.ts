import { INTL_LOCALES, type Lang } from './locales';

/** Formats a number the way readers of the language expect (1 149 / 1,149; 0,1 / 0.1); client scripts use it too. */
export function formatNumber(value: number, lang: Lang, maxFractionDigits = 2, minFractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_LOCALES[lang], { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: minFractionDigits }).format(value);
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
  return new Intl.Collator(lang, { sensitivity: 'base', numeric: true, ignorePunctuation: true });
}
