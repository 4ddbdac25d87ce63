import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/server/db/connection';
import { listMatching } from '../../../src/server/directory';
import { openStore } from '../../../src/server/store';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { createManagerTokens } from '../../helpers/managers';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR } from '../db/store-helpers';
import { submittableInput } from '../workflow/helpers';

// Issue 14, concurrency: 50 managers create, save (several times), submit and later edit their clusters through the
// HTTP API at once, while a moderator approves whatever is submitted. Afterwards every change is stored exactly once
// (the audit log holds one entry per successful call), revision numbers run 1, 2 in order, the public list, the
// index and the search agree with the store.
//
// How it was checked to fail when a protection is removed: SqliteStore.transaction without its WriteGate (units of
// work interleaving on the one connection) made the first creations answer 500, and every later check failed with
// it (a revision left as a draft, audit entries missing, 25 clusters listed instead of 75). Then restored.
const MANAGERS = 50;
const SAVES = 3; // PUTs of each draft after its creation
const WORD = 'Zqxload';
const ADMIN = { email: 'load-moderator@example.org', password: 'a moderator passphrase' };

let temp: ReturnType<typeof makeTempDir>;
let portal: RunningPortal;
let tokens: string[];
let moderator: string;

/** The slug of manager i's cluster. */
const slugOf = (i: number) => `load-cluster-${i}`;
/** Manager i's profile at a given step (the description records the step, so the stored text says which save won). */
const profileOf = (i: number, step: string) =>
  submittableInput((p) => {
    p.slug = slugOf(i);
    p.general.name = { ru: `Кластер нагрузки ${i}`, en: `Load cluster ${i} ${WORD}` };
    p.priorities = { ...p.priorities, developmentGoals: { ru: `Шаг ${step}`, en: `Step ${step}` } };
  });

/** One HTTP call with a token and an optional JSON body: status and body. */
async function call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(portal.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Successful calls by slug and audit action, counted on the client side. */
const succeeded = new Map<string, number>();
/** Records a successful call of an audited action. */
function count(slug: string, action: string): void {
  succeeded.set(`${slug} ${action}`, (succeeded.get(`${slug} ${action}`) ?? 0) + 1);
}

/** Waits until the moderator has approved the cluster's open revision (polling the manager's view). */
async function approved(i: number, deadline: number): Promise<void> {
  for (;;) {
    const view = await call('GET', `/api/v1/me/clusters/${slugOf(i)}`, tokens[i]!);
    expect(view.status).toBe(200);
    if (view.body.state === 'approved') return;
    if (Date.now() > deadline) throw new Error(`${slugOf(i)} was not approved in time: ${JSON.stringify(view.body).slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One manager's life: create, save, submit; once approved, edit (revision 2), save, submit again. */
async function manager(i: number, deadline: number): Promise<void> {
  const slug = slugOf(i);
  for (const round of [1, 2]) {
    const created = await call('POST', '/api/v1/me/clusters', tokens[i]!, profileOf(i, `${round}.0`));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.number).toBe(round);
    count(slug, 'revision.create');
    for (let s = 1; s <= SAVES; s++) {
      const saved = await call('PUT', `/api/v1/me/clusters/${slug}`, tokens[i]!, profileOf(i, `${round}.${s}`));
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      count(slug, 'revision.save');
    }
    const submitted = await call('POST', `/api/v1/me/clusters/${slug}/submit`, tokens[i]!);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    count(slug, 'revision.submit');
    await approved(i, deadline);
  }
}

/** The moderator: sweeps every slug in turn, approving what is submitted (409 for the rest), until `done` says stop. */
async function moderate(done: () => boolean, deadline: number): Promise<number> {
  let approvals = 0;
  while (!done() && Date.now() < deadline) {
    for (let i = 0; i < MANAGERS; i++) {
      const answer = await call('POST', `/api/v1/moderation/${slugOf(i)}/approve`, moderator);
      expect([200, 404, 409], JSON.stringify(answer.body)).toContain(answer.status);
      if (answer.status === 200) (approvals++, count(slugOf(i), 'revision.approve'));
    }
  }
  return approvals;
}

/** Audit entries by "slug action" for the load clusters. */
function auditCounts(dataDir: string): Map<string, number> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db.prepare("SELECT subject, action, COUNT(*) AS n FROM audit_log WHERE subject LIKE 'load-cluster-%' AND action LIKE 'revision.%' GROUP BY subject, action").all() as Array<{ subject: string; action: string; n: number }>;
    return new Map(rows.map((r) => [`${r.subject} ${r.action}`, r.n]));
  } finally {
    db.close();
  }
}

/** Every revision of the load clusters in insertion order. */
function revisions(dataDir: string): Array<{ slug: string; number: number; state: string; profile_json: string }> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare("SELECT slug, number, state, profile_json FROM cluster_revisions WHERE slug LIKE 'load-cluster-%' ORDER BY id").all() as never;
  } finally {
    db.close();
  }
}

describe(`${MANAGERS} managers saving and submitting at once, a moderator approving meanwhile`, () => {
  beforeAll(async () => {
    temp = makeTempDir();
    tokens = await createManagerTokens(temp.dir, MANAGERS, 'load-manager');
    portal = await startPortal({ dataDir: temp.dir, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
    const res = await fetch(`${portal.url}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const body = (await res.json()) as { token: string };
    expect(res.status, JSON.stringify(body)).toBe(201);
    moderator = body.token;
  });
  afterAll(async () => {
    await portal?.stop();
    temp?.remove();
  });

  it('answers every call, approving each revision once', async () => {
    const deadline = Date.now() + 150_000;
    let finished = 0;
    const managers = Promise.all(Array.from({ length: MANAGERS }, (_, i) => manager(i, deadline).finally(() => finished++)));
    const [, approvals] = await Promise.all([managers, moderate(() => finished === MANAGERS, deadline)]);
    expect(approvals).toBe(2 * MANAGERS);
  });

  it('stored every change exactly once: one audit entry per successful call', () => {
    expect(Object.fromEntries(auditCounts(temp.dir))).toEqual(Object.fromEntries(succeeded));
  });

  it('numbered each cluster\'s revisions 1 and 2 in order, both approved, the last save of each kept', () => {
    const rows = revisions(temp.dir);
    for (let i = 0; i < MANAGERS; i++) {
      const own = rows.filter((r) => r.slug === slugOf(i));
      expect(own.map((r) => [r.number, r.state])).toEqual([[1, 'approved'], [2, 'approved']]);
      expect(own.map((r) => JSON.parse(r.profile_json).priorities.developmentGoals.en)).toEqual([`Step 1.${SAVES}`, `Step 2.${SAVES}`]);
    }
  });

  it('lists, ranks and finds every cluster as the store says', async () => {
    const list = (await (await fetch(`${portal.url}/api/v1/clusters?perPage=100`)).json()) as { items: Array<{ slug: string; index: { overall: number | null } }> };
    expect(list.items.length).toBe(25 + MANAGERS);
    const store = await openStore({ dataDir: temp.dir, contentDir: CONTENT_DIR });
    try {
      // A fresh computation in this process, with no cache: the portal's ranks must be the same.
      const fresh = await listMatching(store, {});
      expect(Object.fromEntries(list.items.map((c) => [c.slug, c.index.overall]))).toEqual(Object.fromEntries(fresh.items.map((c) => [c.slug, c.index])));
    } finally {
      await store.close();
    }
    // The outbox drains (every change delivered), then Meilisearch finds each load cluster once.
    const deadline = Date.now() + 60_000;
    let health: { searchPending: number; searchState: string };
    for (;;) {
      health = (await (await fetch(`${portal.url}/api/v1/health`)).json()) as typeof health;
      if ((health.searchState === 'ready' && health.searchPending === 0) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(health).toMatchObject({ searchState: 'ready', searchPending: 0 });
    const search = (await (await fetch(`${portal.url}/api/v1/search?q=${WORD}&perPage=100&lang=en`)).json()) as { mode: string; total: number; hits: Array<{ slug: string }> };
    expect(search.mode).toBe('meilisearch');
    expect(search.hits.map((h) => h.slug).sort()).toEqual(Array.from({ length: MANAGERS }, (_, i) => slugOf(i)).sort());
  });
});
