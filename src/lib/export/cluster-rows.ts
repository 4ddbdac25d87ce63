/**
 * The flat, readable rows of a cluster export (CSV): names in both languages, place, industry group, the four
 * indicators of the year, the index with both ranks, the scenario and the profile's address. Pure.
 */
import type { ClusterAnalytics } from '../indexing/year-analytics';
import type { ClusterSummary } from '../profile/summary';
import { INDICATOR_KEYS, type IndicatorKey } from '../profile/vocabulary';
import { findRegion } from '../regions';
import type { CsvValue } from './csv-writer';

/** Column names of the export, in order. */
export const CLUSTER_EXPORT_COLUMNS = [
  'slug',
  'name_ru',
  'name_en',
  'region',
  'region_name_en',
  'region_name_ru',
  'city_en',
  'city_ru',
  'industry_group',
  'status',
  'founded_year',
  'year',
  'international_members',
  'exports_bln_rub',
  'publications',
  'joint_rnd_bln_rub',
  'index',
  'rank',
  'rank_of',
  'industry_index',
  'industry_rank',
  'industry_rank_of',
  'scenario',
  'url_en',
  'url_ru',
  'indicator_sources',
] as const;

/** The indicator values (and their sources) of one cluster for the export's year. */
export type ExportIndicators = Partial<Record<IndicatorKey, { value: number; source: string }>>;

/** One cluster as a row of CLUSTER_EXPORT_COLUMNS; an indicator not reported is an empty cell, never 0. */
export function toClusterExportRow(
  c: ClusterSummary,
  analytics: ClusterAnalytics | null,
  indicators: ExportIndicators,
  year: number | null,
  origin: string,
): CsvValue[] {
  const region = findRegion(c.region);
  const sources = [...new Set(INDICATOR_KEYS.flatMap((k) => (indicators[k] ? [indicators[k]!.source] : [])))].join('; ');
  return [
    c.slug,
    c.name.ru,
    c.name.en,
    c.region,
    region?.name.en,
    region?.name.ru,
    c.city.en,
    c.city.ru,
    c.industryGroup,
    c.status,
    c.foundedYear,
    year,
    ...INDICATOR_KEYS.map((k) => indicators[k]?.value),
    analytics?.overall?.value,
    analytics?.overall?.rank,
    analytics?.overall?.of,
    analytics?.industry?.value,
    analytics?.industry?.rank,
    analytics?.industry?.of,
    analytics?.scenario.code,
    `${origin}/en/clusters/${c.slug}`,
    `${origin}/clusters/${c.slug}`,
    sources,
  ];
}
