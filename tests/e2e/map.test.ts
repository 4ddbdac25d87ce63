import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';

const RESULTS_DIR = join(import.meta.dirname, '..', '..', 'test-results');
const SEVERODVINSK = 'Судостроительный инновационный кластер Архангельской области';

let portal: RunningPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  portal = await startPortal();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Opens a page and waits until its map has drawn every marker. */
async function openMap(path: string, width = 1280): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(portal.url + path);
  await page.waitForSelector('[data-cluster-map][data-state="ready"]', { timeout: 20_000 });
  return page;
}

/** Clusters shown on the map: single markers plus the counts on marker groups. */
async function shownClusters(page: Page): Promise<number> {
  return page.evaluate(() => {
    const singles = document.querySelectorAll('[data-cluster-map] .map-marker').length;
    const grouped = [...document.querySelectorAll<HTMLElement>('[data-cluster-map] .map-group [data-count]')].reduce((n, el) => n + Number(el.dataset.count), 0);
    return singles + grouped;
  });
}

/** Distance in pixels between a marker's centre and the centre of the map canvas. */
async function offsetFromCentre(page: Page, title: string): Promise<number> {
  const canvas = (await page.locator('[data-map-canvas]').boundingBox())!;
  const marker = (await page.locator(`.map-marker[title="${title}"]`).boundingBox())!;
  return Math.hypot(marker.x + marker.width / 2 - (canvas.x + canvas.width / 2), marker.y + marker.height / 2 - (canvas.y + canvas.height / 2));
}

/** Title and aria-label of Leaflet's zoom buttons and of the open popup's close button. */
async function leafletTexts(page: Page): Promise<Record<'zoomIn' | 'zoomOut' | 'close', [string | null, string | null]>> {
  return page.evaluate(() => {
    const pair = (selector: string): [string | null, string | null] => {
      const el = document.querySelector(selector);
      return [el?.getAttribute('title') ?? null, el?.getAttribute('aria-label') ?? null];
    };
    return { zoomIn: pair('.leaflet-control-zoom-in'), zoomOut: pair('.leaflet-control-zoom-out'), close: pair('.leaflet-popup-close-button') };
  });
}

// One retry: a single run of the popup test once hung for 30 s in a clean-clone CI run and could not be
// reproduced since (five full runs, and under CPU stress). Its steps have their own timeouts, so a
// repeat shows in the log which step it was; two failures in a row still fail the suite.
describe('the cluster map in Chromium', { retry: 1 }, () => {
  it.each([
    ['/map', 'map-ru'],
    ['/en/map', 'map-en'],
  ])('%s shows all 25 clusters (markers + group counts) with no request leaving localhost', async (path, shot) => {
    const page = await openMap(path);
    expect(await page.locator('[data-cluster-map]').getAttribute('data-feature-count')).toBe('25');
    expect(await shownClusters(page)).toBe(25);
    expect(await page.locator('[data-map-canvas] path.leaflet-interactive').count()).toBe(83);
    await page.screenshot({ path: join(RESULTS_DIR, `e2e-${shot}.png`), fullPage: true });
    expect(browser.externalRequests).toEqual([]);
    await page.close();
  });

  it.each([
    ['Komsomolsk-on-Amur', '#map=9/50.55/137', 'Aircraft and shipbuilding cluster of Khabarovsk krai'],
    ['Severodvinsk', '#map=9/64.567/39.833', 'Shipbuilding cluster of Arkhangelsk region'],
  ])('places %s at its city (the marker sits at the centre of a view centred on the city)', async (_city, hash, title) => {
    const page = await openMap(`/en/map${hash}`);
    expect(await offsetFromCentre(page, title)).toBeLessThan(3);
    await page.close();
  });

  it('opens a popup on click whose link opens the profile', async () => {
    const page = await openMap('/map');
    await page.locator(`.map-marker[title="${SEVERODVINSK}"]`).click({ timeout: 15_000 });
    const popup = page.getByTestId('map-popup');
    await popup.waitFor({ timeout: 15_000 });
    expect(await popup.getAttribute('data-slug')).toBe('arkhangelsk-shipbuilding');
    const popupText = await popup.innerText();
    expect(popupText).toContain(SEVERODVINSK);
    expect(popupText).toContain('Северодвинск, Архангельская область');
    expect(popupText).toContain('Авиакосмос и судостроение');
    expect(popupText).toMatch(/Индекс интернационализации, 2012: 0,17/);
    expect(await popup.locator('[data-scenario="unknown"]').count()).toBe(1);
    // Leaflet's own texts in the page's language (issue 13, item 8).
    expect(await leafletTexts(page)).toEqual({ zoomIn: ['Приблизить', 'Приблизить'], zoomOut: ['Отдалить', 'Отдалить'], close: ['Закрыть карточку', 'Закрыть карточку'] });
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-map-popup.png') });
    await Promise.all([page.waitForURL((u) => u.pathname === '/clusters/arkhangelsk-shipbuilding', { waitUntil: 'domcontentloaded', timeout: 15_000 }), popup.getByTestId('popup-profile-link').click({ timeout: 15_000 })]);
    expect((await page.locator('h1').innerText()).trim()).toBe(SEVERODVINSK);
    await page.close();
  });

  it('works with the keyboard: Enter on a focused marker opens its popup and focuses the link, Escape closes it', async () => {
    const page = await openMap('/en/map');
    const marker = page.locator('.map-marker[title="Shipbuilding cluster of Arkhangelsk region"]');
    expect(await marker.getAttribute('tabindex')).toBe('0');
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('map-popup').waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="map-popup"]') !== null)).toBe(true);
    expect(await leafletTexts(page)).toEqual({ zoomIn: ['Zoom in', 'Zoom in'], zoomOut: ['Zoom out', 'Zoom out'], close: ['Close popup', 'Close popup'] });
    await page.keyboard.press('Escape');
    await page.getByTestId('map-popup').waitFor({ state: 'detached' });
    await page.close();
  });

  it('an industry filter reduces the markers to that industry', async () => {
    const page = await openMap('/en/map');
    // Choosing a value does not reload the page (WCAG 3.2.2); Apply does.
    await page.getByTestId('map-filter-industry').selectOption('nuclear');
    expect(new URL(page.url()).searchParams.get('industryGroup')).toBeNull();
    await Promise.all([page.waitForURL(/[?&]industryGroup=nuclear/), page.getByTestId('map-apply').click()]);
    await page.waitForSelector('[data-cluster-map][data-state="ready"]');
    expect(await page.locator('[data-cluster-map]').getAttribute('data-feature-count')).toBe('4');
    expect(await shownClusters(page)).toBe(4);
    expect(await page.locator('[data-testid="map-list"] tbody tr').count()).toBe(4);
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-map-nuclear.png') });
    await page.close();
  });

  it('shades regions by cluster count when switched on, with legend and hover details, and keeps it in the URL', async () => {
    const page = await openMap('/en/map');
    await page.getByTestId('choropleth-toggle').check();
    expect(await page.getByTestId('choropleth-legend').isVisible()).toBe(true);
    expect(await page.getByTestId('choropleth-legend').innerText()).toContain('Number of clusters in the region');
    expect(new URL(page.url()).hash).toContain('layer=regions');
    const fills = await page.locator('[data-map-canvas] path.leaflet-interactive').evaluateAll((paths) => new Set(paths.map((p) => p.getAttribute('fill'))).size);
    expect(fills).toBeGreaterThan(2);
    const focusable = page.locator('[data-map-canvas] path.leaflet-interactive[tabindex="0"]');
    expect(await focusable.count()).toBe(83);
    await page.locator('[data-map-canvas] path[aria-label="Moscow Oblast"]').focus();
    expect(await page.locator('[data-map-region-info]').innerText()).toBe('Moscow Oblast: 3 cluster(s)');
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-map-choropleth.png') });
    await page.close();
  });

  it('"Search this area" filters by the visible bounds', async () => {
    const page = await openMap('/en/map#map=6/56/40');
    await Promise.all([page.waitForURL(/[?&]bbox=/), page.getByTestId('search-area').click()]);
    await page.waitForSelector('[data-cluster-map][data-state="ready"]');
    const count = Number(await page.locator('[data-cluster-map]').getAttribute('data-feature-count'));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(25);
    expect(await page.getByTestId('area-active').isVisible()).toBe(true);
    expect(new URL(page.url()).hash).toBe('#map=6/56/40');
    await page.close();
  });

  it('fits a phone screen and shows the small maps on profile and region pages', async () => {
    const phone = await openMap('/map', 390);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(RESULTS_DIR, 'e2e-map-phone.png'), fullPage: true });
    await phone.close();
    const profile = await openMap('/en/clusters/zelenograd');
    expect(await profile.locator('.map-marker.is-focus').count()).toBe(1);
    await profile.locator('[data-cluster-map]').screenshot({ path: join(RESULTS_DIR, 'e2e-map-profile.png') });
    await profile.close();
    expect(browser.externalRequests).toEqual([]);
  });
});

describe('the optional tile layer (MAP_TILE_URL)', () => {
  it('adds tiles from the configured URL with their attribution', async () => {
    const tiled = await startPortal({ env: { MAP_TILE_URL: '/test-tiles/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Test tiles ©' } });
    try {
      const page = await browser.context.newPage();
      const tiles: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/test-tiles/')) tiles.push(new URL(r.url()).pathname);
      });
      await page.goto(`${tiled.url}/en/map`);
      await page.waitForSelector('[data-cluster-map][data-state="ready"]');
      expect(tiles.length).toBeGreaterThan(0);
      expect(tiles[0]).toMatch(/^\/test-tiles\/\d+\/\d+\/\d+\.png$/);
      expect(await page.locator('.leaflet-control-attribution').innerText()).toContain('Test tiles ©');
      await page.close();
    } finally {
      await tiled.stop();
    }
  });
});
