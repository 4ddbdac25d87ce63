import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';

/**
 * Every public page, in both languages, at 1366 px and at 390 px, as a visitor opens it (with JavaScript):
 * axe-core finds no WCAG 2.1 A/AA violation. The pages with a signed-in user are checked in their journeys
 * (registration-journey, regional-upload).
 */

const PAGES = [
  '/',
  '/clusters',
  '/clusters?industryGroup=nuclear',
  '/clusters/dimitrovgrad-nuclear',
  '/clusters/dimitrovgrad-nuclear/factsheet',
  '/search?q=атом',
  '/map',
  '/analytics',
  '/regions/RU-ULY',
  '/partners?industryGroup=pharma-bio-medical&area=rnd-knowledge-transfer',
  '/compare?c=dimitrovgrad-nuclear,sarov-nuclear',
  '/what-if',
  '/login',
  '/register',
  '/forgot-password',
  '/api',
  '/no-such-page',
];

const SCREENS = [
  { name: 'desktop', width: 1366, height: 900, prefixes: ['', '/en'] },
  { name: 'phone', width: 390, height: 844, prefixes: ['', '/en'] },
];

let portal: RunningPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe.each(SCREENS)('axe-core on every public page ($name)', (screen) => {
  it.each(screen.prefixes.flatMap((prefix) => PAGES.map((path) => (path === '/' && prefix ? prefix : `${prefix}${path}`))))('%s', async (path) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    const response = await page.goto(`${portal.url}${path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(path.endsWith('/no-such-page') ? 404 : 200);
    // Pages that draw with JavaScript (map, charts) are checked once they are drawn.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    expect(await axeViolations(page)).toEqual([]);
  });
});
