import { INDUSTRY_GROUP_LABELS, STATUS_LABELS, localizePath, translator, type Lang } from '../../lib/i18n';
import { SCENARIO_CODES } from '../../lib/indexing/scenario';
import { FEDERAL_DISTRICTS, FEDERAL_DISTRICT_NAMES } from '../../lib/federal-districts';
import { REGIONS } from '../../lib/regions';
import type { SearchView } from './render';

/** Labels of a vocabulary in one language. */
function labelsIn<K extends string>(labels: Record<K, Record<Lang, string>>, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries<Record<Lang, string>>(labels).map(([k, v]) => [k, v[lang]]));
}

/** The renderer's strings, labels and paths for a language (the page embeds it as JSON for the browser). */
export function buildSearchView(lang: Lang): SearchView {
  const t = translator(lang);
  return {
    lang,
    searchPath: localizePath('/search', lang),
    clusterPath: localizePath('/clusters/', lang),
    directoryPath: localizePath('/clusters', lang),
    strings: {
      results: t('search.results'),
      resultsFor: t('search.resultsFor'),
      hits: t('search.hits'),
      empty: t('search.empty'),
      emptyFiltered: t('search.emptyFiltered'),
      suggestTitle: t('search.suggest.title'),
      spelling: t('search.suggest.spelling'),
      removeFilters: t('search.suggest.removeFilters'),
      words: t('search.suggest.words'),
      industries: t('search.suggest.industries'),
      directory: t('search.suggest.directory'),
      fallback: t('search.fallback'),
      indexShort: t('search.indexShort'),
      prev: t('directory.prev'),
      next: t('directory.next'),
      page: t('directory.page'),
      pagination: t('directory.pagination'),
      otherName: t('search.otherName'),
      any: t('search.any'),
      error: t('search.error'),
      loading: t('search.loading'),
      place: t('ux.search.place'),
      reported: t('ux.index.reportedFlag'),
      reportedHint: t('ux.index.reportedHint'),
    },
    labels: {
      industryGroup: labelsIn(INDUSTRY_GROUP_LABELS, lang),
      status: labelsIn(STATUS_LABELS, lang),
      federalDistrict: Object.fromEntries(FEDERAL_DISTRICTS.map((d) => [d, FEDERAL_DISTRICT_NAMES[d][lang]])),
      region: Object.fromEntries(REGIONS.map((r) => [r.code, r.name[lang]])),
      scenario: Object.fromEntries(SCENARIO_CODES.map((code) => [code, t(`analytics.scenario.${code}`)])),
    },
  };
}
