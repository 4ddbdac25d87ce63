import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { structuralA11yProblems } from '../helpers/a11y';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';

// Layout checks of issue 13 in Chromium: element boxes at desktop (1280/1366 px) and phone (390 px) widths.
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

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page of the portal at this viewport width. */
async function open(path: string, width: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(portal.url + path);
  return page;
}

/** Bounding boxes of every element matching the selector. */
async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
}

/** Whether two boxes overlap by more than a pixel (touching edges do not count). */
function overlap(a: Box, b: Box): boolean {
  return a.x + a.width > b.x + 1 && b.x + b.width > a.x + 1 && a.y + a.height > b.y + 1 && b.y + b.height > a.y + 1;
}

describe('header', () => {
  it.each(['/clusters', '/en/clusters'])('folds the sections under a menu on a 390 px phone, every section one tap away (%s)', async (path) => {
    const page = await open(path, 390);
    const [header] = await boxes(page, '.site-header');
    expect(header!.height).toBeLessThanOrEqual(140); // was 192 px (brand, two rows of links, buttons, search); now 136 at most
    expect(await page.locator('.nav-wide').isVisible()).toBe(false);
    const menu = page.getByTestId('nav-menu');
    await menu.locator('summary').click();
    const links = menu.locator('a');
    expect(await links.count()).toBe(6);
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await menu.isVisible()).toBe(false);
    expect(await page.locator('.nav-wide a').first().isVisible()).toBe(true);
    await page.close();
  });


  it.each(['/clusters', '/en/clusters'])('keeps brand, navigation, sign-in, language and search on one row at 1280 px (%s)', async (path) => {
    const page = await open(path, 1280);
    const [brand] = await boxes(page, '.brand');
    const [search] = await boxes(page, '[data-testid="header-search"]');
    const [header] = await boxes(page, '.site-header');
    expect(search!.y).toBeLessThan(brand!.y + brand!.height); // same row, not wrapped under the brand
    expect(search!.x + search!.width).toBeLessThanOrEqual(1280);
    expect(search!.width).toBeGreaterThanOrEqual(200);
    expect(header!.height).toBeLessThan(70);
    await page.close();
  });
});

describe('/map filters', () => {
  it.each(['/map', '/en/map'])('do not overlap at 1366 px: the search field stays inside its label (%s)', async (path) => {
    const page = await open(path, 1366);
    const labels = await boxes(page, '[data-map-filters] label');
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i]!, labels[j]!), `labels ${i} and ${j}`).toBe(false);
    const [label] = await boxes(page, '[data-map-filters] .map-q');
    const [input] = await boxes(page, '[data-testid="map-q"]');
    expect(input!.x + input!.width).toBeLessThanOrEqual(label!.x + label!.width + 0.5);
    await page.close();
  });
});

describe('/analytics', () => {
  it.each(['/analytics', '/en/analytics'])('fits the ranking table into its container at 1366 px, with no empty column (%s)', async (path) => {
    const page = await open(path, 1366);
    const scroll = page.getByTestId('ranking-scroll');
    const { scrollWidth, clientWidth } = await scroll.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // Without regional statistics the regional index would be "—" in every row: the column is left out.
    const headers = (await page.locator('[data-testid="ranking"] thead th').allInnerTexts()).map((h) => h.trim());
    expect(headers.some((h) => /regional|регион.*индекс|индекс.*регион/i.test(h))).toBe(false);
    await page.close();
  });

  it('labels its scroll container and lets the keyboard reach it', async () => {
    const page = await open('/en/analytics', 1366);
    const scroll = page.getByTestId('ranking-scroll');
    expect(await scroll.getAttribute('tabindex')).toBe('0');
    expect(await scroll.getAttribute('role')).toBe('region');
    expect(await scroll.getAttribute('aria-label')).toBe('Ranking table (scrolls sideways)');
    await page.close();
  });

  it('shows each ranking row as a card on a 390 px phone: name, index and scenario all on screen', async () => {
    const page = await open('/en/analytics', 390);
    const row = page.locator('[data-testid="ranking"] tbody tr').first();
    for (const cell of await row.locator('td').all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await row.locator('td[data-label]').first().evaluate((e) => getComputedStyle(e, '::before').content)).toContain('Rank');
    await page.close();
  });

  it('draws a ranked bar chart of the index with a table alternative', async () => {
    const page = await open('/en/analytics', 1366);
    const chart = page.getByTestId('index-chart');
    const values = (await chart.locator('.index-bar-value').allInnerTexts()).map(Number);
    expect(values.length).toBe(25);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(await chart.locator('[data-testid="index-chart-table"] tbody tr').count()).toBe(25);
    await page.close();
  });
});

describe('/map for keyboard and touch', () => {
  it('offers "Skip the map" before the markers; Enter moves focus past them', async () => {
    const page = await open('/en/map', 1366);
    await page.waitForSelector('[data-cluster-map][data-state="ready"]', { timeout: 20_000 });
    const skip = page.getByTestId('map-skip');
    expect(await skip.innerText()).toBe('Skip the map');
    // Before the first marker in the tab order.
    const order = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, [tabindex]')].filter((e) => e.tabIndex >= 0);
      return { skip: all.findIndex((e) => e.dataset.testid === 'map-skip'), marker: all.findIndex((e) => e.classList.contains('map-marker') || e.classList.contains('map-group')) };
    });
    expect(order.skip).toBeGreaterThanOrEqual(0);
    expect(order.skip).toBeLessThan(order.marker);
    await skip.focus();
    expect(await skip.boundingBox()).not.toBeNull(); // visible once focused
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('map-after');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-map-canvas]') === null)).toBe(true);
    await page.close();
  });

  it('draws markers of at least 24 px on a touch screen', async () => {
    const { chromium } = await import('playwright-core');
    const { CHROMIUM } = await import('../helpers/browser');
    const { makeTempDir } = await import('../helpers/temp');
    const profile = makeTempDir('cluster-map-touch-');
    const phone = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    try {
      const page = await phone.newPage();
      await page.goto(`${portal.url}/en/map#map=9/50.55/137`);
      await page.waitForSelector('[data-cluster-map][data-state="ready"]', { timeout: 20_000 });
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      const sizes = await boxes(page, '.map-marker');
      expect(sizes.length).toBeGreaterThan(0);
      for (const b of sizes) expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(24);
    } finally {
      await phone.close();
      profile.remove();
    }
  });
});

describe('/map place names', () => {
  it('shows city and region names from the bundled data once zoomed in, only a few city names on the country view', async () => {
    const country = await open('/en/map', 1366);
    await country.waitForSelector('[data-cluster-map][data-state="ready"]', { timeout: 20_000 });
    // Names that fit beside markers and groups without colliding (see map-labels.test.ts); no region names yet.
    expect(await country.locator('.map-region-label').count()).toBe(0);
    expect(await country.locator('.map-city-label').count()).toBeGreaterThan(0);
    await country.close();

    const page = await open('/en/map#map=6/55.5/40', 1366);
    await page.waitForSelector('[data-cluster-map][data-state="ready"]', { timeout: 20_000 });
    const cities = await page.locator('.map-city-label').allInnerTexts();
    expect(cities).toEqual(expect.arrayContaining(['Sarov', 'Obninsk', 'Dubna']));
    expect(await page.locator('.map-region-label').allInnerTexts()).toEqual(expect.arrayContaining(['Ryazan Oblast', 'Tver Oblast']));
    // Sarov's name sits just right of its marker.
    const marker = (await page.locator('.map-marker[title="Nuclear cluster (Sarov)"]').boundingBox())!;
    const name = (await page.locator('.map-city-label span', { hasText: 'Sarov' }).boundingBox())!;
    expect(Math.abs(name.y + name.height / 2 - (marker.y + marker.height / 2))).toBeLessThan(4);
    expect(name.x).toBeGreaterThan(marker.x);
    expect(name.x - (marker.x + marker.width)).toBeLessThan(12);
    await page.close();
  });
});

describe('/map on a phone', () => {
  it('folds the filters so the map comes first at 390 px, and keeps them open at 1366 px or with a filter in effect', async () => {
    const phone = await open('/en/map', 390);
    await phone.waitForSelector('[data-cluster-map][data-state="ready"]', { timeout: 20_000 });
    expect(await phone.locator('[data-map-filters-panel]').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    const [canvas] = await boxes(phone, '[data-map-canvas]');
    expect(canvas!.y).toBeLessThan(600); // the map starts on the first screen, above the (folded) filters' controls
    await phone.getByTestId('map-filters-summary').click();
    expect(await phone.getByTestId('map-q').isVisible()).toBe(true);
    await phone.close();

    const filtered = await open('/en/map?industryGroup=nuclear', 390);
    expect(await filtered.getByTestId('map-filters-summary').innerText()).toBe('Filters (1 applied)');
    expect(await filtered.locator('[data-map-filters-panel]').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    await filtered.close();

    const desktop = await open('/en/map', 1366);
    expect(await desktop.getByTestId('map-q').isVisible()).toBe(true);
    await desktop.close();
  });
});

describe('axe-core on the parts issue 13 changed', () => {
  const AXE = join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
  const parts: Array<[string, string[]]> = [
    ['/clusters/pushchino-biotech', ['[data-testid="index-panel"]']],
    ['/analytics', ['[data-testid="ranking-scroll"]', '[data-testid="index-chart"]']],
    ['/clusters', ['form.filters', '[data-testid="cluster-list"]']],
    ['/search?q=%D1%8F%D0%B4%D0%B5%D1%80%D0%BD%D1%8B%D0%B5%20%D0%A1%D0%B8%D0%B1%D0%B8%D1%80%D0%B8', ['#search-form', '#search-results']],
    ['/map', ['[data-map-filters-panel]', '[data-testid="cluster-map"]']],
  ];
  it.each(parts.flatMap(([path, include]) => [1366, 390].flatMap((width) => ['', '/en'].map((prefix) => [prefix + path, width, include] as const))))(
    '%s at %i px has no violations',
    async (path, width, include) => {
      const page = await open(path, width);
      if (path.endsWith('/map')) await page.waitForSelector('[data-cluster-map][data-state="ready"]', { timeout: 20_000 });
      await page.evaluate(readFileSync(AXE, 'utf8')); // through the DevTools protocol: the page's CSP allows no inline script
      const violations = await page.evaluate(async (selectors) => {
        const result = await (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run({ include: selectors.map((s) => [s]) });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, [...include]);
      expect(violations).toEqual([]);
      await page.close();
    },
  );
});

describe('the API reference (/api, /en/api)', () => {
  it.each(['/api', '/en/api'].flatMap((path) => [1366, 390].map((width) => [path, width] as const)))('%s at %i px: axe finds nothing, structure holds, nothing wider than the screen', async (path, width) => {
    const page = await open(path, width);
    expect(await axeViolations(page)).toEqual([]);
    expect(await structuralA11yProblems(page)).toEqual([]);
    // The page scrolls down, never sideways: long paths, tables and curl lines wrap or scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await page.getByTestId('api-operation').count()).toBeGreaterThanOrEqual(17);
    await page.close();
  });

  it('is reached from the footer of every page, in the page language', async () => {
    for (const [from, to] of [['/clusters', '/api'], ['/en/clusters', '/en/api']] as const) {
      const page = await open(from, 1366);
      await page.getByTestId('footer-api').click();
      await page.waitForURL(`**${to}`);
      await expect(page.locator('h1').innerText()).resolves.toBe('API');
      await page.close();
    }
  });
});
