import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/i18n';
import { openStore } from '../../src/server/store';
import { launchBrowser } from '../helpers/browser';
import { HOSTILE_URL, HOSTILE_WORD, makeHostileProfile, PRIVATE_CONTACT, withoutMarkers, XSS_FLAG, XSS_PAYLOADS, type HostileField } from '../helpers/hostile-profile';
import { startPortal, type RunningPortal } from '../helpers/portal';
import { makeTempDir } from '../helpers/temp';
import { FIXTURE as REGIONAL_FIXTURE, importRegions } from '../integration/analytics/expected';
import { CONTENT_DIR, shippedProfile } from '../integration/db/store-helpers';

// "Everything escaped on output": a published profile whose every text field holds markup and script
// (tests/helpers/hostile-profile.ts) is opened on every page that shows cluster data, in both languages.
// Chromium runs with the CSP bypassed, so an escaping bug shows as a script that ran, not only as a
// policy report; the DOM is also searched for injected elements, which the policy would not remove.

const SLUG = 'xss-hostile';
const REGION = 'RU-TOM';
const hostile = makeHostileProfile(shippedProfile('tomsk-pharma-medtech-it'), SLUG);
const name = hostile.profile.general.name;
const city = hostile.profile.general.city;

let data: ReturnType<typeof makeTempDir>;
let portal: RunningPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const dialogs: string[] = [];

/** Waits until Meilisearch has indexed the hostile profile (the portal delivers the outbox after it starts). */
async function waitUntilIndexed(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const answer = (await (await fetch(`${portal.url}/api/v1/search?q=${HOSTILE_WORD}`)).json()) as { mode: string; total: number };
    if (answer.mode === 'meilisearch' && answer.total === 1) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the hostile profile was not indexed by Meilisearch:\n${portal.output()}`);
}

beforeAll(async () => {
  data = makeTempDir('cluster-map-hostile-');
  // Published the way the seed and (later) moderation publish: through the store, which validates it.
  const store = await openStore({ dataDir: data.dir, contentDir: CONTENT_DIR });
  try {
    await store.clusters.save(hostile.profile, { publication: 'approved' }, { actor: 'test', action: 'hostile-fixture' });
  } finally {
    await store.close();
  }
  // Regional statistics give the cluster a regional index, so it is also a point of the analytics scatter plot.
  const imported = await importRegions(data.dir, REGIONAL_FIXTURE);
  expect(imported.code, imported.stderr).toBe(0);
  portal = await startPortal({ dataDir: data.dir });
  await waitUntilIndexed();
  browser = await launchBrowser({ bypassCSP: true });
  browser.context.on('page', (page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    }),
  );
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  data?.remove();
});

/** What a page holds that came from the data and must not be there: handlers, injected images, scripts, script URLs, broken JSON blocks. */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate((flag) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
      if (el.localName === 'img' && el.getAttribute('src') === 'x') found.push('<img src="x">');
      if (el.localName === 'script' && el.getAttribute('type') !== 'application/json' && el.textContent?.includes(flag)) found.push(`<script>${el.textContent}</script>`);
    }
    for (const a of document.querySelectorAll('[href], [src], [action]')) {
      const url = a.getAttribute('href') ?? a.getAttribute('src') ?? a.getAttribute('action') ?? '';
      if (/^\s*(javascript|vbscript|data:text\/html)/i.test(url)) found.push(`<${a.localName} ${url}>`);
    }
    for (const block of document.querySelectorAll('script[type="application/json"]')) {
      try {
        JSON.parse(block.textContent ?? '');
      } catch {
        found.push(`a JSON block cut short: ${block.textContent?.slice(0, 80)}`);
      }
    }
    return found;
  }, XSS_FLAG);
}

/** Links to other sites without rel="noopener" (the other site would get a handle on the portal's window). */
async function linksOutWithoutNoopener(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    // SVG links (the scatter plot's points) have no .origin or .relList: read the attributes.
    [...document.querySelectorAll('a[href]')]
      .filter((a) => new URL(a.getAttribute('href')!, location.href).origin !== location.origin && !(a.getAttribute('rel') ?? '').split(/\s+/).includes('noopener'))
      .map((a) => a.outerHTML),
  );
}

/** Whether a payload ran on the page. */
const flagSet = (page: Page) => page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag] !== undefined, XSS_FLAG);

/** Hovers (and, outside links, clicks) the visible elements that show hostile text, where an injected handler would fire. */
async function touchHostileText(page: Page, limit = 12): Promise<number> {
  // A payload's text, not the search word: the query shows that word too (in a visually hidden status line).
  const shown = page.getByText(XSS_PAYLOADS.find((p) => p.includes('onmouseover'))!).filter({ visible: true });
  // Handles taken at once: clicking one can close the popup that shows another, which is then skipped.
  const elements = (await shown.elementHandles()).slice(0, limit);
  for (const el of elements) {
    const where = await el.evaluate((node) => {
      const e = node as Element;
      const r = e.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      return { connected: e.isConnected, inView: x > 0 && y > 0 && x < innerWidth && y < innerHeight, inLink: e.closest('a') !== null };
    });
    if (!where.connected) continue;
    // Off screen (below the fold, or in the map's panned-away part, which no scrolling reaches), an element gets the
    // events an injected handler listens for dispatched, instead of a pointer that would scroll the map's panes.
    if (!where.inView) {
      for (const type of where.inLink ? ['mouseover', 'mouseenter'] : ['mouseover', 'mouseenter', 'click']) await el.dispatchEvent(type);
      continue;
    }
    // Forced: some labels let the pointer through to what is under them (the scatter plot's point labels); the mouse still goes there.
    await el.hover({ timeout: 5_000, force: true });
    if (!where.inLink) await el.click({ timeout: 5_000, force: true });
  }
  return elements.length;
}

/** Asserts that the page is inert: no payload ran, no dialog opened, nothing injected. */
async function expectInert(page: Page): Promise<void> {
  expect(await injectedElements(page)).toEqual([]);
  expect(await flagSet(page)).toBe(false);
  expect(dialogs).toEqual([]);
}

/** Asserts the portal's policy is sent: scripts from the portal only, none inline. */
function expectPolicy(response: Response | null): void {
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
  expect(csp).not.toMatch(/unsafe-inline[^;]*;.*script-src|script-src[^;]*unsafe-inline/);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
}

/** Opens a path, checks the policy header and that the page is inert, touches the hostile text and checks again. */
async function openInert(path: string, status = 200): Promise<Page> {
  const page = await browser.context.newPage();
  const response = await page.goto(portal.url + path);
  expect(response?.status(), path).toBe(status);
  expectPolicy(response);
  await expectInert(page);
  expect(await linksOutWithoutNoopener(page)).toEqual([]);
  return page;
}

/**
 * Whether a field is shown on pages in this language: its own language, or language-neutral; a sourced fact's Russian
 * text and note (which every hostile fact has) replace its value and note on Russian pages.
 */
const shownIn = (field: HostileField, lang: Lang) => {
  if (/\.facts\.\d+\.(valueRu|noteRu)$/.test(field.path)) return lang === 'ru';
  if (/\.facts\.\d+\.(value|note)$/.test(field.path)) return lang === 'en';
  return !/\.(ru|en)(\.|$)/.test(field.path) || new RegExp(`\\.${lang}(\\.|$)`).test(field.path);
};

/** Prefix of pages in a language. */
const prefix = (lang: Lang) => (lang === 'ru' ? '' : '/en');

describe.each<Lang>(['ru', 'en'])('a profile full of markup renders inert, in %s', (lang) => {
  it('profile page: every field shown as text, links http(s) with noopener, private contacts absent', async () => {
    const page = await openInert(`${prefix(lang)}/clusters/${SLUG}`);
    const text = await page.locator('main').innerText();
    const missing = hostile.texts.filter((f) => shownIn(f, lang) && !f.path.startsWith('general.name') && !text.includes(f.value)).map((f) => f.path);
    expect(missing).toEqual([]);
    expect(text).toContain(name.ru);
    expect(text).toContain(name.en);
    expect(await page.title()).toContain(name[lang]);
    const href = `a[href="${HOSTILE_URL.replaceAll('"', '\\"')}"]`;
    // Each URL field once in its block; the contact section of this unmanaged cluster repeats its websites and organisation.
    const external = page.locator(`${href}:not(#contact a)`);
    expect(await external.count()).toBe(hostile.urls.length);
    for (const rel of await page.locator(href).evaluateAll((links) => links.map((a) => a.getAttribute('rel') ?? ''))) expect(rel).toContain('noopener');
    expect(text).toContain(HOSTILE_URL);
    const html = await page.content();
    expect(html).not.toContain(PRIVATE_CONTACT.email);
    expect(html).not.toContain(PRIVATE_CONTACT.phone);
    expect(await touchHostileText(page)).toBeGreaterThan(5);
    await expectInert(page);
    await page.close();
  });

  it('directory, region page and analytics list it by its name, as text', async () => {
    for (const path of [`/clusters?region=${REGION}`, `/regions/${REGION}`, '/analytics']) {
      const page = await openInert(prefix(lang) + path);
      const link = page.locator(`main a[href$="/clusters/${SLUG}"]`).filter({ hasText: HOSTILE_WORD }).first();
      expect(await link.innerText(), path).toBe(name[lang]);
      if (path === '/analytics') {
        const point = page.locator(`svg a.point[data-slug="${SLUG}"]`);
        expect(await point.locator('title').textContent()).toBe(name[lang]);
        expect(await point.getAttribute('aria-label')).toContain(name[lang]);
      }
      expect(await touchHostileText(page, 4), path).toBeGreaterThan(0);
      await expectInert(page);
      await page.close();
    }
  });

  it('search: the server-rendered results and the ones the browser renders from /api/v1/search show the highlights as text', async () => {
    const served = await openInert(`${prefix(lang)}/search?q=${HOSTILE_WORD}`);
    expect(await served.locator(`.search-hit[data-slug="${SLUG}"] h2 a`).innerText()).toBe(withoutMarkers(name[lang]));
    await served.close();

    const page = await openInert(`${prefix(lang)}/search`);
    // Words inside the payloads, so the highlights fall in the middle of the markup.
    await page.locator('[data-testid="search-input"]').fill(`${HOSTILE_WORD} onerror`);
    // The page lists every cluster before the query; wait for the browser's rendering of this query.
    await page.waitForFunction(() => document.querySelector('[data-testid="search-count"]')?.textContent?.includes('onerror'), undefined, { timeout: 15_000 });
    const hit = page.locator(`.search-hit[data-slug="${SLUG}"]`);
    expect(await hit.locator('h2 a').innerText()).toBe(withoutMarkers(name[lang]));
    // Each query word is marked where it occurs, the one inside the payloads too; nothing else is.
    expect(new Set(await hit.locator('h2 mark').allInnerTexts())).toEqual(new Set([HOSTILE_WORD, 'onerror']));
    expect(await hit.innerText()).toContain(withoutMarkers(city[lang]!));
    expect(await hit.locator('.search-snippet').innerText()).toContain(HOSTILE_WORD);
    expect(await touchHostileText(page, 4)).toBeGreaterThan(0);
    await expectInert(page);
    await page.close();
  });

  it('map: the marker title and the popup show the name and city as text', async () => {
    const page = await openInert(`${prefix(lang)}/map?q=${HOSTILE_WORD}`);
    await page.waitForSelector('[data-cluster-map][data-state="ready"]', { timeout: 20_000 });
    const marker = page.locator('.map-marker');
    expect(await marker.count()).toBe(1);
    expect(await marker.getAttribute('title')).toBe(name[lang]);
    await marker.hover();
    await marker.click();
    const popup = page.getByTestId('map-popup');
    await popup.waitFor({ timeout: 15_000 });
    const popupText = await popup.innerText();
    expect(popupText).toContain(name[lang]);
    expect(popupText).toContain(city[lang]);
    expect(popupText).toMatch(/2012: \d[.,]\d+/); // ranked: the fixture keeps the base profile's numbers
    expect(await touchHostileText(page, 4)).toBeGreaterThan(0);
    await expectInert(page);
    await page.close();
  });

  it('query parameters shown back to the visitor are escaped too (search, map, what-if, directory, 404)', async () => {
    const hostileQuery = encodeURIComponent(XSS_PAYLOADS.slice(0, 5).join(' '));
    for (const [path, status] of [
      [`/search?q=${hostileQuery}`, 200],
      [`/map?q=${hostileQuery}`, 200],
      [`/what-if?exportsBlnRub=${hostileQuery}`, 200],
      [`/clusters?industryGroup=${hostileQuery}`, 200],
      [`/${hostileQuery}`, 404],
    ] as const) {
      const page = await openInert(prefix(lang) + path, status);
      await expectInert(page);
      await page.close();
    }
  });

  it('home page (overview map)', async () => {
    const page = await openInert(`${prefix(lang)}/`);
    await page.waitForSelector('[data-cluster-map][data-state="ready"]', { timeout: 20_000 });
    await expectInert(page);
    await page.close();
  });
});

describe('the JSON API gives the hostile text back as data, never as markup', () => {
  it.each([`/api/v1/clusters/${SLUG}`, `/api/v1/clusters?region=${REGION}`, `/api/v1/clusters.geojson?q=${HOSTILE_WORD}`, `/api/v1/search?q=${HOSTILE_WORD}+onerror`])('%s', async (path) => {
    const response = await fetch(portal.url + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/(geo\+)?json/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await response.text();
    // Search documents drop the highlight markers (so data cannot forge highlights); the rest is kept as given.
    expect(body).toContain(JSON.stringify(path.startsWith('/api/v1/search') ? withoutMarkers(name.en) : name.en).slice(1, -1));
    expect(body).not.toContain(PRIVATE_CONTACT.email);
    // Opened in the browser, the answer is text.
    const page = await openInert(path);
    expect(await page.locator('body').innerText()).toContain(HOSTILE_WORD);
    await page.close();
  });

  it('search highlights are escaped HTML: no markup from the data survives in them', async () => {
    const answer = (await (await fetch(`${portal.url}/api/v1/search?q=${HOSTILE_WORD}+onerror+img&lang=en`)).json()) as {
      hits: Array<{ slug: string; highlight: { name: Record<string, string>; city: Record<string, string>; snippet: string | null } }>;
    };
    const hit = answer.hits.find((h) => h.slug === SLUG)!;
    const highlighted = [...Object.values(hit.highlight.name), ...Object.values(hit.highlight.city), hit.highlight.snippet ?? ''];
    for (const html of highlighted) expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
  });
});
