import { describe, expect, it } from 'vitest';
import { buildSearchDocument } from '../../../src/lib/search/document';
import { FACET_ATTRIBUTES, FILTERABLE_ATTRIBUTES, SEARCH_INDEX_SETTINGS, SEARCHABLE_ATTRIBUTES, SORTABLE_ATTRIBUTES } from '../../../src/lib/search/index-settings';
import { HIT_ATTRIBUTES, SNIPPET_ATTRIBUTES } from '../../../src/lib/search/meili-request';
import { isSubset } from '../../../src/server/search/index-sync';
import { richProfile } from './fixtures';

const doc = buildSearchDocument(richProfile(), { index: 0.5, scenario: 'unknown' }) as unknown as Record<string, unknown>;
const top = (path: string) => path.split('.')[0]!;

describe('index settings', () => {
  it('name only fields the document has', () => {
    for (const attribute of [...SEARCHABLE_ATTRIBUTES, ...FILTERABLE_ATTRIBUTES, ...SORTABLE_ATTRIBUTES, ...HIT_ATTRIBUTES, ...SNIPPET_ATTRIBUTES])
      expect([attribute, top(attribute) in doc]).toEqual([attribute, true]);
  });

  it('can filter on every facet and sort by name in both languages', () => {
    for (const facet of FACET_ATTRIBUTES) expect(FILTERABLE_ATTRIBUTES).toContain(facet);
    expect(SORTABLE_ATTRIBUTES).toEqual(expect.arrayContaining(['sortName.ru', 'sortName.en', 'index', 'foundedYear']));
    expect(SEARCH_INDEX_SETTINGS.rankingRules[0]).toBe('words');
  });
});

describe('isSubset (settings comparison)', () => {
  it('ignores extra keys and the order of set-like lists', () => {
    expect(isSubset({ filterableAttributes: ['region', 'industryGroup'] }, { filterableAttributes: ['industryGroup', 'region'], stopWords: [] })).toBe(true);
    expect(isSubset({ synonyms: { it: ['ит', 'information technology'] } }, { synonyms: { it: ['information technology', 'ит'] } })).toBe(true);
  });

  it('keeps the order of ranked lists', () => {
    expect(isSubset({ searchableAttributes: ['name', 'city'] }, { searchableAttributes: ['city', 'name'] })).toBe(false);
    expect(isSubset({ rankingRules: ['words', 'sort'] }, { rankingRules: ['words', 'sort'] })).toBe(true);
  });

  it('sees changed values and missing keys', () => {
    expect(isSubset({ pagination: { maxTotalHits: 100000 } }, { pagination: { maxTotalHits: 1000 } })).toBe(false);
    expect(isSubset({ faceting: { maxValuesPerFacet: 200 } }, {})).toBe(false);
  });
});
