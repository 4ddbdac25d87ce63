import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileSchema } from '../../../src/lib/profile';
import { API_ROUTES } from '../../../src/server/gate/method-policy';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { submittableInput } from '../workflow/helpers';
import { boundaryNumber, hostileBody, hostileString, mutatedProfile } from './arbitraries';
import { invalidStoredData } from './stored-data';
import { expectSafeAnswer, managerToken, RAW_SEGMENTS, segment, send, tokenFor } from './wire';

// Issue 14, bad-input suite (API): random and malformed requests to every route of API_ROUTES (the gate's table of
// src/pages/api) get only 2xx/3xx/4xx, JSON that parses, and leave only valid data in the store.
//
// How it was checked to fail when a protection is removed (each against a rebuilt portal, then restored):
// - parseJsonBody (src/server/api/account-answers.ts) without its try/catch around JSON.parse: "sign-up and token
//   requests" failed at once, shrunk to an empty JSON body to POST /api/v1/auth/tokens answering 500;
// - parseRevisionProfile (src/server/workflow/revisions.ts) passing an invalid profile through: the first mutated
//   profile answered 500 (the store's constraints refused it), failing "profiles with one value replaced".
// The suite found two answers under /api that were not JSON (a path of bad percent-encoding got plain text; a slug
// holding ": " got Astro's HTML 404 page); the gate now answers both in JSON.
const ADMIN = { email: 'fuzz-moderator@example.org', password: 'a moderator passphrase' };
const SLUG = 'fuzz-cluster';
/** Runs per property: the whole file stays within about 30 s on two shared cores. */
const RUNS = { get: 250, post: 120, profile: 150, slug: 120 };

let portal: RunningPortal;
let manager: string;
let moderator: string;
const base = submittableInput((p) => {
  p.slug = SLUG;
  p.general.name = { ru: 'Кластер случайных проверок', en: 'Random checks cluster' };
});

beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  manager = await managerToken(portal, 'fuzz-manager@example.org');
  moderator = await tokenFor(portal, ADMIN.email, ADMIN.password);
  const created = await send(portal, 'POST', '/api/v1/me/clusters', { body: JSON.stringify(base), contentType: 'application/json', headers: { authorization: `Bearer ${manager}` } });
  expect(created.status, created.text).toBe(201);
});
afterAll(async () => {
  await portal?.stop();
});

/** A slug for a path: the real one, a pilot's, hostile text, or bytes malformed on the wire. */
const slugSegment = fc.oneof(fc.constantFrom(SLUG, 'kaluga-pharma', segment('')), hostileString.map(segment), fc.constantFrom(...RAW_SEGMENTS));
/** Who calls: the manager, the moderator, nobody, or a made-up token. */
const bearer = fc.oneof(
  fc.constant<string | null>(null),
  fc.constant('manager'),
  fc.constant('moderator'),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.~+/= '), maxLength: 60 }),
);
/** Authorization headers for a caller drawn from `bearer`. */
const authHeaders = (who: string | null): Record<string, string> =>
  who === null ? {} : { authorization: `Bearer ${who === 'manager' ? manager : who === 'moderator' ? moderator : who}`.trim() };
/** A query string of known and unknown parameters with hostile values. */
const query = fc
  .dictionary(
    fc.oneof(fc.constantFrom('q', 'page', 'perPage', 'sort', 'region', 'industryGroup', 'status', 'scenario', 'bbox', 'year', 'lang'), hostileString),
    fc.oneof(hostileString, boundaryNumber.map(String), fc.array(boundaryNumber, { maxLength: 5 }).map((n) => n.join(','))),
    { maxKeys: 4 },
  )
  .map((params) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k.toWellFormed(), v.toWellFormed()])).toString());

describe('every API route under random and malformed input', () => {
  it('covers every route of the gate table', () => {
    const paths = ['/api/v1/health', '/api/v1/search', '/api/v1/clusters', '/api/v1/clusters.geojson', '/api/v1/clusters.csv', '/api/v1/clusters.json', '/api/v1/clusters.export.geojson', '/api/v1/partners', '/api/v1/openapi.json', `/api/v1/clusters/${SLUG}`, `/api/v1/clusters/${SLUG}/contact`, '/api/v1/accounts', '/api/v1/auth/tokens', '/api/v1/me/clusters', `/api/v1/me/clusters/${SLUG}`, `/api/v1/me/clusters/${SLUG}/submit`, `/api/v1/moderation/${SLUG}/approve`, `/api/v1/moderation/${SLUG}/return`];
    expect(API_ROUTES.map((r) => paths.filter((p) => r.pattern.test(p)).length)).toEqual(API_ROUTES.map(() => 1));
  });

  it('GET and HEAD with hostile query strings, slugs and tokens: never 5xx', async () => {
    // The JSON routes (the CSV export answers text/csv; its own tests are tests/integration/http/exports.test.ts).
    const getPaths = (slug: string) => ['/api/v1/health', '/api/v1/search', '/api/v1/clusters', '/api/v1/clusters.geojson', '/api/v1/clusters.json', '/api/v1/clusters.export.geojson', '/api/v1/partners', `/api/v1/clusters/${slug}`, '/api/v1/me/clusters', `/api/v1/me/clusters/${slug}`];
    await fc.assert(
      fc.asyncProperty(fc.nat(7), slugSegment, query, bearer, fc.boolean(), async (route, slug, qs, who, head) => {
        const path = `${getPaths(slug)[route]}${qs ? `?${qs}` : ''}`;
        expectSafeAnswer(await send(portal, head ? 'HEAD' : 'GET', path, { headers: authHeaders(who) }), path);
      }),
      { numRuns: RUNS.get },
    );
  });

  it('sign-up, token and contact requests with hostile bodies: never 5xx', async () => {
    const routes = [
      ['/api/v1/accounts', ['email', 'name', 'password', 'lang']],
      ['/api/v1/auth/tokens', ['email', 'password', 'name']],
      [`/api/v1/clusters/${SLUG}/contact`, ['name', 'email', 'message', 'organisation', 'country', 'lang', 'homepage']],
      ['/api/v1/clusters/obninsk-pharma-biotech/contact', ['name', 'email', 'message', 'organisation', 'country', 'lang', 'homepage']],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.nat(routes.length - 1).chain((i) => fc.tuple(fc.constant(routes[i]![0]), hostileBody(routes[i]![1]))), async ([path, { body, contentType }]) => {
        expectSafeAnswer(await send(portal, 'POST', path, { body, contentType }), path);
      }),
      { numRuns: RUNS.post },
    );
  });

  it('profiles with one value replaced, posted and put by the manager: never 5xx, 2xx only for a valid profile', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedProfile(base), fc.boolean(), async (profile, put) => {
        const path = put ? `/api/v1/me/clusters/${SLUG}` : '/api/v1/me/clusters';
        const answer = await send(portal, put ? 'PUT' : 'POST', path, { body: JSON.stringify(profile), contentType: 'application/json', headers: authHeaders('manager') });
        expectSafeAnswer(answer, path);
        // A PUT takes the slug from the address when the body leaves it out (documented), so that profile is judged with it.
        const judged = put && typeof profile === 'object' && profile !== null && !Array.isArray(profile) && !('slug' in profile) ? { ...profile, slug: SLUG } : profile;
        if (answer.status < 300) expect(profileSchema.safeParse(judged).success, `accepted an invalid profile: ${answer.text.slice(0, 200)}`).toBe(true);
      }),
      { numRuns: RUNS.profile },
    );
  });

  it('submit, approve and return with hostile slugs, bodies and callers: never 5xx', async () => {
    const actions = [(s: string) => `/api/v1/me/clusters/${s}/submit`, (s: string) => `/api/v1/moderation/${s}/approve`, (s: string) => `/api/v1/moderation/${s}/return`, (s: string) => `/api/v1/me/clusters/${s}`];
    await fc.assert(
      fc.asyncProperty(fc.nat(3), slugSegment, hostileBody(['comment']), bearer, async (action, slug, { body, contentType }, who) => {
        const path = actions[action]!(slug);
        expectSafeAnswer(await send(portal, action === 3 ? 'PUT' : 'POST', path, { body, contentType, headers: authHeaders(who) }), path);
      }),
      { numRuns: RUNS.slug },
    );
  });

  it('stores only valid data, and the portal still answers', async () => {
    expect(invalidStoredData(portal.dataDir)).toEqual([]);
    expect((await send(portal, 'GET', '/api/v1/health')).status).toBe(200);
  });
});
