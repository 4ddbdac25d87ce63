import { EXACT_TOPIC_WORDS, SYNONYM_GROUPS, toMeiliSynonyms } from './synonyms';

/** Searchable attributes of a SearchDocument, most important first (Meilisearch's "attribute" rule ranks by this order). */
export const SEARCHABLE_ATTRIBUTES = [
  'name',
  'shortName',
  'city',
  'regionName',
  'industryName',
  'specialization',
  'priorities',
  'offers',
  'seeks',
  'description',
  'goals',
  'memberNames',
  'partnerNames',
  'projectTitles',
  'partnerCountryNames',
  'statusName',
] as const;

/** Attributes that can be filtered on; the first five are also the facets of the search page and API. */
export const FILTERABLE_ATTRIBUTES = [
  'industryGroup',
  'federalDistrict',
  'region',
  'scenario',
  'status',
  'cooperationAreas',
  'partnerCountries',
  'selfAssessment',
  '_geo',
] as const;

export { FACET_ATTRIBUTES, type FacetAttribute } from './facets';

/** Attributes a search can sort on. */
export const SORTABLE_ATTRIBUTES = ['index', 'foundedYear', 'sortName.ru', 'sortName.en'] as const;

/** Largest number of matches a search can page through or the map can get (Meilisearch pagination.maxTotalHits). */
export const MAX_TOTAL_HITS = 100_000;

/** Settings of the clusters index; `npm run reindex` and the worker's bootstrap apply them. */
export const SEARCH_INDEX_SETTINGS = {
  searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
  filterableAttributes: [...FILTERABLE_ATTRIBUTES],
  sortableAttributes: [...SORTABLE_ATTRIBUTES],
  displayedAttributes: ['*'],
  // "sort" right after "words": an explicit sort order wins over typo and proximity ranking.
  rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
  synonyms: toMeiliSynonyms(SYNONYM_GROUPS),
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    disableOnNumbers: true,
    disableOnWords: [...EXACT_TOPIC_WORDS],
  },
  faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
} as const;

/** Primary key of the clusters index. */
export const SEARCH_PRIMARY_KEY = 'id';
