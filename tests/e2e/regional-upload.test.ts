import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';
import { withDatabase } from '../integration/http/accounts-helpers';

// Issue 11, Deliver 4 and 6 in Chromium: a moderator uploads the synthetic regional fixture, sees the preview,
// confirms, and the scenario badges of the clusters in those regions appear; a broken file lists its bad lines and
// changes nothing. Screenshots go to test-results/.
const ADMIN = { email: 'regions-e2e-moderator@example.org', password: 'a moderator passphrase' };
const FIXTURE_PATH = 'tests/fixtures/regional-statistics-2012-synthetic.csv';
const FIXTURE = readFileSync(FIXTURE_PATH, 'utf8');
const FIXTURE_ROWS = FIXTURE.split('\n').filter((l) => l.trim() && !l.startsWith('#')).length - 1;
const SHOTS = 'test-results';
const PROFILE = '/en/clusters/obninsk-pharma-biotech'; // in Kaluga Oblast (RU-KLU), a region of the fixture
let portal: RunningPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  page = await browser.context.newPage();
  await page.goto(`${portal.url}/en/login`);
  await page.fill('#f-email', ADMIN.email);
  await page.fill('#f-password', ADMIN.password);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')), page.click('[data-testid=login-form] button[type=submit]')]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** How many regional rows the store holds. */
const storedRows = () => withDatabase(portal, (db) => (db.prepare('SELECT count(*) AS n FROM region_statistics').get() as { n: number }).n);

/** The scenario the profile's badge shows. */
async function profileScenario(): Promise<string | null> {
  await page.goto(portal.url + PROFILE);
  if ((await page.locator('[data-testid=scenario-badge]').count()) === 0) return null;
  return page.getAttribute('[data-testid=scenario-badge]', 'data-scenario');
}

/** Chooses a file (its text) in the upload form and submits it, waiting for the answer page. */
async function uploadText(name: string, text: string): Promise<void> {
  await page.setInputFiles('#regions-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await Promise.all([page.waitForURL(/_action=moderation\.previewRegions/), page.click('[data-testid=regions-upload] button[type=submit]')]);
}

describe('a moderator imports regional statistics in the browser', () => {
  it('before any import a note stands in for the scenario: no badge, filter or legend', async () => {
    expect(await profileScenario()).toBeNull();
    expect(await page.textContent('[data-testid=scenario-note]')).toContain('moderators upload regional statistics');
    // A moderator is offered the way to add them.
    expect(await page.getAttribute('[data-testid=scenario-note] a', 'href')).toBe('/en/moderation/regions');
    await page.goto(`${portal.url}/en/map`);
    expect(await page.locator('select[name=scenario]').count()).toBe(0);
    expect(await page.locator('[data-testid=scenario-legend]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/e2e-regions-map-before-en.png`, fullPage: false });
    await page.goto(`${portal.url}/en/search`);
    expect(await page.locator('[data-testid=search-facet-scenario]').count()).toBe(0);
  });

  it('reaches the page from /moderation; it passes axe in both languages', async () => {
    await page.goto(`${portal.url}/en/moderation`);
    await Promise.all([page.waitForURL(/\/en\/moderation\/regions$/), page.click('[data-testid=regions-link]')]);
    await page.screenshot({ path: `${SHOTS}/e2e-regions-page-en.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${portal.url}/moderation/regions`);
    expect(await page.textContent('h1')).toBe('Региональная статистика');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${portal.url}/en/moderation/regions`);
  });

  it('a broken file lists its bad lines and changes nothing', async () => {
    const broken = FIXTURE.replace(/^RU-ARK,2012,1200000,/m, 'RU-ARK,2012,1200000.5.5,').replace(/^RU-BA,2012,/m, 'RU-ZZZ,2012,');
    await uploadText('broken.csv', broken);
    const items = await page.locator('[data-testid=regions-errors] li').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^Line 6: population must be a number/);
    expect(items[1]).toMatch(/^Line 7: region "RU-ZZZ"/);
    expect(await page.locator('[data-testid=regions-confirm]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/e2e-regions-errors-en.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(storedRows()).toBe(0);
  });

  it('the fixture previews every region as new, imports on confirmation, and the scenario badges appear', async () => {
    await uploadText('regional-statistics-2012-synthetic.csv', FIXTURE);
    expect(await page.locator('[data-testid=regions-preview] tbody tr[data-kind=new]').count()).toBe(FIXTURE_ROWS);
    expect(await page.textContent('[data-testid=regions-summary]')).toBe(`New: ${FIXTURE_ROWS}, changed: 0, unchanged: 0.`);
    await page.screenshot({ path: `${SHOTS}/e2e-regions-preview-en.png`, fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
    expect(storedRows()).toBe(0);

    await Promise.all([page.waitForURL(/_action=moderation\.importRegions/), page.click('[data-testid=regions-confirm] button')]);
    expect(await page.textContent('[data-testid=step-done]')).toContain(`Imported ${FIXTURE_ROWS} rows`);
    expect(storedRows()).toBe(FIXTURE_ROWS);
    expect(await profileScenario()).toMatch(/^(potential|lonely|supported|late)$/);
    expect(await page.locator('[data-testid=scenario-note]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/e2e-regions-badge-en.png`, fullPage: false });
    await page.goto(`${portal.url}/en/clusters`);
    expect(await page.locator('[data-testid=scenario-badge]').count()).toBeGreaterThan(0);
    await page.goto(`${portal.url}/en/map`);
    expect(await page.locator('select[name=scenario]').count()).toBe(1);
    expect(await page.locator('[data-testid=scenario-legend]').count()).toBe(1);
    await page.goto(`${portal.url}/en/search`);
    expect(await page.locator('[data-testid=search-facet-scenario]').count()).toBe(1);
  });
});
