import { expect } from 'vitest';
import type { RunningPortal } from '../../helpers/portal';
import { postJson, waitForLink, Visitor } from '../http/accounts-helpers';
import { MARKUP_PROBE } from './arbitraries';

/** An answer as the suite inspects it. */
export interface WireAnswer {
  status: number;
  contentType: string;
  nosniff: boolean;
  text: string;
}

/** Sends a request with a raw body (any Content-Type or none), never following redirects. */
export async function send(portal: RunningPortal, method: string, path: string, options: { body?: string; contentType?: string | null; headers?: Record<string, string> } = {}): Promise<WireAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.contentType) headers['content-type'] = options.contentType;
  const res = await fetch(portal.url + path, { method, headers, body: options.body, redirect: 'manual' });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', nosniff: res.headers.get('x-content-type-options') === 'nosniff', text: await res.text() };
}

/**
 * The suite's properties of any answer: 2xx, 3xx or 4xx (never 5xx); HTML never holds the markup probe unescaped;
 * every answer under /api is JSON that parses (but Astro's origin-check refusal), marked nosniff so no browser
 * renders it as a page.
 */
export function expectSafeAnswer(answer: WireAnswer, path: string): void {
  const what = `${path.slice(0, 160)} → ${answer.status} ${answer.contentType}: ${answer.text.slice(0, 300)}`;
  expect(answer.status, what).toBeGreaterThanOrEqual(200);
  expect(answer.status, what).toBeLessThan(500);
  if (/html/i.test(answer.contentType)) expect(answer.text.includes(MARKUP_PROBE), `echoed markup unescaped: ${what}`).toBe(false);
  if (path.startsWith('/api/') && answer.text !== '' && !isOriginCheckRefusal(answer) && !isParserRefusal(answer)) {
    expect(answer.contentType, what).toMatch(/^application\/(geo\+)?json/);
    expect(answer.nosniff, what).toBe(true);
    expect(() => JSON.parse(answer.text), `JSON that does not parse: ${what}`).not.toThrow();
  }
}

/** A refusal of node's HTTP parser (a URL or headers over its 16 KB limit), answered in plain text before any route. */
function isParserRefusal(answer: WireAnswer): boolean {
  return [414, 431].includes(answer.status) || (answer.status === 400 && answer.text.startsWith('Bad request: the request is not valid HTTP'));
}

/**
 * Astro's origin check (security.checkOrigin) refuses a POST with a form-like Content-Type (or none, which fetch
 * sends as text/plain) and no Origin header before any route runs, in plain text: the one non-JSON answer under /api.
 */
function isOriginCheckRefusal(answer: WireAnswer): boolean {
  return answer.status === 403 && /^text\/plain/i.test(answer.contentType) && /^Cross-site [A-Z]+ form submissions are forbidden/.test(answer.text);
}

/** Percent-encodes a path segment; lone surrogates become U+FFFD first (a URL cannot carry them). */
export function segment(text: string): string {
  return encodeURIComponent(text.toWellFormed());
}

/** Segments that are malformed on the wire itself: bad percent escapes, invalid UTF-8, encoded NUL and slashes. */
export const RAW_SEGMENTS = ['%', '%zz', '%FF%FE', '%C0%AF', '%E0%A4%A', '%00', '..%2F..%2Fetc', '%2e%2e', '%u0041'] as const;

/** The password of every account the suite makes. */
export const PASSWORD = 'fuzzing passphrase long enough';

/** Signs up through the API, confirms through the mailed link and returns a personal token. */
export async function managerToken(portal: RunningPortal, email: string): Promise<string> {
  expect((await postJson(portal, '/api/v1/accounts', { email, name: 'Fuzz Manager', password: PASSWORD })).status).toBe(202);
  expect((await fetch(portal.url + (await waitForLink(portal, email)))).status).toBe(200);
  return tokenFor(portal, email, PASSWORD);
}

/** A personal token for confirmed credentials. */
export async function tokenFor(portal: RunningPortal, email: string, password: string): Promise<string> {
  const answer = await postJson(portal, '/api/v1/auth/tokens', { email, password });
  expect(answer.status).toBe(201);
  return answer.body.token as string;
}

/** A browser session of a confirmed account (signed in through the form). */
export async function signedIn(portal: RunningPortal, email: string, password: string): Promise<Visitor> {
  const visitor = new Visitor(portal);
  await visitor.submit('/en/login', 'accounts.signIn', { email, password, lang: 'en' });
  expect(visitor.cookie, `signed in as ${email}`).not.toBeNull();
  return visitor;
}
