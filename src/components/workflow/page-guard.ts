import type { AstroGlobal } from 'astro';
import { langFromParam, localizePath, translator } from '../../lib/i18n';
import type { Lang } from '../../lib/i18n/locales';
import type { AuthUser } from '../../server/auth/accounts';

/** What a page for signed-in people knows once the guard let the visitor in. */
export interface SignedInPage {
  lang: Lang;
  t: ReturnType<typeof translator>;
  user: AuthUser;
}

/** A moderator-area page: isModerator false means the page answers 403 and says why. */
export interface ModeratorPage extends SignedInPage {
  isModerator: boolean;
}

/** The signed-in visitor of a page, or the answer instead: 404 for an unknown language, to sign-in (and back) when signed out. */
export function signedInPage(astro: AstroGlobal, keepQuery = false): SignedInPage | Response {
  const lang = langFromParam(astro.params.lang);
  if (!lang) return new Response(null, { status: 404 });
  const user = astro.locals.user;
  const back = astro.url.pathname + (keepQuery ? astro.url.search : '');
  if (!user) return astro.redirect(`${localizePath('/login', lang)}?next=${encodeURIComponent(back)}`, 303);
  return { lang, t: translator(lang), user };
}

/** As signedInPage, for the moderator area: anyone else signed in gets status 403 (the page shows the refusal). */
export function moderatorPage(astro: AstroGlobal): ModeratorPage | Response {
  const page = signedInPage(astro);
  if (page instanceof Response) return page;
  const isModerator = page.user.role === 'moderator';
  if (!isModerator) astro.response.status = 403;
  return { ...page, isModerator };
}
