import type { AstroCookieSetOptions } from 'astro';
import { SESSION_TTL_MS } from '../../lib/accounts/limits';
import { cameOverHttps } from '../gate/security-headers';
import { trustProxyFromEnv } from '../gate/server-gate';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'cm_session';

/** Whether a request came over HTTPS: its URL, or X-Forwarded-Proto when TRUST_PROXY is set. */
export function requestCameOverHttps(request: Request, url: URL): boolean {
  return cameOverHttps(url.protocol === 'https:', request.headers.get('x-forwarded-proto') ?? undefined, trustProxyFromEnv());
}

/** Attributes of the session cookie: httpOnly, SameSite=Lax, Path=/, 30 days, Secure over HTTPS. */
export function sessionCookieOptions(secure: boolean): AstroCookieSetOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: Math.floor(SESSION_TTL_MS / 1000) };
}
