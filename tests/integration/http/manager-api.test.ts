import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { submittableInput } from '../../unit/workflow/fixtures';
import { postJson, waitForLink } from './accounts-helpers';

// Issue 10's second acceptance, through the API alone against the built portal: sign up, confirm (the link from the
// log), get a token, create and submit a draft that no public answer shows; the moderator's token approves it;
// another manager's token gets 403, no token 401; bad input 400 naming each field.
const ADMIN = { email: 'moderator-api@example.org', password: 'a moderator passphrase' };
const PASSWORD = 'correct horse battery';
const SLUG = 'api-registered-cluster';
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
});
afterAll(async () => {
  await portal?.stop();
});

/** A request with a Bearer token (or none) and an optional JSON body; status and parsed body. */
async function call(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(portal.url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Signs up through the API, confirms through the mailed link and returns a personal token. */
async function signUpWithToken(email: string): Promise<string> {
  expect((await postJson(portal, '/api/v1/accounts', { email, name: 'API Manager', password: PASSWORD })).status).toBe(202);
  expect((await fetch(portal.url + (await waitForLink(portal, email)))).status).toBe(200);
  return tokenFor(email, PASSWORD);
}

/** A personal token for confirmed credentials. */
async function tokenFor(email: string, password: string): Promise<string> {
  const answer = await postJson(portal, '/api/v1/auth/tokens', { email, password });
  expect(answer.status).toBe(201);
  return answer.body.token as string;
}

/** Whether any public answer mentions the cluster: list, profile, search, map. */
async function publiclyVisible(): Promise<boolean[]> {
  const list = await (await fetch(`${portal.url}/api/v1/clusters?perPage=100`)).json();
  const profile = (await fetch(`${portal.url}/api/v1/clusters/${SLUG}`)).status;
  const search = await (await fetch(`${portal.url}/api/v1/search?q=${encodeURIComponent('Кластер программных интерфейсов')}`)).json();
  const map = await (await fetch(`${portal.url}/api/v1/clusters.geojson`)).json();
  return [
    list.items.some((i: { slug: string }) => i.slug === SLUG),
    profile === 200,
    search.hits.some((h: { slug: string }) => h.slug === SLUG),
    map.features.some((f: { id: string }) => f.id === SLUG),
  ];
}

const profile = submittableInput((p) => {
  p.slug = SLUG;
  p.general.name = { ru: 'Кластер программных интерфейсов', en: 'Programming interfaces cluster' };
});

describe('the manager API', () => {
  let manager: string;
  let other: string;
  let moderator: string;

  beforeAll(async () => {
    [manager, other] = [await signUpWithToken('api-manager@example.org'), await signUpWithToken('api-other@example.org')];
    moderator = await tokenFor(ADMIN.email, ADMIN.password);
  });

  it('answers 401 without a token and with an unknown one', async () => {
    expect((await call('GET', '/api/v1/me/clusters', null)).status).toBe(401);
    expect((await call('POST', '/api/v1/me/clusters', 'x'.repeat(43), profile)).status).toBe(401);
    expect((await call('POST', `/api/v1/moderation/${SLUG}/approve`, null)).status).toBe(401);
  });

  it('refuses bad input with 400 naming each field, and stores nothing', async () => {
    const bad = await call('POST', '/api/v1/me/clusters', manager, { ...profile, general: { ...profile.general, industryGroup: 'alchemy', location: { lat: 10, lon: 10 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['general.industryGroup']));
    expect((await call('GET', '/api/v1/me/clusters', manager)).body.items).toEqual([]);
    const notJson = await fetch(`${portal.url}/api/v1/me/clusters`, { method: 'POST', headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('creates and submits a draft that no public answer shows; the moderator approves it and it is public with its index', async () => {
    const created = await call('POST', '/api/v1/me/clusters', manager, profile);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: SLUG, state: 'draft', kind: 'registration' });
    expect((await call('GET', '/api/v1/me/clusters', manager)).body.items).toEqual([expect.objectContaining({ slug: SLUG, isPublic: false })]);

    // Another manager may neither read, change, submit nor approve it; a manager may not approve at all.
    expect((await call('GET', `/api/v1/me/clusters/${SLUG}`, other)).status).toBe(403);
    expect((await call('PUT', `/api/v1/me/clusters/${SLUG}`, other, profile)).status).toBe(403);
    expect((await call('POST', `/api/v1/me/clusters/${SLUG}/submit`, other)).status).toBe(403);

    const submitted = await call('POST', `/api/v1/me/clusters/${SLUG}/submit`, manager);
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    expect(await publiclyVisible()).toEqual([false, false, false, false]);
    expect((await call('POST', `/api/v1/moderation/${SLUG}/approve`, manager)).status).toBe(403);

    const returned = await call('POST', `/api/v1/moderation/${SLUG}/return`, moderator, { comment: 'Add the English description, please.' });
    expect(returned.body).toMatchObject({ state: 'returned', comment: 'Add the English description, please.' });
    expect((await call('GET', `/api/v1/me/clusters/${SLUG}`, manager)).body).toMatchObject({ state: 'returned', comment: 'Add the English description, please.' });
    expect((await call('POST', `/api/v1/me/clusters/${SLUG}/submit`, manager)).body.state).toBe('submitted');

    const approved = await call('POST', `/api/v1/moderation/${SLUG}/approve`, moderator);
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');
    const listed = (await (await fetch(`${portal.url}/api/v1/clusters?perPage=100`)).json()).items.find((i: { slug: string }) => i.slug === SLUG);
    expect(listed.index.overall).toBeGreaterThan(0);
    const deadline = Date.now() + 10_000;
    while (!(await publiclyVisible()).every(Boolean)) {
      if (Date.now() > deadline) throw new Error(`not public everywhere: ${JSON.stringify(await publiclyVisible())}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('answers a submission that misses the minimum requirements with 409 listing what is missing', async () => {
    const thin = submittableInput((p) => {
      p.slug = 'api-thin-cluster';
      p.general.name = { ru: 'Тонкий кластер', en: 'Thin cluster' };
      p.members = { members: [] };
    });
    expect((await call('POST', '/api/v1/me/clusters', other, thin)).status).toBe(201);
    const refused = await call('POST', '/api/v1/me/clusters/api-thin-cluster/submit', other);
    expect(refused.status).toBe(409);
    expect(refused.body.missing.length).toBeGreaterThan(0);
  });
});
