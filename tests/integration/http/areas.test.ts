import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { submittableInput } from '../../unit/workflow/fixtures';
import { mailsTo, signedInVisitor, signUpWithToken, testIdText, Visitor, waitForLink } from './accounts-helpers';

// Deliver 4 and 5 of issue 10 over real HTTP, without JavaScript: the manager area (/account/clusters) and the
// moderator area (/moderation) as server-rendered pages with Astro Action forms, against the built portal.
const ADMIN = { email: 'moderator-areas@example.org', password: 'a moderator passphrase' };
const PASSWORD = 'correct horse battery';
const SLUG = 'areas-test-cluster';
const MANAGER = 'areas-manager@example.org';
const OTHER = 'areas-other@example.org';
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
});
afterAll(async () => {
  await portal?.stop();
});

/** Signs up through the API and confirms through the mailed link; returns a personal token. */
const signUp = (email: string, name: string, mailsBefore = 0) => signUpWithToken(portal, { email, name, password: PASSWORD }, mailsBefore);

/** A visitor signed in through the form. */
const signedIn = (email: string, password = PASSWORD) => signedInVisitor(portal, email, password);

/** The state the manager area shows for the test cluster. */
function revisionState(html: string): string | undefined {
  return /data-testid="revision-state" data-state="(\w+)"/.exec(html)?.[1];
}

/** Whether the public list names the test cluster. */
async function isPublic(): Promise<boolean> {
  const list = await (await fetch(`${portal.url}/api/v1/clusters?perPage=100`)).json();
  return list.items.some((i: { slug: string }) => i.slug === SLUG);
}

const profile = submittableInput((p) => {
  p.slug = SLUG;
  p.general.name = { ru: 'Кластер областей', en: 'Areas cluster' };
});

describe('the manager and moderator areas', () => {
  let manager: Visitor;
  let moderator: Visitor;
  let token: string;

  beforeAll(async () => {
    token = await signUp(MANAGER, 'Areas Manager');
    await signUp(OTHER, 'Other Manager');
    const created = await fetch(`${portal.url}/api/v1/me/clusters`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(profile) });
    expect(created.status).toBe(201);
    manager = await signedIn(MANAGER);
    moderator = await signedIn(ADMIN.email, ADMIN.password);
  });

  it('sends anonymous visitors to sign in, and answers a manager 403 in the moderator area', async () => {
    const anonymous = new Visitor(portal);
    for (const path of ['/account/clusters', '/en/moderation', `/moderation/${SLUG}`, '/en/moderation/accounts']) {
      const answer = await anonymous.get(path);
      expect(answer.status, path).toBe(303);
      expect(answer.headers.get('location')).toBe(`${path.startsWith('/en/') ? '/en' : ''}/login?next=${encodeURIComponent(path)}`);
    }
    for (const path of ['/en/moderation', `/moderation/${SLUG}`, '/moderation/accounts']) {
      const answer = await manager.get(path);
      expect(answer.status, path).toBe(403);
      expect(testIdText(answer.html, 'forbidden')).toBeDefined();
      expect(answer.html).not.toContain('data-testid="queue"');
      expect((await moderator.get(path)).status, path).toBe(200);
    }
    expect((await anonymous.get('/xx/moderation')).status).toBe(404);
    // The form is not trusted either: a manager's approve is refused by the workflow, with a message.
    const approve = await manager.submit(`/en/moderation/${SLUG}`, 'workflow.approve', { lang: 'en', slug: SLUG });
    expect(approve.status).toBe(403);
    expect(await isPublic()).toBe(false);
    // Another manager posting the cluster's forms is refused by the workflow, whatever the form says.
    const stranger = await signedIn(OTHER);
    for (const action of ['workflow.submit', 'workflow.discard']) {
      const refused = await stranger.submit('/en/account/clusters', action, { lang: 'en', slug: SLUG });
      expect(refused.status, action).toBe(403); // a permission refusal, as the API answers it
      expect(testIdText(refused.html, 'step-refused')).toContain('You do not manage this cluster');
    }
    const added = await stranger.submit('/en/account/clusters', 'workflow.addManager', { lang: 'en', slug: SLUG, email: OTHER });
    expect(added.status).toBe(403);
    expect(testIdText(added.html, 'step-refused')).toContain('You do not manage this cluster');
    const invited = await stranger.submit('/en/account/clusters', 'workflow.addManager', { lang: 'en', slug: SLUG, email: 'stranger-invite@example.org' });
    expect(invited.status).toBe(403);
    expect(mailsTo(portal, 'stranger-invite@example.org')).toEqual([]);
    expect(testIdText(await stranger.get('/en/account/clusters').then((a) => a.html), 'no-clusters')).toBeDefined();
  });

  it('lists the manager’s cluster with the checklist, and submits it', async () => {
    const page = await manager.get('/en/account/clusters');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Areas cluster');
    expect(revisionState(page.html)).toBe('draft');
    expect(page.html).toContain('data-met="true"');
    expect(page.html).not.toContain('data-met="false"');
    const submitted = await manager.submit('/en/account/clusters', 'workflow.submit', { lang: 'en', slug: SLUG });
    expect(submitted.status).toBe(200);
    expect(revisionState(submitted.html)).toBe('submitted');
    expect(testIdText(submitted.html, 'step-done')).toContain('Submitted for review');
    // Submitting again is refused with a clear message in the page's language.
    const again = await manager.submit('/account/clusters', 'workflow.submit', { lang: 'ru', slug: SLUG });
    expect(again.status).toBe(409); // a state conflict, as the API answers it
    expect(testIdText(again.html, 'step-refused')).toContain('Сейчас это действие недоступно: заявка в состоянии «На проверке»');
    // Withdrawn (in Russian) it is a draft again; then submitted once more.
    const withdrawn = await manager.submit('/account/clusters', 'workflow.withdraw', { lang: 'ru', slug: SLUG });
    expect(withdrawn.html).toContain('<h1>Мои кластеры</h1>');
    expect(testIdText(withdrawn.html, 'step-done')).toContain('Правка отозвана');
    expect(revisionState(withdrawn.html)).toBe('draft');
    expect(revisionState((await manager.submit('/account/clusters', 'workflow.submit', { lang: 'ru', slug: SLUG })).html)).toBe('submitted');
    // Signed-in pages are never shared: private answers, and the gate's cache is skipped for requests with a cookie.
    expect(page.headers.get('cache-control')).toMatch(/private|no-store/);
  });

  it('shows the moderator the queue with who submitted, and the diff; an empty comment is refused', async () => {
    const queue = await moderator.get('/en/moderation');
    expect(queue.status).toBe(200);
    expect(queue.html).toContain(`data-slug="${SLUG}"`);
    expect(queue.html).toContain('Areas Manager');
    const ru = await moderator.get('/moderation');
    expect(ru.html).toContain('<h1>Модерация</h1>');
    expect(ru.html).toContain('<caption>Правки кластеров, сначала самые давние</caption>');
    const filtered = await moderator.get('/en/moderation?state=draft');
    expect(filtered.html).not.toContain(`data-slug="${SLUG}"`);

    const revision = await moderator.get(`/en/moderation/${SLUG}`);
    expect(revision.status).toBe(200);
    expect(revision.html).toContain('data-field="general.name"');
    expect(revision.html).toContain('Areas cluster');

    const empty = await moderator.submit(`/en/moderation/${SLUG}`, 'workflow.returnRevision', { lang: 'en', slug: SLUG, comment: '   ' });
    expect(empty.status).toBe(400);
    expect(testIdText(empty.html, 'error-comment')).toContain('Write a comment');
    expect(empty.html).toContain('aria-describedby="f-comment-error"');
  });

  it('returns it with a comment the manager sees (escaped), and approves the resubmission: the cluster is public', async () => {
    const comment = 'Add the <b>members</b> list "please"';
    const returned = await moderator.submit(`/en/moderation/${SLUG}`, 'workflow.returnRevision', { lang: 'en', slug: SLUG, comment });
    expect(returned.status).toBe(200);
    expect(testIdText(returned.html, 'step-done')).toContain('returned');

    // The managers are mailed the comment, in the language they signed up in (the API's: English).
    const mailDeadline = Date.now() + 10_000;
    while (!mailsTo(portal, MANAGER).some((m) => m.includes(comment)) && Date.now() < mailDeadline) await new Promise((r) => setTimeout(r, 100));
    expect(mailsTo(portal, MANAGER).filter((m) => m.includes(comment))).toHaveLength(1);
    expect(mailsTo(portal, MANAGER).find((m) => m.includes(comment))).toContain('Subject: The revision of “Areas cluster” was returned for changes');

    const mine = await manager.get('/en/account/clusters');
    expect(revisionState(mine.html)).toBe('returned');
    expect(mine.html).toContain('Add the &lt;b&gt;members&lt;/b&gt; list');
    expect(mine.html).not.toContain('<b>members</b>');
    expect((await manager.submit('/en/account/clusters', 'workflow.submit', { lang: 'en', slug: SLUG })).status).toBe(200);

    const approved = await moderator.submit(`/en/moderation/${SLUG}`, 'workflow.approve', { lang: 'en', slug: SLUG });
    expect(approved.status).toBe(200);
    expect(testIdText(approved.html, 'step-done')).toContain('approved');
    // Approving again is a state conflict: 409, as the API answers it.
    const again = await moderator.submit(`/en/moderation/${SLUG}`, 'workflow.approve', { lang: 'en', slug: SLUG });
    expect(again.status).toBe(409);
    expect(testIdText(again.html, 'step-refused')).toContain('This is not possible now');
    const deadline = Date.now() + 5000;
    while (!(await isPublic()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await isPublic()).toBe(true);
    expect(revisionState((await manager.get('/en/account/clusters')).html)).toBeUndefined();
  });

  it('shows an edit of the public profile side by side, escaped', async () => {
    const hostile = '"><img src=x onerror=alert(1)>';
    const edited = structuredClone(profile);
    edited.general.description = { ru: hostile, en: hostile };
    const put = await fetch(`${portal.url}/api/v1/me/clusters/${SLUG}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(edited) });
    expect(put.status).toBe(200);
    expect((await manager.submit('/en/account/clusters', 'workflow.submit', { lang: 'en', slug: SLUG })).status).toBe(200);
    const revision = await moderator.get(`/en/moderation/${SLUG}`);
    expect(revision.html).toContain('data-field="general.description"');
    expect(revision.html).not.toContain('<img src=x');
    expect(revision.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(revision.html).toMatch(/<pre class="diff-old">\(none\)<\/pre>|<pre class="diff-old">[^<]*<\/pre>/);
    // The public profile stays the approved one until the edit is approved.
    expect(await (await fetch(`${portal.url}/api/v1/clusters/${SLUG}`)).text()).not.toContain('onerror');
  });

  it('adds a manager by e-mail (one that is not an address is refused next to the field) and removes one', async () => {
    const bad = await manager.submit('/en/account/clusters', 'workflow.addManager', { lang: 'en', slug: SLUG, email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(testIdText(bad.html, 'error-email')).toBeDefined();
    expect(bad.html).toContain('value="not an address"');

    const added = await manager.submit('/en/account/clusters', 'workflow.addManager', { lang: 'en', slug: SLUG, email: OTHER });
    expect(added.status).toBe(200);
    expect(added.html).toContain(OTHER);
    const other = await signedIn(OTHER);
    const theirs = await other.get('/en/account/clusters');
    expect(theirs.html).toContain('Areas cluster');
    const otherId = /name="userId" value="(\d+)"[^>]*>\s*<button[^>]*aria-label="Remove: Other Manager"/.exec(theirs.html)?.[1];
    expect(otherId).toBeDefined();
    const removed = await manager.submit('/en/account/clusters', 'workflow.removeManager', { lang: 'en', slug: SLUG, userId: otherId! });
    expect(removed.status).toBe(200);
    expect(removed.html).not.toContain(OTHER);
  });
});

describe('claims', () => {
  const SEEDED = 'altai-biopharma';

  it('a manager claims a seeded cluster from its profile page; the moderator confirms it and the manager sees the cluster', async () => {
    const profile = await new Visitor(portal).get(`/en/clusters/${SEEDED}`);
    const link = /data-testid="claim-link"><a href="([^"]+)"/.exec(profile.html)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBe(`/en/account/clusters?claim=${SEEDED}#claim`);
    const claimant = await signedIn(OTHER);
    const form = await claimant.get(link!.split('#')[0]!);
    expect(testIdText(form.html, 'claim-cluster')).toContain('Cluster:');
    const claimed = await claimant.submit('/en/account/clusters', 'workflow.claim', { lang: 'en', slug: SEEDED });
    expect(claimed.status).toBe(200);
    expect(testIdText(claimed.html, 'step-done')).toContain('The claim was made');
    const twice = await claimant.submit('/en/account/clusters', 'workflow.claim', { lang: 'en', slug: SEEDED });
    expect(twice.status).toBe(409);
    expect(testIdText(twice.html, 'step-refused')).toContain('already been made');

    const moderator = await signedIn(ADMIN.email, ADMIN.password);
    const queue = await moderator.get('/en/moderation');
    const claimId = new RegExp(`<tr data-claim-id="(\\d+)">\\s*<th scope="row"><a href="/en/clusters/${SEEDED}"`).exec(queue.html)?.[1];
    expect(claimId, queue.html).toBeDefined();
    expect(queue.html).toContain('Other Manager');
    const confirmed = await moderator.submit('/en/moderation', 'workflow.decideClaim', { lang: 'en', claimId: claimId!, decision: 'confirmed' });
    expect(confirmed.status).toBe(200);
    expect(testIdText(confirmed.html, 'step-done')).toContain('confirmed');
    expect(confirmed.html).not.toContain(`data-claim-id="${claimId}"`);
    const mine = await claimant.get('/en/account/clusters');
    expect(mine.html).toContain(`data-slug="${SEEDED}"`);
    // The manager area shows the public cluster's index with its rank, and what would raise it most.
    const section = mine.html.slice(mine.html.indexOf(`data-slug="${SEEDED}"`));
    expect(testIdText(section, 'index-summary')).toMatch(/^Index \d\.\d{3}: \d+(st|nd|rd|th) of \d+ among all clusters/);
    expect(section).toMatch(/data-testid="index-advice" data-kind="(report|catch-up|leader)"/);
    expect(testIdText(section, 'index-advice')).toMatch(/Reporting “.+” for 2012 would raise it|furthest from the leader is “.+”|leads in every indicator/);
    const ru = await claimant.get('/account/clusters');
    expect(testIdText(ru.html.slice(ru.html.indexOf(`data-slug="${SEEDED}"`)), 'index-summary')).toMatch(/^Индекс \d,\d{3}: \d+-е место из \d+ среди всех кластеров/);
  });
});

describe('invitations', () => {
  const INVITEE = 'areas-invitee@example.org';
  const CANCELLED = 'areas-cancelled@example.org';

  it('a manager invites an e-mail with no account; it signs up, confirms and manages the cluster; another invitation is cancelled', async () => {
    const manager = await signedIn(MANAGER);
    const invited = await manager.submit('/en/account/clusters', 'workflow.addManager', { lang: 'en', slug: SLUG, email: INVITEE });
    expect(invited.status).toBe(200);
    expect(testIdText(invited.html, 'step-done')).toContain('The invitation was sent');
    expect(invited.html).toMatch(new RegExp(`<tr data-invitation-id="\\d+">\\s*<td>${INVITEE}</td>`));
    // Done, the form is empty again, and the claim form is not filled in with this form's cluster (it was before).
    expect(invited.html).not.toContain(`value="${INVITEE}"`);
    expect(invited.html).not.toContain('data-testid="claim-cluster"');
    expect(invited.html).not.toMatch(/id="f-claim-slug"[^>]*value=/);
    const twice = await manager.submit('/en/account/clusters', 'workflow.addManager', { lang: 'en', slug: SLUG, email: INVITEE });
    expect(twice.status).toBe(409);
    expect(testIdText(twice.html, 'step-refused')).toContain('already been invited');
    expect(twice.html).toContain(`value="${INVITEE}"`);
    expect((await manager.submit('/en/account/clusters', 'workflow.cancelInvitation', { lang: 'en', slug: SLUG, invitationId: 'x' })).status).toBe(400);
    // The invitation is mailed in both languages with the sign-up links.
    expect(await waitForLink(portal, INVITEE, 1, 'register')).toBe('/register');
    expect(mailsTo(portal, INVITEE)[0]).toContain('/en/register');

    const other = await manager.submit('/en/account/clusters', 'workflow.addManager', { lang: 'en', slug: SLUG, email: CANCELLED });
    const cancelledId = new RegExp(`<tr data-invitation-id="(\\d+)">\\s*<td>${CANCELLED}</td>`).exec(other.html)?.[1];
    expect(cancelledId).toBeDefined();
    const stranger = await signedIn(OTHER);
    const refused = await stranger.submit('/en/account/clusters', 'workflow.cancelInvitation', { lang: 'en', slug: SLUG, invitationId: cancelledId! });
    expect(refused.status).toBe(403);
    const cancelled = await manager.submit('/en/account/clusters', 'workflow.cancelInvitation', { lang: 'en', slug: SLUG, invitationId: cancelledId! });
    expect(cancelled.status).toBe(200);
    expect(testIdText(cancelled.html, 'step-done')).toContain('The invitation was cancelled');
    expect(cancelled.html).not.toContain(CANCELLED);
    expect((await manager.submit('/en/account/clusters', 'workflow.cancelInvitation', { lang: 'en', slug: SLUG, invitationId: cancelledId! })).status).toBe(409);

    // Sign-up and confirmation: the invitee manages the cluster; the cancelled address would not.
    await signUp(INVITEE, 'Invited Manager', 1);
    const invitee = await signedIn(INVITEE);
    expect((await invitee.get('/en/account/clusters')).html).toContain(`data-slug="${SLUG}"`);
    const page = await manager.get('/en/account/clusters');
    expect(page.html).toContain(INVITEE);
    expect(page.html).not.toContain('data-testid="invitations"');
  });
});

describe('the accounts page', () => {
  const TARGET = 'areas-disabled@example.org';

  it('lists and finds accounts for moderators only, disables one (its session and token are refused at once) and enables it; never the moderator', async () => {
    const token = await signUp(TARGET, 'To Be Disabled <img src=x onerror=alert(1)>');
    const target = await signedIn(TARGET);
    const moderator = await signedIn(ADMIN.email, ADMIN.password);
    const manager = await signedIn(MANAGER);

    const forbidden = await manager.get('/en/moderation/accounts');
    expect(forbidden.status).toBe(403);
    expect(forbidden.html).not.toContain('data-testid="accounts"');
    const list = await moderator.get('/en/moderation/accounts');
    expect(list.status).toBe(200);
    expect(list.html).toContain(`<th scope="row">${TARGET}</th>`);
    expect(list.html).toContain('<td>To Be Disabled &lt;img src=x onerror=alert(1)&gt;</td>');
    expect(list.html).not.toContain('<img src=x');
    expect(list.html).toContain(`<th scope="row">${ADMIN.email}</th>`);
    const ru = await moderator.get(`/moderation/accounts?q=${encodeURIComponent('To Be Dis')}`);
    expect(ru.html).toContain('<h1>Учётные записи</h1>');
    expect(testIdText(ru.html, 'accounts-count')).toBe('Найдено: 1');
    expect(ru.html).toContain(`<th scope="row">${TARGET}</th>`);
    const targetId = new RegExp(`<tr data-account-id="(\\d+)" data-state="active">\\s*<th scope="row">${TARGET}</th>`).exec(list.html)?.[1];
    expect(targetId).toBeDefined();
    const selfId = new RegExp(`<tr data-account-id="(\\d+)" data-state="active">\\s*<th scope="row">${ADMIN.email}</th>`).exec(list.html)?.[1];

    expect((await manager.submit('/en/moderation/accounts', 'moderation.disableAccount', { lang: 'en', userId: targetId! })).status).toBe(403);
    expect((await target.get('/en/account')).status).toBe(200);
    const self = await moderator.submit('/en/moderation/accounts', 'moderation.disableAccount', { lang: 'en', userId: selfId! });
    expect(self.status).toBe(403);
    expect(testIdText(self.html, 'step-refused')).toContain('You cannot disable your own account');

    const disabled = await moderator.submit('/en/moderation/accounts', 'moderation.disableAccount', { lang: 'en', userId: targetId! });
    expect(disabled.status).toBe(200);
    expect(testIdText(disabled.html, 'step-done')).toContain('The account was disabled');
    expect(disabled.html).toContain(`<tr data-account-id="${targetId}" data-state="disabled">`);
    expect((await target.get('/en/account')).status).toBe(303);
    expect((await fetch(`${portal.url}/api/v1/me/clusters`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);

    const enabled = await moderator.submit('/en/moderation/accounts', 'moderation.enableAccount', { lang: 'en', userId: targetId! });
    expect(enabled.status).toBe(200);
    expect(enabled.html).toContain(`<tr data-account-id="${targetId}" data-state="active">`);
    expect((await fetch(`${portal.url}/api/v1/me/clusters`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await moderator.submit('/en/moderation/accounts', 'moderation.disableAccount', { lang: 'en', userId: 'x' })).status).toBe(400);
  });
});
