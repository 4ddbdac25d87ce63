import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getYearAnalytics } from '../../../src/server/analytics';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { addManager, approveRevision, clusterHistory, compareWithPublic, saveDraft, submitRevision } from '../../../src/server/workflow/revisions';
import { makeTempDir } from '../../helpers/temp';
import { closeTempStore, openTempStore, shippedProfile } from '../db/store-helpers';
import { ACTORS, allCounts, submittableInput } from './helpers';

const { managerA, moderator } = ACTORS;
const NEW = 'kaluga-new-pharma';
const SEEDED = 'obninsk-pharma-biotech';

/** A new registration whose publications (2012) exceed every pilot cluster's, so it moves everyone's index. */
const registration = (edit: (p: any) => void = () => {}) =>
  submittableInput((p) => {
    p.slug = NEW;
    p.general.name = { ru: 'Новый фармкластер', en: 'New pharma cluster' };
    p.indicators[0].publications.value = 1_000_000;
    edit(p);
  });

/** A pilot profile completed to the minimum requirements by its manager. */
const completedPilot = (edit: (p: any) => void = () => {}) => {
  const p = shippedProfile(SEEDED);
  const complete = submittableInput();
  // The pilot's own sourced facts stay: the manager completes the blocks, they do not remove what public sources say.
  p.management = { ...complete.management, ...(p.management?.facts ? { facts: p.management.facts } : {}) };
  p.members = { ...complete.members, ...(p.members?.facts ? { facts: p.members.facts } : {}) };
  edit(p);
  return p;
};

describe('approval', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  beforeEach(async () => ({ store, temp } = await openTempStore()));
  afterEach(() => closeTempStore(store, temp));

  it('makes a new cluster public with its index, queues its search update and recomputes the index of everyone, in one commit', async () => {
    await saveDraft(store, managerA, registration());
    await submitRevision(store, managerA, NEW);
    const pilotBefore = (await getYearAnalytics(store, 2012)).clusters.get(SEEDED)!.overall!.value;
    expect((await getYearAnalytics(store, 2012)).clusters.has(NEW)).toBe(false);
    const before = allCounts(temp.dir);

    await approveRevision(store, moderator, NEW);

    expect(allCounts(temp.dir)).toMatchObject({
      clusters: before.clusters + 1,
      searchOutbox: before.searchOutbox + 1,
      auditLog: before.auditLog + 2,
      dataVersion: before.dataVersion + 1,
    });
    const pending = store.db.prepare('SELECT slug FROM search_outbox WHERE done_at IS NULL ORDER BY id DESC LIMIT 1').get();
    expect(pending).toEqual({ slug: NEW });
    expect(await store.clusters.getPublication(NEW)).toBe('approved');
    expect((await store.clusters.listPublic()).map((c) => c.slug)).toContain(NEW);
    const analytics = await getYearAnalytics(store, 2012);
    expect(analytics.clusters.get(NEW)?.overall?.value).toBeGreaterThan(0);
    expect(analytics.clusters.get(SEEDED)!.overall!.value).toBeLessThan(pilotBefore);
  });

  it('a failing publication rolls the revision back to submitted (one unit of work)', async () => {
    await saveDraft(store, managerA, registration());
    await submitRevision(store, managerA, NEW);
    store.db.exec("CREATE TRIGGER fail_publish BEFORE INSERT ON clusters BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = allCounts(temp.dir);
    await expect(approveRevision(store, moderator, NEW)).rejects.toThrow('disk full');
    expect(allCounts(temp.dir)).toEqual(before);
    expect((await store.revisions.openRevision(NEW))?.state).toBe('submitted');
  });

  it('an edit of a pilot cluster keeps the approved profile public until it is approved', async () => {
    await addManager(store, moderator, SEEDED, managerA.userId);
    const published = await store.clusters.getPublicProfile(SEEDED);
    await saveDraft(store, managerA, completedPilot((p) => (p.general.employees = 4200)));
    await submitRevision(store, managerA, SEEDED);
    expect(await store.clusters.getPublicProfile(SEEDED)).toEqual(published);
    const comparison = await compareWithPublic(store, moderator, SEEDED);
    expect(comparison.published).toEqual(published);
    expect(comparison.changedFields).toEqual(['general.employees', 'management.cmo', 'management.manager', 'members.members']);
    expect(comparison.revision.profile.general.employees).toBe(4200);

    await approveRevision(store, moderator, SEEDED);
    const now = await store.clusters.getPublicProfile(SEEDED);
    expect(now?.general.employees).toBe(4200);
    expect(now?.members.members).toHaveLength(10);
    expect((await store.clusters.seedState(SEEDED))?.editedAfterSeed).toBe(true);
  });

  it('the history lists the approved versions, newest first, with the fields each changed', async () => {
    await addManager(store, moderator, SEEDED, managerA.userId);
    await saveDraft(store, managerA, completedPilot());
    await submitRevision(store, managerA, SEEDED);
    await approveRevision(store, moderator, SEEDED);
    await saveDraft(store, managerA, completedPilot((p) => ((p.general.employees = 4200), (p.general.name.en = 'Obninsk pharma cluster'))));
    await submitRevision(store, managerA, SEEDED);
    await approveRevision(store, moderator, SEEDED);
    await saveDraft(store, managerA, completedPilot((p) => (p.general.employees = 5000))); // open, not in the history

    const history = await clusterHistory(store, SEEDED);
    expect(history.map((h) => [h.number, h.kind, h.approvedBy, h.changedFields])).toEqual([
      [2, 'edit', 9, ['general.employees', 'general.name']],
      [1, 'edit', 9, ['management.cmo', 'management.manager', 'members.members']],
    ]);
    expect(await clusterHistory(store, 'sarov-nuclear')).toEqual([]);
  });
});
