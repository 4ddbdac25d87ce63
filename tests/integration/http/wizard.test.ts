import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { submittableInput } from '../../unit/workflow/fixtures';
import { postJson, Visitor, waitForLink, withDatabase } from './accounts-helpers';

// The profile wizard over real HTTP without JavaScript (forms posted as a browser without scripts posts them):
// who may open and save its steps, and every kind of bad input refused with its message next to its field and
// nothing stored. The journey through every step in Chromium is tests/e2e/registration-journey.test.ts.
const ADMIN = { email: 'moderator-wizard@example.org', password: 'a moderator passphrase' };
const PASSWORD = 'correct horse battery';
const A = 'wizard-cluster-a';
const NAME_A = { ru: 'Кластер мастера А', en: 'Wizard cluster A' };
let portal: RunningPortal;
let tokenA: string;
const visitors = {} as Record<'anonymous' | 'managerA' | 'managerB' | 'moderator' | 'disabled', Visitor>;

/** Signs up through the API, confirms by the mailed link and signs in through the form. */
async function signUp(email: string): Promise<{ visitor: Visitor; token: string }> {
  expect((await postJson(portal, '/api/v1/accounts', { email, name: 'Wizard Manager', password: PASSWORD })).status).toBe(202);
  expect((await fetch(portal.url + (await waitForLink(portal, email)))).status).toBe(200);
  const token = (await postJson(portal, '/api/v1/auth/tokens', { email, password: PASSWORD })).body.token as string;
  return { visitor: await signIn(email, PASSWORD), token };
}

/** A visitor signed in through the form. */
async function signIn(email: string, password: string): Promise<Visitor> {
  const visitor = new Visitor(portal);
  expect((await visitor.submit('/en/login', 'accounts.signIn', { email, password, lang: 'en' })).status).toBe(303);
  return visitor;
}

/** What the store holds of the wizard's work: revisions with their profiles, managers and the audit log. */
function stored() {
  return withDatabase(portal, (db) => ({
    revisions: db.prepare('SELECT slug, number, state, profile_json FROM cluster_revisions ORDER BY id').all(),
    managers: db.prepare('SELECT slug, user_id FROM cluster_managers ORDER BY slug, user_id').all(),
    audit: (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  }));
}

/** The stored profile of the cluster's open revision. */
function openProfile(slug: string): any {
  const row = withDatabase(portal, (db) => db.prepare("SELECT profile_json FROM cluster_revisions WHERE slug = ? AND state IN ('draft','returned') ORDER BY number DESC").get(slug)) as
    | { profile_json: string }
    | undefined;
  return row && JSON.parse(row.profile_json);
}

/** The general step's fields of a valid new registration, to change one at a time. */
function generalFields(change: Record<string, string> = {}): Record<string, string> {
  return {
    step: 'general',
    slug: 'wizard-new-cluster',
    'general.name.ru': 'Новый кластер мастера',
    'general.name.en': 'New wizard cluster',
    'general.region': 'RU-TOM',
    'general.city.ru': 'Томск',
    'general.location.lat': '56,48',
    'general.location.lon': '84.95',
    'general.industryGroup': 'pharma-bio-medical',
    'general.status': 'cluster-initiative',
    ...change,
  };
}

/** The error shown next to a field, or undefined. */
function errorOf(html: string, field: string): string | undefined {
  return new RegExp(`data-testid="error-${field.replace(/\./g, '\\.')}">([^<]*)<`).exec(html)?.[1];
}

beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  visitors.anonymous = new Visitor(portal);
  visitors.moderator = await signIn(ADMIN.email, ADMIN.password);
  const a = await signUp('wizard-manager-a@example.org');
  visitors.managerA = a.visitor;
  tokenA = a.token;
  visitors.managerB = (await signUp('wizard-manager-b@example.org')).visitor;
  const disabled = await signUp('wizard-disabled@example.org');
  visitors.disabled = disabled.visitor;
  const created = await fetch(`${portal.url}/api/v1/me/clusters`, {
    method: 'POST',
    headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(submittableInput((p) => ((p.slug = A), (p.general.name = NAME_A)))),
  });
  expect(created.status).toBe(201);
  // The disabled account manages A (added while enabled), so its refusals are the disabling's doing.
  withDatabase(portal, (db) => {
    const id = (email: string) => (db.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: number }).id;
    db.prepare('INSERT INTO cluster_managers (slug, user_id, added_by, added_at) VALUES (?, ?, ?, ?)').run(A, id('wizard-disabled@example.org'), id('wizard-manager-a@example.org'), new Date().toISOString());
    db.prepare('UPDATE users SET disabled_at = ? WHERE email = ?').run(new Date().toISOString(), 'wizard-disabled@example.org');
  });
}, 120_000);
afterAll(async () => {
  await portal?.stop();
});

describe('who may use the wizard', () => {
  const page = `/en/account/clusters/${A}/general`;
  it.each([
    ['anonymous', 'login'],
    ['disabled', 'login'],
    ['managerB', 403],
    ['moderator', 403],
    ['managerA', 200],
  ] as const)('GET a step of A as %s → %s', async (subject, expected) => {
    const answer = await visitors[subject].get(page);
    if (expected === 'login') {
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe(`/en/login?next=${encodeURIComponent(page)}`);
    } else expect(answer.status).toBe(expected);
    if (expected === 200) expect(answer.html).toContain(`value="${NAME_A.en}"`);
    else expect(answer.html).not.toContain(NAME_A.en);
  });

  it.each([
    ['anonymous', 'login'],
    ['disabled', 'login'],
    ['managerB', 403],
    ['moderator', 403],
  ] as const)('POST a step of A as %s changes nothing', async (subject, expected) => {
    const before = stored();
    const answer = await visitors[subject].submit(`/en/account/clusters/${A}/management`, 'wizard.saveStep', { step: 'management', cluster: A, 'management.cmo.name.ru': 'Захват' });
    if (expected === 'login') expect(answer.status).toBe(303);
    else expect(answer.status).toBe(expected);
    expect(answer.html).not.toContain('Захват');
    expect(stored()).toEqual(before);
  });

  it('lets the manager save a step as the draft, marking the block confirmed', async () => {
    const answer = await visitors.managerA.submit(`/en/account/clusters/${A}/management`, 'wizard.saveStep', {
      step: 'management',
      cluster: A,
      'management.cmo.name.ru': 'АНО «Новая УК»',
      'management.manager.name': 'Анна Смирнова',
      'management.manager.email': 'smirnova@example.org',
      'management.services': 'matchmaking',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`/en/account/clusters/${A}/members?saved=management`);
    const profile = openProfile(A);
    expect(profile.management).toMatchObject({ cmo: { name: { ru: 'АНО «Новая УК»' } }, manager: { name: 'Анна Смирнова' }, services: ['matchmaking'], confirmedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(profile.members.members.length).toBeGreaterThanOrEqual(10); // the other blocks are kept
  });

  it('refuses an unknown step and a cluster that does not exist', async () => {
    expect((await visitors.managerA.get(`/en/account/clusters/${A}/payment`)).status).toBe(404);
    expect((await visitors.managerA.get('/en/account/clusters/no-such-cluster/general')).status).toBe(403);
  });
});

describe('bad input: a clear message next to the field, values kept, nothing stored', () => {
  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    ['an empty required field', { 'general.name.en': '' }, 'general.name.en', /^Fill in this field\.$/],
    ['a name that is too long', { 'general.name.ru': 'Я'.repeat(301) }, 'general.name.ru', /^At most 300 characters\.$/],
    ['a word where a number goes', { 'general.location.lat': 'north' }, 'general.location.lat', /^Type a number\.$/],
    ['an unknown list value', { 'general.industryGroup': 'alchemy' }, 'general.industryGroup', /^Choose a value from the list\.$/],
    ['a region that does not exist', { 'general.region': 'RU-XXX' }, 'general.region', /^Choose a Russian region from the list\.$/],
    ['a place outside Russia', { 'general.location.lat': '52.52', 'general.location.lon': '13.4' }, 'general.location.lat', /outside the chosen region/],
    ['a year far in the future', { 'general.foundedYear': '2999' }, 'general.foundedYear', /^The year must not be later than next year\.$/],
    ['a bad address', { slug: 'Not A Slug!' }, 'slug', /^Only lowercase latin letters/],
    ['a name another cluster has', { 'general.name.en': NAME_A.en }, 'general.name.ru', /already used by the cluster “wizard-cluster-a”/],
  ];
  it.each(cases)('%s', async (_what, change, field, message) => {
    const before = stored();
    const fields = generalFields(change);
    const answer = await visitors.managerB.submit('/en/account/clusters/new', 'wizard.saveStep', fields);
    expect(answer.status).toBe(400);
    expect(errorOf(answer.html, field)).toMatch(message);
    expect(answer.html).toContain('data-testid="wizard-errors"');
    // What was typed is shown again (a select can only show its own options).
    for (const [name, value] of Object.entries(change)) if (!['general.industryGroup', 'general.region'].includes(name)) expect(answer.html).toContain(`value="${value}"`);
    expect(stored()).toEqual(before);
  });

  it('says one thing per field, and nothing about an address left to be made from a missing name', async () => {
    const answer = await visitors.managerB.submit('/en/account/clusters/new', 'wizard.saveStep', generalFields({ slug: '', 'general.name.ru': '', 'general.name.en': '' }));
    expect(answer.status).toBe(400);
    expect(errorOf(answer.html, 'general.name.ru')).toBe('Fill in this field.');
    expect(errorOf(answer.html, 'slug')).toBeUndefined();
    const summary = /data-testid="wizard-errors"[\s\S]*?<\/ul>/.exec(answer.html)?.[0] ?? '';
    expect(summary.match(/<li>/g)).toHaveLength(1);
  });

  it('says the errors in Russian on the Russian page', async () => {
    const answer = await visitors.managerB.submit('/account/clusters/new', 'wizard.saveStep', generalFields({ 'general.name.en': '', 'general.location.lon': '999' }));
    expect(answer.status).toBe(400);
    expect(errorOf(answer.html, 'general.name.en')).toBe('Заполните это поле.');
    expect(errorOf(answer.html, 'general.location.lon')).toBe('Долгота должна быть от −180 до 180 градусов.');
  });

  it('refuses a negative indicator and a year given twice, on their rows', async () => {
    const before = stored();
    const answer = await visitors.managerA.submit(`/en/account/clusters/${A}/indicators`, 'wizard.saveStep', {
      step: 'indicators',
      cluster: A,
      'indicators.0.year': '2012',
      'indicators.0.exportsBlnRub.value': '-3',
      'indicators.0.exportsBlnRub.source': 'Report',
      'indicators.1.year': '2012',
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer.html, 'indicators.0.exportsBlnRub.value')).toBe('The value must not be negative.');
    expect(errorOf(answer.html, 'indicators.1.year')).toBe('The year 2012 is given twice.');
    expect(stored()).toEqual(before);
  });

  it('refuses a members file with broken rows, naming each line, and keeps the list as it was', async () => {
    const before = stored();
    const form = new FormData();
    form.set('step', 'members');
    form.set('cluster', A);
    form.set('membersCsv', new Blob(['name_ru,type,country\nООО «Есть»,sme,RU\nООО «Нет»,guild,RU\n,sme,RU\nООО «Страна»,sme,Germany\n'], { type: 'text/csv' }), 'members.csv');
    const res = await fetch(`${portal.url}/en/account/clusters/${A}/members?_action=wizard.saveStep`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: portal.url, cookie: visitors.managerA.cookie! },
      body: form,
    });
    const html = await res.text();
    expect(res.status).toBe(400);
    const problems = /data-testid="csv-problems">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(problems).toMatch(/line 3, <code>type<\/code>: Choose a value from the list\./);
    expect(problems).toMatch(/line 4, <code>name_ru<\/code>: Fill it in in at least one language/);
    expect(problems).toMatch(/line 5, <code>country<\/code>: Type a two-letter ISO 3166-1 country code/);
    expect(stored()).toEqual(before);
  });

  it.each([
    ['over the wizard’s limit', 20_000, 400],
    ['over the limit of any form post', 40_000, 413],
  ])('refuses a members file %s', async (_what, rows, status) => {
    const before = stored();
    const form = new FormData();
    form.set('step', 'members');
    form.set('cluster', A);
    form.set('membersCsv', new Blob([`name_ru,type\n${'ООО «Большой»,sme\n'.repeat(rows)}`]), 'big.csv');
    const res = await fetch(`${portal.url}/en/account/clusters/${A}/members?_action=wizard.saveStep`, { method: 'POST', redirect: 'manual', headers: { origin: portal.url, cookie: visitors.managerA.cookie! }, body: form });
    expect(res.status).toBe(status);
    expect(await res.text()).toContain('The file is larger than 512 KB');
    expect(stored()).toEqual(before);
  });
});

describe('an edit of a published profile through the wizard', () => {
  /** Calls the API with a token. */
  const api = (method: string, path: string, token: string) => fetch(portal.url + path, { method, headers: { authorization: `Bearer ${token}` } });

  it('stays out of the public profile until approved, then is listed as a version with what it changed', async () => {
    const moderatorToken = (await postJson(portal, '/api/v1/auth/tokens', ADMIN)).body.token as string;
    expect((await api('POST', `/api/v1/me/clusters/${A}/submit`, tokenA)).status).toBe(200);
    expect((await api('POST', `/api/v1/moderation/${A}/approve`, moderatorToken)).status).toBe(200);
    const published = await (await fetch(`${portal.url}/api/v1/clusters/${A}`)).json();
    const general = published.profile?.general ?? published.general;
    // The manager changes the founding year and the Russian name on the general step.
    const fields: Record<string, string> = { step: 'general', cluster: A };
    for (const [key, value] of Object.entries({ ...general, name: undefined, location: undefined, city: undefined }))
      if (typeof value === 'string' || typeof value === 'number') fields[`general.${key}`] = String(value);
    Object.assign(fields, {
      'general.name.ru': 'Кластер мастера А (новое название)',
      'general.name.en': NAME_A.en,
      'general.city.ru': general.city.ru ?? '',
      'general.city.en': general.city.en ?? '',
      ...Object.fromEntries((general.websites ?? []).flatMap((w: { url: string; lang: string }, i: number) => [[`general.websites.${i}.url`, w.url], [`general.websites.${i}.lang`, w.lang]])),
      'general.location.lat': String(general.location.lat),
      'general.location.lon': String(general.location.lon),
      'general.foundedYear': '2001',
    });
    const saved = await visitors.managerA.submit(`/en/account/clusters/${A}/general`, 'wizard.saveStep', fields);
    expect(saved.status, saved.html.slice(saved.html.indexOf('<main'), saved.html.indexOf('<main') + 2000)).toBe(303);
    const still = await (await fetch(`${portal.url}/api/v1/clusters/${A}`)).json();
    expect(JSON.stringify(still)).not.toContain('новое название');
    expect((await api('POST', `/api/v1/me/clusters/${A}/submit`, tokenA)).status).toBe(200);
    expect((await api('POST', `/api/v1/moderation/${A}/approve`, moderatorToken)).status).toBe(200);
    const page = await (await fetch(`${portal.url}/en/clusters/${A}`)).text();
    const history = /data-testid="profile-history"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(history, history).toMatch(/Version 2<\/strong>, approved [^<]+ UTC: changed: Year founded, Cluster name<\/li>/);
    expect(history).toMatch(/Version 1<\/strong> \(registration\)/);
  });
});
