/**
 * The query of an export: the parameters of the directory (industryGroup, region, status, year, sort) and of
 * /search (q, federalDistrict, scenario, bbox, lang and its sorts) in one schema, so that the Download control of
 * either page passes its own query string on and gets exactly the clusters it shows, in the order it shows them.
 * Paging does not apply: every matching cluster is written. Pure.
 */
import { z } from 'zod';
import { mapFilterParams, mapQuerySchema, needsSearch, type MapQuery } from '../map/query';
import type { SortKey } from '../directory/query';
import type { SearchSort } from '../search/query';

/** Sort orders of an export: the directory's and the search's ("-" = descending; relevance makes the export a search). */
export const EXPORT_SORTS = ['relevance', 'name', '-name', 'founded', '-founded', 'index', '-index'] as const;
/** One export sort order. */
export type ExportSort = (typeof EXPORT_SORTS)[number];

/** Query parameters of GET /api/v1/clusters.csv and .json (strict: unknown parameters, page and perPage among them, are errors). */
export const exportQuerySchema = mapQuerySchema
  .omit({ page: true, perPage: true, sort: true })
  .extend({ sort: z.enum(EXPORT_SORTS, { errorMap: () => ({ message: `must be one of ${EXPORT_SORTS.join(', ')}` }) }).optional() });

/** A validated export query. */
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** How an export finds its clusters: the directory's listing (the store) or a search (Meilisearch, else the reduced search). */
export type ExportView = { kind: 'directory'; sort: SortKey } | { kind: 'search'; sort: SearchSort };

/**
 * The view an export query describes: a search when it has a text, a federal district, a scenario or a map
 * rectangle (what only search filters on) or asks for relevance (the search page's own sort, which its Download
 * control always passes), else the directory. A sort the search does not know (descending name) with search
 * parameters is refused: the reason is returned instead.
 * @example exportView({ industryGroup: 'nuclear', sort: '-index' }) // => { kind: 'directory', sort: '-index' }
 * @example exportView({ q: 'атом' }) // => { kind: 'search', sort: 'relevance' }
 */
export function exportView(query: Partial<ExportQuery>): ExportView | string {
  const { sort, ...filters } = query;
  const search = needsSearch(filters) || query.scenario !== undefined || sort === 'relevance';
  if (!search) return { kind: 'directory', sort: sort ?? 'name' };
  if (sort === '-name') return 'sort -name is not available with q, federalDistrict, scenario or bbox (search sorts: relevance, name, index, -index, founded, -founded)';
  return { kind: 'search', sort: sort ?? 'relevance' };
}

/**
 * The export parameters of a page's query: the filters it shows (as the map passes them on), then its sort and
 * language when given; never paging. A page leaves out its default sort so that links stay short.
 * @example exportParams({ industryGroup: 'nuclear', sort: '-index', page: 2 }).toString() // => 'industryGroup=nuclear&sort=-index'
 */
export function exportParams(query: Partial<Omit<MapQuery, 'sort'>> & { sort?: string }): URLSearchParams {
  const { sort: _sort, ...filters } = query;
  const params = mapFilterParams(filters);
  if (query.sort) params.set('sort', query.sort);
  if (query.lang) params.set('lang', query.lang);
  return params;
}
