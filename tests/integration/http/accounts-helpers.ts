import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DATABASE_FILE } from '../../../src/server/db/connection';
import type { RunningPortal } from '../../helpers/portal';

/** An answer with its body read. */
export interface Answer {
  status: number;
  headers: Headers;
  html: string;
}

/** A browser's view of the portal: a cookie jar of one session cookie, and same-origin form posts. */
export class Visitor {
  cookie: string | null = null;
  constructor(private readonly portal: RunningPortal) {}

  /** GET with the visitor's cookie, not following redirects. */
  async get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(this.portal.url + path, { redirect: 'manual', headers: { ...this.cookieHeader(), ...headers } });
    this.remember(res);
    return { status: res.status, headers: res.headers, html: await res.text() };
  }

  /** Submits a form the way a browser without JavaScript does: POST to the page with ?_action=, same Origin. */
  async submit(path: string, action: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${this.portal.url}${path}?_action=${action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: this.portal.url, 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader(), ...headers },
      body: new URLSearchParams(fields).toString(),
    });
    this.remember(res);
    return { status: res.status, headers: res.headers, html: await res.text() };
  }

  private cookieHeader(): Record<string, string> {
    return this.cookie ? { cookie: this.cookie } : {};
  }

  /** Keeps or drops cm_session as the answer says. */
  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      if (!pair.startsWith('cm_session=')) continue;
      this.cookie = /Expires=Thu, 01 Jan 1970/i.test(line) || pair === 'cm_session=' ? null : pair;
    }
  }
}

/** POSTs JSON to an API route. */
export async function postJson(portal: RunningPortal, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(portal.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** The mails the portal wrote to its log (no SMTP_URL) to one address, oldest first. */
export function mailsTo(portal: RunningPortal, email: string): string[] {
  return portal
    .output()
    .split('[mail] (SMTP_URL is not set')
    .slice(1)
    .map((block) => block.split('[mail] end')[0]!)
    .filter((block) => block.includes(`\nTo: ${email}\n`)); // not a "Reply-To:" line
}

/** Waits for the n-th mail to an address and returns the path (and query) of the portal link in it. */
export async function waitForLink(portal: RunningPortal, email: string, count = 1, kind = 'confirm|reset-password|login'): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = mailsTo(portal, email);
    if (mails.length >= count) {
      const match = new RegExp(`https?://[^/\\s]+(/(?:en/)?(?:${kind})(?:\\?token=[A-Za-z0-9_-]{43})?)`).exec(mails[count - 1]!);
      expect(match, `a link in mail ${count} to ${email}:\n${mails[count - 1]}`).not.toBeNull();
      return match![1]!;
    }
    if (Date.now() > deadline) throw new Error(`no mail ${count} to ${email} in the log:\n${portal.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs SQL on the portal's store file through a second connection (what an operator or a later feature would do). */
export function withDatabase<T>(portal: RunningPortal, work: (db: Database.Database) => T): T {
  const db = new Database(join(portal.dataDir, DATABASE_FILE));
  db.pragma('busy_timeout = 5000');
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** The text content of the element with this data-testid (tags stripped), or undefined. */
export function testIdText(html: string, testid: string): string | undefined {
  const match = new RegExp(`data-testid="${testid}"[^>]*>([\\s\\S]*?)</(?:div|p|dd|a|span)>`).exec(html);
  return match ? match[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() : undefined;
}

/** Signs up through the API and confirms through the mailed link (the `mailsBefore + 1`-th mail to the address); returns a personal API token. */
export async function signUpWithToken(portal: RunningPortal, account: { email: string; name: string; password: string; lang?: string }, mailsBefore = 0): Promise<string> {
  expect((await postJson(portal, '/api/v1/accounts', account)).status).toBe(202);
  expect((await fetch(portal.url + (await waitForLink(portal, account.email, mailsBefore + 1)))).status).toBe(200);
  const answer = await postJson(portal, '/api/v1/auth/tokens', { email: account.email, password: account.password });
  expect(answer.status).toBe(201);
  return answer.body.token as string;
}

/** A visitor signed in through the English sign-in form. */
export async function signedInVisitor(portal: RunningPortal, email: string, password: string): Promise<Visitor> {
  const visitor = new Visitor(portal);
  expect((await visitor.submit('/en/login', 'accounts.signIn', { email, password, lang: 'en' })).status).toBe(303);
  return visitor;
}

/** A JSON call with a Bearer token (the body read and dropped); its status. */
export async function bearerStatus(portal: RunningPortal, method: string, path: string, token: string, body?: unknown): Promise<number> {
  const res = await fetch(portal.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.text();
  return res.status;
}
