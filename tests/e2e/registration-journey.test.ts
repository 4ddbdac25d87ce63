import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/i18n';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';
import { makeTempDir } from '../helpers/temp';
import { waitForLink } from '../integration/http/accounts-helpers';

// Issue 10's journey in Chromium, once in each language: sign up → confirm → the wizard (with a refused step, a
// broken members file, rows added and removed) → submit → the moderator returns it → fix → resubmit → approve →
// the cluster is in the directory, the search and the map with its index. Screenshots go to test-results/.

const ADMIN = { email: 'journey-moderator@example.org', password: 'a moderator passphrase' };
const PASSWORD = 'correct horse battery';
const SHOTS = 'test-results';
let portal: RunningPortal;
let files: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  files = makeTempDir('cluster-map-journey-');
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await portal?.stop();
  files?.remove();
});

/** The path of a page in a language. */
const at = (lang: Lang, path: string) => (lang === 'ru' ? path : `/en${path}`);

/** Signs in through the form in a fresh page of the context. */
async function signIn(context: BrowserContext, lang: Lang, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(portal.url + at(lang, '/login'));
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')), page.click('[data-testid=login-form] button[type=submit]')]);
  return page;
}

/** Presses the step's save button and waits for the next page. */
async function save(page: Page): Promise<void> {
  await Promise.all([page.waitForLoadState('domcontentloaded'), page.waitForNavigation(), page.click('[data-testid=wizard-save]')]);
}

/** Fills one member row. */
async function fillMember(page: Page, row: number, name: string, type: string): Promise<void> {
  await page.fill(`#f-members-members-${row}-name-ru`, name);
  await page.selectOption(`#f-members-members-${row}-type`, type);
}

/** Waits until the public API lists the cluster, by polling (approval reindexes in the background). */
async function waitForPublic(slug: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const [list, search, geo] = await Promise.all([
      fetch(`${portal.url}/api/v1/clusters?perPage=100`).then((r) => r.json()),
      fetch(`${portal.url}/api/v1/search?q=${slug.split('-')[0]}`).then((r) => r.json()),
      fetch(`${portal.url}/api/v1/clusters.geojson`).then((r) => r.json()),
    ]);
    const listed = list.items.find((i: { slug: string }) => i.slug === slug);
    const found = search.mode === 'meilisearch' && search.hits.some((h: { slug: string }) => h.slug === slug);
    const mapped = geo.features.some((f: { properties: { slug: string } }) => f.properties.slug === slug);
    if (listed && found && mapped) {
      // Its index is computed from the year it reported (exports and publications of 2012: 2 of 4 indicators).
      expect(listed.index).toMatchObject({ year: 2012, reported: 2, of: 4 });
      expect(listed.index.overall).toEqual(expect.any(Number));
      return;
    }
    if (Date.now() > deadline) throw new Error(`"${slug}" not public within 5 s: listed ${Boolean(listed)}, found ${found}, mapped ${mapped}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(['ru', 'en'] as const)('a new manager registers a cluster (%s)', (lang) => {
  const email = `journey-${lang}@example.org`;
  const slug = `journey-${lang}-cluster`;
  const name = lang === 'ru' ? { ru: 'Кластер путешествия', en: `Journey ${lang} cluster` } : { ru: 'Кластер пути', en: `Journey ${lang} cluster` };
  let page: Page;
  // Each language is a browser of its own: a new visitor, signed in nowhere.
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs up, confirms by the mailed link and signs in', async () => {
    page = await browser.context.newPage();
    await page.goto(portal.url + at(lang, '/register'));
    await page.fill('#f-email', email);
    await page.fill('#f-name', `Manager ${lang}`);
    await page.fill('#f-password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=register-form] button[type=submit]')]);
    await page.waitForSelector('[data-testid=register-done]');
    await page.goto(portal.url + (await waitForLink(portal, email)));
    await page.close();
    page = await signIn(browser.context, lang, email, PASSWORD);
  }, 60_000);

  it('starts a registration from the manager area and is told, in its language, what to correct', async () => {
    await page.goto(portal.url + at(lang, '/account/clusters'));
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=register-cluster]')]);
    expect(new URL(page.url()).pathname).toBe(at(lang, '/account/clusters/new'));
    // The place can be picked on the map: a click in the middle of Russia fills both coordinates.
    await page.waitForSelector('.location-picker-canvas .leaflet-interactive');
    await page.click('.location-picker-canvas', { position: { x: 300, y: 120 } });
    const picked = [Number(await page.inputValue('#f-general-location-lat')), Number(await page.inputValue('#f-general-location-lon'))];
    expect(picked[0]).toBeGreaterThan(41);
    expect(picked[0]).toBeLessThan(82);
    expect(Math.abs(picked[1]!)).toBeGreaterThan(19);
    await page.waitForSelector('.location-picker-canvas .leaflet-marker-icon');
    await page.fill('#f-general-name-ru', name.ru);
    await page.fill('#f-general-name-en', name.en);
    await page.selectOption('#f-general-region', 'RU-KLU');
    await page.fill('#f-general-city-ru', 'Обнинск');
    await page.fill('#f-general-location-lat', '48,85'); // Paris: outside Kaluga region and Russia
    await page.fill('#f-general-location-lon', '2.35');
    await page.selectOption('#f-general-industryGroup', 'nuclear');
    await save(page);
    // The status is still required and the point is abroad: both said next to their fields, what was typed kept.
    await page.waitForSelector('[data-testid=wizard-errors]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('wizard-errors');
    expect(await page.textContent('[data-testid="error-general.status"]')).toBe(lang === 'ru' ? 'Заполните это поле.' : 'Fill in this field.');
    expect(await page.textContent('[data-testid="error-general.location.lat"]')).toMatch(lang === 'ru' ? /вне выбранного региона/ : /outside the chosen region/);
    expect(await page.inputValue('#f-general-name-ru')).toBe(name.ru);
    expect(await page.inputValue('#f-general-location-lat')).toBe('48.85');
    await page.screenshot({ path: `${SHOTS}/e2e-wizard-general-errors-${lang}.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#f-general-location-lat', '55.1');
    await page.fill('#f-general-location-lon', '36.6');
    await page.selectOption('#f-general-status', 'cluster-initiative');
    await page.fill('#f-slug', slug);
    await save(page);
    expect(new URL(page.url()).pathname).toBe(at(lang, `/account/clusters/${slug}/priorities`));
    await page.waitForSelector('[data-testid=step-saved]');
  }, 60_000);

  it('goes through priorities and management, each saved as the draft', async () => {
    await page.check('input[name="priorities.cooperationAreas"][value="rnd-knowledge-transfer"]');
    await page.fill('#f-priorities-technologyPriorities-en', 'isotopes\nnuclear medicine');
    await page.fill('#f-priorities-targetCountries', 'de, fr');
    await save(page);
    await page.fill('#f-management-cmo-name-ru', 'АНО «Центр кластера»');
    await page.fill('#f-management-manager-name', 'Ирина Петрова');
    await page.fill('#f-management-manager-email', 'petrova@example.org');
    await save(page);
    expect(new URL(page.url()).pathname).toBe(at(lang, `/account/clusters/${slug}/members`));
  }, 60_000);

  it('refuses a broken members file naming its lines, then takes a good one and edits the rows', async () => {
    const broken = `${files.dir}/broken-${lang}.csv`;
    writeFileSync(broken, 'name_ru,type\nООО «А»,sme\nООО «Б»,guild\n,university\n');
    await page.setInputFiles('#f-membersCsv', broken);
    await save(page);
    const problems = await page.textContent('[data-testid=csv-problems]');
    expect(problems).toMatch(lang === 'ru' ? /строка 3.*type/s : /line 3.*type/s);
    expect(problems).toMatch(lang === 'ru' ? /строка 4/ : /line 4/);
    const good = `${files.dir}/good-${lang}.csv`;
    writeFileSync(good, ['name_ru,name_en,type,country,international_activity', ...Array.from({ length: 9 }, (_, i) => `Участник ${i + 1},Member ${i + 1},${i % 2 ? 'sme' : 'university'},RU,${i % 5}`)].join('\n'));
    await page.setInputFiles('#f-membersCsv', good);
    await save(page);
    // Nine members: one short of the ten required; add one in a blank row, then remove and reorder.
    await page.goto(portal.url + at(lang, `/account/clusters/${slug}/members`));
    expect(await page.locator('[data-testid=wizard-row]:not(.blank)').count()).toBe(9);
    await fillMember(page, 9, 'Десятый участник', 'research-institute');
    await Promise.all([page.waitForNavigation(), page.click('[data-testid="add-rows-members.members"]')]);
    expect(await page.locator('[data-testid=wizard-row]:not(.blank)').count()).toBe(10);
    expect(await page.locator('[data-testid=wizard-row].blank').count()).toBe(6);
    await Promise.all([page.waitForNavigation(), page.click('button[value="up:members.members:9"]')]);
    expect(await page.inputValue('#f-members-members-8-name-ru')).toBe('Десятый участник');
    await page.screenshot({ path: `${SHOTS}/e2e-wizard-members-${lang}.png`, fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
    await save(page);
  }, 60_000);

  it('adds a partner and a year of indicators with sources, then sees the checklist met and submits', async () => {
    await page.fill('#f-partnersProjects-partners-0-name-en', 'Fraunhofer IAO');
    await page.fill('#f-partnersProjects-partners-0-country', 'de');
    await page.selectOption('#f-partnersProjects-partners-0-type', 'research-institute');
    await save(page);
    await page.fill('#f-indicators-0-year', '2012');
    await page.fill('#f-indicators-0-exportsBlnRub-value', '1,5');
    await page.fill('#f-indicators-0-exportsBlnRub-source', 'Annual report 2012');
    await page.fill('#f-indicators-0-publications-value', '40');
    await page.fill('#f-indicators-0-publications-source', 'Scopus');
    await save(page);
    // The questionnaire for 2024: the self-assessment, a rating, where partners come from.
    expect(new URL(page.url()).pathname).toBe(at(lang, `/account/clusters/${slug}/questionnaire`));
    await page.fill('#f-questionnaire-0-year', '2024');
    await page.selectOption('#f-questionnaire-0-selfAssessment', '4');
    await page.selectOption('#f-questionnaire-0-barriers-financial-resources', '3');
    await page.check('input[name="questionnaire.0.partnerScope"][value="eu"]');
    await page.screenshot({ path: `${SHOTS}/e2e-wizard-questionnaire-${lang}.png`, fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
    await save(page);
    expect(new URL(page.url()).pathname).toBe(at(lang, `/account/clusters/${slug}/review`));
    expect(await page.locator('[data-testid=checklist] [data-met=false]').count()).toBe(0);
    expect(await page.locator('[data-testid=wizard-progress] [data-done=true]').count()).toBe(7);
    await page.screenshot({ path: `${SHOTS}/e2e-wizard-review-${lang}.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=submit-form] button')]);
    await page.waitForSelector('[data-testid=submitted]');
    expect(await page.getAttribute('[data-testid=revision-state]', 'data-state')).toBe('submitted');
  }, 60_000);

  it('is returned by the moderator with a comment, fixes it, resubmits, and is approved and public', async () => {
    const moderatorBrowser = await launchBrowser();
    try {
      const moderator = await signIn(moderatorBrowser.context, lang, ADMIN.email, ADMIN.password);
      await moderator.goto(portal.url + at(lang, `/moderation/${slug}`));
      await moderator.fill('#f-comment', 'Please add the English city name.');
      await Promise.all([moderator.waitForNavigation(), moderator.click('[data-testid=return-form] button[type=submit]')]);
      await page.goto(portal.url + at(lang, '/account/clusters'));
      expect(await page.textContent(`[data-slug="${slug}"] [data-testid=moderator-comment]`)).toContain('Please add the English city name.');
      await Promise.all([page.waitForNavigation(), page.click(`[data-slug="${slug}"] [data-testid=edit-profile]`)]);
      await page.goto(portal.url + at(lang, `/account/clusters/${slug}/general`));
      await page.fill('#f-general-city-en', 'Obninsk');
      await save(page);
      await page.goto(portal.url + at(lang, `/account/clusters/${slug}/review`));
      await Promise.all([page.waitForNavigation(), page.click('[data-testid=submit-form] button')]);
      await page.waitForSelector('[data-testid=submitted]');
      await moderator.goto(portal.url + at(lang, `/moderation/${slug}`));
      await Promise.all([moderator.waitForNavigation(), moderator.click('[data-testid=approve-form] button[type=submit]')]);
    } finally {
      await moderatorBrowser.close();
    }
    await waitForPublic(slug);
    await page.goto(portal.url + at(lang, `/clusters/${slug}`));
    expect(await page.textContent('h1')).toContain(name[lang]);
    expect(await page.textContent('main')).toContain(lang === 'en' ? 'Obninsk' : 'Обнинск');
    expect(await page.textContent('[data-testid=questionnaire-answers]')).toContain(lang === 'en' ? 'Questionnaire: answers for 2024' : 'Анкета: ответы за 2024 год');
    expect(await page.textContent('[data-testid=profile-history] li')).toContain(lang === 'en' ? 'Version 1 (registration)' : 'Версия 1 (регистрация)');
  }, 90_000);
});
