import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_MESSAGE_MAX, CONTACT_MESSAGE_MIN } from '../../../src/lib/contact/schema';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { submittableInput } from '../../unit/workflow/fixtures';
import { bearerStatus, mailsTo, postJson, signedInVisitor, signUpWithToken, testIdText, Visitor, waitForLink, withDatabase } from './accounts-helpers';

// Issue 12, item 3 "Contact", over real HTTP against the built portal, without JavaScript: the contact form of a
// profile (stored, confirmed by the sender's mailed link, then mailed to the managers), its honeypot, length limit
// and rate limits; the managers' messages and answers; who sees what; and profiles nobody manages.
const ADMIN = { email: 'moderator-contact@example.org', password: 'a moderator passphrase' };
const PASSWORD = 'correct horse battery';
const SLUG = 'contact-test-cluster';
const MANAGER = 'contact-manager@example.org';
const OTHER = 'contact-other@example.org';
const UNMANAGED_WITH_WEBSITE = 'dimitrovgrad-nuclear';
const UNMANAGED_BARE = 'arkhangelsk-shipbuilding';
const MESSAGE = 'We make bioreactors in Basel and look for partners <script>alert(1)</script> for joint R&D.';

let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
});
afterAll(async () => {
  await portal?.stop();
});

/** Signs up through the API and confirms through the mailed link; returns a personal token. */
const signUp = (email: string, name: string) => signUpWithToken(portal, { email, name, password: PASSWORD });

/** A visitor signed in through the form. */
const signedIn = (email: string, password = PASSWORD) => signedInVisitor(portal, email, password);

/** A JSON call with a Bearer token; its status. */
const api = (method: string, path: string, token: string, body?: unknown) => bearerStatus(portal, method, path, token, body);

/** The stored contact requests from an address. */
function requestsFrom(email: string): Array<{ id: number; slug: string; status: string; answer: string | null; read_at: string | null; message: string }> {
  return withDatabase(portal, (db) => db.prepare('SELECT id, slug, status, answer, read_at, message FROM contact_requests WHERE sender_email = ? ORDER BY id').all(email)) as never;
}

/** Mails queued in the outbox to an address (sent or not). */
function outboxTo(email: string): Array<{ subject: string; reply_to: string | null }> {
  return withDatabase(portal, (db) => db.prepare('SELECT subject, reply_to FROM mail_outbox WHERE recipient = ? ORDER BY id').all(email)) as never;
}

/** The contact form's fields. */
function form(email: string, overrides: Record<string, string> = {}): Record<string, string> {
  return { lang: 'en', slug: SLUG, name: 'Anna Schmidt', email, organisation: 'Bioreactors AG', country: 'Switzerland', message: MESSAGE, homepage: '', ...overrides };
}

/** Waits until the n-th mail to an address is in the log, and returns it. */
async function nthMail(email: string, n: number): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (mailsTo(portal, email).length < n) {
    if (Date.now() > deadline) throw new Error(`no mail ${n} to ${email}:\n${portal.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return mailsTo(portal, email)[n - 1]!;
}

let manager: Visitor;
let moderator: Visitor;
let other: Visitor;

beforeAll(async () => {
  const token = await signUp(MANAGER, 'Contact Manager');
  await signUp(OTHER, 'Other Manager');
  const moderatorToken = (await postJson(portal, '/api/v1/auth/tokens', ADMIN)).body.token as string;
  const profile = submittableInput((p) => {
    p.slug = SLUG;
    p.general.name = { ru: 'Кластер для писем', en: 'Contact test cluster' };
  });
  expect(await api('POST', '/api/v1/me/clusters', token, profile)).toBe(201);
  expect(await api('POST', `/api/v1/me/clusters/${SLUG}/submit`, token)).toBe(200);
  expect(await api('POST', `/api/v1/moderation/${SLUG}/approve`, moderatorToken)).toBe(200);
  manager = await signedIn(MANAGER);
  other = await signedIn(OTHER);
  moderator = await signedIn(ADMIN.email, ADMIN.password);
}, 120_000);

describe('a profile nobody manages on the portal', () => {
  it('says who to write to instead (its sourced website or organisation), or that it has not joined', async () => {
    const withWebsite = await new Visitor(portal).get(`/en/clusters/${UNMANAGED_WITH_WEBSITE}`);
    expect(withWebsite.status).toBe(200);
    expect(withWebsite.html).not.toContain('data-testid="contact-form"');
    expect(withWebsite.html).toContain('data-testid="contact-alternative"');
    expect(withWebsite.html).toMatch(/data-testid="contact-website">\s*<a href="https:\/\/cluster-dgrad\.ru"/);
    expect(withWebsite.html).toContain('data-testid="contact-organisation"');
    const bare = await new Visitor(portal).get(`/clusters/${UNMANAGED_BARE}`);
    expect(testIdText(bare.html, 'contact-not-joined')).toContain('ещё не присоединился к порталу');
  });

  it('refuses a message to it (form and API) and stores nothing', async () => {
    const posted = await new Visitor(portal).submit(`/en/clusters/${UNMANAGED_BARE}`, 'contact.send', form('unmanaged@example.org', { slug: UNMANAGED_BARE }));
    expect(posted.status).toBe(409);
    const answer = await postJson(portal, `/api/v1/clusters/${UNMANAGED_BARE}/contact`, { name: 'A', email: 'unmanaged@example.org', message: MESSAGE });
    expect(answer.status).toBe(409);
    expect((await postJson(portal, '/api/v1/clusters/no-such-cluster/contact', { name: 'A', email: 'unmanaged@example.org', message: MESSAGE })).status).toBe(404);
    expect(requestsFrom('unmanaged@example.org')).toEqual([]);
  });

  it('shows the form as soon as the cluster gets a manager (the cached profile is not served stale)', async () => {
    const before = await new Visitor(portal).get(`/en/clusters/${UNMANAGED_BARE}`);
    expect(before.html).not.toContain('data-testid="contact-form"');
    expect((await other.submit('/en/account/clusters', 'workflow.claim', { lang: 'en', slug: UNMANAGED_BARE })).status).toBe(200);
    const claimId = withDatabase(portal, (db) => (db.prepare("SELECT id FROM cluster_claims WHERE slug = ? AND state = 'pending'").get(UNMANAGED_BARE) as { id: number }).id);
    expect((await moderator.submit('/en/moderation', 'workflow.decideClaim', { lang: 'en', claimId: String(claimId), decision: 'confirmed' })).status).toBe(200);
    const after = await new Visitor(portal).get(`/en/clusters/${UNMANAGED_BARE}`);
    expect(after.html).toContain('data-testid="contact-form"');
  });
});

describe('the contact form of a managed profile', () => {
  it('is a labelled form with a hidden honeypot, in both languages', async () => {
    for (const [path, label] of [[`/en/clusters/${SLUG}`, 'Your e-mail'], [`/clusters/${SLUG}`, 'Ваш e-mail']] as const) {
      const page = await new Visitor(portal).get(path);
      expect(page.status).toBe(200);
      expect(page.html).toContain('data-testid="contact-form"');
      expect(page.html).toContain(`<label for="contact-email">${label}</label>`);
      expect(page.html).toMatch(/<div class="visually-hidden"[^>]*>\s*<label for="contact-homepage"[^>]*>(Leave this field empty|Оставьте это поле пустым)<\/label>\s*<input id="contact-homepage" name="homepage" type="text" autocomplete="off" tabindex="-1"/);
    }
  });

  it('refuses a message out of the length limits with the error next to the field, keeping what was typed', async () => {
    const email = 'too-short@example.org';
    const short = await new Visitor(portal).submit(`/en/clusters/${SLUG}`, 'contact.send', form(email, { message: 'Hello there' }));
    expect(short.status).toBe(400);
    expect(testIdText(short.html, 'contact-error-message')).toBe(`Write at least ${CONTACT_MESSAGE_MIN} characters: what you offer or ask about.`);
    expect(short.html).toContain('data-testid="contact-errors"');
    expect(short.html).toContain('<a href="#contact-message">Message</a>');
    expect(short.html).toMatch(/id="contact-message"[^>]*aria-invalid="true"[^>]*aria-describedby="contact-message-hint contact-message-error"[^>]*>Hello there<\/textarea>/);
    expect(short.html).toContain('value="Anna Schmidt"');
    expect(short.html).toContain(`value="${email}"`);
    const long = await new Visitor(portal).submit(`/clusters/${SLUG}`, 'contact.send', form(email, { lang: 'ru', message: 'я'.repeat(CONTACT_MESSAGE_MAX + 1) }));
    expect(long.status).toBe(400);
    expect(testIdText(long.html, 'contact-error-message')).toBe(`Не длиннее ${CONTACT_MESSAGE_MAX} символов.`);
    const api = await postJson(portal, `/api/v1/clusters/${SLUG}/contact`, { name: 'A', email, message: 'short' });
    expect(api.status).toBe(400);
    expect(api.body.problems).toEqual([{ field: 'message', message: `Write at least ${CONTACT_MESSAGE_MIN} characters: what you offer or ask about.` }]);
    expect(requestsFrom(email)).toEqual([]);
    expect(outboxTo(email)).toEqual([]);
  });

  it('answers a filled honeypot as accepted, and stores and mails nothing', async () => {
    const email = 'bot@example.org';
    const posted = await new Visitor(portal).submit(`/en/clusters/${SLUG}`, 'contact.send', form(email, { homepage: 'http://spam.example' }));
    expect(posted.status).toBe(200);
    expect(testIdText(posted.html, 'contact-done')).toContain(`we mailed a link to ${email}`);
    expect((await postJson(portal, `/api/v1/clusters/${SLUG}/contact`, { name: 'Bot', email, message: MESSAGE, homepage: 'x' })).status).toBe(202);
    expect(requestsFrom(email)).toEqual([]);
    expect(outboxTo(email)).toEqual([]);
  });

  it('delivers a message to the managers only once its sender follows the mailed link (single use), and the manager answers it', async () => {
    const sender = 'anna.schmidt@example.org';
    const posted = await new Visitor(portal).submit(`/en/clusters/${SLUG}`, 'contact.send', form(sender));
    expect(posted.status).toBe(200);
    expect(testIdText(posted.html, 'contact-done')).toContain(`we mailed a link to ${sender}`);
    expect(posted.html).not.toContain('data-testid="contact-form"');
    expect(requestsFrom(sender)).toMatchObject([{ slug: SLUG, status: 'unconfirmed', message: MESSAGE }]);
    const link = await waitForLink(portal, sender, 1, 'contact/confirmation');
    expect(link).toMatch(/^\/en\/contact\/confirmation\?token=/);
    // Nothing reaches the managers before the confirmation.
    const managerMailsBefore = mailsTo(portal, MANAGER).length;
    expect(outboxTo(MANAGER).filter((m) => m.subject.includes('Anna Schmidt'))).toEqual([]);
    expect(testIdText((await manager.get(`/en/account/clusters/${SLUG}/messages`)).html, 'no-messages')).toBeDefined();

    const confirmed = await new Visitor(portal).get(link);
    expect(confirmed.status).toBe(200);
    expect(testIdText(confirmed.html, 'contact-confirm-done')).toContain('“Contact test cluster”');
    const again = await new Visitor(portal).get(link);
    expect(again.status).toBe(409);
    expect(testIdText(again.html, 'contact-confirm-used')).toBeDefined();
    expect((await new Visitor(portal).get('/en/contact/confirmation?token=' + 'x'.repeat(43))).status).toBe(400);
    expect(requestsFrom(sender)).toMatchObject([{ status: 'delivered' }]);
    // One mail to the (only) manager, in the manager's language, with Reply-To the sender; none to anyone else.
    const toManager = await nthMail(MANAGER, managerMailsBefore + 1);
    expect(toManager).toContain(`Reply-To: ${sender}\n`);
    expect(toManager).toContain('Subject: A message to “Contact test cluster” from Anna Schmidt');
    expect(toManager).toContain(MESSAGE);
    expect(toManager).toContain(`/account/clusters/${SLUG}/messages`);
    expect(outboxTo(OTHER).filter((m) => m.subject.includes('Anna Schmidt'))).toEqual([]);
    expect(outboxTo(MANAGER).filter((m) => m.subject.includes('Anna Schmidt'))).toHaveLength(1);

    // The manager sees it as new in the area, with what the sender typed shown as text.
    const mine = await manager.get('/en/account/clusters');
    expect(mine.html).toMatch(new RegExp(`href="/en/account/clusters/${SLUG}/messages" data-testid="messages-link" data-unread="1"`));
    const list = await manager.get(`/en/account/clusters/${SLUG}/messages`);
    expect(list.status).toBe(200);
    expect(list.html).toContain('data-unread="true"');
    expect(list.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(list.html).not.toContain('<script>alert(1)</script>');
    expect(list.html).toContain('data-testid="answer-form"');
    expect((await manager.get(`/en/account/clusters/${SLUG}/messages`)).html).toContain('data-unread="false"');

    const id = String(requestsFrom(sender)[0]!.id);
    const empty = await manager.submit(`/en/account/clusters/${SLUG}/messages`, 'contact.answer', { lang: 'en', slug: SLUG, id, answer: '   ' });
    expect(empty.status).toBe(400);
    expect(testIdText(empty.html, 'error-answer')).toBe('Fill in this field.');
    const answer = 'Thank you, Anna! Let us talk next week.';
    const answered = await manager.submit(`/en/account/clusters/${SLUG}/messages`, 'contact.answer', { lang: 'en', slug: SLUG, id, answer });
    expect(answered.status).toBe(200);
    expect(testIdText(answered.html, 'step-done')).toBe(`The answer has been sent to ${sender}.`);
    expect(testIdText(answered.html, 'message-state')).toMatch(/^answered /);
    expect(answered.html).not.toContain('data-testid="answer-form"');
    expect(requestsFrom(sender)).toMatchObject([{ status: 'answered', answer }]);
    const answerMail = await nthMail(sender, 2);
    expect(answerMail).toContain(`Reply-To: ${MANAGER}\n`);
    expect(answerMail).toContain('Subject: An answer from “Contact test cluster”');
    expect(answerMail).toContain(answer);
    const audit = withDatabase(portal, (db) => db.prepare("SELECT actor, subject FROM audit_log WHERE action = 'contact.answer'").all());
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subject: SLUG });
    const twice = await manager.submit(`/en/account/clusters/${SLUG}/messages`, 'contact.answer', { lang: 'en', slug: SLUG, id, answer });
    expect(twice.status).toBe(409);
    expect(testIdText(twice.html, 'answer-refused')).toBe('This message has been answered already.');
  });

  it('takes a message over the JSON API with the same schema', async () => {
    const email = 'api-sender@example.org';
    const answer = await postJson(portal, `/api/v1/clusters/${SLUG}/contact`, { name: 'API Sender', email, message: MESSAGE, lang: 'ru' });
    expect(answer.status).toBe(202);
    expect(requestsFrom(email)).toMatchObject([{ status: 'unconfirmed' }]);
    expect(await nthMail(email, 1)).toContain('Subject: Подтвердите сообщение кластеру «Кластер для писем»');
    const bad = await postJson(portal, `/api/v1/clusters/${SLUG}/contact`, { email: 'nope', message: MESSAGE });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field)).toEqual(['name', 'email']);
  });

  it('limits messages per sender with "try again in N minutes" (form) and 429 with Retry-After (API)', async () => {
    const email = 'eager@example.org';
    for (let i = 0; i < 5; i++) expect((await postJson(portal, `/api/v1/clusters/${SLUG}/contact`, { name: 'Eager', email, message: `${MESSAGE} ${i}` })).status).toBe(202);
    const refused = await postJson(portal, `/api/v1/clusters/${SLUG}/contact`, { name: 'Eager', email, message: MESSAGE });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const viaForm = await new Visitor(portal).submit(`/en/clusters/${SLUG}`, 'contact.send', form(email));
    expect(viaForm.status).toBe(429);
    expect(testIdText(viaForm.html, 'contact-rate-limited')).toMatch(/^Too many messages\. Try again in \d+ min\.$/);
    expect(viaForm.html).toContain(`value="${email}"`);
    expect(requestsFrom(email)).toHaveLength(5);
  });
});

describe('who sees and answers a cluster’s messages', () => {
  const page = `/en/account/clusters/${SLUG}/messages`;

  it('sends anonymous visitors to sign in, refuses other managers, shows moderators a read-only list', async () => {
    const anonymous = await new Visitor(portal).get(page);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/\/en\/login\?next=/);
    const stranger = await other.get(page);
    expect(stranger.status).toBe(403);
    expect(testIdText(stranger.html, 'forbidden')).toBeDefined();
    expect(stranger.html).not.toContain('anna.schmidt@example.org');
    const asModerator = await moderator.get(page);
    expect(asModerator.status).toBe(200);
    expect(asModerator.html).toContain('anna.schmidt@example.org');
    expect(asModerator.html).toContain('data-testid="read-only"');
    expect(asModerator.html).not.toContain('data-testid="answer-form"');
    const asManager = await manager.get(page);
    expect(asManager.status).toBe(200);
    expect(asManager.html).not.toContain('data-testid="read-only"');
    expect((await manager.get('/en/account/clusters/no-such-cluster/messages')).status).toBe(404);
  });

  it('lets only the cluster’s managers answer (anonymous, another manager and a moderator change nothing)', async () => {
    // A fresh delivered message to answer.
    const sender = 'matrix-sender@example.org';
    expect((await postJson(portal, `/api/v1/clusters/${SLUG}/contact`, { name: 'Matrix Sender', email: sender, message: MESSAGE })).status).toBe(202);
    expect((await fetch(portal.url + (await waitForLink(portal, sender, 1, 'contact/confirmation')))).status).toBe(200);
    const id = String(requestsFrom(sender)[0]!.id);
    const fields = { lang: 'en', slug: SLUG, id, answer: 'An answer.' };
    const anonymous = await new Visitor(portal).submit(page, 'contact.answer', fields);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/\/en\/login/);
    const stranger = await other.submit(page, 'contact.answer', fields);
    expect(stranger.status).toBe(403);
    // Another manager may not answer through their own cluster's address either.
    const strangerElsewhere = await other.submit(`/en/account/clusters/${UNMANAGED_BARE}/messages`, 'contact.answer', { ...fields, slug: UNMANAGED_BARE });
    expect(strangerElsewhere.status).toBe(404);
    const asModerator = await moderator.submit(page, 'contact.answer', fields);
    expect(asModerator.status).toBe(403);
    expect(testIdText(asModerator.html, 'answer-refused')).toBeDefined();
    expect(requestsFrom(sender)).toMatchObject([{ status: 'delivered', answer: null }]);
    expect(mailsTo(portal, sender)).toHaveLength(1);
    const asManager = await manager.submit(page, 'contact.answer', fields);
    expect(asManager.status).toBe(200);
    expect(requestsFrom(sender)).toMatchObject([{ status: 'answered', answer: 'An answer.' }]);
  });
});
