import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { withDatabase, type Visitor } from '../http/accounts-helpers';
import { submittableInput } from '../workflow/helpers';
import { boundaryNumber, formEncode, hostileString, INJECTIONS } from './arbitraries';
import { invalidStoredData } from './stored-data';
import { expectSafeAnswer, managerToken, send, signedIn, PASSWORD } from './wire';

// Issue 14, bad-input suite (forms): every Astro Action of the account and workflow forms, posted the way a browser
// without JavaScript posts them (same origin, form-encoded), with hostile fields, by an anonymous visitor, a manager
// and a moderator: never 5xx, the re-rendered form never echoes markup unescaped, and the store holds only valid data.
//
// How it was checked to fail when a protection is removed: register.astro writing the typed name back with
// `<p set:html={values.name} />` (no escaping) failed "echoed markup unescaped", shrunk to a sign-up whose name is
// the probe and a script (then restored). Markup payloads are weighted up so such a hole shows within the run count.
const ADMIN = { email: 'fuzz-forms-moderator@example.org', password: 'a moderator passphrase' };
const SLUG = 'fuzz-form-cluster';
const RUNS = 300;
/** A pilot cluster the manager takes over, so that messages to it are stored. */
const CONTACT_SLUG = 'obninsk-pharma-biotech';

/** Each action with the page whose form posts it and the fields that form sends (signOut is left out: it would end the session). */
const ACTIONS = [
  ['/en/register', 'accounts.register', ['email', 'name', 'password', 'lang']],
  ['/en/login', 'accounts.signIn', ['email', 'password', 'next', 'lang']],
  ['/en/forgot-password', 'accounts.forgotPassword', ['email', 'lang']],
  ['/en/reset-password', 'accounts.resetPassword', ['token', 'password', 'lang']],
  ['/en/account', 'accounts.createApiToken', ['name', 'lang']],
  ['/en/account', 'accounts.revokeApiToken', ['id', 'lang']],
  ['/en/account/clusters', 'workflow.submit', ['slug', 'lang']],
  ['/en/account/clusters', 'workflow.withdraw', ['slug', 'lang']],
  ['/en/account/clusters', 'workflow.discard', ['slug', 'lang']],
  ['/en/account/clusters', 'workflow.claim', ['slug', 'lang']],
  ['/en/account/clusters', 'workflow.addManager', ['slug', 'email', 'lang']],
  ['/en/account/clusters', 'workflow.removeManager', ['slug', 'userId', 'lang']],
  [`/en/moderation/${SLUG}`, 'workflow.approve', ['slug', 'lang']],
  [`/en/moderation/${SLUG}`, 'workflow.returnRevision', ['slug', 'comment', 'lang']],
  ['/en/moderation', 'workflow.decideClaim', ['claimId', 'decision', 'lang']],
  ['/en/account/clusters', 'workflow.cancelInvitation', ['slug', 'email', 'id', 'lang']],
  ['/en/moderation/accounts', 'moderation.disableAccount', ['userId', 'lang']],
  ['/en/moderation/accounts', 'moderation.enableAccount', ['userId', 'lang']],
  ['/en/moderation/regions', 'moderation.previewRegions', ['csv', 'lang']],
  ['/en/moderation/regions', 'moderation.importRegions', ['csv', 'fingerprint', 'lang']],
  // The contact form of a profile (anyone) and the managers' answer form.
  [`/en/clusters/${CONTACT_SLUG}`, 'contact.send', ['slug', 'name', 'email', 'organisation', 'country', 'message', 'homepage', 'lang']],
  [`/en/account/clusters/${SLUG}/messages`, 'contact.answer', ['slug', 'id', 'answer', 'lang']],
  // The wizard: a new registration's first step, and a step of the manager's cluster (with a row button).
  ['/en/account/clusters/new', 'wizard.saveStep', ['step', 'slug', 'general.name.ru', 'general.name.en', 'general.region', 'general.city.ru', 'general.location.lat', 'general.location.lon', 'general.industryGroup', 'general.status', 'general.foundedYear', 'general.websites.0.url']],
  [`/en/account/clusters/${SLUG}/members`, 'wizard.saveStep', ['step', 'cluster', 'op', 'members.members.0.name.ru', 'members.members.0.type', 'members.members.0.country', 'members.members.1.internationalActivity']],
  [`/en/account/clusters/${SLUG}/questionnaire`, 'wizard.saveStep', ['step', 'cluster', 'questionnaire.0.year', 'questionnaire.0.selfAssessment', 'questionnaire.0.barriers.language', 'questionnaire.0.partnerScope']],
] as const;

let portal: RunningPortal;
let visitors: Array<Visitor | null>;

beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  const token = await managerToken(portal, 'fuzz-forms-manager@example.org');
  const profile = submittableInput((p) => ((p.slug = SLUG), (p.general.name = { ru: 'Кластер проверки форм', en: 'Form checks cluster' })));
  expect((await send(portal, 'POST', '/api/v1/me/clusters', { body: JSON.stringify(profile), contentType: 'application/json', headers: { authorization: `Bearer ${token}` } })).status).toBe(201);
  visitors = [null, await signedIn(portal, 'fuzz-forms-manager@example.org', PASSWORD), await signedIn(portal, ADMIN.email, ADMIN.password)];
  // The manager takes over a pilot cluster, so the contact form's posts reach the store (and its rate limits).
  expect((await visitors[1]!.submit('/en/account/clusters', 'workflow.claim', { lang: 'en', slug: CONTACT_SLUG })).status).toBe(200);
  const claimId = withDatabase(portal, (db) => (db.prepare("SELECT id FROM cluster_claims WHERE slug = ? AND state = 'pending'").get(CONTACT_SLUG) as { id: number }).id);
  expect((await visitors[2]!.submit('/en/moderation', 'workflow.decideClaim', { lang: 'en', claimId: String(claimId), decision: 'confirmed' })).status).toBe(200);
});
afterAll(async () => {
  await portal?.stop();
});

/** A field value: hostile text, a boundary number, the real slug, or a plausible value of the field. */
const fieldValue = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: fc.constantFrom(...INJECTIONS), weight: 3 },
  { arbitrary: boundaryNumber.map(String), weight: 2 },
  { arbitrary: fc.constantFrom(SLUG, CONTACT_SLUG, 'kaluga-pharma', 'en', 'ru', 'confirmed', 'rejected', '1', 'someone@example.org', PASSWORD), weight: 2 },
  { arbitrary: fc.constantFrom('general', 'members', 'questionnaire', 'review', 'RU-KLU', 'nuclear', 'sme', 'remove:members.members:0', 'up:members.members:1', 'add:members.members', '55.1', '36.6', '2012'), weight: 2 },
);

describe('every form action under random and malformed fields', () => {
  it('never answers 5xx nor echoes markup unescaped, for any visitor', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(ACTIONS.length - 1).chain((i) => fc.tuple(fc.constant(ACTIONS[i]!), fc.record(Object.fromEntries(ACTIONS[i]![2].map((f) => [f, fieldValue])), { requiredKeys: [] }))),
        fc.nat(2),
        async ([[page, action], fields], who) => {
          const visitor = visitors[who];
          const path = `${page}?_action=${action}`;
          const answer = await send(portal, 'POST', path, {
            body: formEncode(fields as Record<string, string>),
            contentType: 'application/x-www-form-urlencoded',
            headers: { origin: portal.url, ...(visitor?.cookie ? { cookie: visitor.cookie } : {}) },
          });
          expectSafeAnswer(answer, path);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('stores only valid data, and the portal still answers', async () => {
    expect(invalidStoredData(portal.dataDir)).toEqual([]);
    expect((await send(portal, 'GET', '/en/clusters')).status).toBe(200);
  });
});
