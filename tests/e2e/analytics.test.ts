import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';
import { makeTempDir } from '../helpers/temp';
import { fetchT, FIXTURE, importRegions, loadPilots } from '../integration/analytics/expected';

const RESULTS_DIR = join(import.meta.dirname, '..', '..', 'test-results');
const NAME_EN = new Map(loadPilots().map((p) => [p.slug, p.name.en]));

let dataTemp: ReturnType<typeof makeTempDir>;
let portal: RunningPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  dataTemp = makeTempDir('cluster-map-e2e-analytics-');
  const imported = await importRegions(dataTemp.dir, FIXTURE);
  expect(imported.code, imported.stderr).toBe(0);
  portal = await startPortal({ dataDir: dataTemp.dir });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  dataTemp?.remove();
});

/** A page on which no script may load or run: the scatter plot must work as plain server-rendered SVG + CSS. */
async function pageWithoutScripts(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
  return page;
}

/** Presses Tab until a scatter point has the focus; returns its slug. */
async function tabToPoint(page: Page, limit = 200): Promise<string> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const slug = await page.evaluate(() => (document.activeElement?.matches('svg a.point') ? document.activeElement.getAttribute('data-slug') : null));
    if (slug) return slug;
  }
  throw new Error(`no scatter point received the keyboard focus after ${limit} Tab presses`);
}

const labelOpacity = (page: Page, slug: string) =>
  page.locator(`svg a.point[data-slug="${slug}"] .point-label`).evaluate((el) => getComputedStyle(el).opacity);

describe('/en/analytics scatter plot in Chromium', () => {
  it('shows a point’s label when the point gets the keyboard focus', async () => {
    const page = await pageWithoutScripts();
    await page.goto(`${portal.url}/en/analytics`);
    const points = page.locator('[data-testid="scatter"] svg a.point');
    expect(await points.count()).toBe(25);

    const first = await tabToPoint(page);
    expect(NAME_EN.has(first)).toBe(true);
    expect(await labelOpacity(page, first)).toBe('1');
    expect((await page.locator(`svg a.point[data-slug="${first}"] .point-label`).textContent())?.trim()).toBe(NAME_EN.get(first));
    const box = await page.locator(`svg a.point[data-slug="${first}"] .point-label`).boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    // The other labels stay hidden.
    const others = (await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')!))).filter((s) => s !== first);
    for (const slug of others.slice(0, 5)) expect(await labelOpacity(page, slug)).toBe('0');
    // The point is described for screen readers: name, both indices, scenario.
    const aria = await page.locator(`svg a.point[data-slug="${first}"]`).getAttribute('aria-label');
    expect(aria).toMatch(new RegExp(`^${NAME_EN.get(first)!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Cluster internationalization index [\\d.]+, Regional foreign economic activity index [\\d.]+, (Potential|Lonely|Supported|Late)$`));

    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.locator('[data-testid="scatter"]').screenshot({ path: join(RESULTS_DIR, 'e2e-analytics-scatter-focus.png') });

    // The next Tab moves the focus (and the visible label) to the next point.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-slug') ?? null);
    expect(next).not.toBeNull();
    expect(next).not.toBe(first);
    expect(await labelOpacity(page, next!)).toBe('1');
    expect(await labelOpacity(page, first)).toBe('0');

    // Enter follows the point's link to the cluster profile.
    await Promise.all([page.waitForURL((u) => u.pathname === `/en/clusters/${next}`), page.keyboard.press('Enter')]);
    expect(await page.getByTestId('scenario-badge').getAttribute('data-scenario')).toMatch(/^(potential|lonely|supported|late)$/);
    await page.close();
    expect(browser.externalRequests).toEqual([]);
  });

  it('is server-rendered SVG: the chart is in the HTML response and renders with scripts blocked', async () => {
    const html = await (await fetchT(`${portal.url}/en/analytics`)).text();
    const start = html.indexOf('data-testid="scatter"');
    expect(start).toBeGreaterThan(0);
    const figure = html.slice(start, html.indexOf('</figure>', start));
    expect(figure).toContain('<svg');
    expect(figure).not.toContain('<script');
    expect([...figure.matchAll(/<a [^>]*class="point point-(potential|lonely|supported|late)"/g)]).toHaveLength(25);
    expect(figure).toMatch(/data-testid="region-threshold"/);
    expect(figure).toMatch(/data-testid="cluster-threshold"/);

    const page = await pageWithoutScripts();
    await page.goto(`${portal.url}/en/analytics`);
    const svg = page.locator('[data-testid="scatter"] svg');
    expect(await svg.isVisible()).toBe(true);
    const size = await svg.boundingBox();
    expect(size!.width).toBeGreaterThan(300);
    expect(size!.height).toBeGreaterThan(200);
    // Points are coloured by scenario (the CSS fills differ between scenarios).
    const fills = await page.locator('svg a.point circle').evaluateAll((cs) => [...new Set(cs.map((c) => getComputedStyle(c).fill))]);
    expect(fills.length).toBe(4);
    await page.close();
  });
});
