import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { structuralA11yProblems } from '../helpers/a11y';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { startPortal, type RunningPortal } from '../helpers/portal';

const RESULTS_DIR = join(import.meta.dirname, '..', '..', 'test-results');
const PHARMA = ['altai-biopharma', 'obninsk-pharma-biotech', 'pushchino-biotech', 'spb-medical-pharma-radiology', 'tomsk-pharma-medtech-it'];

let portal: RunningPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  mkdirSync(RESULTS_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Asserts no structural problem and no WCAG 2.1 A/AA violation that axe-core finds on the page as it is now. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await structuralA11yProblems(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS_DIR, `e2e-${name}.png`), fullPage: true });
}

describe.each([
  { lang: 'en', prefix: '/en', industry: 'Industry group', area: 'Cooperation area', country: 'Your country', q: 'Technologies, markets, keywords (English or Russian)', submit: 'Find partners', rnd: 'R&D and knowledge transfer', germany: 'Germany', reason: 'industry group: Pharmaceutical, biotechnology and medical' },
  { lang: 'ru', prefix: '', industry: 'Отраслевая группа', area: 'Область сотрудничества', country: 'Ваша страна', q: 'Технологии, рынки, ключевые слова (на русском или английском)', submit: 'Найти партнёров', rnd: 'НИОКР и трансфер знаний', germany: 'Германия', reason: 'отраслевая группа: Фармацевтика, биотехнологии и медицина' },
])('find partners in Chromium ($lang)', (c) => {
  it('asks for R&D partners in pharmaceuticals by the labelled form and gets the pharmaceutical clusters first, with reasons', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}${c.prefix}/partners`);
    await expectAccessible(page);
    await page.getByLabel(c.industry).selectOption('pharma-bio-medical');
    await page.getByLabel(c.area).selectOption({ label: c.rnd });
    await page.getByLabel(c.country).selectOption({ label: c.germany });
    await page.getByLabel(c.q).fill('clinical');
    await Promise.all([page.waitForURL(/industryGroup=pharma-bio-medical/), page.getByRole('button', { name: c.submit }).click()]);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ industryGroup: 'pharma-bio-medical', area: 'rnd-knowledge-transfer', country: 'DE', q: 'clinical' });
    const slugs = await page.locator('[data-testid="partner-list"] > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-slug')));
    expect(slugs.slice(0, 5).sort()).toEqual(PHARMA);
    expect(slugs[0]).toBe('obninsk-pharma-biotech');
    expect(await page.locator('[data-testid="partner-list"] > li').first().locator('[data-testid="match-reasons"]').innerText()).toContain(c.reason);
    // The form keeps what was asked.
    expect(await page.getByLabel(c.country).inputValue()).toBe('DE');
    await expectAccessible(page);
    await shot(page, `partners-${c.lang}`);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await shot(page, `partners-${c.lang}-phone`);
    await page.close();
  });
});

describe.each([
  // The directory lists by name in its language, and the picked clusters keep that order.
  { lang: 'en', prefix: '/en', picked: ['dimitrovgrad-nuclear', 'sarov-nuclear'], selected: 'Compare the picked clusters', add: 'Add a cluster', addButton: 'Add', remove: 'Remove from comparison: ' },
  { lang: 'ru', prefix: '', picked: ['sarov-nuclear', 'dimitrovgrad-nuclear'], selected: 'Сравнить выбранные', add: 'Добавить кластер', addButton: 'Добавить', remove: 'Убрать из сравнения: ' },
])('compare in Chromium ($lang)', (c) => {
  it('picks two clusters in the directory, adds a third on the compare page, removes one, all by forms and links', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}${c.prefix}/clusters?industryGroup=nuclear`);
    await page.locator('input[name="c"][value="dimitrovgrad-nuclear"]').check();
    await page.locator('input[name="c"][value="sarov-nuclear"]').check();
    await Promise.all([page.waitForURL(/\/compare\?c=/), page.getByRole('button', { name: c.selected }).click()]);
    expect(new URL(page.url()).search).toBe(`?c=${c.picked.join(',')}`);
    const columns = () => page.locator('[data-testid="compare-table"] thead th[data-slug]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-slug')));
    expect(await columns()).toEqual(c.picked);

    await page.getByLabel(c.add).selectOption('zheleznogorsk-nuclear-space');
    await Promise.all([page.waitForURL(/zheleznogorsk/), page.getByRole('button', { name: c.addButton, exact: true }).click()]);
    expect(new URL(page.url()).search).toBe(`?c=${c.picked.join(',')},zheleznogorsk-nuclear-space`);
    expect(await columns()).toEqual([...c.picked, 'zheleznogorsk-nuclear-space']);
    expect(await page.locator('[data-row="indexOverall"] td').count()).toBe(3);
    await expectAccessible(page);
    await shot(page, `compare-${c.lang}`);

    const sarov = (await page.locator('th[data-slug="sarov-nuclear"] a').first().innerText()).trim();
    await Promise.all([page.waitForURL((u) => !u.search.includes('sarov')), page.getByRole('link', { name: `${c.remove}${sarov}` }).click()]);
    expect(await columns()).toEqual(['dimitrovgrad-nuclear', 'zheleznogorsk-nuclear-space']);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await shot(page, `compare-${c.lang}-phone`);
    await page.close();
  });
});

describe('profile sections in Chromium', () => {
  it('shows Dimitrovgrad’s sourced facts, its similar clusters and an add-to-compare link', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/en/clusters/dimitrovgrad-nuclear`);
    expect(await page.locator('[data-block="general"] [data-fact="membersCount"]').innerText()).toContain('70 (2020)');
    const similar = await page.locator('[data-testid="related-similar"] li[data-slug]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-slug')));
    expect(similar).not.toContain('dimitrovgrad-nuclear');
    expect(similar.length).toBeGreaterThan(0);
    await expectAccessible(page);
    await shot(page, 'profile-dimitrovgrad-en');
    await page.locator('[data-block="general"]').screenshot({ path: join(RESULTS_DIR, 'e2e-profile-dimitrovgrad-en-general.png') });
    await page.locator('[data-testid="related"]').screenshot({ path: join(RESULTS_DIR, 'e2e-profile-dimitrovgrad-en-related.png') });
    await Promise.all([page.waitForURL(/\/en\/compare\?c=dimitrovgrad-nuclear$/), page.getByTestId('compare-link').click()]);
    await shot(page, 'profile-compare-en');
    await page.close();
  });
});

describe('factsheet in Chromium', () => {
  it('prints on one A4 page without the site header', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/en/clusters/obninsk-pharma-biotech/factsheet`);
    expect(await structuralA11yProblems(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.screenshot({ path: join(RESULTS_DIR, 'e2e-factsheet-en-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    // The QR code back to the profile is printed, square and big enough to scan (at least 2 cm), with its address.
    const qr = await page.getByRole('img', { name: /QR code linking to the cluster’s profile: http/ }).boundingBox();
    expect(qr).not.toBeNull();
    expect(qr!.width).toBeGreaterThan(75);
    expect(Math.abs(qr!.width - qr!.height)).toBeLessThan(1);
    await page.close();
  });

  it('keeps every cluster’s factsheet on one A4 page with its QR code, in both languages', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ media: 'print' });
    const slugs = (await (await fetch(`${portal.url}/api/v1/clusters?perPage=100`)).json()).items.map((c: { slug: string }) => c.slug) as string[];
    expect(slugs).toHaveLength(25);
    const overflowing: string[] = [];
    for (const path of slugs.flatMap((slug) => [`/clusters/${slug}/factsheet`, `/en/clusters/${slug}/factsheet`])) {
      await page.goto(portal.url + path);
      expect(await page.getByTestId('factsheet-qr').locator('svg').count(), path).toBe(1);
      const pages = (await page.pdf({ format: 'A4' })).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
      if (pages !== 1) overflowing.push(`${path}: ${pages} pages`);
    }
    expect(overflowing).toEqual([]);
    await page.close();
  });
});
