import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import etag from 'etag';
import { z } from 'zod';
import { langSchema, registerApiSchema, tokenRequestSchema } from '../../lib/accounts/schemas';
import { CONTACT_HONEYPOT_FIELD, contactApiSchema } from '../../lib/contact/schema';
import { LANGS } from '../../lib/i18n/locales';
import {
  accountAcceptedAnswerSchema,
  approvedProfileAnswerSchema,
  badRequestAnswerSchema,
  clusterExportAnswerSchema,
  clusterExportFeatureCollectionSchema,
  clusterFeatureCollectionSchema,
  clusterListAnswerSchema,
  errorAnswerSchema,
  healthAnswerSchema,
  healthDownAnswerSchema,
  managedClustersAnswerSchema,
  managerErrorAnswerSchema,
  partnersAnswerSchema,
  publicProfileSchema,
  revisionAnswerSchema,
  searchAnswerSchema,
  tokenIssuedAnswerSchema,
  tooManyAttemptsAnswerSchema,
} from '../../lib/api/answers';
import { directoryQuerySchema, PER_PAGE_MAX } from '../../lib/directory/query';
import { exportQuerySchema } from '../../lib/export/export-query';
import { mapQuerySchema } from '../../lib/map/query';
import { partnerQuerySchema, PARTNER_RESULTS_MAX } from '../../lib/matching';
import { profileSchema, slugSchema } from '../../lib/profile';
import { REGION_CODE_RULE } from '../../lib/regions';
import { searchQuerySchema } from '../../lib/search/query';
import { COMMENT_MAX } from '../../lib/workflow/transitions';

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the routes validate their input with and
 * type their answers by (src/lib/api/answers.ts), so the document cannot say one thing while the code does another.
 * Served at /api/v1/openapi.json and rendered for people at /api and /en/api.
 */

// zod-to-openapi names reusable schemas through a method it adds to zod's prototype (the schemas themselves are not changed).
extendZodWithOpenApi(z);

/** The groups of the reference, in the order the /api page shows them. */
export const API_TAGS = [
  { name: 'clusters', description: 'Public cluster data: the directory with filters and paging, one profile, the map as GeoJSON, the CSV export.' },
  { name: 'search', description: 'Full-text search with facets, and partner matching.' },
  { name: 'service', description: 'The state of the portal and this description.' },
  { name: 'accounts', description: 'Sign-up and API tokens for cluster managers.' },
  { name: 'manager', description: "A manager's clusters: drafts of profiles and their submission to the moderators. Needs a Bearer token." },
  { name: 'moderation', description: "Decisions on submitted revisions. Needs a moderator's Bearer token." },
] as const;

/** One group of the reference. */
export type ApiTag = (typeof API_TAGS)[number]['name'];

/** What each query parameter means (the schemas say its type, allowed values and limits). */
const PARAMETER_TEXT: Record<string, string> = {
  q: 'Free text: names, specialization, members, cities. Typo-tolerant while Meilisearch is up.',
  industryGroup: 'Industry group.',
  federalDistrict: 'Federal district.',
  region: `Region: ${REGION_CODE_RULE}.`,
  status: 'Status of the cluster.',
  scenario: 'Internationalization scenario of the default year.',
  sort: 'Sort order; a leading "-" reverses it.',
  page: 'Page number, from 1.',
  perPage: `Items per page, at most ${PER_PAGE_MAX}.`,
  lang: 'Language of highlights and of sorting by name.',
  bbox: 'Map rectangle "minLon,minLat,maxLon,maxLat" in degrees (GeoJSON order); west > east crosses the antimeridian.',
  year: 'Year of the index and scenario (default: the latest year with data).',
  area: 'Cooperation area the partner looks for.',
  country: "Partner's country, ISO 3166-1 alpha-2 (e.g. DE).",
};

/**
 * A copy of a query schema whose parameters carry their descriptions and, for those in `example`, an example value
 * (the reference page's curl lines are made of them; a unit test parses them with the route's schema).
 */
function describedQuery(schema: z.AnyZodObject, example: Readonly<Record<string, string | number>> = {}): z.AnyZodObject {
  const shape = Object.fromEntries(
    Object.entries(schema.shape as Record<string, z.ZodTypeAny>).map(([name, field]) => {
      const described = field.describe(PARAMETER_TEXT[name] ?? name);
      return [name, example[name] === undefined ? described : described.openapi({ example: example[name] })];
    }),
  );
  return z.object(shape);
}

/** The example query of each public list route (also checked against the route's schema by tests/unit/api/openapi.test.ts). */
export const EXAMPLE_QUERIES: Readonly<Record<string, Readonly<Record<string, string | number>>>> = {
  '/api/v1/clusters': { industryGroup: 'pharma-bio-medical', sort: '-index', perPage: 5 },
  '/api/v1/clusters.geojson': { industryGroup: 'nuclear' },
  '/api/v1/clusters.csv': { region: 'RU-KLU' },
  '/api/v1/clusters.json': { q: 'атом' },
  '/api/v1/clusters.export.geojson': { industryGroup: 'nuclear' },
  '/api/v1/search': { q: 'pharma', perPage: 5 },
  '/api/v1/partners': { industryGroup: 'pharma-bio-medical', country: 'DE' },
};

/** The slug the examples use (a pilot cluster shipped in content/clusters). */
export const EXAMPLE_SLUG = 'obninsk-pharma-biotech';

/** The slug in a path. */
const slugParams = z.object({ slug: slugSchema.describe('The cluster\'s identifier (the "slug" of the list items).').openapi({ example: EXAMPLE_SLUG }) });

/** The body of POST /api/v1/moderation/{slug}/return (the workflow checks the same limit). */
const returnRequestSchema = z
  .object({ comment: z.string().min(1).max(COMMENT_MAX).describe('What the managers should change; mailed to them.') })
  .openapi({ example: { comment: 'Please add the members and the source of the 2012 indicators.' } });

/**
 * The sign-up body as documented: its lang falls back to "ru" when unknown (zod's catch, which the generator cannot
 * describe), so it is given as the enum it accepts.
 */
const registerBodySchema = registerApiSchema
  .extend({
    lang: langSchema.openapi({ type: 'string', enum: [...LANGS], description: 'Language of the confirmation mail (an unknown value is taken as "ru"; default "en").' }).optional(),
  })
  .openapi({ example: { email: 'manager@example.org', name: 'Anna Petrova', password: 'correct horse battery staple', lang: 'en' } });

/** The contact body as documented: lang as the enum it accepts (see registerBodySchema), the honeypot as the text to leave out. */
const contactBodySchema = contactApiSchema
  .extend({
    lang: langSchema.openapi({ type: 'string', enum: [...LANGS], description: 'Language of the mails to the sender (an unknown value is taken as "ru"; default "en").' }).optional(),
    [CONTACT_HONEYPOT_FIELD]: z.string().optional().describe('A trap for robots: leave it out. A filled one is answered 202 like any other and dropped.'),
  })
  .openapi({ example: { name: 'Hans Weber', email: 'h.weber@example.de', organisation: 'BioRegion Nord', country: 'Germany', message: 'We look for partners in clinical trials of radiopharmaceuticals for a joint project in 2027.', lang: 'en' } });

/** The token request as documented, with an example. */
const tokenBodySchema = tokenRequestSchema.openapi({ example: { email: 'manager@example.org', password: 'correct horse battery staple', name: 'reporting script' } });

/** Builds the document (call openApiDocument() for the cached one). */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from POST /api/v1/auth/tokens (or the account page), sent as Authorization: Bearer <token>.',
  });
  const security = [{ [bearer.name]: [] }];

  const schema = <T extends z.ZodTypeAny>(name: string, s: T) => registry.register(name, s);
  const ErrorAnswer = schema('Error', errorAnswerSchema);
  const BadRequest = schema('BadRequest', badRequestAnswerSchema);
  const TooMany = schema('TooManyAttempts', tooManyAttemptsAnswerSchema);
  const ManagerError = schema('ManagerError', managerErrorAnswerSchema);
  const Profile = schema('Profile', profileSchema);
  const PublicProfile = publicProfileSchema === profileSchema ? Profile : schema('PublicProfile', publicProfileSchema);
  const Revision = schema('Revision', revisionAnswerSchema);
  const ClusterList = schema('ClusterList', clusterListAnswerSchema);
  const ClusterFeatureCollection = schema('ClusterFeatureCollection', clusterFeatureCollectionSchema);
  const ClusterExport = schema('ClusterExport', clusterExportAnswerSchema);
  const ClusterExportGeoJson = schema('ClusterExportFeatureCollection', clusterExportFeatureCollectionSchema);
  const SearchAnswer = schema('SearchAnswer', searchAnswerSchema);
  const PartnersAnswer = schema('PartnersAnswer', partnersAnswerSchema);
  const Health = schema('Health', healthAnswerSchema);
  const HealthDown = schema('HealthDown', healthDownAnswerSchema);
  const AccountAccepted = schema('AccountAccepted', accountAcceptedAnswerSchema);
  const TokenIssued = schema('TokenIssued', tokenIssuedAnswerSchema);
  const ManagedClusters = schema('ManagedClusters', managedClustersAnswerSchema);
  const ApprovedProfile = schema('ApprovedProfile', approvedProfileAnswerSchema);

  const json = (s: z.ZodTypeAny) => ({ 'application/json': { schema: s } });
  const answer = (description: string, s: z.ZodTypeAny, headers?: ResponseConfig['headers']): ResponseConfig => ({ description, content: json(s), ...(headers ? { headers } : {}) });
  const header = (description: string) => ({ schema: { type: 'string' as const }, description });
  const ETAG = { ETag: header('Validator of the answer: send it back as If-None-Match to get 304 when nothing changed.') };
  const CORS = { 'Access-Control-Allow-Origin': header('"*": public read routes may be called from any web page (without credentials).') };
  const LINK = { Link: header('The page links (self, first, last, prev, next) as in RFC 8288, the same as the body\'s links.') };
  const E = {
    400: answer('Bad request: each bad parameter or field is named in problems.', BadRequest),
    404: answer('Not found.', ErrorAnswer),
    429: answer('Too many attempts from this address or for this account: wait Retry-After seconds.', TooMany, { 'Retry-After': header('Seconds to wait.') }),
    503: answer('The data folder is full or read-only: nothing was saved; try again after Retry-After seconds.', ErrorAnswer, { 'Retry-After': header('Seconds to wait.') }),
    managerAuth: {
      401: answer('No token, a malformed one, or an unknown or revoked one.', ErrorAnswer, { 'WWW-Authenticate': header('Bearer realm="cluster-map"') }),
      403: answer('The account is disabled, or not allowed to do this to this cluster (code says which rule).', ManagerError),
    },
    notFoundWorkflow: answer('No such cluster (or no revision to act on).', ManagerError),
    409: answer('The revision is not in a state that allows this, or requirements are missing (missing lists them).', ManagerError),
    badWorkflow: answer('The body is not JSON, or the profile is invalid: problems names each field.', ManagerError),
  };
  const notModified = { description: 'Not modified: the If-None-Match validator still holds.' };

  const path = (route: RouteConfig & { tags: [ApiTag] }) => registry.registerPath(route);

  // Public reads.
  path({
    method: 'get',
    path: '/api/v1/clusters',
    tags: ['clusters'],
    summary: 'List public clusters',
    description: "The directory's filters, sort and paging. Each item has its index and scenario for the year; links (and the Link header) lead to the other pages.",
    request: { query: describedQuery(directoryQuerySchema, EXAMPLE_QUERIES['/api/v1/clusters']) },
    responses: { 200: answer('One page of clusters.', ClusterList, { ...ETAG, ...LINK, ...CORS }), 304: notModified, 400: E[400] },
  });
  path({
    method: 'get',
    path: '/api/v1/clusters/{slug}',
    tags: ['clusters'],
    summary: 'One public profile',
    description: "The cluster's five-block profile with indicators by year and their sources (the manager's contact details are left out).",
    request: { params: slugParams },
    responses: { 200: answer('The profile.', PublicProfile, { ...ETAG, ...CORS }), 304: notModified, 404: E[404] },
  });
  path({
    method: 'get',
    path: '/api/v1/clusters.geojson',
    tags: ['clusters'],
    summary: 'Clusters on the map (GeoJSON)',
    description: 'A FeatureCollection of Points, coordinates [longitude, latitude]. Takes the search parameters plus year; page, perPage, sort and lang do not change the features.',
    request: { query: describedQuery(mapQuerySchema, EXAMPLE_QUERIES['/api/v1/clusters.geojson']) },
    responses: {
      200: { description: 'The clusters as GeoJSON.', content: { 'application/geo+json': { schema: ClusterFeatureCollection } }, headers: { ...ETAG, ...CORS } },
      304: notModified,
      400: E[400],
    },
  });
  path({
    method: 'get',
    path: '/api/v1/clusters.csv',
    tags: ['clusters'],
    summary: 'Export clusters as CSV',
    description:
      "A directory or search view as CSV (UTF-8 with BOM, a header line, one line per cluster; every matching cluster, no paging, streamed). With q, federalDistrict, scenario, bbox or sort=relevance it is the search's set in the search's order (X-Export-Source: search or fallback), else the directory's (X-Export-Source: directory).",
    request: { query: describedQuery(exportQuerySchema, EXAMPLE_QUERIES['/api/v1/clusters.csv']) },
    responses: {
      200: { description: 'The CSV file.', content: { 'text/csv': { schema: z.string() } }, headers: { 'Content-Disposition': header('attachment; filename="clusters.csv"'), ...CORS } },
      400: E[400],
    },
  });
  path({
    method: 'get',
    path: '/api/v1/clusters.json',
    tags: ['clusters'],
    summary: 'Export clusters as JSON',
    description: 'The same view as the CSV export, as one JSON document with the indicators of the year, the index block, the data\'s sources and licence (streamed, no paging).',
    request: { query: describedQuery(exportQuerySchema, EXAMPLE_QUERIES['/api/v1/clusters.json']) },
    responses: {
      200: { description: 'The clusters of the view.', content: { 'application/json': { schema: ClusterExport } }, headers: { 'Content-Disposition': header('attachment; filename="clusters.json"'), ...CORS } },
      400: E[400],
    },
  });
  path({
    method: 'get',
    path: '/api/v1/clusters.export.geojson',
    tags: ['clusters'],
    summary: 'Export clusters as GeoJSON',
    description:
      "The same view as the CSV and JSON exports, as a FeatureCollection of Points ([longitude, latitude]) with the JSON export's fields as properties and the data's sources and licence (streamed, no paging). The map's own /api/v1/clusters.geojson carries fewer properties.",
    request: { query: describedQuery(exportQuerySchema, EXAMPLE_QUERIES['/api/v1/clusters.export.geojson']) },
    responses: {
      200: { description: 'The clusters of the view.', content: { 'application/geo+json': { schema: ClusterExportGeoJson } }, headers: { 'Content-Disposition': header('attachment; filename="clusters.geojson"'), ...CORS } },
      400: E[400],
    },
  });
  path({
    method: 'get',
    path: '/api/v1/search',
    tags: ['search'],
    summary: 'Search clusters',
    description:
      'Full-text search with filters, facet counts and paging. mode says whether Meilisearch answered or the reduced fallback (no typo tolerance). Highlights are HTML: text escaped, matches in <mark>.',
    request: { query: describedQuery(searchQuerySchema, EXAMPLE_QUERIES['/api/v1/search']) },
    responses: { 200: answer('One page of hits.', SearchAnswer, { ...LINK, ...CORS }), 400: E[400] },
  });
  path({
    method: 'get',
    path: '/api/v1/partners',
    tags: ['search'],
    summary: 'Find partner clusters',
    description: `Clusters ranked for what a partner looks for, each with its score and the reasons (points per match in points), at most ${PARTNER_RESULTS_MAX}. Without any criterion the list is empty.`,
    request: { query: describedQuery(partnerQuerySchema, EXAMPLE_QUERIES['/api/v1/partners']) },
    responses: { 200: answer('The ranked clusters.', PartnersAnswer, { ...ETAG, ...CORS }), 304: notModified, 400: E[400] },
  });
  path({
    method: 'get',
    path: '/api/v1/health',
    tags: ['service'],
    summary: 'State of the portal',
    description: 'Whether the store answers, whether search runs on Meilisearch or the fallback, and which stored values the analytics leave out (status "degraded", still 200).',
    responses: { 200: answer('The portal answers.', Health, CORS), 503: answer('The store cannot be used.', HealthDown, CORS) },
  });
  path({
    method: 'get',
    path: '/api/v1/openapi.json',
    tags: ['service'],
    summary: 'This description (OpenAPI 3.1)',
    responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: z.object({ openapi: z.string() }).passthrough() } }, headers: { ...ETAG, ...CORS } }, 304: notModified },
  });

  // Accounts.
  path({
    method: 'post',
    path: '/api/v1/accounts',
    tags: ['accounts'],
    summary: 'Sign up as a cluster manager',
    description: 'Mails a confirmation link (valid 48 hours). The answer is the same whether or not the address already has an account.',
    request: { body: { required: true, content: json(registerBodySchema) } },
    responses: { 202: answer('Accepted: follow the mailed link, then get a token.', AccountAccepted), 400: E[400], 429: E[429], 503: E[503] },
  });
  path({
    method: 'post',
    path: '/api/v1/clusters/{slug}/contact',
    tags: ['accounts'],
    summary: "Write to a cluster's managers",
    description:
      "Stores the message and mails the sender a link (valid 48 hours); once it is followed, the message is mailed to the cluster's managers with Reply-To the sender, and they answer from their area. A filled honeypot field (homepage) is answered the same and dropped.",
    request: { params: slugParams, body: { required: true, content: json(contactBodySchema) } },
    responses: {
      202: answer('Accepted: the sender follows the mailed link to deliver the message.', AccountAccepted),
      400: E[400],
      404: answer('No public cluster has this slug.', ErrorAnswer),
      409: answer('Nobody manages the cluster on the portal yet: its profile names its website or organisation instead.', ErrorAnswer),
      429: E[429],
      503: E[503],
    },
  });
  path({
    method: 'post',
    path: '/api/v1/auth/tokens',
    tags: ['accounts'],
    summary: 'Get an API token',
    description: 'Exchanges confirmed credentials for a personal API token. The token is shown once (only its hash is kept); revoke it on the account page.',
    request: { body: { required: true, content: json(tokenBodySchema) } },
    responses: {
      201: answer('The token.', TokenIssued),
      400: E[400],
      401: answer('Wrong email or password.', ErrorAnswer),
      403: answer('The address is not confirmed yet (a new link is mailed), or the account is disabled.', ErrorAnswer),
      429: E[429],
      503: E[503],
    },
  });

  // The manager API (Bearer token).
  path({
    method: 'get',
    path: '/api/v1/me/clusters',
    tags: ['manager'],
    security,
    summary: 'My clusters',
    description: 'The clusters the account manages, each with the state of its open revision and the moderator\'s comment.',
    responses: { 200: answer('The clusters.', ManagedClusters), ...E.managerAuth },
  });
  path({
    method: 'post',
    path: '/api/v1/me/clusters',
    tags: ['manager'],
    security,
    summary: 'Save a draft of a new cluster (or of an edit)',
    description: 'The whole profile as JSON. A new slug registers a new cluster (the account becomes its first manager); the slug of a cluster the account manages saves a draft of an edit.',
    request: { body: { required: true, content: json(Profile) } },
    responses: { 201: answer('The saved revision.', Revision), 400: E.badWorkflow, ...E.managerAuth, 409: E[409], 503: E[503] },
  });
  path({
    method: 'get',
    path: '/api/v1/me/clusters/{slug}',
    tags: ['manager'],
    security,
    summary: 'A managed cluster',
    description: 'Its open revision (draft, submitted or returned, with the comment), else its public profile as state "approved".',
    request: { params: slugParams },
    responses: { 200: answer('The open revision or the public profile.', z.union([Revision, ApprovedProfile])), ...E.managerAuth, 404: E.notFoundWorkflow },
  });
  path({
    method: 'put',
    path: '/api/v1/me/clusters/{slug}',
    tags: ['manager'],
    security,
    summary: 'Save the draft of a managed cluster',
    description: 'The whole profile as JSON; a slug in the body must be the one in the address (it may be left out).',
    request: { params: slugParams, body: { required: true, content: json(Profile) } },
    responses: { 200: answer('The saved revision.', Revision), 400: E.badWorkflow, ...E.managerAuth, 404: E.notFoundWorkflow, 409: E[409], 503: E[503] },
  });
  path({
    method: 'post',
    path: '/api/v1/me/clusters/{slug}/submit',
    tags: ['manager'],
    security,
    summary: 'Submit the draft to the moderators',
    description: 'No body. 409 lists what is missing for publication.',
    request: { params: slugParams },
    responses: { 200: answer('The submitted revision.', Revision), ...E.managerAuth, 404: E.notFoundWorkflow, 409: E[409], 503: E[503] },
  });

  // Moderation (a moderator's Bearer token).
  path({
    method: 'post',
    path: '/api/v1/moderation/{slug}/approve',
    tags: ['moderation'],
    security,
    summary: 'Publish a submitted revision',
    description: 'No body. The revision becomes the public profile; search and the index are updated.',
    request: { params: slugParams },
    responses: { 200: answer('The approved revision.', Revision), ...E.managerAuth, 404: E.notFoundWorkflow, 409: E[409], 503: E[503] },
  });
  path({
    method: 'post',
    path: '/api/v1/moderation/{slug}/return',
    tags: ['moderation'],
    security,
    summary: 'Return a submitted revision to its managers',
    description: 'With a comment saying what to change; it is mailed to the managers.',
    request: { params: slugParams, body: { required: true, content: json(returnRequestSchema) } },
    responses: { 200: answer('The returned revision.', Revision), 400: E.badWorkflow, ...E.managerAuth, 404: E.notFoundWorkflow, 409: E[409], 503: E[503] },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Cluster Map API',
      version: '1',
      description: [
        'Read API of the Cluster Map portal (public, no key) and the manager API (a Bearer token).',
        'Every answer is JSON (GeoJSON, CSV where named). Errors are {"error": "..."}; a 400 also names each bad parameter or field in problems; unknown query parameters are errors.',
        'Public GET routes answer with Access-Control-Allow-Origin: * (no credentials), so web pages anywhere may call them; write routes do not.',
        'Lists carry links (self, first, last, prev, next) in the body and in the Link header. Answers carry an ETag: send If-None-Match to get 304 when nothing changed.',
      ].join('\n\n'),
      license: { name: 'Data: see each profile\'s sources' },
    },
    servers: [{ url: '/' }],
    tags: API_TAGS.map((t) => ({ ...t })),
  });
}

/** The OpenAPI document (the type zod-to-openapi builds). */
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let cached: { document: OpenApiDocument; text: string; etag: string } | undefined;

/** The document, built once per process. */
export function openApiDocument(): OpenApiDocument {
  return openApiCached().document;
}

/** The document as JSON text with its strong ETag, built once per process. */
export function openApiCached(): { document: OpenApiDocument; text: string; etag: string } {
  if (!cached) {
    const document = buildOpenApiDocument();
    const text = JSON.stringify(document);
    cached = { document, text, etag: etag(text) };
  }
  return cached;
}
