import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';

// Issue 13: city names piled up on each other and on marker groups, and named markers hidden in groups.
const RESULTS_DIR = join(import.meta.dirname, '..', '..', 'test-results');

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

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  city: boolean;
}

/** Waits until the map is still: no zoom animation, and no label pass for a while (they run after every move). */
async function settled(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const now = await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('[data-cluster-map]')!;
      return root.querySelector('.leaflet-zoom-anim') ? 'animating' : `${root.dataset.labelPass}|${location.hash}`;
    });
    if (now === last && now !== 'animating') return;
    last = now;
  }
  throw new Error(`the map did not settle (last state ${last})`);
}

/** Opens the map at this width and waits until its markers and labels are in place. */
async function openMap(path: string, width: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
  await page.goto(portal.url + path);
  await page.waitForSelector('[data-cluster-map][data-state="ready"]', { timeout: 20_000 });
  await settled(page);
  return page;
}

/** Screen boxes of the place labels on the map (their text spans), of the marker and group icons, and of the canvas. */
async function measure(page: Page): Promise<{ labels: Box[]; icons: Box[]; canvas: DOMRect }> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '', city: Boolean(el.closest('.map-city-label')) };
    };
    const root = document.querySelector('[data-cluster-map]')!;
    return {
      labels: [...root.querySelectorAll('.map-place-label span')].map(box).filter((b) => b.width > 0),
      icons: [...root.querySelectorAll('.map-marker, .map-group')].map(box),
      canvas: root.querySelector('[data-map-canvas]')!.getBoundingClientRect().toJSON() as DOMRect,
    };
  });
}

/** Whether two boxes share some area (touching edges do not count; half a pixel for rounding). */
function overlap(a: Omit<Box, 'text' | 'city'>, b: Omit<Box, 'text' | 'city'>): boolean {
  return a.x + a.width > b.x + 0.5 && b.x + b.width > a.x + 0.5 && a.y + a.height > b.y + 0.5 && b.y + b.height > a.y + 0.5;
}

/** Checks the view's labels: none overlaps another or an icon, all inside the map, each city name beside a visible icon. */
async function expectDecluttered(page: Page, shot: string): Promise<Box[]> {
  await page.locator('[data-map-canvas]').screenshot({ path: join(RESULTS_DIR, `e2e-map-labels-${shot}.png`) });
  const { labels, icons, canvas } = await measure(page);
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) expect(overlap(a, b), `"${a.text}" overlaps "${b.text}"`).toBe(false);
    for (const icon of icons) expect(overlap(a, icon), `"${a.text}" covers a marker or group at ${icon.x},${icon.y}`).toBe(false);
    expect(a.x >= canvas.x && a.y >= canvas.y && a.x + a.width <= canvas.x + canvas.width && a.y + a.height <= canvas.y + canvas.height, `"${a.text}" is cut by the map's edge`).toBe(true);
    // A city is named right beside a marker or group on screen, never for one hidden in a group.
    if (a.city) {
      const gap = (d: number) => d >= 0 && d <= 8;
      const beside = icons.some((icon) => Math.abs(icon.y + icon.height / 2 - (a.y + a.height / 2)) < 2 && (gap(a.x - (icon.x + icon.width)) || gap(icon.x - (a.x + a.width))));
      expect(beside, `"${a.text}" (${JSON.stringify(a)}) sits beside no visible marker or group`).toBe(true);
    }
  }
  expect(new Set(labels.map((l) => l.text)).size, 'each name once').toBe(labels.length);
  return labels;
}

/** Zooms in one step with the map's + button and waits for the labels of the new view. */
async function zoomIn(page: Page): Promise<void> {
  const before = await page.evaluate(() => location.hash);
  await page.locator('.leaflet-control-zoom-in').click();
  await page.waitForFunction((hash) => location.hash !== hash, before, { timeout: 10_000 });
  await settled(page);
}

describe('/map place labels never collide (issue 13)', () => {
  it.each([1366, 390])('at %i px: at the first view and one zoom step in', async (width) => {
    const page = await openMap('/en/map', width);
    const first = await expectDecluttered(page, `${width}-initial`);
    await zoomIn(page);
    const closer = await expectDecluttered(page, `${width}-zoom-in`);
    // So that the checks above judged some names: on a phone the country view may show groups only, none of them
    // mostly in one city (groupLabelCity), so names appear one step in.
    if (width > 390) expect(first.filter((l) => l.city).length, 'the country view names some cities').toBeGreaterThan(0);
    expect(closer.filter((l) => l.city).length, 'one step in names some cities').toBeGreaterThan(0);
    await page.close();
  });

  it('in crowded central Russia, with region names, at 1366 px and one step in', async () => {
    const page = await openMap('/map#map=6/55.5/40', 1366);
    const labels = await expectDecluttered(page, '1366-central');
    expect(labels.some((l) => !l.city), 'region names show from zoom 6').toBe(true);
    await zoomIn(page);
    await expectDecluttered(page, '1366-central-zoom-in');
    await page.close();
  });
});
