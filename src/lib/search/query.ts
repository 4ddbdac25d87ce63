import { z } from 'zod';
import { PER_PAGE_DEFAULT, PER_PAGE_MAX } from '../directory/query';
import { LANGS } from '../i18n/locales';
import { SCENARIO_CODES } from '../indexing/scenario';
import { CLUSTER_STATUSES, INDUSTRY_GROUPS } from '../profile/vocabulary';
import { FEDERAL_DISTRICTS } from '../federal-districts';
import { regionCodeSchema } from '../regions';

/** Sort orders of search: relevance (the default), name, or index / founding year either way ("-" = descending). */
export const SEARCH_SORTS = ['relevance', 'name', '-index', 'index', 'founded', '-founded'] as const;
/** One search sort order. */
export type SearchSort = (typeof SEARCH_SORTS)[number];
/** The sorts worth offering: by founding year only if some cluster gives one, by index only if there is one; the current sort always. */
export function offeredSearchSorts(data: { anyFoundedYear: boolean; anyIndex: boolean }, current: SearchSort | undefined): SearchSort[] {
  return SEARCH_SORTS.filter((s) => s === current || s === 'relevance' || s === 'name' || (s.endsWith('founded') ? data.anyFoundedYear : data.anyIndex));
}

/** Longest accepted query text, in characters. */
export const SEARCH_QUERY_MAX = 200;
/** Highest page number; with PER_PAGE_MAX it reaches the index's MAX_TOTAL_HITS. */
export const SEARCH_PAGE_MAX = 1000;

/** A map rectangle in GeoJSON order: west, south, east, north (degrees WGS 84). west > east crosses the antimeridian. */
export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

const BBOX_HINT = 'must be "minLon,minLat,maxLon,maxLat" in degrees (GeoJSON order), e.g. 30,50,60,60';

/** Parses "minLon,minLat,maxLon,maxLat"; returns the box or the reason it is not one. */
export function parseBoundingBox(text: string): BoundingBox | string {
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n))) return `${BBOX_HINT}; got "${text}"`;
  const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number];
  if ([minLon, maxLon].some((lon) => lon < -180 || lon > 180)) return `longitudes must be between -180 and 180; got "${text}"`;
  if ([minLat, maxLat].some((lat) => lat < -90 || lat > 90)) return `latitudes must be between -90 and 90; got "${text}"`;
  if (minLat > maxLat) return `minLat (${minLat}) must not be greater than maxLat (${maxLat}); ${BBOX_HINT}`;
  return { minLon, minLat, maxLon, maxLat };
}

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be ${min} or more`)
    .max(max, `must be at most ${max}`);

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values as unknown as [T[number], ...T[number][]], { errorMap: () => ({ message: `must be one of ${values.join(', ')}` }) });

/** Query parameters of /search and GET /api/v1/search (strict: unknown parameters are errors). */
export const searchQuerySchema = z
  .object({
    q: z.string().max(SEARCH_QUERY_MAX, `must be at most ${SEARCH_QUERY_MAX} characters`).default(''),
    industryGroup: oneOf(INDUSTRY_GROUPS).optional(),
    federalDistrict: oneOf(FEDERAL_DISTRICTS).optional(),
    region: regionCodeSchema.optional(),
    status: oneOf(CLUSTER_STATUSES).optional(),
    scenario: oneOf(SCENARIO_CODES).optional(),
    sort: oneOf(SEARCH_SORTS).default('relevance'),
    page: wholeNumber(1, SEARCH_PAGE_MAX).default(1),
    perPage: wholeNumber(1, PER_PAGE_MAX).default(PER_PAGE_DEFAULT),
    lang: oneOf(LANGS).optional(),
    bbox: z
      .string()
      .transform((text, ctx) => {
        const box = parseBoundingBox(text);
        if (typeof box === 'string') {
          ctx.addIssue({ code: 'custom', message: box, params: { rule: 'bbox' } });
          return z.NEVER;
        }
        return box;
      })
      .optional(),
  })
  .strict();

/** A validated search query. */
export type SearchQuery = z.infer<typeof searchQuerySchema>;
/** A search query as a caller may write it (defaults not yet applied). */
export type SearchQueryInput = z.input<typeof searchQuerySchema>;

/** The filter part of a query (what matchingSlugs and the facets depend on). */
export type SearchFilters = Pick<SearchQuery, 'industryGroup' | 'federalDistrict' | 'region' | 'status' | 'scenario' | 'bbox'>;

/** Whether the query narrows the results by any filter. */
export function hasFilters(query: SearchFilters): boolean {
  return Boolean(query.industryGroup || query.federalDistrict || query.region || query.status || query.scenario || query.bbox);
}
