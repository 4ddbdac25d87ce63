import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../../src/server/auth/accounts';
import { PORTAL_PID_FILE } from '../../../src/server/db/portal-lock';
import { saveDraft } from '../../../src/server/workflow/revisions';
import { openStore } from '../../../src/server/store';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { runScript } from '../../helpers/scripts';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR } from '../db/store-helpers';
import { submittableInput } from '../workflow/helpers';
import { integrityOf, storeRows } from './store-rows';

// Issue 14, backup and restore: a copy taken while the portal answers reads and takes sign-ups is consistent; restored
// into a fresh DATA_DIR it holds every profile, revision and account as they were, and a portal started on it serves
// the same clusters (store and rebuilt search index). A restore under a running portal is refused.
const DRAFT_SLUG = 'backup-draft-cluster';
const MANAGER_EMAIL = 'backup-manager@example.org';
const PASSWORD = 'a long enough password';
const SIGN_UPS_DURING_BACKUP = 12; // under the sign-up limit per IP (20 an hour)

let source: ReturnType<typeof makeTempDir>;
let restored: ReturnType<typeof makeTempDir>;
let backups: ReturnType<typeof makeTempDir>;
let portal: RunningPortal | undefined;

/** A store with the seed, one account (through the sign-up operation) and its draft registration (through the workflow). */
async function prepareSource(dataDir: string): Promise<void> {
  const store = await openStore({ dataDir, contentDir: CONTENT_DIR });
  try {
    expect(await register(store, { email: MANAGER_EMAIL, name: 'Backup Manager', password: PASSWORD }, { ip: '127.0.0.9', lang: 'en' })).toEqual({ ok: true });
    const user = await store.accounts.findUserByEmail(MANAGER_EMAIL);
    await saveDraft(store, { userId: user!.id, role: 'manager' }, submittableInput((p) => {
      p.slug = DRAFT_SLUG;
      p.general.name = { ru: 'Кластер резервных копий', en: 'Backup copies cluster' };
    }));
  } finally {
    await store.close();
  }
}

/** Reads and sign-ups against the portal until `until` settles; resolves to the sign-ups' statuses. */
async function serveLoad(url: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const statuses: number[] = [];
  const reader = async () => {
    for (let i = 0; !done || i < 3; i++) {
      const res = await fetch(`${url}${i % 2 ? '/api/v1/clusters?perPage=50' : '/en/clusters'}`);
      await res.arrayBuffer();
      expect(res.status).toBe(200);
    }
  };
  const signUps = async () => {
    for (let i = 0; i < SIGN_UPS_DURING_BACKUP; i++) {
      const res = await fetch(`${url}/api/v1/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `during-backup-${i}@example.org`, name: `During ${i}`, password: PASSWORD }),
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
  };
  await Promise.all([reader(), reader(), signUps()]);
  return statuses;
}

/** Waits (up to 30 s) until the portal's search uses Meilisearch with nothing left to deliver. */
async function searchSettled(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const health = (await (await fetch(`${url}/api/v1/health`)).json()) as { searchState: string; searchPending: number };
    if (health.searchState === 'ready' && health.searchPending === 0) return;
    if (Date.now() > deadline) throw new Error(`search did not settle: ${JSON.stringify(health)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The public clusters a portal lists (slug and index), and what its search finds for a word. */
async function publicView(url: string): Promise<{ clusters: unknown[]; search: string[] }> {
  await searchSettled(url);
  const list = (await (await fetch(`${url}/api/v1/clusters?perPage=100&sort=name`)).json()) as { items: Array<{ slug: string; index: unknown }> };
  const search = (await (await fetch(`${url}/api/v1/search?q=${encodeURIComponent('кластер')}&perPage=100&sort=name`)).json()) as { mode: string; hits: Array<{ slug: string }> };
  expect(search.mode).toBe('meilisearch');
  return { clusters: list.items.map((i) => ({ slug: i.slug, index: i.index })), search: search.hits.map((h) => h.slug) };
}

describe('npm run backup and npm run restore', () => {
  let before: Awaited<ReturnType<typeof publicView>>;
  let accountsBeforeBackup: number;

  beforeAll(async () => {
    [source, restored, backups] = [makeTempDir(), makeTempDir(), makeTempDir('cluster-map-backups-')];
    await prepareSource(source.dir);
    accountsBeforeBackup = storeRows(source.dir).users.length;
    portal = await startPortal({ dataDir: source.dir });
    before = await publicView(portal.url);
  });
  afterAll(async () => {
    await portal?.stop();
    for (const temp of [source, restored, backups]) temp?.remove();
  });

  it('takes a consistent copy while the portal serves reads and sign-ups', async () => {
    const backup = runScript('backup.ts', [join(backups.dir, 'copy.sqlite')], { DATA_DIR: source.dir });
    const statuses = await serveLoad(portal!.url, backup);
    const run = await backup;
    expect(run.code, run.output).toBe(0);
    expect(statuses.every((s) => s === 202)).toBe(true);
    expect(statSync(join(backups.dir, 'copy.sqlite')).mode & 0o777).toBe(0o600);
    expect(readdirSync(backups.dir)).toEqual(['copy.sqlite']); // no partial or -wal files beside it
  });

  it('refuses to restore under a running portal, naming its pid and what to do', async () => {
    const run = await runScript('restore.ts', [join(backups.dir, 'copy.sqlite')], { DATA_DIR: source.dir });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/a portal is running on .+ \(pid \d+\): stop it first \(Ctrl\+C or kill \d+\)/);
  });

  it('refuses a file that is not a Cluster Map store, and leaves the DATA_DIR as it was', async () => {
    const junk = join(backups.dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, only text\n'.repeat(200));
    const run = await runScript('restore.ts', [junk], { DATA_DIR: restored.dir });
    expect(run.code).toBe(1);
    expect(run.output).toContain('cannot be read as an SQLite database');
    expect(existsSync(join(restored.dir, 'cluster-map.sqlite'))).toBe(false);
  });

  it('restores into a fresh DATA_DIR every profile, revision and account as they were', async () => {
    await portal!.stop();
    portal = undefined;
    expect(existsSync(join(source.dir, PORTAL_PID_FILE))).toBe(false);
    const run = await runScript('restore.ts', [join(backups.dir, 'copy.sqlite')], { DATA_DIR: restored.dir });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/search index rebuilt: 25 public profiles/);
    expect(integrityOf(restored.dir)).toBe('ok');

    const original = storeRows(source.dir);
    const copy = storeRows(restored.dir);
    // Nothing but sign-ups was written while the copy was taken: everything else is identical.
    for (const table of ['clusters', 'indicator_values', 'cluster_revisions', 'cluster_managers', 'api_tokens', 'region_statistics'] as const)
      expect(copy[table], table).toEqual(original[table]);
    expect(copy.cluster_revisions).toEqual([expect.objectContaining({ slug: DRAFT_SLUG, state: 'draft' })]);
    // The copy is one snapshot: a prefix of the accounts (the sign-ups it saw), each exactly as stored, and the audit log with them.
    expect(copy.users.length).toBeGreaterThanOrEqual(accountsBeforeBackup);
    expect(copy.users).toEqual(original.users.slice(0, copy.users.length));
    expect(copy.audit_log).toEqual(original.audit_log.slice(0, copy.audit_log.length));
    expect(copy.users.some((u) => (u as { email: string }).email === MANAGER_EMAIL)).toBe(true);
  });

  it('a portal started on the restored DATA_DIR serves the same clusters and search results', async () => {
    portal = await startPortal({ dataDir: restored.dir });
    expect(await publicView(portal.url)).toEqual(before);
  });
});
