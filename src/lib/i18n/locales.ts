/** Interface languages; Russian is the default and has no URL prefix, English lives under /en/. */
export const LANGS = ['ru', 'en'] as const;
/** One interface language. */
export type Lang = (typeof LANGS)[number];
/** Language of unprefixed URLs. */
export const DEFAULT_LANG: Lang = 'ru';

/** The language named by a route's [...lang] parameter: undefined → ru, "en" → en, anything else → null (404). */
export function langFromParam(param: string | undefined): Lang | null {
  if (param === undefined || param === '') return 'ru';
  return param === 'en' ? 'en' : null;
}

/** Prefixes a root-relative path for the language, e.g. ("/clusters", "en") → "/en/clusters". */
export function localizePath(path: string, lang: Lang): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (lang === DEFAULT_LANG) return clean;
  return clean === '/' ? `/${lang}/` : `/${lang}${clean}`;
}

/** Strips the language prefix of a path, e.g. "/en/clusters" → "/clusters". */
export function unlocalizePath(path: string): string {
  const stripped = path.replace(/^\/en(?=\/|$)/, '');
  return stripped === '' ? '/' : stripped;
}

/** The same page (path and query) in the other language, for the language switch. */
export function switchLanguageUrl(url: URL, target: Lang): string {
  return localizePath(unlocalizePath(url.pathname), target) + url.search;
}

/** Picks the text in the language, falling back to the other one; undefined when neither is given. */
export function pick(text: { ru?: string; en?: string } | undefined, lang: Lang): string | undefined {
  if (!text) return undefined;
  return lang === 'en' ? (text.en ?? text.ru) : (text.ru ?? text.en);
}
