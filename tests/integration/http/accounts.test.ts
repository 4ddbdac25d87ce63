import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../../src/lib/accounts/rate-limit';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { mailsTo, postJson, testIdText, Visitor, waitForLink, withDatabase } from './accounts-helpers';

// Accounts through the built portal over real HTTP: forms posted as a browser without JavaScript posts them, mail
// read from the server log (no SMTP_URL), the store a real SQLite file.
const ADMIN = { email: 'moderator@example.org', password: 'a moderator passphrase' };
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await portal?.stop();
});

const PASSWORD = 'correct horse battery';

/** Registers through the form and confirms through the mailed link; returns a visitor (signed out). */
async function registeredAndConfirmed(email: string, name = 'Test Manager', prefix = '/en'): Promise<Visitor> {
  const visitor = new Visitor(portal);
  const answer = await visitor.submit(`${prefix}/register`, 'accounts.register', { email, name, password: PASSWORD, lang: prefix ? 'en' : 'ru' });
  expect(testIdText(answer.html, 'register-done')).toBeDefined();
  expect((await visitor.get(await waitForLink(portal, email))).status).toBe(200);
  return visitor;
}

/** Signs a visitor in through the form; returns the answer. */
function signIn(visitor: Visitor, email: string, password = PASSWORD, prefix = '/en', extra: Record<string, string> = {}) {
  return visitor.submit(`${prefix}/login`, 'accounts.signIn', { email, password, lang: prefix ? 'en' : 'ru', ...extra });
}

describe.each([
  ['en', '/en', 'Check your mail', 'Your address is confirmed', 'Cluster manager'],
  ['ru', '', 'Проверьте почту', 'Адрес подтверждён', 'Управляющий кластером'],
])('sign-up, confirmation, sign-in and sign-out (%s)', (lang, prefix, checkMail, confirmed, role) => {
  const email = `flow-${lang}@example.org`;

  it('register → the link in the server log → confirm → sign in → /account → sign out', async () => {
    const visitor = new Visitor(portal);
    const registered = await visitor.submit(`${prefix}/register`, 'accounts.register', { email: email.toUpperCase(), name: 'Анна Ли', password: PASSWORD, lang });
    expect(registered.status).toBe(200);
    expect(testIdText(registered.html, 'register-done')).toContain(checkMail);
    expect(testIdText(registered.html, 'register-done')).toContain(email);

    const link = await waitForLink(portal, email);
    expect(link).toMatch(new RegExp(`^${prefix}/confirm\\?token=`));
    const confirm = await visitor.get(link);
    expect(testIdText(confirm.html, 'confirm-done')).toContain(confirmed);
    // Single use: the same link again says it has expired or was used, and what to do.
    const again = await visitor.get(link);
    expect(again.status).toBe(400);
    expect(testIdText(again.html, 'confirm-expired')).toBeDefined();

    const signedIn = await signIn(visitor, email, PASSWORD, prefix);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`${prefix}/account`);
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('cm_session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=2592000/);
    expect(cookie).not.toMatch(/; Secure/);

    const account = await visitor.get(`${prefix}/account`);
    expect(account.status).toBe(200);
    expect(testIdText(account.html, 'account-name')).toBe('Анна Ли');
    expect(testIdText(account.html, 'account-email')).toBe(email);
    expect(testIdText(account.html, 'account-role')).toBe(role);
    expect(testIdText(account.html, 'account-link')).toBe('Анна Ли');
    // Every page's header names the signed-in user, also a page the gate caches for anonymous visitors.
    expect(testIdText((await visitor.get(`${prefix}/clusters`)).html, 'account-link')).toBe('Анна Ли');

    const signedOut = await visitor.submit(`${prefix}/account`, 'accounts.signOut', { lang });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe(`${prefix}/login?signedOut=1`);
    expect(visitor.cookie).toBeNull();
    const after = await visitor.get(`${prefix}/account`);
    expect(after.status).toBe(303);
  });
});

describe('the header', () => {
  it('says "Sign in" and nothing user-specific to anonymous visitors, also from the page cache', async () => {
    for (let i = 0; i < 2; i++) {
      const { html } = await new Visitor(portal).get('/en/clusters');
      expect(testIdText(html, 'sign-in-link')).toBe('Sign in');
      expect(html).not.toContain('data-testid="account-link"');
    }
  });

  it('says "Sign in" to a visitor whose session cookie is unknown', async () => {
    const { html } = await new Visitor(portal).get('/en/', { cookie: `cm_session=${'A'.repeat(43)}` });
    expect(testIdText(html, 'sign-in-link')).toBe('Sign in');
  });
});

describe('protected pages', () => {
  it.each([
    ['/account', '/login?next=%2Faccount'],
    ['/en/account', '/en/login?next=%2Fen%2Faccount'],
  ])('%s sends anonymous visitors to sign in, and back after it', async (path, login) => {
    const visitor = new Visitor(portal);
    const anonymous = await visitor.get(path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(login);
    const email = `protected${path.replace(/\W/g, '-')}@example.org`;
    await registeredAndConfirmed(email);
    const page = await visitor.get(login);
    expect(page.html).toContain(`name="next" value="${path}"`);
    const signedIn = await signIn(visitor, email, PASSWORD, '/en', { next: path });
    expect(signedIn.headers.get('location')).toBe(path);
    expect((await visitor.get(path)).status).toBe(200);
  });

  it('never sends a visitor off the site after signing in', async () => {
    const email = 'next-offsite@example.org';
    const visitor = await registeredAndConfirmed(email);
    const signedIn = await signIn(visitor, email, PASSWORD, '/en', { next: '//evil.example/' });
    expect(signedIn.headers.get('location')).toBe('/en/account');
  });
});

describe('sign-in refusals', () => {
  it('says "wrong email or password" for a wrong password, keeps the email and never echoes the password', async () => {
    const email = 'wrong-password@example.org';
    await registeredAndConfirmed(email);
    const visitor = new Visitor(portal);
    const answer = await signIn(visitor, email, 'not the password at all');
    expect(answer.status).toBe(200);
    expect(testIdText(answer.html, 'login-refused')).toBe('Wrong email or password.');
    expect(answer.html).toContain(`value="${email}"`);
    expect(answer.html).not.toContain('not the password at all');
    expect(visitor.cookie).toBeNull();
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const answer = await signIn(new Visitor(portal), 'nobody-here@example.org', 'not the password at all');
    expect(testIdText(answer.html, 'login-refused')).toBe('Wrong email or password.');
  });

  it('keeps an unconfirmed account out and mails it a new link', async () => {
    const email = 'unconfirmed@example.org';
    const visitor = new Visitor(portal);
    await visitor.submit('/en/register', 'accounts.register', { email, name: 'Una', password: PASSWORD, lang: 'en' });
    await waitForLink(portal, email, 1);
    const answer = await signIn(visitor, email);
    expect(testIdText(answer.html, 'login-refused')).toMatch(/not confirmed yet/);
    expect(visitor.cookie).toBeNull();
    const second = await waitForLink(portal, email, 2);
    expect((await visitor.get(second)).status).toBe(200);
    expect((await signIn(visitor, email)).status).toBe(303);
  });

  it('keeps a disabled account out, ending its sessions and its API tokens', async () => {
    const email = 'disabled@example.org';
    const visitor = await registeredAndConfirmed(email, 'Dis Abled');
    await signIn(visitor, email);
    const token = (await postJson(portal, '/api/v1/auth/tokens', { email, password: PASSWORD })).body.token as string;
    withDatabase(portal, (db) => db.prepare('UPDATE users SET disabled_at = ? WHERE email = ?').run(new Date().toISOString(), email));
    expect((await visitor.get('/en/account')).status).toBe(303);
    expect(testIdText((await signIn(new Visitor(portal), email)).html, 'login-refused')).toMatch(/disabled/);
    expect((await postJson(portal, '/api/v1/auth/tokens', { email, password: PASSWORD })).status).toBe(403);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it(`stops after ${RATE_LIMITS.signInPerAccount.attempts} attempts on one account with "try again in N minutes"`, async () => {
    const email = 'rate-limited@example.org';
    await registeredAndConfirmed(email);
    for (let i = 0; i < RATE_LIMITS.signInPerAccount.attempts; i++) {
      expect(testIdText((await signIn(new Visitor(portal), email, `wrong password ${i}`)).html, 'login-refused')).toBe('Wrong email or password.');
    }
    const minutes = RATE_LIMITS.signInPerAccount.windowMs / 60_000;
    const refused = await signIn(new Visitor(portal), email, PASSWORD);
    expect(testIdText(refused.html, 'login-refused')).toBe(`Too many attempts. Try again in ${minutes} min.`);
    const ru = await signIn(new Visitor(portal), email, PASSWORD, '');
    expect(testIdText(ru.html, 'login-refused')).toMatch(new RegExp(`Попробуйте снова через (${minutes}|${minutes - 1}) мин\\.`));
    // The counter is in the store: the right password does not get through until the window ends.
    expect(withDatabase(portal, (db) => db.prepare('SELECT count FROM rate_limits WHERE key = ?').get(`signInPerAccount:${email}`))).toEqual({
      count: RATE_LIMITS.signInPerAccount.attempts,
    });
  });

  it('refuses a form posted from another site (Astro checks the Origin)', async () => {
    const res = await fetch(`${portal.url}/en/login?_action=accounts.signIn`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password, lang: 'en' }).toString(),
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('sets the Secure flag on the session cookie when the request came over HTTPS (TRUST_PROXY)', async () => {
    const email = 'secure-cookie@example.org';
    await registeredAndConfirmed(email);
    const https = portal.url.replace('http:', 'https:');
    const res = await fetch(`${portal.url}/en/login?_action=accounts.signIn`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: https, 'x-forwarded-proto': 'https', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: PASSWORD, lang: 'en' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('cm_session='))).toMatch(/; Secure/);
  });
});

describe('form errors', () => {
  it('shows each problem next to its field in the page language, keeps the values but never the password', async () => {
    const answer = await new Visitor(portal).submit('/register', 'accounts.register', { email: 'not-an-address', name: 'Пётр', password: 'short pw', lang: 'ru' });
    expect(testIdText(answer.html, 'form-errors')).toBe('Исправьте поля, отмеченные ниже.');
    expect(testIdText(answer.html, 'error-email')).toBe('Введите адрес электронной почты, например name@example.ru.');
    expect(testIdText(answer.html, 'error-password')).toBe('Пароль слишком короткий: нужно не меньше 12 символов.');
    expect(answer.html).toMatch(/<input id="f-email"[^>]*aria-describedby="f-email-error"/);
    expect(answer.html).toMatch(/<input id="f-password"[^>]*aria-invalid="true"[^>]*aria-describedby="f-password-hint f-password-error"/);
    expect(answer.html).toContain('value="not-an-address"');
    expect(answer.html).toContain('value="Пётр"');
    expect(answer.html).not.toContain('short pw');
    expect(answer.html).toMatch(/<input id="f-password"[^>]*autocomplete="new-password"/);
  });

  it('says the same in English under /en/', async () => {
    const answer = await new Visitor(portal).submit('/en/register', 'accounts.register', { email: '', name: '', password: '', lang: 'en' });
    expect(testIdText(answer.html, 'error-email')).toBe('Fill in this field.');
    expect(testIdText(answer.html, 'error-name')).toBe('Fill in this field.');
    expect(testIdText(answer.html, 'error-password')).toBe('Fill in this field.');
  });
});

describe('password reset', () => {
  it('mails a single-use link that sets a new password and ends the old sessions', async () => {
    const email = 'reset-flow@example.org';
    const visitor = await registeredAndConfirmed(email);
    await signIn(visitor, email);
    expect((await visitor.get('/en/account')).status).toBe(200);

    const asked = await new Visitor(portal).submit('/en/forgot-password', 'accounts.forgotPassword', { email, lang: 'en' });
    expect(testIdText(asked.html, 'forgot-done')).toMatch(/^Check your mail/);
    const link = await waitForLink(portal, email, 2, 'reset-password');
    const form = await visitor.get(link);
    expect(form.status).toBe(200);
    expect(form.html).toContain('data-testid="reset-form"');
    const token = new URL(link, portal.url).searchParams.get('token')!;

    const tooShort = await visitor.submit('/en/reset-password', 'accounts.resetPassword', { token, password: 'short', lang: 'en' });
    expect(testIdText(tooShort.html, 'error-password')).toMatch(/too short/);

    const NEW = 'a brand new passphrase';
    const saved = await visitor.submit('/en/reset-password', 'accounts.resetPassword', { token, password: NEW, lang: 'en' });
    expect(testIdText(saved.html, 'reset-done')).toMatch(/has been changed/);
    expect((await visitor.get('/en/account')).status).toBe(303);

    const reused = await new Visitor(portal).submit('/en/reset-password', 'accounts.resetPassword', { token, password: 'yet another passphrase', lang: 'en' });
    expect(testIdText(reused.html, 'reset-expired')).toMatch(/expired or was already used/);
    expect((await visitor.get(link)).html).toContain('data-testid="reset-expired"');

    expect(testIdText((await signIn(new Visitor(portal), email, PASSWORD)).html, 'login-refused')).toBe('Wrong email or password.');
    expect((await signIn(new Visitor(portal), email, NEW)).status).toBe(303);
  });

  it('refuses an expired link with "ask for a new one"', async () => {
    const email = 'reset-expired@example.org';
    await registeredAndConfirmed(email);
    await new Visitor(portal).submit('/forgot-password', 'accounts.forgotPassword', { email, lang: 'ru' });
    const link = await waitForLink(portal, email, 2, 'reset-password');
    withDatabase(portal, (db) => db.prepare("UPDATE email_tokens SET expires_at = '2000-01-01T00:00:00.000Z' WHERE purpose = 'reset'").run());
    const page = await new Visitor(portal).get(link.replace(/^\/en/, ''));
    expect(page.status).toBe(400);
    expect(testIdText(page.html, 'reset-expired')).toMatch(/запросите новую/);
    const token = new URL(link, portal.url).searchParams.get('token')!;
    const posted = await new Visitor(portal).submit('/reset-password', 'accounts.resetPassword', { token, password: 'a brand new passphrase', lang: 'ru' });
    expect(posted.html).toContain('data-testid="reset-expired"');
  });

  it('answers an unknown email like a known one and mails nothing', async () => {
    const answer = await new Visitor(portal).submit('/en/forgot-password', 'accounts.forgotPassword', { email: 'no-such-account@example.org', lang: 'en' });
    expect(testIdText(answer.html, 'forgot-done')).toMatch(/^Check your mail/);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(portal, 'no-such-account@example.org')).toEqual([]);
  });
});

describe('API tokens on /account', () => {
  it('creates a token shown once, lists it by name and revokes it', async () => {
    const email = 'tokens-page@example.org';
    const visitor = await registeredAndConfirmed(email);
    await signIn(visitor, email);
    const created = await visitor.submit('/en/account', 'accounts.createApiToken', { name: 'regional sync', lang: 'en' });
    const token = /data-testid="token-value">([A-Za-z0-9_-]{43})</.exec(created.html)?.[1];
    expect(token).toBeDefined();
    const page = await visitor.get('/en/account');
    expect(page.html).toContain('regional sync');
    expect(page.html).not.toContain(token!);
    const id = /data-token-id="(\d+)"/.exec(page.html)![1]!;
    const revoked = await visitor.submit('/en/account', 'accounts.revokeApiToken', { id, lang: 'en' });
    expect(revoked.html).toContain('data-testid="token-revoked"');
    expect(withDatabase(portal, (db) => db.prepare('SELECT revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE id = ?').get(Number(id)))).toEqual({ revoked: 1 });
  });

  it('refuses token creation to anonymous visitors', async () => {
    const answer = await new Visitor(portal).submit('/en/account', 'accounts.createApiToken', { name: 'x', lang: 'en' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/en/login?next=%2Fen%2Faccount');
  });
});

describe('POST /api/v1/accounts', () => {
  it('answers 202 and mails a confirmation link; the same for an email that is taken', async () => {
    const email = 'api-signup@example.org';
    const first = await postJson(portal, '/api/v1/accounts', { email, name: 'Api User', password: PASSWORD });
    expect(first.status).toBe(202);
    const link = await waitForLink(portal, email, 1);
    expect(link).toMatch(/^\/en\/confirm\?token=/);
    expect((await new Visitor(portal).get(link)).status).toBe(200);
    const again = await postJson(portal, '/api/v1/accounts', { email: email.toUpperCase(), name: 'Someone Else', password: 'another long password' });
    expect(again.status).toBe(202);
    expect(Object.keys(again.body).sort()).toEqual(Object.keys(first.body).sort());
    // The owner is told that someone tried; the password stays the owner's.
    await waitForLink(portal, email, 2, 'login');
    expect((await postJson(portal, '/api/v1/auth/tokens', { email, password: PASSWORD })).status).toBe(201);
  });

  it.each([
    ['an empty body', {}, ['email', 'name', 'password']],
    ['a wrong type', { email: 42, name: ['x'], password: true }, ['email', 'name', 'password']],
    ['a short password and a long name', { email: 'ok@example.org', name: 'n'.repeat(101), password: 'short' }, ['name', 'password']],
  ])('answers 400 naming each field for %s', async (_label, body, fields) => {
    const answer = await postJson(portal, '/api/v1/accounts', body);
    expect(answer.status).toBe(400);
    expect(answer.body.problems.map((p: { field: string }) => p.field)).toEqual(fields);
    for (const problem of answer.body.problems) expect(problem.message).toMatch(/^[A-Z].+\.$/);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const answer = await postJson(portal, '/api/v1/accounts', '{not json');
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([{ field: '(body)', message: 'is not valid JSON' }]);
  });

  it('answers 405 to GET', async () => {
    const res = await fetch(`${portal.url}/api/v1/accounts`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('POST /api/v1/auth/tokens', () => {
  it('gives a confirmed account a token (201, shown once, stored hashed); 401 on a wrong password; 403 unconfirmed', async () => {
    const email = 'api-token@example.org';
    await registeredAndConfirmed(email);
    const ok = await postJson(portal, '/api/v1/auth/tokens', { email, password: PASSWORD, name: 'crm sync' });
    expect(ok.status).toBe(201);
    expect(ok.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const stored = withDatabase(portal, (db) => db.prepare('SELECT token_hash, name FROM api_tokens WHERE id = ?').get(ok.body.id)) as { token_hash: string; name: string };
    expect(stored.name).toBe('crm sync');
    expect(stored.token_hash).not.toContain(ok.body.token);

    const wrong = await postJson(portal, '/api/v1/auth/tokens', { email, password: 'wrong password here' });
    expect(wrong.status).toBe(401);
    expect((await postJson(portal, '/api/v1/auth/tokens', { email: 'nobody@example.org', password: 'wrong password here' })).status).toBe(401);

    const unconfirmed = 'api-unconfirmed@example.org';
    await postJson(portal, '/api/v1/accounts', { email: unconfirmed, name: 'U', password: PASSWORD });
    const refused = await postJson(portal, '/api/v1/auth/tokens', { email: unconfirmed, password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/not confirmed/);
  });

  it('answers 400 naming the fields', async () => {
    const answer = await postJson(portal, '/api/v1/auth/tokens', { email: 'x' });
    expect(answer.status).toBe(400);
    expect(answer.body.problems.map((p: { field: string }) => p.field)).toEqual(['email', 'password']);
  });

  it(`answers 429 with Retry-After after ${RATE_LIMITS.tokenPerAccount.attempts} attempts on one account`, async () => {
    const email = 'api-429@example.org';
    for (let i = 0; i < RATE_LIMITS.tokenPerAccount.attempts; i++) {
      expect((await postJson(portal, '/api/v1/auth/tokens', { email, password: `wrong password ${i}` })).status).toBe(401);
    }
    const limited = await postJson(portal, '/api/v1/auth/tokens', { email, password: PASSWORD });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(RATE_LIMITS.tokenPerAccount.windowMs / 1000);
    expect(limited.body.error).toMatch(/^too many attempts: try again in \d+ minutes?$/);
  });
});

describe('ADMIN_EMAIL and ADMIN_PASSWORD', () => {
  it('create a confirmed moderator at start', async () => {
    const visitor = new Visitor(portal);
    expect((await signIn(visitor, ADMIN.email, ADMIN.password)).status).toBe(303);
    expect(testIdText((await visitor.get('/en/account')).html, 'account-role')).toBe('Moderator');
    expect(portal.output()).toContain(`[start] moderator ${ADMIN.email} (ADMIN_EMAIL): created`);
    expect(portal.output()).not.toContain(ADMIN.password);
  });
});
