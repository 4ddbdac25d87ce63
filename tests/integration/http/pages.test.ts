import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { attrs, decode, element, listItems, text } from './html';

// One built portal for the whole file, on a temporary DATA_DIR seeded with the 25 pilot clusters.
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; html: string }> {
  const res = await fetch(portal.url + path, { redirect: 'manual', headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', html: await res.text() };
}

const PHARMA = ['altai-biopharma', 'obninsk-pharma-biotech', 'pushchino-biotech', 'spb-medical-pharma-radiology', 'tomsk-pharma-medtech-it'];

/** Slugs linked from the items of the directory list. */
function listedSlugs(html: string): string[] {
  const list = element(html, 'data-testid="cluster-list"');
  expect(list, 'cluster list').toBeDefined();
  return listItems(list!).map((li) => /href="(?:\/en)?\/clusters\/([^"]+)"/.exec(li)?.[1] ?? '(no link)');
}

const resultCount = (html: string) => text(element(html, 'data-testid="result-count"') ?? '');

/** The displayed value cell of an indicator row in the table of a year. */
function indicatorCell(html: string, year: number, key: string): { text: string; missing: boolean } {
  const table = element(html, `data-testid="indicators-${year}"`);
  expect(table, `indicators table ${year}`).toBeDefined();
  const row = element(table!, `data-indicator="${key}"`);
  expect(row, `row ${key}`).toBeDefined();
  const cell = /<td\b([^>]*)>(.*?)<\/td>/s.exec(row!)!;
  return { text: text(cell[2]!), missing: /data-missing="true"/.test(cell[1]!) };
}

describe.each([
  ['ru', '', 'Найдено кластеров: 5'],
  ['en', '/en', '5 clusters found'],
])('directory filtered by industry group (%s)', (_lang, prefix, countText) => {
  it('lists exactly the 5 pharma/bio/medical clusters and says so', async () => {
    const { status, type, html } = await get(`${prefix}/clusters?industryGroup=pharma-bio-medical`);
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    expect(listedSlugs(html).sort()).toEqual(PHARMA);
    expect(resultCount(html)).toBe(countText);
    // The filter keeps its value so the form shows what is applied.
    expect(html).toMatch(/<option value="pharma-bio-medical" selected/);
  });
});

describe('directory', () => {
  it('shows 20 of 25 clusters on the first page with a pager, and the rest on page 2', async () => {
    const first = await get('/en/clusters');
    expect(resultCount(first.html)).toBe('25 clusters found');
    expect(listedSlugs(first.html)).toHaveLength(20);
    expect(first.html).toMatch(/<a href="\/en\/clusters\?page=2" rel="next">/);
    const second = await get('/en/clusters?page=2');
    expect(listedSlugs(second.html)).toHaveLength(5);
    expect(new Set([...listedSlugs(first.html), ...listedSlugs(second.html)]).size).toBe(25);
  });

  it('says a status all listed clusters share once, above the list, not on every card (issue 13, item 10)', async () => {
    const { html } = await get('/en/clusters');
    expect(text(element(html, 'data-testid="same-status"') ?? '')).toBe('Status of every cluster listed: Pilot innovative territorial cluster.');
    expect(element(html, 'data-testid="cluster-list"')).not.toContain('Pilot innovative territorial cluster');
  });

  it('leaves the header search box out of the search page, which has its own (issue 13, item 10)', async () => {
    expect((await get('/en/search')).html).not.toContain('data-testid="header-search"');
    expect((await get('/en/clusters')).html).toContain('data-testid="header-search"');
  });

  it('treats an empty filter value as "any"', async () => {
    const { status, html } = await get('/clusters?industryGroup=&region=&status=');
    expect(status).toBe(200);
    expect(resultCount(html)).toBe('Найдено кластеров: 25');
    expect(html).not.toContain('role="alert"');
  });

  it('ignores a bad filter on the page, says so, and still lists clusters', async () => {
    const { status, html } = await get('/en/clusters?industryGroup=bogus&region=RU-MOS');
    expect(status).toBe(200);
    const notice = text(element(html, 'role="alert"') ?? '');
    expect(notice).toContain('industryGroup');
    expect(notice).toContain('The value “bogus” of the parameter industryGroup is not valid and is not applied. Allowed values: Nuclear');
    expect(listedSlugs(html).sort()).toEqual(['dubna-nuclear-nanotech', 'phystech-xxi', 'pushchino-biotech']);
  });

  it('explains a bad filter value in Russian on a Russian page, without zod’s English (issue 13, item 8)', async () => {
    const { status, html } = await get('/clusters?industryGroup=bogus');
    expect(status).toBe(200);
    const notice = text(element(html, 'role="alert"') ?? '');
    expect(notice).toMatch(/^Значение «bogus» параметра industryGroup не подходит и не применено\. Допустимые значения: Ядерные технологии; Авиакосмос и судостроение; /);
    expect(notice).not.toMatch(/must|one of|nuclear|invalid/i);
    expect(resultCount(html)).toBe('Найдено кластеров: 25');
  });

  it('shows an empty state when nothing matches', async () => {
    const { status, html } = await get('/en/clusters?region=RU-CHE');
    expect(status).toBe(200);
    expect(resultCount(html)).toBe('0 clusters found');
    expect(html).toContain('No cluster matches these filters.');
  });
});

describe('page titles', () => {
  it.each([
    ['/', 'Карта кластеров'],
    ['/en/', 'Cluster Map'],
    ['/regions/RU-KLU', 'Калужская область · Карта кластеров'],
    ['/en/map', 'Cluster map'],
  ])('%s is titled "%s" (the site name once, issue 13, item 10)', async (path, title) => {
    const { html } = await get(path);
    expect(/<title>(.*?)<\/title>/.exec(html)?.[1]).toBe(title);
  });
});

describe('cluster profile', () => {
  it.each([
    ['', 'Минэкономразвития России (2012)', 'Перечень 25 пилотных', 'Навигационная цепочка', /Ministry of Economic Development|List of the 25|aria-label="breadcrumbs"|Other sources/],
    ['/en', 'Ministry of Economic Development of the Russian Federation (2012)', 'List of the 25 pilot', 'Breadcrumbs', /Минэкономразвития|Перечень 25/],
  ])('cites the sources in the page language ("%s", issue 13, item 8)', async (prefix, indicatorSource, provenance, crumbs, otherLanguage) => {
    const { html } = await get(`${prefix}/clusters/obninsk-pharma-biotech`);
    expect(text(element(html, 'class="sources muted"') ?? '')).toContain(indicatorSource);
    expect(text(element(html, 'aria-labelledby="provenance-title"') ?? '')).toContain(provenance);
    expect(html).toContain(`aria-label="${crumbs}"`);
    expect(html).not.toMatch(otherLanguage);
  });

  it.each([
    ['en', '/en', ['4', '0.1', '1,149', '0.01']],
    ['ru', '', ['4', '0,1', '1\u00a0149', '0,01']],
  ])('renders Obninsk’s 2012 indicators formatted for %s', async (_lang, prefix, values) => {
    const { status, html } = await get(`${prefix}/clusters/obninsk-pharma-biotech`);
    expect(status).toBe(200);
    const shown = ['internationalMembers', 'exportsBlnRub', 'publications', 'jointRndBlnRub'].map((k) => indicatorCell(html, 2012, k));
    expect(shown).toEqual(values.map((v) => ({ text: v, missing: false })));
  });

  it.each([
    ['en', '/en', '54.933° N, 43.317° E', /index 2012: <strong>\d\.\d{3}<\/strong>/, '1 cluster found'],
    ['ru', '', '54,933° с. ш., 43,317° в. д.', /интернационализации 2012: <strong>\d,\d{3}<\/strong>/, 'Найдено кластеров: 1'],
  ])('formats numbers one way (%s): coordinates with hemispheres, the index with 3 decimals, counts pluralised (issue 13)', async (_lang, prefix, coordinates, index, count) => {
    const profile = await get(`${prefix}/clusters/sarov-nuclear`);
    expect(text(element(profile.html, 'data-testid="coordinates"')!)).toBe(coordinates);
    const list = await get(`${prefix}/clusters?region=RU-KYA`);
    expect(resultCount(list.html)).toBe(count);
    expect(list.html).toMatch(index);
  });

  it.each([
    ['en', '/en', 'not reported'],
    ['ru', '', 'нет данных'],
  ])('says Pushchino’s unreported indicators are "%s", not 0', async (_lang, prefix, notReported) => {
    const { html } = await get(`${prefix}/clusters/pushchino-biotech`);
    expect(indicatorCell(html, 2012, 'internationalMembers')).toEqual({ text: notReported, missing: true });
    expect(indicatorCell(html, 2012, 'exportsBlnRub')).toEqual({ text: notReported, missing: true });
    expect(indicatorCell(html, 2012, 'publications')).toEqual({ text: '694', missing: false });
  });

  it.each([
    ['en', '/en', 'Not provided yet.'],
    ['ru', '', 'Пока не заполнено.'],
  ])('marks the blocks without data (%s)', async (_lang, prefix, notProvided) => {
    const { html } = await get(`${prefix}/clusters/obninsk-pharma-biotech`);
    for (const block of ['priorities', 'management', 'members', 'partnersProjects'])
      expect(text(element(html, `data-block="${block}"`) ?? ''), block).toContain(notProvided);
    expect(text(element(html, 'data-block="general"') ?? '')).not.toContain(notProvided);
  });

  it('uses English headings and names on the English page', async () => {
    const { html } = await get('/en/clusters/obninsk-pharma-biotech');
    expect(text(/<h1[^>]*>(.*?)<\/h1>/s.exec(html)![1]!)).toBe('Pharmaceutical, biotechnology and biomedical cluster (Obninsk)');
    const headings = [...html.matchAll(/<h2[^>]*>(.*?)<\/h2>/gs)].map((m) => text(m[1]!));
    expect(headings).toEqual(expect.arrayContaining(['General data', 'Cluster priorities', 'Management', 'Members', 'Partners and projects', 'Indicators by year']));
  });
});

describe('region page', () => {
  it.each([
    ['/regions/RU-KLU', 'Калужская область', '/clusters/obninsk-pharma-biotech'],
    ['/en/regions/RU-KLU', 'Kaluga Oblast', '/en/clusters/obninsk-pharma-biotech'],
  ])('%s lists Obninsk', async (path, heading, link) => {
    const { status, html } = await get(path);
    expect(status).toBe(200);
    expect(text(/<h1[^>]*>(.*?)<\/h1>/s.exec(html)![1]!)).toBe(heading);
    const list = element(html, 'class="cluster-list"')!;
    expect(listItems(list).map((li) => attrs(li, 'a', 'href')[0])).toEqual([link]);
  });

  it('answers 404 for an unknown region', async () => {
    expect((await get('/regions/RU-XXX')).status).toBe(404);
  });
});

describe('not found', () => {
  it.each([
    ['/clusters/no-such-cluster', 'ru', 'Страница не найдена', '/clusters'],
    ['/en/clusters/no-such-cluster', 'en', 'Page not found', '/en/clusters'],
  ])('%s is a 404 page in %s with a link back to the directory', async (path, lang, title, back) => {
    const { status, type, html } = await get(path);
    expect(status).toBe(404);
    expect(type).toContain('text/html');
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
    expect(text(/<h1[^>]*>(.*?)<\/h1>/s.exec(html)![1]!)).toBe(title);
    expect(attrs(element(html, 'id="main"')!, 'a', 'href')).toContain(back);
  });

  it.each(['/fr/clusters', '/fr/clusters/obninsk-pharma-biotech', '/ru/clusters', '/fr/'])('%s is 404 (unknown language prefix)', async (path) => {
    expect((await get(path)).status).toBe(404);
  });

  it.each([
    ['fr-FR,fr;q=0.9', 'en', 'Page not found'],
    ['fr-FR,fr;q=0.9,ru;q=0.8', 'ru', 'Страница не найдена'],
  ])('another language\'s prefix (/fr/…) with Accept-Language %s gets the 404 page in %s', async (acceptLanguage, lang, title) => {
    const { status, html } = await get('/fr/clusters', { 'accept-language': acceptLanguage });
    expect(status).toBe(404);
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
    expect(text(/<h1[^>]*>(.*?)<\/h1>/s.exec(html)![1]!)).toBe(title);
    // The language switch leads to the page that exists: the path without the foreign prefix.
    expect(/<a class="lang-switch" href="([^"]*)"/.exec(html)?.[1]).toBe(lang === 'en' ? '/clusters' : '/en/clusters');
  });
});

describe('language switch', () => {
  it.each([
    ['/en/clusters?industryGroup=nuclear', '/clusters?industryGroup=nuclear'],
    ['/clusters?industryGroup=nuclear', '/en/clusters?industryGroup=nuclear'],
    ['/clusters?industryGroup=nuclear&sort=-founded', '/en/clusters?industryGroup=nuclear&sort=-founded'],
    ['/en/clusters/obninsk-pharma-biotech', '/clusters/obninsk-pharma-biotech'],
    ['/en/', '/'],
    ['/', '/en/'],
  ])('on %s points to %s', async (path, target) => {
    const { html } = await get(path);
    const link = /<a\b[^>]*data-testid="lang-switch"[^>]*>/.exec(html)?.[0] ?? '';
    expect(decode(/href="([^"]*)"/.exec(link)?.[1] ?? '')).toBe(target);
    const alternates = [...html.matchAll(/<link rel="alternate" hreflang="(?:ru|en)" href="([^"]*)"/g)].map((m) => decode(m[1]!));
    expect(alternates).toEqual([target]);
  });
});

describe('accessibility basics', () => {
  const pages = ['/', '/en/', '/clusters', '/en/clusters?industryGroup=nuclear', '/clusters/obninsk-pharma-biotech', '/en/regions/RU-KLU', '/en/clusters/no-such-cluster'];

  it.each(pages)('%s has a lang, one main landmark, a skip link to it and one h1', async (path) => {
    const { html } = await get(path);
    expect(html).toMatch(/<html lang="(ru|en)"/);
    expect(html.match(/<main\b/g)).toHaveLength(1);
    expect(html).toMatch(/<main\b[^>]*\sid="main"/);
    const skip = /<a\b[^>]*class="skip-link"[^>]*href="#main"[^>]*>(.*?)<\/a>/s.exec(html);
    expect(skip && text(skip[1]!)).toBeTruthy();
    // The skip link comes before the header navigation.
    expect(html.indexOf('skip-link')).toBeLessThan(html.indexOf('<nav'));
    expect(html.match(/<h1\b/g)).toHaveLength(1);
  });

  it.each(['/clusters', '/en/clusters'])('every select of the filter form on %s has a label', async (path) => {
    const { html } = await get(path);
    const form = element(html, 'class="filters"')!;
    const selects = [...form.matchAll(/<select\b[^>]*>/g)];
    expect(selects.map((m) => /name="(\w+)"/.exec(m[0])?.[1])).toEqual(['industryGroup', 'region', 'status', 'sort']);
    for (const m of selects) {
      const id = /\sid="([^"]+)"/.exec(m[0])?.[1];
      const before = form.slice(0, m.index);
      const open = before.lastIndexOf('<label');
      // Either wrapped in a <label> with text before the select, or referenced by <label for>, or aria-labelled.
      const wrapped = open >= 0 && !before.slice(open).includes('</label>') && text(before.slice(open) + '>') !== '';
      const labelled = (id !== undefined && form.includes(`for="${id}"`)) || /\saria-label(ledby)?="[^"]+"/.test(m[0]);
      expect(wrapped || labelled, m[0]).toBe(true);
    }
  });

  it('lists in the region filter only regions with clusters, with counts, grouped by federal district (issue 13)', async () => {
    const { html } = await get('/en/clusters?industryGroup=nuclear');
    const select = element(html, 'data-testid="filter-region"')!;
    const groups = [...select.matchAll(/<optgroup label="([^"]+)">(.*?)<\/optgroup>/gs)].map((m) => [m[1], [...m[2]!.matchAll(/<option[^>]*>([^<]+)<\/option>/g)].map((o) => decode(o[1]!))]);
    expect(groups).toEqual([
      ['Central Federal District', ['Moscow Oblast (1)']],
      ['Volga Federal District', [expect.stringMatching(/^Nizhny Novgorod.* \(1\)$/), expect.stringMatching(/^Ulyanovsk.* \(1\)$/)]],
      ['Siberian Federal District', ['Krasnoyarsk Krai (1)']],
    ]);
  });

  /** The <optgroup> labels of a select with the texts of their options. */
  const optionGroups = (select: string) =>
    [...select.matchAll(/<optgroup label="([^"]+)">(.*?)<\/optgroup>/gs)].map((m) => [decode(m[1]!), [...m[2]!.matchAll(/<option[^>]*>([^<]+)<\/option>/g)].map((o) => decode(o[1]!))]);

  it.each([
    ['/en/search?industryGroup=nuclear', 'data-testid="search-facet-region"'],
    ['/en/map?industryGroup=nuclear', 'data-testid="map-filter-region"'],
  ])('%s groups its region select by federal district like the directory: regions with clusters only, with counts', async (path, select) => {
    const { html } = await get(path);
    expect(optionGroups(element(html, select)!)).toEqual([
      ['Central Federal District', ['Moscow Oblast (1)']],
      ['Volga Federal District', [expect.stringMatching(/^Nizhny Novgorod.* \(1\)$/), expect.stringMatching(/^Ulyanovsk.* \(1\)$/)]],
      ['Siberian Federal District', ['Krasnoyarsk Krai (1)']],
    ]);
  });

  it('names the districts of the /search region select in Russian, and every region with clusters is in one (25 in all)', async () => {
    const { html } = await get('/search');
    const groups = optionGroups(element(html, 'data-testid="search-facet-region"')!);
    expect(groups.map(([district]) => district)).toEqual(expect.arrayContaining(['Центральный федеральный округ', 'Сибирский федеральный округ', 'Приволжский федеральный округ']));
    const counts = groups.flatMap(([, options]) => (options as string[]).map((o) => Number(/\((\d+)\)$/.exec(o)![1])));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(25);
    expect(groups.flatMap(([, options]) => options as string[])).toContain('Томская область (1)');
  });

  it('keeps a chosen region in the /map region select and counts the others as if it were not chosen', async () => {
    const { html } = await get('/en/map?industryGroup=nuclear&region=RU-KYA');
    const select = element(html, 'data-testid="map-filter-region"')!;
    expect(select).toMatch(/<option value="RU-KYA" selected>Krasnoyarsk Krai \(1\)<\/option>/);
    expect(optionGroups(select).flatMap(([, options]) => options as string[])).toContain('Moscow Oblast (1)');
  });

  it('offers no sort by founding year while no cluster gives one (issue 13: controls that do something)', async () => {
    const { html } = await get('/en/clusters');
    const sort = /<select name="sort">(.*?)<\/select>/s.exec(html)![1]!;
    expect([...sort.matchAll(/value="([^"]+)"/g)].map((m) => m[1])).toEqual(['name', '-index']);
  });

  it('labels the industry group select "Отраслевая группа" in Russian', async () => {
    const { html } = await get('/clusters');
    const form = element(html, 'class="filters"')!;
    const label = /<label>([^<]*)<select[^>]*name="industryGroup"/.exec(form);
    expect(label?.[1]?.trim()).toBe('Отраслевая группа');
  });
});
