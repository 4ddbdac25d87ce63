import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';
import { makeTempDir } from '../helpers/temp';

let portal: RunningPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  portal = await startPortal();
  for (let i = 0; i < 300; i++) {
    const health = (await (await fetch(`${portal.url}/api/v1/health`)).json()) as { search: string };
    if (health.search === 'ok') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Slugs of the hits shown now. */
const shownSlugs = (page: import('playwright-core').Page) => page.$$eval('.search-hit', (items) => items.map((li) => (li as HTMLElement).dataset.slug));

describe('/search in Chromium', () => {
  it('shows highlighted results as you type, through the portal API only', async () => {
    const page = await browser.context.newPage();
    const calls: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/api/v1/search')) calls.push(req.url());
    });
    await page.goto(`${portal.url}/en/search`);
    await page.locator('[data-testid="search-input"]').pressSequentially('nuclaer', { delay: 40 });
    await page.waitForFunction(() => document.querySelectorAll('.search-hit').length === 4);
    expect((await shownSlugs(page)).sort()).toEqual(['dimitrovgrad-nuclear', 'dubna-nuclear-nanotech', 'sarov-nuclear', 'zheleznogorsk-nuclear-space']);
    expect(await page.locator('.search-hit mark').first().textContent()).toBe('Nuclear');
    expect(await page.locator('[data-testid="search-count"]').textContent()).toBe('Clusters found for “nuclaer”: 4');
    expect(page.url()).toBe(`${portal.url}/en/search?q=nuclaer`);
    // "Show on the map" follows the live query, and the map shows the same set.
    expect(await page.locator('[data-testid="search-map-link"]').getAttribute('href')).toBe('/en/map?q=nuclaer');
    // Debounced: far fewer calls than keystrokes, all to the portal (never to Meilisearch).
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThan(7);
    expect(calls.every((u) => u.startsWith(`${portal.url}/api/v1/search?`) && u.includes('lang=en'))).toBe(true);
    expect(browser.externalRequests).toEqual([]);
    await page.close();
  });

  it('filters with the facet selects, which show counts', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/search?q=${encodeURIComponent('кластер')}`);
    const option = page.locator('[data-testid="search-facet-industryGroup"] option[value="nuclear"]');
    expect(await option.textContent()).toBe('Ядерные технологии (4)');
    await page.selectOption('[data-testid="search-facet-industryGroup"]', 'nuclear');
    await page.waitForFunction(() => document.querySelectorAll('.search-hit').length === 4);
    expect(page.url()).toContain('industryGroup=nuclear');
    await page.selectOption('[data-testid="search-facet-region"]', 'RU-MOS');
    await page.waitForFunction(() => document.querySelectorAll('.search-hit').length === 1);
    expect(await shownSlugs(page)).toEqual(['dubna-nuclear-nanotech']);
    // The Download control follows the live search: its CSV holds the clusters shown.
    const csvHref = (await page.getByTestId('download-csv').getAttribute('href'))!;
    expect(Object.fromEntries(new URL(csvHref, portal.url).searchParams)).toEqual({ q: 'кластер', industryGroup: 'nuclear', region: 'RU-MOS', sort: 'relevance', lang: 'ru' });
    const csvText = await (await fetch(portal.url + csvHref)).text();
    expect(csvText.split('\r\n').filter(Boolean).slice(1).map((line) => line.split(',')[0])).toEqual(['dubna-nuclear-nanotech']);
    expect(await page.getByTestId('download-json').getAttribute('href')).toBe(csvHref.replace('clusters.csv', 'clusters.json'));
    await page.close();
  });

  it('suggests a way out when nothing is found', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/en/search`);
    await page.fill('[data-testid="search-input"]', 'qqqzzzx plasma');
    await page.waitForSelector('[data-testid="search-empty"]');
    expect(await page.locator('[data-testid="search-empty"]').textContent()).toContain('Nothing found for “qqqzzzx plasma”.');
    await page.close();
  });
});

describe('without JavaScript', () => {
  let context: BrowserContext;
  const profile = makeTempDir('cluster-map-nojs-');
  beforeAll(async () => {
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      javaScriptEnabled: false,
    });
  });
  afterAll(async () => {
    await context?.close();
    profile.remove();
  });

  it.each([
    ['/', 'Все кластеры перечислены в разделе «Кластеры».', null],
    ['/map', 'Те же кластеры перечислены под картой.', '[data-testid="map-list"]'],
    ['/regions/RU-ULY', 'Кластеры региона перечислены ниже.', '.cluster-list'],
    ['/en/clusters/dimitrovgrad-nuclear', "The cluster's city and coordinates are given below, in its general data.", '[data-testid="coordinates"]'],
  ])('the map of %s says truly where its clusters are, with no map-only chrome', async (path, text, below) => {
    const page = await context.newPage();
    await page.goto(`${portal.url}${path}`);
    const map = page.getByTestId('cluster-map');
    expect((await map.getByTestId('map-noscript').innerText()).trim()).toContain(text);
    expect(await page.locator('body').innerText()).not.toMatch(/table below|таблице ниже/);
    for (const chrome of ['.map-skip', '.map-hint', '.map-legends']) expect(await map.locator(chrome).isVisible(), chrome).toBe(false);
    // What the sentence points to is there, after the map.
    if (below) expect(await page.locator(`[data-testid="cluster-map"] ~ * ${below}, [data-testid="cluster-map"] ~ ${below}`).count(), below).toBeGreaterThan(0);
    await page.close();
  });

  it('the header box is a plain GET form to the localized /search, with the same results', async () => {
    const page = await context.newPage();
    await page.goto(`${portal.url}/en/clusters`);
    await page.fill('#header-search-q', 'Томск');
    await Promise.all([page.waitForURL(/\/en\/search\?q=/), page.press('#header-search-q', 'Enter')]);
    expect(await shownSlugs(page)).toEqual(['tomsk-pharma-medtech-it']);
    expect(await page.locator('.search-hit mark').first().textContent()).toBe('Томск');
  });

  it('filters and sorts through the GET form', async () => {
    const page = await context.newPage();
    await page.goto(`${portal.url}/search`);
    await page.selectOption('[data-testid="search-facet-industryGroup"]', 'new-materials');
    await page.selectOption('[data-testid="search-sort"]', 'name');
    await Promise.all([page.waitForURL(/industryGroup=new-materials/), page.click('[data-testid="search-submit"]')]);
    // By Russian name: «Кластер «Новые…», «Кластер «Физтех…», «Титановый…».
    expect(await shownSlugs(page)).toEqual(['troitsk-new-materials', 'phystech-xxi', 'sverdlovsk-titanium']);
  });
});
