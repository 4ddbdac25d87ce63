import { describe, expect, it } from 'vitest';
import { placeHtml, renderFacetOptions, renderHit, renderNoResults, renderPager, renderResults, searchQueryString } from '../../../src/components/search/render';
import { buildSearchView } from '../../../src/components/search/view';
import type { SearchHit, SearchResult } from '../../../src/lib/search/result';

const en = buildSearchView('en');
const ru = buildSearchView('ru');

function hit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    slug: 'tomsk-pharma-medtech-it',
    name: { ru: 'Кластер Томской области', en: 'Tomsk <cluster>' },
    industryGroup: 'pharma-bio-medical',
    region: 'RU-TOM',
    city: { ru: 'Томск', en: 'Tomsk' },
    status: 'pilot-innovative-territorial',
    scenario: 'lonely',
    index: 0.3456,
    foundedYear: null,
    highlight: { name: { ru: 'Кластер <mark>Томской</mark> области', en: 'Tomsk &lt;cluster&gt;' }, city: { ru: '<mark>Томск</mark>', en: 'Tomsk' }, snippet: null },
    ...overrides,
  };
}

describe('renderHit', () => {
  it('links the profile in the page language and shows industry, place, scenario and index', () => {
    const html = renderHit(hit(), en);
    expect(html).toContain('<a href="/en/clusters/tomsk-pharma-medtech-it">Tomsk &lt;cluster&gt;</a>');
    expect(html).toContain('Pharmaceutical, biotechnology and medical');
    expect(html).toContain('<li>Tomsk, Tomsk Oblast</li>'); // the region's full name, not "Tomsk, Tomsk" (issue 13, item 8)
    expect(html).toContain('scenario-lonely');
    expect(html).toContain('Index 0.346');
  });

  it('shows the other language\'s name when only it holds the match', () => {
    expect(renderHit(hit(), en)).toContain('<p class="search-other-name" lang="ru">');
    expect(renderHit(hit(), ru)).not.toContain('search-other-name');
  });

  it('formats the index the Russian way and leaves it out when unranked', () => {
    expect(renderHit(hit(), ru)).toContain('Индекс 0,346');
    expect(renderHit(hit({ index: null }), ru)).not.toContain('Индекс');
  });
});

describe('placeHtml', () => {
  it('names a federal city once', () => expect(placeHtml('<mark>Saint</mark> Petersburg', 'Saint Petersburg')).toBe('<mark>Saint</mark> Petersburg'));
  it('joins city and region', () => expect(placeHtml('Obninsk', 'Kaluga Oblast')).toBe('Obninsk, Kaluga Oblast'));
  it('escapes the region', () => expect(placeHtml(undefined, '<x>')).toBe('&lt;x&gt;'));
});

describe('renderNoResults', () => {
  it('offers to drop filters, single words, industries and the directory', () => {
    const html = renderNoResults({ q: 'plasma torch', industryGroup: 'nuclear' }, en);
    expect(html).toContain('Nothing found for “plasma torch”.');
    expect(html).toContain('href="/en/search?q=plasma+torch" data-testid="remove-filters"');
    expect(html).toContain('<a href="/en/search?q=plasma">plasma</a>');
    expect(html).toContain('href="/en/search?industryGroup=nuclear"');
    expect(html).toContain('href="/en/clusters"');
  });

  it('escapes the query', () => expect(renderNoResults({ q: '<script>' }, en)).toContain('&lt;script&gt;'));
});

describe('renderPager / searchQueryString / renderResults', () => {
  it('drops defaults and empty values from links', () => {
    expect(searchQueryString({ q: 'a', sort: 'relevance', page: '1', region: undefined })).toBe('?q=a');
    expect(searchQueryString({})).toBe('');
  });

  it('links pages keeping the other parameters', () => {
    const html = renderPager({ page: 2, pages: 3 }, { q: 'a', sort: 'name' }, ru);
    expect(html).toContain('href="/search?q=a&amp;sort=name&amp;page=3" data-page="3" rel="next"');
    expect(html).toContain('href="/search?q=a&amp;sort=name" data-page="1" rel="prev"');
    expect(renderPager({ page: 1, pages: 1 }, {}, ru)).toBe('');
  });

  it('shows the fallback notice and the count', () => {
    const result: SearchResult = { mode: 'fallback', total: 1, page: 1, perPage: 20, pages: 1, hits: [hit()], facets: { industryGroup: {}, federalDistrict: {}, region: {}, scenario: {}, status: {} } };
    const html = renderResults(result, { q: 'Томск' }, ru);
    expect(html).toContain('data-testid="search-fallback"');
    expect(html).toContain('По запросу «Томск» найдено кластеров: 1');
  });
});

describe('renderFacetOptions', () => {
  it('lists values with matches and the selected one, with counts', () => {
    const html = renderFacetOptions('industryGroup', { nuclear: 4 }, 'new-materials', en);
    expect(html).toBe('<option value="">Any</option><option value="nuclear">Nuclear (4)</option><option value="new-materials" selected>New materials (0)</option>');
  });
  it('groups regions by federal district (as the directory does), by name within a district, with counts', () => {
    const collator = new Intl.Collator('en');
    const html = renderFacetOptions('region', { 'RU-TOM': 1, 'RU-KYA': 2, 'RU-MOS': 3 }, 'RU-CHU', en, collator);
    expect(html).toBe(
      '<option value="">Any</option>' +
        '<optgroup label="Central Federal District"><option value="RU-MOS">Moscow Oblast (3)</option></optgroup>' +
        '<optgroup label="Siberian Federal District"><option value="RU-KYA">Krasnoyarsk Krai (2)</option><option value="RU-TOM">Tomsk Oblast (1)</option></optgroup>' +
        '<optgroup label="Far Eastern Federal District"><option value="RU-CHU" selected>Chukotka Autonomous Okrug (0)</option></optgroup>',
    );
  });
});
