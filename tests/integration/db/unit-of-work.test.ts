import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { makeTempDir } from '../../helpers/temp';
import { closeTempStore, countsIn, openTempStore, shippedProfile } from './store-helpers';

/** A valid new profile with its own slug, based on the shipped Obninsk profile. */
function newProfile(slug: string) {
  const p = shippedProfile('obninsk-pharma-biotech');
  p.slug = slug;
  return p;
}

// store.transaction on a real SQLite file: what commits together, what rolls back, and who waits.
describe('SqliteStore.transaction (unit of work)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  const change = { actor: 'test', action: 'test' };

  beforeEach(async () => ({ store, temp } = await openTempStore()));
  afterEach(() => closeTempStore(store, temp));

  it('commits every write of the work together', async () => {
    const before = countsIn(temp.dir);
    await store.transaction(async (tx) => {
      await tx.clusters.save(newProfile('first-new'), { publication: 'approved' }, change);
      await tx.clusters.save(newProfile('second-new'), { publication: 'approved' }, change);
    });
    expect(countsIn(temp.dir)).toMatchObject({ clusters: before.clusters + 2, searchOutbox: before.searchOutbox + 2 });
  });

  it('rolls every write back when the work throws, and passes the error on', async () => {
    const before = countsIn(temp.dir);
    const failing = store.transaction(async (tx) => {
      await tx.clusters.save(newProfile('first-new'), { publication: 'approved' }, change);
      throw new Error('second step failed');
    });
    await expect(failing).rejects.toThrow('second step failed');
    expect(countsIn(temp.dir)).toEqual(before);
    expect(await store.clusters.getPublication('first-new')).toBeUndefined();
  });

  it('joins a nested unit of work to the outer one', async () => {
    const before = countsIn(temp.dir);
    await expect(
      store.transaction(async (tx) => {
        await tx.transaction(async (inner) => inner.clusters.save(newProfile('nested-new'), { publication: 'approved' }, change));
        throw new Error('outer failed after the inner one finished');
      }),
    ).rejects.toThrow('outer failed');
    expect(countsIn(temp.dir)).toEqual(before);
  });

  it('keeps a write from outside out of an open unit of work: it waits and survives the rollback', async () => {
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    const work = store.transaction(async (tx) => {
      await tx.clusters.save(newProfile('inside-new'), { publication: 'approved' }, change);
      await held; // the work awaits something else: the connection stays in its transaction meanwhile
      throw new Error('rolled back');
    });
    const outside = store.clusters.save(newProfile('outside-new'), { publication: 'approved' }, change);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.clusters.getPublication('outside-new')).toBeUndefined(); // still waiting
    letGo();
    await expect(work).rejects.toThrow('rolled back');
    await outside;
    expect(await store.clusters.getPublication('inside-new')).toBeUndefined();
    expect(await store.clusters.getPublication('outside-new')).toBe('approved');
  });

  it('gives a read-only unit of work one consistent snapshot', async () => {
    const seen = await store.transaction(async (tx) => ({ last: await tx.searchOutbox.maxId(), profiles: (await tx.clusters.listApprovedProfiles()).length }), { readOnly: true });
    expect(seen).toEqual({ last: 25, profiles: 25 });
  });
});
