import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';
import { bearerStatus, mailsTo, postJson, signUpWithToken, waitForLink } from '../integration/http/accounts-helpers';
import { submittableInput } from '../unit/workflow/fixtures';

// Issue 12, item 3, end to end in Chromium (in Russian): a visitor writes to a managed cluster from its profile (a
// refused message first), confirms through the mailed link, the manager signs in, sees the message as new and
// answers it, and the answer is mailed to the visitor. axe on the form and on the messages page; screenshots go to
// test-results/.
const ADMIN = { email: 'contact-journey-moderator@example.org', password: 'a moderator passphrase' };
const PASSWORD = 'correct horse battery';
const MANAGER = 'contact-journey-manager@example.org';
const SENDER = 'olga.visitor@example.org';
const SLUG = 'contact-journey-cluster';
const SHOTS = 'test-results';
let portal: RunningPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

/** A JSON call with a Bearer token; its status. */
const api = (method: string, path: string, token: string, body?: unknown) => bearerStatus(portal, method, path, token, body);

beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  mkdirSync(SHOTS, { recursive: true });
  // A public cluster with one manager, made over the API (the registration journey covers doing it in the browser).
  const token = await signUpWithToken(portal, { email: MANAGER, name: 'Мария Управляющая', password: PASSWORD, lang: 'ru' });
  const moderatorToken = (await postJson(portal, '/api/v1/auth/tokens', ADMIN)).body.token as string;
  const profile = submittableInput((p) => {
    p.slug = SLUG;
    p.general.name = { ru: 'Кластер обратной связи', en: 'Feedback cluster' };
  });
  expect(await api('POST', '/api/v1/me/clusters', token, profile)).toBe(201);
  expect(await api('POST', `/api/v1/me/clusters/${SLUG}/submit`, token)).toBe(200);
  expect(await api('POST', `/api/v1/moderation/${SLUG}/approve`, moderatorToken)).toBe(200);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Waits for the n-th mail to an address in the portal's log. */
async function nthMail(email: string, n: number): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (mailsTo(portal, email).length < n) {
    if (Date.now() > deadline) throw new Error(`no mail ${n} to ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return mailsTo(portal, email)[n - 1]!;
}

/** Submits the form the button belongs to and waits for the next page. */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(button)]);
}

describe('the contact path in Chromium', () => {
  let context: BrowserContext;

  it('a visitor writes to the cluster from its profile, is refused a too short message, then sends one', async () => {
    context = browser.context;
    const page = await context.newPage();
    await page.goto(`${portal.url}/clusters/${SLUG}#contact`);
    await expect(page.locator('[data-testid=contact-form]').isVisible()).resolves.toBe(true);
    // The honeypot is in the form but not on screen, and out of the tab order.
    const trap = page.locator('#contact-homepage');
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.evaluate((el) => el.closest('.visually-hidden')!.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#contact-name', 'Ольга Посетитель');
    await page.fill('#contact-email', SENDER);
    await page.fill('#contact-organisation', 'ООО «Биореактор»');
    await page.fill('#contact-message', 'Здравствуйте!');
    await submit(page, '[data-testid=contact-form] button[type=submit]');
    // The summary of errors takes the focus (it is read first), after the browser scrolled to #contact.
    await page.waitForFunction(() => document.activeElement?.matches('[data-testid=contact-errors]'), undefined, { timeout: 5_000 });
    expect(await page.textContent('[data-testid=contact-error-message]')).toContain('Напишите хотя бы 20 символов');
    expect(await page.inputValue('#contact-email')).toBe(SENDER);
    expect(await page.inputValue('#contact-message')).toBe('Здравствуйте!');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#contact').screenshot({ path: `${SHOTS}/e2e-contact-form-errors-ru.png` });

    await page.fill('#contact-message', 'Здравствуйте! Мы производим биореакторы и ищем партнёров для совместных исследований.');
    await submit(page, '[data-testid=contact-form] button[type=submit]');
    expect(await page.textContent('[data-testid=contact-done]')).toContain(SENDER);
    await page.locator('#contact').screenshot({ path: `${SHOTS}/e2e-contact-form-sent-ru.png` });
    await page.close();
  });

  it('the visitor confirms through the mailed link, which works once', async () => {
    const link = await waitForLink(portal, SENDER, 1, 'contact/confirmation');
    const page = await context.newPage();
    await page.goto(portal.url + link);
    expect(await page.textContent('[data-testid=contact-confirm-done]')).toContain('«Кластер обратной связи»');
    await page.goto(portal.url + link);
    expect(await page.locator('[data-testid=contact-confirm-used]').isVisible()).toBe(true);
    await page.close();
    expect(await nthMail(MANAGER, 3)).toContain(`Reply-To: ${SENDER}`); // after the confirmation and the approval mails
  });

  it('the manager signs in, sees the message as new and answers it; the answer is mailed to the visitor', async () => {
    const page = await context.newPage();
    await page.goto(`${portal.url}/login`);
    await page.fill('#f-email', MANAGER);
    await page.fill('#f-password', PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')), page.click('[data-testid=login-form] button[type=submit]')]);
    await page.goto(`${portal.url}/account/clusters`);
    expect(await page.textContent('[data-testid=messages-link]')).toContain('Сообщения (новых: 1)');
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=messages-link]')]);
    expect(new URL(page.url()).pathname).toBe(`/account/clusters/${SLUG}/messages`);
    const message = page.locator('[data-testid=message]');
    expect(await message.getAttribute('data-unread')).toBe('true');
    expect(await message.locator('[data-testid=message-text]').textContent()).toContain('биореакторы');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/e2e-contact-messages-ru.png`, fullPage: true });

    await page.fill(`#answer-${await message.getAttribute('data-id')}`, 'Ольга, спасибо! Давайте созвонимся в четверг.');
    await submit(page, '[data-testid=answer-form] button[type=submit]');
    expect(await page.textContent('[data-testid=step-done]')).toContain(SENDER);
    expect(await page.textContent('[data-testid=message-answer]')).toContain('созвонимся в четверг');
    expect(await page.locator('[data-testid=answer-form]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/e2e-contact-answered-ru.png`, fullPage: true });
    await page.close();

    const answer = await nthMail(SENDER, 2);
    expect(answer).toContain('Subject: Ответ кластера «Кластер обратной связи»');
    expect(answer).toContain(`Reply-To: ${MANAGER}`);
    expect(answer).toContain('Давайте созвонимся в четверг.');
    expect(browser.externalRequests).toEqual([]);
  });
});
