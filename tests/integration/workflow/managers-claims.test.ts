import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { openStore } from '../../../src/server/store';
import {
  addManager,
  claimCluster,
  decideClaim,
  listClaims,
  listManagers,
  myClusters,
  removeManager,
  saveDraft,
} from '../../../src/server/workflow/revisions';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR, shippedProfile } from '../db/store-helpers';
import { ACTORS, allCounts, auditOf, codeOf, submittableInput } from './helpers';

const { managerA, managerB, moderator, stranger } = ACTORS;
const SEEDED = 'obninsk-pharma-biotech';
const A = 'new-cluster-a';

describe('managers and claims', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  beforeEach(async () => {
    temp = makeTempDir();
    store = await openStore({ dataDir: temp.dir, contentDir: CONTENT_DIR });
    await saveDraft(store, managerA, submittableInput((p) => (p.slug = A)));
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  const userIds = async (slug: string) => (await listManagers(store, moderator, slug)).map((m) => m.userId);

  it('a manager adds and removes another manager; the last one stays unless a moderator removes it', async () => {
    expect((await addManager(store, managerA, A, stranger.userId)).map((m) => m.userId)).toEqual([1, 5]);
    expect(await codeOf(addManager(store, managerA, A, stranger.userId))).toBe('already-manager');
    expect((await removeManager(store, managerA, A, managerA.userId)).map((m) => m.userId)).toEqual([5]);
    const before = allCounts(temp.dir);
    expect(await codeOf(removeManager(store, stranger, A, stranger.userId))).toBe('last-manager');
    expect(allCounts(temp.dir)).toEqual(before);
    expect(await removeManager(store, moderator, A, stranger.userId)).toEqual([]);
    expect(auditOf(temp.dir, A).map((e) => e.action)).toEqual(['revision.create', 'manager.add', 'manager.remove', 'manager.remove']);
  });

  it.each([
    ['not-your-cluster', 'a manager of another cluster adds themself', () => addManager(store, managerB, A, managerB.userId)],
    ['not-your-cluster', 'a manager of another cluster removes its manager', () => removeManager(store, managerB, A, managerA.userId)],
    ['not-your-cluster', 'a manager of another cluster lists its managers', () => listManagers(store, managerB, A)],
    ['not-found', 'a manager removes someone who is not a manager', () => removeManager(store, managerA, A, 77)],
    ['not-found', 'a moderator adds a manager to no cluster', () => addManager(store, moderator, 'no-such-cluster', 3)],
    ['not-found', 'a claim of a cluster that is not public', () => claimCluster(store, managerB, A)],
    ['already-manager', 'a manager claims their own cluster', () => claimCluster(store, managerA, SEEDED).then(() => decideClaim(store, moderator, 1, 'confirmed')).then(() => claimCluster(store, managerA, SEEDED))],
    ['claim-exists', 'a second pending claim', () => claimCluster(store, managerB, SEEDED).then(() => claimCluster(store, managerB, SEEDED))],
    ['moderator-only', 'a manager confirms a claim', () => claimCluster(store, managerB, SEEDED).then((c) => decideClaim(store, managerB, c.id, 'confirmed'))],
    ['moderator-only', 'a manager lists the claims', () => listClaims(store, managerA)],
    ['invalid-transition', 'a claim decided twice', () => claimCluster(store, managerB, SEEDED).then((c) => decideClaim(store, moderator, c.id, 'rejected').then(() => decideClaim(store, moderator, c.id, 'confirmed')))],
    ['not-found', 'an unknown claim', () => decideClaim(store, moderator, 999, 'confirmed')],
  ])('refused with %s: %s', async (code, _name, step) => {
    expect(await codeOf(step())).toBe(code);
  });

  it('a confirmed claim makes the claimant a manager of the seeded cluster, who may then edit it', async () => {
    expect(await codeOf(saveDraft(store, managerB, shippedProfile(SEEDED)))).toBe('not-your-cluster');
    const claim = await claimCluster(store, managerB, SEEDED);
    expect(claim).toMatchObject({ slug: SEEDED, userId: 2, state: 'pending' });
    expect((await listClaims(store, moderator)).map((c) => c.id)).toEqual([claim.id]);
    expect(await decideClaim(store, moderator, claim.id, 'confirmed')).toMatchObject({ state: 'confirmed', decidedBy: 9 });
    expect(await userIds(SEEDED)).toEqual([2]);
    expect(await listClaims(store, moderator)).toEqual([]);
    const edit = await saveDraft(store, managerB, shippedProfile(SEEDED));
    expect(edit).toMatchObject({ kind: 'edit', number: 1, state: 'draft' });
    expect((await myClusters(store, managerB)).map((c) => [c.slug, c.isPublic, c.openRevision?.state])).toEqual([[SEEDED, true, 'draft']]);
    expect(auditOf(temp.dir, SEEDED).slice(-3).map((e) => `${e.actor} ${e.action}`)).toEqual(['user:2 claim.create', 'user:9 claim.confirm', 'user:2 revision.create']);
  });

  it('a rejected claim changes no managers', async () => {
    const claim = await claimCluster(store, managerB, SEEDED);
    const before = allCounts(temp.dir);
    await decideClaim(store, moderator, claim.id, 'rejected');
    expect(await userIds(SEEDED)).toEqual([]);
    expect(allCounts(temp.dir)).toMatchObject({ managers: before.managers, claims: before.claims });
  });
});
