/** Interface languages; Russian is the default and has no URL prefix, English lives under /en/. */
export const LANGS = ['ru', 'en'] as const;
/** One interface language. */
export type Lang = (typeof LANGS)[number];
/** Language of unprefixed URLs. */
export const DEFAULT_LANG: Lang = 'ru';
/** Language of API answers (names sorted, labels) when a query names none. */
export const API_LANG: Lang = 'en';
/** The Intl locale each language formats numbers and dates with. */
export const INTL_LOCALES: Readonly<Record<Lang, string>> = { ru: 'ru-RU', en: 'en-GB' };

/** The language named by a route's [...lang] parameter: undefined → ru, "en" → en, anything else → null (404). */
export function langFromParam(param: string | undefined): Lang | null {
  if (param === undefined || param === '') return DEFAULT_LANG;
  return param !== DEFAULT_LANG && (LANGS as readonly string[]).includes(param) ? (param as Lang) : null;
}

/** Prefixes a root-relative path for the language, e.g. ("/clusters", "en") → "/en/clusters". */
export function localizePath(path: string, lang: Lang): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (lang === DEFAULT_LANG) return clean;
  return clean === '/' ? `/${lang}/` : `/${lang}${clean}`;
}

/** Strips the language prefix of a path, e.g. "/en/clusters" → "/clusters". */
export function unlocalizePath(path: string): string {
  const prefix = LANGS.find((lang) => lang !== DEFAULT_LANG && (path === `/${lang}` || path.startsWith(`/${lang}/`)));
  const stripped = prefix ? path.slice(prefix.length + 1) : path;
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

/** The interface language an Accept-Language header prefers (by q, then order), or null when it names neither. */
export function preferredLang(acceptLanguage: string | null | undefined): Lang | null {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((entry, order) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { primary: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return (ranked.find((e) => (LANGS as readonly string[]).includes(e.primary ?? ''))?.primary as Lang | undefined) ?? null;
}

/** A path without a leading language-like segment (/en, /fr, /de-AT), e.g. "/fr/clusters" → "/clusters". */
export function withoutLanguagePrefix(path: string): string {
  return path.replace(/^\/[a-z]{2}(?:-[a-z]{2})?(?=\/|$)/i, '') || '/';
}

/**
 * The language of the 404 page for a path: its own prefix (/en, /ru); for another language's prefix
 * (/fr/…, /de-AT/…) the visitor's Accept-Language, else English (a foreign visitor reads it more likely
 * than Russian); Russian for unprefixed paths.
 */
export function notFoundLang(pathname: string, acceptLanguage: string | null | undefined): Lang {
  const prefix = /^\/([a-z]{2})(?:-[a-z]{2})?(?=\/|$)/i.exec(pathname)?.[1]?.toLowerCase();
  if (prefix === undefined) return DEFAULT_LANG;
  if ((LANGS as readonly string[]).includes(prefix)) return prefix as Lang;
  return preferredLang(acceptLanguage) ?? 'en';
}
