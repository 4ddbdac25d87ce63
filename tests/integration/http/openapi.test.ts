import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { submittableInput } from '../../unit/workflow/fixtures';
import { waitForLink } from './accounts-helpers';

// Issue 12, item 6, against the built portal: /api/v1/openapi.json validates as OpenAPI 3.1 and names the routes; every
// API route's answers (successes and errors, the token routes with a token) validate against the response schema the
// document gives for their status (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses); CORS on public GETs only.
const ADMIN = { email: 'openapi-moderator@example.org', password: 'a moderator passphrase' };
const PASSWORD = 'correct horse battery';
const SLUG = 'openapi-checked-cluster';
const PILOT = 'obninsk-pharma-biotech';

interface DocOperation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
let portal: RunningPortal;
let document: { openapi: string; paths: Record<string, Record<string, DocOperation>>; components: { schemas: Record<string, object> } };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();
/** Every (method path status) checked, to show that each documented route was called. */
const checked = new Set<string>();

beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  document = await (await fetch(`${portal.url}/api/v1/openapi.json`)).json();
});
afterAll(async () => {
  await portal?.stop();
});

/** The validator of the schema the document gives for an answer (its $refs resolved against the document's components). */
function responseValidator(method: string, template: string, status: number, mediaType: string): ValidateFunction {
  const key = `${method} ${template} ${status} ${mediaType}`;
  let validate = validators.get(key);
  if (!validate) {
    const response = document.paths[template]?.[method.toLowerCase()]?.responses[String(status)];
    expect(response, `the document gives no ${status} answer for ${method} ${template}`).toBeDefined();
    const schema = response!.content?.[mediaType]?.schema;
    expect(schema, `the document gives no ${mediaType} schema for ${method} ${template} ${status}`).toBeDefined();
    // OpenAPI's "#/components/schemas/X" refs become the schema's own "$defs".
    const rewritten = JSON.parse(JSON.stringify({ ...schema, $defs: document.components.schemas }).replaceAll('#/components/schemas/', '#/$defs/'));
    validate = ajv.compile(rewritten);
    validators.set(key, validate);
  }
  return validate;
}

/** Calls a route and checks its answer against the document: the status is documented, the body matches its schema. */
async function call(
  method: string,
  template: string,
  options: { path?: string; query?: string; token?: string | null; body?: unknown; status: number },
): Promise<{ status: number; headers: Headers; body: any }> {
  const path = (options.path ?? template) + (options.query ? `?${options.query}` : '');
  const res = await fetch(portal.url + path, {
    method,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBe(options.status);
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const body = mediaType.endsWith('json') ? JSON.parse(text) : text;
  const validate = responseValidator(method, template, res.status, mediaType);
  expect(validate(body) ? [] : validate.errors, `${method} ${path} ${res.status} against the document`).toEqual([]);
  checked.add(`${method} ${template}`);
  return { status: res.status, headers: res.headers, body };
}

/** Signs up through the API, confirms through the mailed link and returns a token. */
async function signUpWithToken(email: string): Promise<string> {
  expect((await call('POST', '/api/v1/accounts', { body: { email, name: 'OpenAPI Manager', password: PASSWORD }, status: 202 })).body.status).toBe('accepted');
  expect((await fetch(portal.url + (await waitForLink(portal, email)))).status).toBe(200);
  return (await call('POST', '/api/v1/auth/tokens', { body: { email, password: PASSWORD }, status: 201 })).body.token as string;
}

describe('/api/v1/openapi.json', () => {
  it('validates as OpenAPI 3.1 and names the clusters and search routes', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(validator.version).toBe('3.1');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/clusters', '/api/v1/clusters/{slug}', '/api/v1/search']));
  });

  it('has an ETag and answers 304 to If-None-Match', async () => {
    const first = await call('GET', '/api/v1/openapi.json', { status: 200 });
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"/);
    const again = await fetch(`${portal.url}/api/v1/openapi.json`, { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
  });
});

describe('public answers validate against the document', () => {
  it('GET /api/v1/clusters: pages with links, and 400 naming the parameter', async () => {
    const page = await call('GET', '/api/v1/clusters', { query: 'perPage=2&page=2', status: 200 });
    expect(page.body.links).toMatchObject({ self: '/api/v1/clusters?perPage=2&page=2', prev: '/api/v1/clusters?perPage=2&page=1', next: '/api/v1/clusters?perPage=2&page=3' });
    expect(page.headers.get('link')).toContain('</api/v1/clusters?perPage=2&page=3>; rel="next"');
    expect(page.headers.get('etag')).toBeTruthy();
    const next = await call('GET', '/api/v1/clusters', { query: page.body.links.next.split('?')[1], status: 200 });
    expect(next.body.page).toBe(3);
    const last = await call('GET', '/api/v1/clusters', { query: page.body.links.last.split('?')[1], status: 200 });
    expect(last.body.links.next).toBeNull();
    await call('GET', '/api/v1/clusters', { query: 'industryGroup=pharma-bio-medical&sort=-index&perPage=5', status: 200 });
    const bad = await call('GET', '/api/v1/clusters', { query: 'industryGroup=bogus&colour=red', status: 400 });
    expect(bad.body.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['industryGroup', 'colour']));
  });

  it('GET /api/v1/clusters/{slug}: the profile, and 404', async () => {
    await call('GET', '/api/v1/clusters/{slug}', { path: `/api/v1/clusters/${PILOT}`, status: 200 });
    await call('GET', '/api/v1/clusters/{slug}', { path: '/api/v1/clusters/no-such-cluster', status: 404 });
  });

  it('GET /api/v1/clusters.geojson, .csv and .json, and their 400', async () => {
    await call('GET', '/api/v1/clusters.geojson', { status: 200 });
    await call('GET', '/api/v1/clusters.geojson', { query: 'industryGroup=nuclear', status: 200 });
    await call('GET', '/api/v1/clusters.geojson', { query: 'bbox=1,2,3', status: 400 });
    await call('GET', '/api/v1/clusters.csv', { query: 'region=RU-KLU', status: 200 });
    await call('GET', '/api/v1/clusters.csv', { query: 'page=2', status: 400 });
    const exported = await call('GET', '/api/v1/clusters.json', { query: 'industryGroup=nuclear&sort=-index', status: 200 });
    expect(exported.body.items.length).toBeGreaterThan(0);
    await call('GET', '/api/v1/clusters.json', { query: `q=${encodeURIComponent('атом')}`, status: 200 });
    await call('GET', '/api/v1/clusters.json', { query: 'perPage=5', status: 400 });
    const features = await call('GET', '/api/v1/clusters.export.geojson', { query: 'industryGroup=nuclear&sort=-index', status: 200 });
    expect(features.body.features.map((f: { properties: { slug: string } }) => f.properties.slug)).toEqual(exported.body.items.map((i: { slug: string }) => i.slug));
    await call('GET', '/api/v1/clusters.export.geojson', { query: 'bbox=1,2', status: 400 });
  });

  it('GET /api/v1/search with page links, and its 400', async () => {
    const found = await call('GET', '/api/v1/search', { query: 'q=фармацевтика&perPage=1', status: 200 });
    expect(found.body.links.self).toBe(`/api/v1/search?q=${encodeURIComponent('фармацевтика').replace(/%20/g, '+')}&perPage=1&page=1`);
    await call('GET', '/api/v1/search', { query: 'region=RU-KLU&sort=name', status: 200 });
    await call('GET', '/api/v1/search', { query: 'page=0&bbox=x', status: 400 });
  });

  it('GET /api/v1/partners, /health, and their errors', async () => {
    const partners = await call('GET', '/api/v1/partners', { query: 'industryGroup=pharma-bio-medical&country=DE', status: 200 });
    expect(partners.body.items.length).toBeGreaterThan(0);
    await call('GET', '/api/v1/partners', { status: 200 });
    await call('GET', '/api/v1/partners', { query: 'area=nowhere', status: 400 });
    await call('GET', '/api/v1/health', { status: 200 });
  });
});

describe('account and token routes validate against the document', () => {
  it('POST /api/v1/accounts and /auth/tokens: 400 and 401', async () => {
    await call('POST', '/api/v1/accounts', { body: { email: 'not an address', name: '', password: 'short' }, status: 400 });
    await call('POST', '/api/v1/accounts', { body: 'not json', status: 400 });
    await call('POST', '/api/v1/auth/tokens', { body: { email: 'nobody@example.org', password: 'wrong password' }, status: 401 });
    await call('POST', '/api/v1/auth/tokens', { body: {}, status: 400 });
  });
});

describe('the manager API, with tokens', () => {
  let manager: string;
  let moderator: string;
  const profile = submittableInput((p) => {
    p.slug = SLUG;
    p.general.name = { ru: 'Кластер проверки описания API', en: 'API description check cluster' };
  });

  beforeAll(async () => {
    manager = await signUpWithToken('openapi-manager@example.org');
    moderator = (await call('POST', '/api/v1/auth/tokens', { body: ADMIN, status: 201 })).body.token;
  });

  it('answers 401 without a token and 403 to a manager on moderation routes', async () => {
    await call('GET', '/api/v1/me/clusters', { status: 401 });
    await call('POST', '/api/v1/me/clusters', { token: 'x'.repeat(43), body: profile, status: 401 });
    await call('POST', '/api/v1/moderation/{slug}/approve', { path: `/api/v1/moderation/${SLUG}/approve`, status: 401 });
  });

  it('runs a registration through the workflow, each answer as documented', async () => {
    await call('POST', '/api/v1/me/clusters', { token: manager, body: { ...profile, general: { ...profile.general, region: 'nowhere' } }, status: 400 });
    await call('POST', '/api/v1/me/clusters', { token: manager, body: profile, status: 201 });
    const mine = await call('GET', '/api/v1/me/clusters', { token: manager, status: 200 });
    expect(mine.body.items.map((i: { slug: string }) => i.slug)).toContain(SLUG);
    await call('GET', '/api/v1/me/clusters/{slug}', { path: `/api/v1/me/clusters/${SLUG}`, token: manager, status: 200 });
    await call('GET', '/api/v1/me/clusters/{slug}', { path: `/api/v1/me/clusters/${PILOT}`, token: moderator, status: 200 });
    await call('PUT', '/api/v1/me/clusters/{slug}', { path: `/api/v1/me/clusters/${SLUG}`, token: manager, body: profile, status: 200 });
    await call('PUT', '/api/v1/me/clusters/{slug}', { path: `/api/v1/me/clusters/${SLUG}`, token: manager, body: { ...profile, slug: 'another-slug' }, status: 400 });
    await call('PUT', '/api/v1/me/clusters/{slug}', { path: `/api/v1/me/clusters/${PILOT}`, token: manager, body: { ...profile, slug: PILOT }, status: 403 });
    await call('POST', '/api/v1/moderation/{slug}/approve', { path: `/api/v1/moderation/${SLUG}/approve`, token: moderator, status: 409 });
    await call('POST', '/api/v1/me/clusters/{slug}/submit', { path: `/api/v1/me/clusters/${SLUG}/submit`, token: manager, status: 200 });
    await call('POST', '/api/v1/moderation/{slug}/approve', { path: `/api/v1/moderation/${SLUG}/approve`, token: manager, status: 403 });
    await call('POST', '/api/v1/moderation/{slug}/return', { path: `/api/v1/moderation/${SLUG}/return`, token: moderator, body: {}, status: 400 });
    await call('POST', '/api/v1/moderation/{slug}/return', { path: `/api/v1/moderation/${SLUG}/return`, token: moderator, body: { comment: 'Please add the members.' }, status: 200 });
    await call('POST', '/api/v1/me/clusters/{slug}/submit', { path: `/api/v1/me/clusters/${SLUG}/submit`, token: manager, status: 200 });
    await call('POST', '/api/v1/moderation/{slug}/approve', { path: `/api/v1/moderation/${SLUG}/approve`, token: moderator, status: 200 });
    await call('POST', '/api/v1/moderation/{slug}/approve', { path: '/api/v1/moderation/no-such-cluster/approve', token: moderator, status: 409 });
    await call('GET', '/api/v1/me/clusters/{slug}', { path: '/api/v1/me/clusters/no-such-cluster', token: moderator, status: 404 });
    await call('GET', '/api/v1/clusters/{slug}', { path: `/api/v1/clusters/${SLUG}`, status: 200 });
    // The approved cluster has a manager: a visitor can write to it; a pilot cluster nobody manages cannot be written to here.
    const contact = { name: 'Hans Weber', email: 'h.weber@example.de', message: 'We look for partners in clinical trials for a joint project.' };
    const contactPath = (slug: string) => ({ path: `/api/v1/clusters/${slug}/contact` });
    await call('POST', '/api/v1/clusters/{slug}/contact', { ...contactPath(SLUG), body: contact, status: 202 });
    await call('POST', '/api/v1/clusters/{slug}/contact', { ...contactPath(SLUG), body: { ...contact, message: 'short' }, status: 400 });
    await call('POST', '/api/v1/clusters/{slug}/contact', { ...contactPath('no-such-cluster'), body: contact, status: 404 });
    await call('POST', '/api/v1/clusters/{slug}/contact', { ...contactPath(PILOT), body: contact, status: 409 });
  });

  it('called every operation of the document', () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.filter((o) => !checked.has(o))).toEqual([]);
  });
});

describe('CORS', () => {
  const publicReads = ['/api/v1/clusters', `/api/v1/clusters/${PILOT}`, '/api/v1/clusters.geojson', '/api/v1/clusters.csv', '/api/v1/clusters.json', '/api/v1/clusters.export.geojson', '/api/v1/search?q=a', '/api/v1/partners', '/api/v1/health', '/api/v1/openapi.json'];

  it.each(publicReads)('GET %s answers any origin, without credentials', async (path) => {
    const res = await fetch(portal.url + path, { headers: { origin: 'https://elsewhere.example' } });
    await res.arrayBuffer();
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag/);
  });

  it('also on a public GET that fails (400), and on the preflight', async () => {
    const bad = await fetch(`${portal.url}/api/v1/clusters?page=0`, { headers: { origin: 'https://elsewhere.example' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${portal.url}/api/v1/clusters`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/GET/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/i);
  });

  it.each([
    ['POST', '/api/v1/accounts'],
    ['POST', '/api/v1/auth/tokens'],
    ['POST', '/api/v1/me/clusters'],
    ['PUT', `/api/v1/me/clusters/${SLUG}`],
    ['POST', `/api/v1/me/clusters/${SLUG}/submit`],
    ['POST', `/api/v1/moderation/${SLUG}/approve`],
    ['POST', `/api/v1/moderation/${SLUG}/return`],
    ['POST', `/api/v1/clusters/${SLUG}/contact`],
    ['GET', '/api/v1/me/clusters'],
    ['OPTIONS', '/api/v1/accounts'],
    ['OPTIONS', '/api/v1/me/clusters'],
    ['POST', '/api/v1/clusters'],
  ])('%s %s carries no CORS headers', async (method, path) => {
    const res = await fetch(portal.url + path, { method, headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' }, body: method === 'GET' || method === 'OPTIONS' ? undefined : '{}' });
    await res.arrayBuffer();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the reference page', () => {
  it.each([
    ['/api', 'ru'],
    ['/en/api', 'en'],
  ])('%s renders every documented route from the document, in %s, and the footer links to it', async (path, lang) => {
    const res = await fetch(portal.url + path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
    for (const [route, item] of Object.entries(document.paths))
      for (const method of Object.keys(item)) expect(html, `${method} ${route}`).toContain(`data-method="${method.toUpperCase()}" data-path="${route}"`);
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect(html).toMatch(new RegExp(`<a href="${path}" data-testid="footer-api"`));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script: the page works without JavaScript
  });
});
