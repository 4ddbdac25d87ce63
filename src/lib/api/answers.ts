import { z } from 'zod';
import { REGIONAL_INPUTS } from '../regional-plausibility';
import { REGIONAL_INDICATORS } from '../indexing/regional-index';
import { SCENARIO_CODES } from '../indexing/scenario';
import { MATCH_POINTS, partnerQuerySchema } from '../matching';
import { FEDERAL_DISTRICTS } from '../federal-districts';
import { clusterSummarySchema, generalSchema, profileSchema, slugSchema } from '../profile';
import { INDICATOR_KEYS, type IndicatorKey } from '../profile/vocabulary';
import { FACET_ATTRIBUTES } from '../search/facets';
import { REVISION_STATES } from '../workflow/transitions';
import { WORKFLOW_ERROR_CODES } from '../workflow/errors';

/**
 * Schemas of what the JSON API answers. The routes' answers are typed by them (`z.input<typeof …>`) and the
 * OpenAPI document (src/server/api/openapi.ts) describes them, so the description cannot drift from the code.
 */

/** Both languages of a text. */
const bilingual = z.object({ ru: z.string(), en: z.string() });

/** One problem of a request: the parameter or field (dotted path) and what is wrong with it. */
export const fieldProblemSchema = z.object({ field: z.string(), message: z.string() });

/** Every error answer: a message saying what went wrong and what to do instead. */
export const errorAnswerSchema = z.object({ error: z.string() });

/** 400: the message, and each bad parameter or field by name. */
export const badRequestAnswerSchema = errorAnswerSchema.extend({ problems: z.array(fieldProblemSchema) });

/** 429: the message, and how many seconds to wait (also in Retry-After). */
export const tooManyAttemptsAnswerSchema = errorAnswerSchema.extend({ retryAfterSeconds: z.number().int().nonnegative() });

/** A refusal of the manager API's workflow: its code, and the fields at fault or the requirements missing. */
export const workflowErrorAnswerSchema = errorAnswerSchema.extend({
  code: z.enum(WORKFLOW_ERROR_CODES),
  problems: z.array(fieldProblemSchema).optional(),
  missing: z.array(z.string()).optional(),
});

/** An error of the manager API: a plain one (authentication, body) or a workflow refusal. */
export const managerErrorAnswerSchema = z.union([workflowErrorAnswerSchema, badRequestAnswerSchema, errorAnswerSchema]);

/** Links of a paged list, relative to the portal: this page, the first and last, and the neighbours (null at the ends). */
export const pageLinksSchema = z.object({
  self: z.string(),
  first: z.string(),
  last: z.string(),
  prev: z.string().nullable(),
  next: z.string().nullable(),
});

/** The paging fields of a list answer. */
const paging = {
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  perPage: z.number().int().positive(),
  pages: z.number().int().positive(),
  links: pageLinksSchema,
};

/** Links to a cluster's profile page in each language. */
const pageUrls = z.object({ ru: z.string(), en: z.string() });

/** The index block of a list item: both comparison sets with ranks, and how many indicators were reported. */
export const indexJsonSchema = z.object({
  year: z.number().int().nullable(),
  overall: z.number().nullable(),
  overallRank: z.number().int().nullable(),
  overallOf: z.number().int().nullable(),
  industry: z.number().nullable(),
  industryRank: z.number().int().nullable(),
  industryOf: z.number().int().nullable(),
  reported: z.number().int().nonnegative(),
  of: z.number().int().nonnegative(),
  notRanked: z.string().nullable(),
});

/** Why a region's statistics were left out of the regional index: the field, the problem, the value and the bound. */
export const regionalProblemSchema = z.object({
  field: z.enum([...REGIONAL_INPUTS, ...REGIONAL_INDICATORS, 'region', 'year']),
  code: z.enum(['invalid', 'not-finite', 'negative', 'below-minimum', 'above-maximum']),
  value: z.string(),
  limit: z.number().optional(),
});

/** The scenario block of a list item. */
export const scenarioJsonSchema = z.object({
  code: z.enum(SCENARIO_CODES),
  year: z.number().int().nullable(),
  clusterIndex: z.number().nullable(),
  regionIndex: z.number().nullable(),
  clusterThreshold: z.number().nullable(),
  regionThreshold: z.number().nullable(),
  missingRegionalInputs: z.array(z.string()),
  excludedRegional: regionalProblemSchema.nullable(),
});

/** One cluster of GET /api/v1/clusters: the summary's public fields, links and analytics. */
export const clusterListItemSchema = clusterSummarySchema
  .pick({ slug: true, name: true, region: true, industryGroup: true, status: true, city: true, location: true, foundedYear: true })
  .extend({ url: pageUrls, index: indexJsonSchema, scenario: scenarioJsonSchema });

/** GET /api/v1/clusters: one page of public clusters, the year of their analytics, and the page links. */
export const clusterListAnswerSchema = z.object({ ...paging, year: z.number().int().nullable(), items: z.array(clusterListItemSchema) });

/** One cluster of GET /api/v1/clusters.json: a list item's public fields, the year's indicator values with their sources (null: not reported) and a flat index block. */
export const clusterExportItemSchema = clusterSummarySchema
  .pick({ slug: true, name: true, region: true, industryGroup: true, status: true, city: true, location: true, foundedYear: true })
  .extend({
    url: pageUrls,
    indicators: z.object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, z.object({ value: z.number(), source: z.string() }).nullable()])) as Record<IndicatorKey, z.ZodNullable<z.ZodObject<{ value: z.ZodNumber; source: z.ZodString }>>>),
    index: indexJsonSchema.omit({ notRanked: true }),
    scenario: z.enum(SCENARIO_CODES),
  });

/** GET /api/v1/clusters.json: every cluster of the view (no paging), with the data's sources and licence. */
export const clusterExportAnswerSchema = z.object({ year: z.number().int().nullable(), sources: z.string(), licence: z.string(), items: z.array(clusterExportItemSchema) });

/** GET /api/v1/clusters.export.geojson: the same clusters as Points ([longitude, latitude]) with the JSON export's fields as properties. */
export const clusterExportFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  year: z.number().int().nullable(),
  sources: z.string(),
  licence: z.string(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      properties: clusterExportItemSchema,
    }),
  ),
});

/** GET /api/v1/clusters/{slug}: the public profile (the manager's contact details left out). */
export const publicProfileSchema = profileSchema;

/** One search hit: fields of the summary, the default year's index and scenario, and highlights as safe HTML. */
export const searchHitSchema = clusterSummarySchema.pick({ slug: true, name: true, industryGroup: true, region: true, city: true, status: true, foundedYear: true }).extend({
  scenario: z.enum(SCENARIO_CODES),
  index: z.number().nullable(),
  reported: z.object({ reported: z.number().int(), of: z.number().int() }).optional(),
  highlight: z.object({
    name: clusterSummarySchema.shape.name,
    city: clusterSummarySchema.shape.city,
    snippet: z.string().nullable(),
  }),
});

/** GET /api/v1/search: one page of hits, where they came from, the facet counts and the page links. */
export const searchAnswerSchema = z.object({
  mode: z.enum(['meilisearch', 'fallback']),
  ...paging,
  hits: z.array(searchHitSchema),
  facets: z.object(Object.fromEntries(FACET_ATTRIBUTES.map((f) => [f, z.record(z.string(), z.number().int())])) as Record<(typeof FACET_ATTRIBUTES)[number], z.ZodRecord<z.ZodString, z.ZodNumber>>),
  place: z.object({ federalDistrict: z.enum(FEDERAL_DISTRICTS), text: z.string() }).optional(),
});

/** GET /api/v1/clusters.geojson: a FeatureCollection of Points ([longitude, latitude]) with the popup's fields. */
export const clusterFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  year: z.number().int().nullable(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.object({
        slug: z.string(),
        name: bilingual,
        city: z.object({ ru: z.string().optional(), en: z.string().optional() }),
        region: z.string(),
        industryGroup: z.string(),
        index: z.number().nullable(),
        scenario: z.enum(SCENARIO_CODES),
      }),
    }),
  ),
});

/** One ranked cluster of GET /api/v1/partners, with each reason's points and text in both languages. */
export const partnerItemSchema = z.object({
  slug: z.string(),
  name: bilingual,
  region: z.string(),
  industryGroup: generalSchema.shape.industryGroup,
  url: pageUrls,
  score: z.number(),
  reasons: z.array(z.object({ kind: z.enum(Object.keys(MATCH_POINTS) as [keyof typeof MATCH_POINTS, ...(keyof typeof MATCH_POINTS)[]]), value: z.string(), points: z.number(), text: bilingual })),
});

/** GET /api/v1/partners: the query as understood, the points table the score uses, and the ranked clusters. */
export const partnersAnswerSchema = z.object({
  query: partnerQuerySchema,
  points: z.object(Object.fromEntries(Object.keys(MATCH_POINTS).map((k) => [k, z.number()])) as Record<keyof typeof MATCH_POINTS, z.ZodNumber>),
  total: z.number().int().nonnegative(),
  items: z.array(partnerItemSchema),
});

/** One stored value the analytics leave out (health). */
const excludedRecordSchema = z.union([
  z.object({ table: z.literal('region_statistics'), region: z.string(), year: z.number().int(), field: z.string(), reason: z.string() }),
  z.object({ table: z.literal('indicator_values'), cluster: z.string(), year: z.number().int(), field: z.string(), reason: z.string() }),
]);

/** GET /api/v1/health, 200: the store answers; search by Meilisearch or the fallback; values the analytics leave out. */
export const healthAnswerSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  excludedRecords: z.array(excludedRecordSchema),
  db: z.literal('ok'),
  /** Whether the data folder takes writes: "full" or "read-only" make every write answer 503 while reads go on. */
  storage: z.enum(['ok', 'full', 'read-only']),
  search: z.enum(['ok', 'fallback']),
  searchState: z.enum(['starting', 'ready', 'unavailable', 'disabled']),
  searchPending: z.number().int().nonnegative(),
  clusters: z.number().int().nonnegative(),
});

/** GET /api/v1/health, 503: the store cannot be used. */
export const healthDownAnswerSchema = z.object({ status: z.literal('degraded'), db: z.literal('error') });

/** POST /api/v1/accounts, 202: a confirmation link is mailed when the address can be used (the same answer either way). */
export const accountAcceptedAnswerSchema = z.object({ status: z.literal('accepted'), message: z.string() });

/** POST /api/v1/auth/tokens, 201: the token, shown once. */
export const tokenIssuedAnswerSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), id: z.number().int().positive(), note: z.string() });

/** A revision as a client reads it (who wrote it is the managers' business: not included). */
export const revisionAnswerSchema = z.object({
  slug: slugSchema,
  number: z.number().int().positive(),
  kind: z.enum(['registration', 'edit']),
  state: z.enum(REVISION_STATES),
  comment: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  profile: profileSchema,
});

/** GET /api/v1/me/clusters/{slug} of a cluster with no open revision: its public profile. */
export const approvedProfileAnswerSchema = z.object({ slug: slugSchema, state: z.literal('approved'), profile: profileSchema });

/** GET /api/v1/me/clusters: the clusters the account manages, each with its open revision (if any). */
export const managedClustersAnswerSchema = z.object({
  items: z.array(
    z.object({
      slug: slugSchema,
      name: bilingual,
      isPublic: z.boolean(),
      openRevision: z.object({ id: z.number().int(), number: z.number().int(), state: z.enum(REVISION_STATES), comment: z.string().nullable(), updatedAt: z.string() }).nullable(),
    }),
  ),
});
