import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/server/db/connection';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { submittableInput } from '../../unit/workflow/fixtures';
import { postJson, Visitor, waitForLink, withDatabase } from './accounts-helpers';

// Issue 10, Deliver 7: who may do what, as one table. Subjects (anonymous, a manager of cluster A, a manager of
// cluster B, the moderator, a manager of A whose account is then disabled) × every protected API route, page and
// account action. An allowed call must do its work; a refused one must leave the store as it was. Then: open
// revisions reach no public answer, and a token is read from the Authorization header only.
const ADMIN = { email: 'moderator-authz@example.org', password: 'a moderator passphrase' };
const PASSWORD = 'correct horse battery';
const A = 'authz-cluster-a';
const B = 'authz-cluster-b';
const NAME_A = { ru: 'Кластер проверки прав А', en: 'Authorization check cluster A' };

const SUBJECTS = ['anonymous', 'managerA', 'managerB', 'moderator', 'disabled'] as const;
type Subject = (typeof SUBJECTS)[number];
/** 'allowed': the call does its work; 400/401/403: the API refuses; 'login': the page sends to /login; 'refused': an action answers without acting. */
type Expected = 'allowed' | 400 | 401 | 403 | 'login' | 'refused';

interface Credentials {
  email: string;
  token: string | null;
  visitor: Visitor;
}

let portal: RunningPortal;
const who = {} as Record<Subject, Credentials>;
let counter = 0;

beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
}, 60_000);
afterAll(async () => {
  await portal?.stop();
});

/** A request with a subject's Bearer token (if any) and an optional JSON body; status and parsed body. */
async function call(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(portal.url + path, {
    method,
    redirect: 'manual',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // an HTML answer stays text
  }
  return { status: res.status, body: parsed };
}

/** Reads the portal's store through a read-only connection. */
function read<T>(work: (db: Database.Database) => T): T {
  const db = new Database(join(portal.dataDir, DATABASE_FILE), { readonly: true });
  db.pragma('busy_timeout = 5000');
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** What a refused call must not change: revisions (count and each one's state), the audit log, managers, public clusters, live tokens. */
function snapshot() {
  return read((db) => ({
    revisions: db.prepare('SELECT count(*) AS n FROM cluster_revisions').get(),
    revisionStates: db.prepare('SELECT id, state, updated_at, moderator_comment FROM cluster_revisions ORDER BY id').all(),
    audit: db.prepare('SELECT count(*) AS n FROM audit_log').get(),
    managers: db.prepare('SELECT count(*) AS n FROM cluster_managers').get(),
    clusters: db.prepare('SELECT slug FROM clusters ORDER BY slug').all(),
    liveTokens: db.prepare('SELECT id FROM api_tokens WHERE revoked_at IS NULL ORDER BY id').all() as { id: number }[],
    invitations: db.prepare('SELECT id, state FROM cluster_invitations ORDER BY id').all(),
    disabledAccounts: db.prepare('SELECT id FROM users WHERE disabled_at IS NOT NULL ORDER BY id').all(),
    mails: db.prepare('SELECT count(*) AS n FROM mail_outbox').get(),
    contactRequests: db.prepare('SELECT id, status, answer FROM contact_requests ORDER BY id').all(),
    regionStatistics: db.prepare('SELECT region, year, population FROM region_statistics ORDER BY region, year').all(),
  }));
}

/** The state of the cluster's open revision, or 'none'. */
function openState(slug: string): string {
  const row = read((db) => db.prepare("SELECT state FROM cluster_revisions WHERE slug = ? AND state IN ('draft', 'submitted', 'returned')").get(slug)) as { state: string } | undefined;
  return row?.state ?? 'none';
}

/** The cluster's latest revision as stored. */
function latestRevision(slug: string): { state: string; profile: any; comment: string | null } {
  const row = read((db) => db.prepare('SELECT state, profile_json, moderator_comment FROM cluster_revisions WHERE slug = ? ORDER BY number DESC LIMIT 1').get(slug)) as
    | { state: string; profile_json: string; moderator_comment: string | null }
    | undefined;
  expect(row, `a revision of ${slug}`).toBeDefined();
  return { state: row!.state, profile: JSON.parse(row!.profile_json), comment: row!.moderator_comment };
}

/** A submittable profile of cluster A (or another slug and name), with a founding year to tell saves apart. */
function profileOf(slug = A, name = NAME_A, foundedYear = 2012): any {
  return submittableInput((p) => {
    p.slug = slug;
    p.general.name = name;
    p.general.foundedYear = foundedYear;
  });
}

/** Brings cluster A to a state (an open revision being edited or submitted; or approved with none open), using only allowed calls of its manager and the moderator. */
async function prepare(want: 'editable' | 'submitted' | 'approved'): Promise<void> {
  if (want === 'approved' && openState(A) === 'none' && isPublic(A)) return;
  if (openState(A) === 'none') expect((await call('PUT', `/api/v1/me/clusters/${A}`, who.managerA.token, profileOf())).status).toBe(200);
  const state = openState(A);
  if (want === 'editable' && state === 'submitted')
    expect((await call('POST', `/api/v1/moderation/${A}/return`, who.moderator.token, { comment: 'prepared for an edit' })).status).toBe(200);
  if (want !== 'editable' && state !== 'submitted') expect((await call('POST', `/api/v1/me/clusters/${A}/submit`, who.managerA.token)).status).toBe(200);
  if (want === 'approved') expect((await call('POST', `/api/v1/moderation/${A}/approve`, who.moderator.token)).status).toBe(200);
  expect(openState(A)).toEqual({ submitted: 'submitted', approved: 'none', editable: expect.stringMatching(/^(draft|returned)$/) }[want]);
}

/** Whether the cluster has a public (approved) profile. */
function isPublic(slug: string): boolean {
  return read((db) => db.prepare('SELECT slug FROM clusters WHERE slug = ?').get(slug)) !== undefined;
}

/** Signs up through the API, confirms by the mailed link, and returns a token and a signed-in visitor. */
async function signUp(email: string): Promise<Credentials> {
  expect((await postJson(portal, '/api/v1/accounts', { email, name: 'Authz Manager', password: PASSWORD })).status).toBe(202);
  expect((await fetch(portal.url + (await waitForLink(portal, email)))).status).toBe(200);
  return signIn(email, PASSWORD);
}

/** A personal token and a signed-in visitor for confirmed credentials. */
async function signIn(email: string, password: string): Promise<Credentials> {
  const answer = await postJson(portal, '/api/v1/auth/tokens', { email, password });
  expect(answer.status).toBe(201);
  const visitor = new Visitor(portal);
  expect((await visitor.submit('/en/login', 'accounts.signIn', { email, password, lang: 'en' })).status).toBe(303);
  expect(visitor.cookie).not.toBeNull();
  return { email, token: answer.body.token as string, visitor };
}

/** An API route of the matrix: how to call it, what it needs first, and what an allowed call must have done. */
interface ApiRoute {
  method: string;
  path: string;
  body?: (subject: Subject) => unknown;
  needs?: 'editable' | 'submitted' | 'approved';
  /** Checks the answer and the store after an allowed call. */
  did: (answer: { status: number; body: any }, subject: Subject) => void;
}

const API_ROUTES = {
  'GET /api/v1/me/clusters': {
    method: 'GET',
    path: '/api/v1/me/clusters',
    did: (answer, subject) => {
      expect(answer.status).toBe(200);
      const slugs = answer.body.items.map((i: { slug: string }) => i.slug);
      // Each account lists its own clusters only.
      expect(slugs.includes(A)).toBe(subject === 'managerA');
      expect(slugs.includes(B)).toBe(subject === 'managerB');
    },
  },
  'POST /api/v1/me/clusters (a new cluster)': {
    method: 'POST',
    path: '/api/v1/me/clusters',
    body: (subject) => profileOf(`authz-new-${subject.toLowerCase()}-${++counter}`, { ru: `Новый кластер ${subject} ${counter}`, en: `New cluster ${subject} ${counter}` }),
    did: (answer) => {
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ state: 'draft', kind: 'registration' });
      expect(latestRevision(answer.body.slug).state).toBe('draft');
    },
  },
  "POST /api/v1/me/clusters (A's slug)": {
    method: 'POST',
    path: '/api/v1/me/clusters',
    needs: 'editable',
    body: () => profileOf(A, NAME_A, 1990 + ++counter),
    did: (answer) => {
      expect(answer.status).toBe(201);
      expect(latestRevision(A).profile.general.foundedYear).toBe(1990 + counter);
    },
  },
  'GET /api/v1/me/clusters/{A}': {
    method: 'GET',
    path: `/api/v1/me/clusters/${A}`,
    did: (answer) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ slug: A, profile: { general: { name: NAME_A } } });
    },
  },
  'PUT /api/v1/me/clusters/{A}': {
    method: 'PUT',
    path: `/api/v1/me/clusters/${A}`,
    needs: 'editable',
    body: () => profileOf(A, NAME_A, 1990 + ++counter),
    did: (answer) => {
      expect(answer.status).toBe(200);
      expect(latestRevision(A).profile.general.foundedYear).toBe(1990 + counter);
    },
  },
  'GET /api/v1/me/clusters/{A} (approved, nothing open)': {
    method: 'GET',
    path: `/api/v1/me/clusters/${A}`,
    needs: 'approved',
    did: (answer) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ slug: A, state: 'approved', profile: { general: { name: NAME_A } } });
    },
  },
  // An edit of a public profile starts a new revision: only its managers may start one.
  'PUT /api/v1/me/clusters/{A} (approved, nothing open)': {
    method: 'PUT',
    path: `/api/v1/me/clusters/${A}`,
    needs: 'approved',
    body: () => profileOf(A, NAME_A, 1990 + ++counter),
    did: (answer) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ state: 'draft', kind: 'edit' });
      expect(latestRevision(A).profile.general.foundedYear).toBe(1990 + counter);
    },
  },
  'POST /api/v1/me/clusters/{A}/submit': {
    method: 'POST',
    path: `/api/v1/me/clusters/${A}/submit`,
    needs: 'editable',
    did: (answer) => {
      expect(answer.status).toBe(200);
      expect(latestRevision(A).state).toBe('submitted');
    },
  },
  'POST /api/v1/moderation/{A}/return': {
    method: 'POST',
    path: `/api/v1/moderation/${A}/return`,
    needs: 'submitted',
    body: (subject) => ({ comment: `returned by ${subject} ${++counter}` }),
    did: (answer, subject) => {
      expect(answer.status).toBe(200);
      expect(latestRevision(A)).toMatchObject({ state: 'returned', comment: `returned by ${subject} ${counter}` });
    },
  },
  // Who may act is checked before what was sent: a manager learns nothing about the comment's rules.
  'POST /api/v1/moderation/{A}/return (no comment)': {
    method: 'POST',
    path: `/api/v1/moderation/${A}/return`,
    needs: 'submitted',
    body: () => ({ comment: '  ' }),
    did: () => expect.unreachable('a return without a comment is never allowed'),
  },
  'POST /api/v1/moderation/{A}/approve': {
    method: 'POST',
    path: `/api/v1/moderation/${A}/approve`,
    needs: 'submitted',
    did: (answer) => {
      expect(answer.status).toBe(200);
      expect(latestRevision(A).state).toBe('approved');
      expect(read((db) => db.prepare('SELECT slug FROM clusters WHERE slug = ?').get(A))).toEqual({ slug: A });
    },
  },
} satisfies Record<string, ApiRoute>;

// The matrix. A row per route; add a route to API_ROUTES and a row here. The disabled account manages A (added
// while it was enabled), so each of its refusals is the disabling's doing, not "not yours".
const API_MATRIX: Record<keyof typeof API_ROUTES, Record<Subject, Expected>> = {
  'GET /api/v1/me/clusters': { anonymous: 401, managerA: 'allowed', managerB: 'allowed', moderator: 'allowed', disabled: 403 },
  'POST /api/v1/me/clusters (a new cluster)': { anonymous: 401, managerA: 'allowed', managerB: 'allowed', moderator: 'allowed', disabled: 403 },
  "POST /api/v1/me/clusters (A's slug)": { anonymous: 401, managerA: 'allowed', managerB: 403, moderator: 403, disabled: 403 },
  'GET /api/v1/me/clusters/{A}': { anonymous: 401, managerA: 'allowed', managerB: 403, moderator: 'allowed', disabled: 403 },
  'PUT /api/v1/me/clusters/{A}': { anonymous: 401, managerA: 'allowed', managerB: 403, moderator: 403, disabled: 403 },
  'GET /api/v1/me/clusters/{A} (approved, nothing open)': { anonymous: 401, managerA: 'allowed', managerB: 403, moderator: 'allowed', disabled: 403 },
  'PUT /api/v1/me/clusters/{A} (approved, nothing open)': { anonymous: 401, managerA: 'allowed', managerB: 403, moderator: 403, disabled: 403 },
  'POST /api/v1/me/clusters/{A}/submit': { anonymous: 401, managerA: 'allowed', managerB: 403, moderator: 403, disabled: 403 },
  'POST /api/v1/moderation/{A}/return': { anonymous: 401, managerA: 403, managerB: 403, moderator: 'allowed', disabled: 403 },
  'POST /api/v1/moderation/{A}/return (no comment)': { anonymous: 401, managerA: 403, managerB: 403, moderator: 400, disabled: 403 },
  'POST /api/v1/moderation/{A}/approve': { anonymous: 401, managerA: 403, managerB: 403, moderator: 'allowed', disabled: 403 },
};

// Pages that read `locals.user`: anyone signed out (or disabled) is sent to sign in, with the way back.
const PAGE_MATRIX: Record<string, Record<Subject, Expected>> = {
  '/account': { anonymous: 'login', managerA: 'allowed', managerB: 'allowed', moderator: 'allowed', disabled: 'login' },
  '/en/account': { anonymous: 'login', managerA: 'allowed', managerB: 'allowed', moderator: 'allowed', disabled: 'login' },
};

/** An account action (a form post to the account page): its fields and what an allowed post must have done. */
interface AccountAction {
  action: string;
  fields: () => Promise<Record<string, string>>;
  did: (subject: Subject, before: ReturnType<typeof snapshot>, fields: Record<string, string>) => void;
}

/** The ids of an account's tokens that still work. */
function liveTokenIds(email: string): number[] {
  return read((db) => db.prepare('SELECT t.id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = ? AND t.revoked_at IS NULL ORDER BY t.id').all(email)).map(
    (r) => (r as { id: number }).id,
  );
}

const ACCOUNT_ACTIONS = {
  'accounts.createApiToken': {
    action: 'accounts.createApiToken',
    fields: async () => ({ name: `matrix token ${++counter}`, lang: 'en' }),
    did: (subject, before) => {
      const made = snapshot().liveTokens.filter((t) => !before.liveTokens.some((b) => b.id === t.id));
      expect(made).toHaveLength(1);
      expect(liveTokenIds(who[subject].email)).toContain(made[0]!.id);
    },
  },
  "accounts.revokeApiToken (one of manager A's tokens)": {
    action: 'accounts.revokeApiToken',
    // A fresh spare token of manager A for every row, so each subject has one to try.
    fields: async () => {
      expect((await postJson(portal, '/api/v1/auth/tokens', { email: who.managerA.email, password: PASSWORD })).status).toBe(201);
      return { id: String(liveTokenIds(who.managerA.email).at(-1)), lang: 'en' };
    },
    did: (_subject, before, fields) => {
      expect(liveTokenIds(who.managerA.email)).not.toContain(Number(fields.id));
      expect(snapshot().liveTokens).toEqual(before.liveTokens.filter((t) => t.id !== Number(fields.id)));
    },
  },
} satisfies Record<string, AccountAction>;

const ACTION_MATRIX: Record<keyof typeof ACCOUNT_ACTIONS, Record<Subject, Expected>> = {
  'accounts.createApiToken': { anonymous: 'login', managerA: 'allowed', managerB: 'allowed', moderator: 'allowed', disabled: 'login' },
  "accounts.revokeApiToken (one of manager A's tokens)": { anonymous: 'login', managerA: 'allowed', managerB: 'refused', moderator: 'refused', disabled: 'login' },
};

// The manager and moderator areas: anyone signed out (or disabled) is sent to sign in; a manager gets 403 in the
// moderator's pages. An allowed visit shows the page's own content.
const AREA_PAGES: Record<string, string> = {
  '/account/clusters': 'data-testid="claim-form"',
  '/en/account/clusters': 'data-testid="claim-form"',
  '/moderation': 'data-testid="queue-filters"',
  '/en/moderation': 'data-testid="queue-filters"',
  '/moderation/accounts': 'data-testid="accounts"',
  '/en/moderation/accounts': 'data-testid="accounts"',
  '/moderation/regions': 'data-testid="regions-upload"',
  '/en/moderation/regions': 'data-testid="regions-upload"',
  [`/en/account/clusters/${A}/messages`]: 'data-testid="messages"',
};
const AREA_PAGE_MATRIX: Record<string, Record<Subject, Expected>> = {
  '/account/clusters': { anonymous: 'login', managerA: 'allowed', managerB: 'allowed', moderator: 'allowed', disabled: 'login' },
  '/en/account/clusters': { anonymous: 'login', managerA: 'allowed', managerB: 'allowed', moderator: 'allowed', disabled: 'login' },
  '/moderation': { anonymous: 'login', managerA: 403, managerB: 403, moderator: 'allowed', disabled: 'login' },
  '/en/moderation': { anonymous: 'login', managerA: 403, managerB: 403, moderator: 'allowed', disabled: 'login' },
  '/moderation/accounts': { anonymous: 'login', managerA: 403, managerB: 403, moderator: 'allowed', disabled: 'login' },
  '/en/moderation/accounts': { anonymous: 'login', managerA: 403, managerB: 403, moderator: 'allowed', disabled: 'login' },
  '/moderation/regions': { anonymous: 'login', managerA: 403, managerB: 403, moderator: 'allowed', disabled: 'login' },
  '/en/moderation/regions': { anonymous: 'login', managerA: 403, managerB: 403, moderator: 'allowed', disabled: 'login' },
  // A cluster's messages from visitors: its managers and the moderators (read-only) see them.
  [`/en/account/clusters/${A}/messages`]: { anonymous: 'login', managerA: 'allowed', managerB: 403, moderator: 'allowed', disabled: 'login' },
};

/** An area action (a form post to a manager or moderator page): where it is posted, its fields, what an allowed post did. */
interface AreaAction {
  page: string;
  action: string;
  fields: () => Promise<Record<string, string>>;
  did: (fields: Record<string, string>) => void;
}

/** The id of an account by e-mail. */
function userIdOf(email: string): number {
  return (read((db) => db.prepare('SELECT id FROM users WHERE email = ?').get(email)) as { id: number }).id;
}

/** A state of an invitation by id. */
function invitationState(id: number): string | undefined {
  return (read((db) => db.prepare('SELECT state FROM cluster_invitations WHERE id = ?').get(id)) as { state: string } | undefined)?.state;
}

const TARGET_EMAIL = 'authz-target@example.org';
const REGIONAL_HEADER = 'region,year,population,population_source,fdi,fdi_source,exports,exports_source,imports,imports_source,foreign_owned_companies,foreign_owned_companies_source';

/** A one-row regional statistics file with a population of its own, and the fingerprint of the moderator's preview of it. */
async function regionalUpload(): Promise<Record<string, string>> {
  const csv = `${REGIONAL_HEADER}\nRU-TOM,2012,${1_000_000 + ++counter},Rosstat,,,,,,,,\n`;
  const preview = await who.moderator.visitor.submit('/en/moderation/regions', 'moderation.previewRegions', { lang: 'en', csv });
  const fingerprint = /name="fingerprint" value="([^"]+)"/.exec(preview.html)?.[1];
  expect(fingerprint, 'the preview of the upload').toBeDefined();
  return { lang: 'en', csv, fingerprint: fingerprint! };
}

const AREA_ACTIONS = {
  'workflow.addManager (an e-mail with no account: an invitation)': {
    page: '/en/account/clusters',
    action: 'workflow.addManager',
    fields: async () => ({ lang: 'en', slug: A, email: `authz-invitee-${++counter}@example.org` }),
    did: (fields) => {
      const row = read((db) => db.prepare("SELECT state FROM cluster_invitations WHERE slug = ? AND email = ?").get(A, fields.email)) as { state: string } | undefined;
      expect(row).toEqual({ state: 'pending' });
    },
  },
  "workflow.cancelInvitation (an invitation to A)": {
    page: '/en/account/clusters',
    action: 'workflow.cancelInvitation',
    // A fresh invitation made by manager A for every row, so each subject has one to try.
    fields: async () => {
      const email = `authz-cancel-${++counter}@example.org`;
      expect((await who.managerA.visitor.submit('/en/account/clusters', 'workflow.addManager', { lang: 'en', slug: A, email })).status).toBe(200);
      const id = (read((db) => db.prepare('SELECT id FROM cluster_invitations WHERE email = ?').get(email)) as { id: number }).id;
      return { lang: 'en', slug: A, invitationId: String(id) };
    },
    did: (fields) => expect(invitationState(Number(fields.invitationId))).toBe('cancelled'),
  },
  'moderation.disableAccount': {
    page: '/en/moderation/accounts',
    action: 'moderation.disableAccount',
    fields: async () => ({ lang: 'en', userId: String(userIdOf(TARGET_EMAIL)) }),
    did: (fields) => {
      expect(read((db) => db.prepare('SELECT disabled_at FROM users WHERE id = ?').get(Number(fields.userId)))).toEqual({ disabled_at: expect.any(String) });
      // Enabled again, so later rows find it as they expect.
      withDatabase(portal, (db) => db.prepare('UPDATE users SET disabled_at = NULL WHERE id = ?').run(Number(fields.userId)));
    },
  },
  'moderation.enableAccount': {
    page: '/en/moderation/accounts',
    action: 'moderation.enableAccount',
    fields: async () => {
      const id = userIdOf(TARGET_EMAIL);
      withDatabase(portal, (db) => db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(new Date().toISOString(), id));
      return { lang: 'en', userId: String(id) };
    },
    did: (fields) => expect(read((db) => db.prepare('SELECT disabled_at FROM users WHERE id = ?').get(Number(fields.userId)))).toEqual({ disabled_at: null }),
  },
  'moderation.importRegions (a previewed regional statistics file)': {
    page: '/en/moderation/regions',
    action: 'moderation.importRegions',
    fields: regionalUpload,
    did: (fields) => {
      const population = Number(/RU-TOM,2012,(\d+),/.exec(fields.csv!)![1]);
      expect(read((db) => db.prepare("SELECT population FROM region_statistics WHERE region = 'RU-TOM' AND year = 2012").get())).toEqual({ population });
    },
  },
  'contact.answer (a delivered message to A)': {
    page: `/en/account/clusters/${A}/messages`,
    action: 'contact.answer',
    // A fresh delivered message to A for every row (as if its sender had confirmed it), so each subject has one to try.
    fields: async () => {
      const id = withDatabase(portal, (db) =>
        Number(
          db
            .prepare(
              "INSERT INTO contact_requests (slug, sender_name, sender_email, message, lang, status, confirm_token_hash, confirm_expires_at, created_at, confirmed_at) VALUES (?, 'Sender', 'authz-sender@example.org', 'A message long enough to be sent.', 'en', 'delivered', ?, ?, ?, ?)",
            )
            .run(A, `hash-${++counter}`, new Date().toISOString(), new Date().toISOString(), new Date().toISOString()).lastInsertRowid,
        ),
      );
      return { lang: 'en', slug: A, id: String(id), answer: `answer ${counter}` };
    },
    did: (fields) =>
      expect(read((db) => db.prepare('SELECT status, answer FROM contact_requests WHERE id = ?').get(Number(fields.id)))).toEqual({ status: 'answered', answer: fields.answer }),
  },
} satisfies Record<string, AreaAction>;

const AREA_ACTION_MATRIX: Record<keyof typeof AREA_ACTIONS, Record<Subject, Expected>> = {
  'workflow.addManager (an e-mail with no account: an invitation)': { anonymous: 'login', managerA: 'allowed', managerB: 403, moderator: 'allowed', disabled: 'login' },
  "workflow.cancelInvitation (an invitation to A)": { anonymous: 'login', managerA: 'allowed', managerB: 403, moderator: 'allowed', disabled: 'login' },
  'moderation.disableAccount': { anonymous: 'login', managerA: 403, managerB: 403, moderator: 'allowed', disabled: 'login' },
  'moderation.enableAccount': { anonymous: 'login', managerA: 403, managerB: 403, moderator: 'allowed', disabled: 'login' },
  'moderation.importRegions (a previewed regional statistics file)': { anonymous: 'login', managerA: 403, managerB: 403, moderator: 'allowed', disabled: 'login' },
  // Moderators read a cluster's messages but only its managers answer them.
  'contact.answer (a delivered message to A)': { anonymous: 'login', managerA: 'allowed', managerB: 403, moderator: 403, disabled: 'login' },
};

/** One route's row of a matrix as [subject, expected] pairs, for it.each. */
function rows<R extends string>(matrix: Record<R, Record<Subject, Expected>>, route: R): [Subject, Expected][] {
  return SUBJECTS.map((subject) => [subject, matrix[route][subject]]);
}

// The subjects, each with a token and a signed-in visitor (sign-ups confirmed by the link in the log); A and B are registrations of managers A and B.
beforeAll(async () => {
  who.anonymous = { email: '', token: null, visitor: new Visitor(portal) };
  who.moderator = await signIn(ADMIN.email, ADMIN.password);
  who.managerA = await signUp('authz-manager-a@example.org');
  who.managerB = await signUp('authz-manager-b@example.org');
  who.disabled = await signUp('authz-disabled@example.org');
  await signUp(TARGET_EMAIL); // the account the moderator disables and enables
  expect((await call('POST', '/api/v1/me/clusters', who.managerA.token, profileOf())).status).toBe(201);
  expect((await call('POST', '/api/v1/me/clusters', who.managerB.token, profileOf(B, { ru: 'Кластер проверки прав Б', en: 'Authorization check cluster B' }))).status).toBe(201);

  // The disabled account manages A (as an invitation would make it) and works, until its account is disabled.
  const ids = withDatabase(portal, (db) => {
    const id = (email: string) => (db.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: number }).id;
    return { disabled: id(who.disabled.email), managerA: id(who.managerA.email) };
  });
  withDatabase(portal, (db) => db.prepare('INSERT INTO cluster_managers (slug, user_id, added_by, added_at) VALUES (?, ?, ?, ?)').run(A, ids.disabled, ids.managerA, new Date().toISOString()));
  expect((await call('GET', `/api/v1/me/clusters/${A}`, who.disabled.token)).status).toBe(200);
  expect((await who.disabled.visitor.get('/en/account')).status).toBe(200);
  withDatabase(portal, (db) => db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(new Date().toISOString(), ids.disabled));
}, 120_000);

describe('the authorization matrix', () => {

  describe.each(Object.keys(API_MATRIX) as (keyof typeof API_ROUTES)[])('%s', (route) => {
    it.each(rows(API_MATRIX, route))('%s → %s', async (subject, expected) => {
      const spec: ApiRoute = API_ROUTES[route];
      if (spec.needs) await prepare(spec.needs);
      const before = snapshot();
      const answer = await call(spec.method, spec.path, who[subject].token, spec.body?.(subject));
      if (expected === 'allowed') return spec.did(answer, subject);
      expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
      expect(snapshot()).toEqual(before);
    });
  });

  describe.each(Object.keys(PAGE_MATRIX))('GET %s', (path) => {
    it.each(rows(PAGE_MATRIX, path))('%s → %s', async (subject, expected) => {
      const before = snapshot();
      const answer = await who[subject].visitor.get(path);
      if (expected === 'allowed') {
        expect(answer.status).toBe(200);
        expect(answer.html).toContain(`data-testid="account-email">${who[subject].email}<`);
        return;
      }
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe(`${path.startsWith('/en/') ? '/en' : ''}/login?next=${encodeURIComponent(path)}`);
      expect(snapshot()).toEqual(before);
    });
  });

  describe.each(Object.keys(AREA_PAGE_MATRIX))('GET %s', (path) => {
    it.each(rows(AREA_PAGE_MATRIX, path))('%s → %s', async (subject, expected) => {
      const before = snapshot();
      const answer = await who[subject].visitor.get(path);
      if (expected === 'allowed') {
        expect(answer.status).toBe(200);
        expect(answer.html).toContain(AREA_PAGES[path]);
        return;
      }
      if (expected === 'login') {
        expect(answer.status).toBe(303);
        expect(answer.headers.get('location')).toBe(`${path.startsWith('/en/') ? '/en' : ''}/login?next=${encodeURIComponent(path)}`);
      } else {
        expect(answer.status).toBe(expected);
        expect(answer.html).toContain('data-testid="forbidden"');
        expect(answer.html).not.toContain(AREA_PAGES[path]);
      }
      expect(snapshot()).toEqual(before);
    });
  });

  describe.each(Object.keys(AREA_ACTION_MATRIX) as (keyof typeof AREA_ACTIONS)[])('POST ?_action=%s', (name) => {
    it.each(rows(AREA_ACTION_MATRIX, name))('%s → %s', async (subject, expected) => {
      const spec: AreaAction = AREA_ACTIONS[name];
      const fields = await spec.fields();
      const before = snapshot();
      const answer = await who[subject].visitor.submit(spec.page, spec.action, fields);
      if (expected === 'allowed') {
        expect(answer.status).toBe(200);
        expect(answer.html).toContain('data-testid="step-done"');
        return spec.did(fields);
      }
      if (expected === 'login') {
        expect(answer.status).toBe(303);
        expect(answer.headers.get('location')).toMatch(/^\/en\/login\?next=/);
      } else {
        expect(answer.status).toBe(expected);
        expect(answer.html).not.toContain('data-testid="step-done"');
      }
      expect(snapshot()).toEqual(before);
    });
  });

  describe.each(Object.keys(ACTION_MATRIX) as (keyof typeof ACCOUNT_ACTIONS)[])('POST /en/account?_action=%s', (name) => {
    it.each(rows(ACTION_MATRIX, name))('%s → %s', async (subject, expected) => {
      const spec: AccountAction = ACCOUNT_ACTIONS[name];
      const fields = await spec.fields();
      const before = snapshot();
      const answer = await who[subject].visitor.submit('/en/account', spec.action, fields);
      if (expected === 'allowed') {
        expect(answer.status).toBe(200);
        return spec.did(subject, before, fields);
      }
      if (expected === 'login') {
        expect(answer.status).toBe(303);
        expect(answer.headers.get('location')).toBe(`/en/login?next=${encodeURIComponent('/en/account')}`);
      } else expect(answer.status).toBe(200);
      expect(snapshot()).toEqual(before);
    });
  });
});

/** Every public answer that could show a cluster: the list, its profile (API, ru and en pages), search for a text, the map. */
async function publicAnswers(slug: string, query: string) {
  const get = async (path: string) => {
    const res = await fetch(portal.url + path);
    return { status: res.status, text: await res.text() };
  };
  const [list, profile, pageRu, pageEn, search, map] = await Promise.all([
    get('/api/v1/clusters?perPage=100'),
    get(`/api/v1/clusters/${slug}`),
    get(`/clusters/${slug}`),
    get(`/en/clusters/${slug}`),
    get(`/api/v1/search?q=${encodeURIComponent(query)}`),
    get('/api/v1/clusters.geojson'),
  ]);
  return {
    all: [list, profile, pageRu, pageEn, search, map],
    listed: JSON.parse(list.text).items.find((i: { slug: string }) => i.slug === slug) as { name: { ru: string; en: string } } | undefined,
    profile,
    pages: [pageRu, pageEn],
    searchHit: JSON.parse(search.text).hits.some((h: { slug: string }) => h.slug === slug) as boolean,
    mapped: JSON.parse(map.text).features.some((f: { id: string }) => f.id === slug) as boolean,
  };
}

/** Asserts that no public answer shows the cluster or either of the names. */
async function expectHidden(slug: string, name: { ru: string; en: string }): Promise<void> {
  for (const query of [name.ru, name.en]) {
    const seen = await publicAnswers(slug, query);
    expect(seen.listed).toBeUndefined();
    expect([seen.profile.status, ...seen.pages.map((p) => p.status)]).toEqual([404, 404, 404]);
    expect(seen.searchHit).toBe(false);
    expect(seen.mapped).toBe(false);
    for (const answer of seen.all) expect(answer.text).not.toContain(query);
  }
}

/** Waits (the search index follows the store) until a public answer holds the cluster under the name. */
async function waitUntilPublic(slug: string, name: { ru: string; en: string }): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const seen = await publicAnswers(slug, name.en);
    if (seen.searchHit && seen.mapped && seen.listed?.name.en === name.en) return;
    if (Date.now() > deadline) throw new Error(`"${slug}" is not public as "${name.en}": ${JSON.stringify({ ...seen, all: undefined })}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a submitted or returned revision reaches no public answer', () => {
  it('for a new registration', async () => {
    const slug = 'authz-hidden-registration';
    const name = { ru: 'Скрытый кластер Зимородок', en: 'Hidden Kingfisher cluster' };
    expect((await call('POST', '/api/v1/me/clusters', who.managerA.token, profileOf(slug, name))).status).toBe(201);
    expect((await call('POST', `/api/v1/me/clusters/${slug}/submit`, who.managerA.token)).status).toBe(200);
    await expectHidden(slug, name);
    expect((await call('POST', `/api/v1/moderation/${slug}/return`, who.moderator.token, { comment: 'Not yet.' })).status).toBe(200);
    expect(latestRevision(slug).state).toBe('returned');
    await expectHidden(slug, name);
  });

  it('for an edit of an approved cluster: the approved name stays public, the new one appears nowhere', async () => {
    const slug = 'authz-edited-cluster';
    const approved = { ru: 'Одобренный кластер Пеликан', en: 'Approved Pelican cluster' };
    const edited = { ru: 'Переименованный кластер Фламинго', en: 'Renamed Flamingo cluster' };
    expect((await call('POST', '/api/v1/me/clusters', who.managerA.token, profileOf(slug, approved))).status).toBe(201);
    expect((await call('POST', `/api/v1/me/clusters/${slug}/submit`, who.managerA.token)).status).toBe(200);
    expect((await call('POST', `/api/v1/moderation/${slug}/approve`, who.moderator.token)).status).toBe(200);
    await waitUntilPublic(slug, approved);

    expect((await call('PUT', `/api/v1/me/clusters/${slug}`, who.managerA.token, profileOf(slug, edited))).status).toBe(200);
    const expectOnlyApproved = async () => {
      for (const query of [edited.ru, edited.en]) {
        const seen = await publicAnswers(slug, query);
        for (const answer of seen.all) expect(answer.text).not.toContain(query);
        expect(seen.searchHit).toBe(false);
        expect(seen.listed?.name).toEqual(approved);
        expect(JSON.parse(seen.profile.text).general.name).toEqual(approved);
        expect(seen.pages[0]!.text).toContain(approved.ru);
        expect(seen.pages[1]!.text).toContain(approved.en);
        expect(seen.mapped).toBe(true);
      }
      expect((await publicAnswers(slug, approved.en)).searchHit).toBe(true);
    };
    await expectOnlyApproved();
    expect((await call('POST', `/api/v1/me/clusters/${slug}/submit`, who.managerA.token)).status).toBe(200);
    await expectOnlyApproved();
    expect((await call('POST', `/api/v1/moderation/${slug}/return`, who.moderator.token, { comment: 'Keep the old name.' })).status).toBe(200);
    expect(latestRevision(slug)).toMatchObject({ state: 'returned', profile: { general: { name: edited } } });
    await expectOnlyApproved();
  });
});

describe('account forms', () => {
  it("refuse a signed-in account's post from another origin (Astro's origin check) and make no token", async () => {
    const before = snapshot();
    const answer = await who.managerA.visitor.submit('/en/account', 'accounts.createApiToken', { name: 'cross-site token', lang: 'en' }, { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(snapshot()).toEqual(before);
  });
});

describe('a disabled account', () => {
  it('gets no new API token for its email and password', async () => {
    const before = snapshot();
    const answer = await postJson(portal, '/api/v1/auth/tokens', { email: who.disabled.email, password: PASSWORD });
    expect([401, 403]).toContain(answer.status);
    expect(answer.body.token).toBeUndefined();
    expect(snapshot()).toEqual(before);
  });
});

describe('a token is read from the Authorization header only', () => {
  it.each([
    ['as ?token=', (token: string) => ({ path: `/api/v1/me/clusters?token=${token}`, headers: {} })],
    ['as ?access_token=', (token: string) => ({ path: `/api/v1/me/clusters?access_token=${token}`, headers: {} })],
    ['as a token cookie', (token: string) => ({ path: '/api/v1/me/clusters', headers: { cookie: `token=${token}` } })],
    ['as the session cookie', (token: string) => ({ path: '/api/v1/me/clusters', headers: { cookie: `cm_session=${token}` } })],
  ])('a valid API token passed %s gets 401', async (_how, place) => {
    const { path, headers } = place(who.managerA.token!);
    const answer = await call('GET', path, null, undefined, headers);
    expect(answer.status).toBe(401);
    expect(answer.body.items).toBeUndefined();
    // The same token in the header works, so the 401 is about where it was sent.
    expect((await call('GET', '/api/v1/me/clusters', who.managerA.token)).status).toBe(200);
  });

  it.each(['/api/v1/me/clusters', `/api/v1/me/clusters/${A}`])('HEAD %s without a token is refused like GET', async (path) => {
    expect((await fetch(portal.url + path, { method: 'HEAD' })).status).toBe(401);
  });

  it('an API token is not a session: as the session cookie it signs nobody in to the account page', async () => {
    const answer = await fetch(`${portal.url}/en/account`, { redirect: 'manual', headers: { cookie: `cm_session=${who.managerA.token}` } });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`/en/login?next=${encodeURIComponent('/en/account')}`);
  });

  it('a session is not an API token: neither its cookie nor its value as a Bearer token opens the API', async () => {
    const session = who.managerA.visitor.cookie!;
    expect((await call('GET', '/api/v1/me/clusters', null, undefined, { cookie: session })).status).toBe(401);
    expect((await call('GET', '/api/v1/me/clusters', session.slice('cm_session='.length))).status).toBe(401);
    expect((await call('POST', `/api/v1/me/clusters/${A}/submit`, null, undefined, { cookie: session, origin: portal.url })).status).toBe(401);
  });
});
