import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';

const RESULTS_DIR = join(import.meta.dirname, '..', '..', 'test-results');
const PHARMA = ['altai-biopharma', 'obninsk-pharma-biotech', 'pushchino-biotech', 'spb-medical-pharma-radiology', 'tomsk-pharma-medtech-it'];

let portal: RunningPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Slugs of the clusters listed on the directory page. */
async function listedSlugs(page: Page): Promise<string[]> {
  const hrefs = await page.locator('[data-testid="cluster-list"] > li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.replace(/^(\/en)?\/clusters\//, '')).sort();
}

describe('directory → profile → English, in Chromium', () => {
  it('filters by industry group on Apply, opens Obninsk and switches to English', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/clusters`);
    expect(await page.locator('[data-testid="cluster-list"] > li').count()).toBe(20);

    // The select is found by its visible label. Choosing a value changes nothing else on the page (WCAG 3.2.2:
    // a select that submitted on change reloaded the page on ArrowDown and dropped focus); Apply submits.
    const industry = page.getByLabel('Отраслевая группа');
    await industry.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('industryGroup');
    await industry.selectOption('pharma-bio-medical');
    await Promise.all([page.waitForURL(/[?&]industryGroup=pharma-bio-medical/), page.getByTestId('apply-filters').click()]);
    await page.waitForLoadState('load');
    expect(await listedSlugs(page)).toEqual(PHARMA);
    expect((await page.getByTestId('result-count').innerText()).trim()).toBe('Найдено кластеров: 5');
    expect(await page.getByLabel('Отраслевая группа').inputValue()).toBe('pharma-bio-medical');

    await Promise.all([
      page.waitForURL((u) => u.pathname === '/clusters/obninsk-pharma-biotech'),
      page.getByRole('link', { name: 'Кластер фармацевтики, биотехнологий и биомедицины' }).click(),
    ]);
    expect((await page.locator('h1').innerText()).trim()).toBe('Кластер фармацевтики, биотехнологий и биомедицины');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/en/')), page.getByTestId('lang-switch').click()]);
    expect(new URL(page.url()).pathname).toBe('/en/clusters/obninsk-pharma-biotech');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await page.locator('h1').innerText()).trim()).toBe('Pharmaceutical, biotechnology and biomedical cluster (Obninsk)');
    const headings = (await page.locator('main h2').allInnerTexts()).map((h) => h.trim());
    expect(headings).toEqual(expect.arrayContaining(['General data', 'Cluster priorities', 'Members', 'Indicators by year']));
    expect((await page.locator('[data-testid="indicators-2012"] tr[data-indicator="publications"] td.num').innerText()).trim()).toBe('1,149');

    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-directory-obninsk-en.png'), fullPage: true });
    await page.close();

    // Everything (styles, scripts, fonts, icons) is served by the portal itself.
    expect(browser.externalRequests).toEqual([]);
  });

  it('also filters through the Apply button', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/en/clusters`);
    // Set the value without a change event, as a browser without the enhancement script would.
    await page.locator('select[name="industryGroup"]').evaluate((s: HTMLSelectElement) => (s.value = 'pharma-bio-medical'));
    expect(new URL(page.url()).search).toBe('');
    await Promise.all([page.waitForURL(/[?&]industryGroup=pharma-bio-medical/), page.getByRole('button', { name: 'Apply' }).click()]);
    expect(await listedSlugs(page)).toEqual(PHARMA);
    expect((await page.getByTestId('result-count').innerText()).trim()).toBe('5 clusters found');
    await page.close();
    expect(browser.externalRequests).toEqual([]);
  });
});
