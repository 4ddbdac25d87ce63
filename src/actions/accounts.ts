import { ActionError, type ActionAPIContext } from 'astro:actions';
import { defineAction } from './storage-guard';
import { z } from 'zod';
import {
  apiTokenCreateSchema,
  apiTokenRevokeSchema,
  forgotPasswordSchema,
  langSchema,
  registerSchema,
  resetPasswordSchema,
  signInSchema,
} from '../lib/accounts/schemas';
import { minutesToWait } from '../lib/accounts/rate-limit';
import { safeNextPath } from '../lib/accounts/next-path';
import { localizePath, type Lang } from '../lib/i18n';
import * as accounts from '../server/auth/accounts';
import { requestCameOverHttps, SESSION_COOKIE, sessionCookieOptions } from '../server/auth/session-cookie';
import { getStore } from '../server/store';

/**
 * The account forms as Astro Actions (`accept: 'form'`, so they work without JavaScript): validate with the
 * schemas of src/lib/accounts, call src/server/auth, answer with what the page needs to render. Expected
 * refusals (wrong password, too many attempts) are results, not errors, so the page can say them in its language.
 */

/** Every form says which language it was sent from (mails are written in it). */
const withLang = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) => schema.extend({ lang: langSchema });

/** The client's address for rate limits and the session row. */
function metaOf(context: ActionAPIContext, lang: Lang): accounts.RequestMeta {
  let ip = 'unknown';
  try {
    ip = context.clientAddress;
  } catch {
    // The adapter could not tell (not expected with @astrojs/node): all such requests share one counter.
  }
  return { ip, userAgent: context.request.headers.get('user-agent'), lang };
}

/** The refusal for too many attempts, in whole minutes. */
const rateLimited = (retryAfterMs: number) => ({ ok: false as const, reason: 'rateLimited' as const, minutes: minutesToWait(retryAfterMs) });

/** The signed-in account, or an UNAUTHORIZED error (the page then sends the visitor to sign in). */
function requireUser(context: ActionAPIContext): accounts.AuthUser {
  if (!context.locals.user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  return context.locals.user;
}

/** Account actions, available as actions.accounts.*. */
export const accountActions = {
  register: defineAction({
    accept: 'form',
    input: withLang(registerSchema),
    handler: async ({ lang, ...input }, context) => {
      const result = await accounts.register(await getStore(), input, metaOf(context, lang));
      return result.ok ? { ok: true as const, email: input.email } : rateLimited(result.retryAfterMs);
    },
  }),

  signIn: defineAction({
    accept: 'form',
    input: withLang(signInSchema).extend({ next: z.string().optional() }),
    handler: async ({ lang, next, ...input }, context) => {
      const previous = context.cookies.get(SESSION_COOKIE)?.value;
      const result = await accounts.signIn(await getStore(), input, metaOf(context, lang), previous);
      if (!result.ok) return result.reason === 'rateLimited' ? rateLimited(result.retryAfterMs) : { ok: false as const, reason: result.reason };
      context.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(requestCameOverHttps(context.request, context.url)));
      return { ok: true as const, next: safeNextPath(next, localizePath('/account', lang)) };
    },
  }),

  signOut: defineAction({
    accept: 'form',
    input: z.object({ lang: langSchema }),
    handler: async ({ lang }, context) => {
      const token = context.cookies.get(SESSION_COOKIE)?.value;
      if (token) await accounts.signOut(await getStore(), token);
      context.cookies.delete(SESSION_COOKIE, { path: '/' });
      return { ok: true as const, next: `${localizePath('/login', lang)}?signedOut=1` };
    },
  }),

  forgotPassword: defineAction({
    accept: 'form',
    input: withLang(forgotPasswordSchema),
    handler: async ({ lang, email }, context) => {
      const result = await accounts.requestPasswordReset(await getStore(), email, metaOf(context, lang));
      return result.ok ? { ok: true as const, email } : rateLimited(result.retryAfterMs);
    },
  }),

  resetPassword: defineAction({
    accept: 'form',
    input: withLang(resetPasswordSchema),
    handler: async ({ lang: _lang, ...input }) => ({ outcome: await accounts.resetPassword(await getStore(), input) }),
  }),

  createApiToken: defineAction({
    accept: 'form',
    input: withLang(apiTokenCreateSchema),
    handler: async ({ lang, name }, context) => {
      const user = requireUser(context);
      const result = await accounts.createApiToken(await getStore(), user, name, metaOf(context, lang));
      return result.ok ? { ok: true as const, token: result.token, name } : rateLimited(result.retryAfterMs);
    },
  }),

  revokeApiToken: defineAction({
    accept: 'form',
    input: withLang(apiTokenRevokeSchema),
    handler: async ({ id }, context) => {
      const user = requireUser(context);
      return { ok: await accounts.revokeApiToken(await getStore(), user, id) };
    },
  }),
};
