import { z } from 'zod';
import { SORT_KEYS, directoryQuerySchema } from '../directory/query';
import { LANGS } from '../i18n/locales';
import { SCENARIO_CODES } from '../indexing/scenario';
import { formatBbox, parseBbox } from './bbox';

/**
 * Query parameters of /map and GET /api/v1/clusters.geojson: the parameters of /search (q, industryGroup,
 * region, scenario, sort, page, perPage, lang, bbox), so a /search query string opens the same set on the
 * map, plus the directory's status and year. page/perPage/sort only apply to the list under the map.
 */

/** Longest search text accepted. */
export const Q_MAX_LENGTH = 200;
/** Sort orders of the list under the map: relevance (the search's order) plus the directory's. */
export const MAP_SORT_KEYS = ['relevance', ...SORT_KEYS] as const;

const directory = directoryQuerySchema.shape;

/** The bbox parameter, "minLon,minLat,maxLon,maxLat", parsed into a box. */
const bboxParam = z.string().transform((text, ctx) => {
  try {
    return parseBbox(text);
  } catch (error) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
    return z.NEVER;
  }
});

/** Strict schema of the map's query parameters (unknown parameters are errors naming them). */
export const mapQuerySchema = z
  .object({
    q: z.string().max(Q_MAX_LENGTH, `must be at most ${Q_MAX_LENGTH} characters`).optional(),
    industryGroup: directory.industryGroup,
    region: directory.region,
    status: directory.status,
    year: directory.year,
    scenario: z.enum(SCENARIO_CODES, { errorMap: () => ({ message: `must be one of ${SCENARIO_CODES.join(', ')}` }) }).optional(),
    bbox: bboxParam.optional(),
    sort: z.enum(MAP_SORT_KEYS, { errorMap: () => ({ message: `must be one of ${MAP_SORT_KEYS.join(', ')}` }) }).optional(),
    page: directory.page,
    perPage: directory.perPage,
    lang: z.enum(LANGS, { errorMap: () => ({ message: `must be one of ${LANGS.join(', ')}` }) }).optional(),
  })
  .strict();

/** A validated map query. */
export type MapQuery = z.infer<typeof mapQuerySchema>;

/** Parameters that choose which clusters are on the map (the rest only shape the list or the language). */
export const MAP_FILTER_KEYS = ['q', 'industryGroup', 'region', 'status', 'year', 'scenario', 'bbox'] as const;

/** The filter parameters of a query as URL parameters, in a fixed order (bbox formatted back to text). */
export function mapFilterParams(query: Partial<MapQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of MAP_FILTER_KEYS) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    params.set(key, typeof value === 'object' ? formatBbox(value) : String(value));
  }
  return params;
}

/** Stable text of the filters, the same for equal queries whatever the parameter order (for ETags). */
export function canonicalMapQuery(query: Partial<MapQuery>): string {
  return mapFilterParams(query).toString();
}

/** Whether the query needs the search service (free text or an area); the other filters are answered by the store. */
export function needsSearch(query: Partial<MapQuery>): boolean {
  return Boolean(query.q?.trim()) || query.bbox !== undefined;
}
