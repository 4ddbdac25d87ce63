import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { makeTempDir } from '../../helpers/temp';
import { closeTempStore, openTempStore, shippedProfile } from './store-helpers';

// The FTS5 side of the search fallback on a real SQLite file seeded with the 25 pilot clusters.
describe('SearchFallbackRepository', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  const change = { actor: 'test', action: 'test' };
  const marks = { pre: '[', post: ']' };
  const slugsOf = (rows: Array<{ slug: string }>) => rows.map((r) => r.slug).sort();

  beforeEach(async () => ({ store, temp } = await openTempStore()));
  afterEach(() => closeTempStore(store, temp));

  it('indexes every public profile on the first sync, and nothing on the next one', async () => {
    expect(await store.searchFallback.sync()).toEqual({ reindexed: 25 });
    expect(await store.searchFallback.sync()).toEqual({ reindexed: 0 });
  });

  it('lists every public cluster for a null match, with score 0', async () => {
    await store.searchFallback.sync();
    const all = await store.searchFallback.candidates(null);
    expect(all).toHaveLength(25);
    expect(new Set(all.map((c) => c.score))).toEqual(new Set([0]));
    expect(all.find((c) => c.slug === 'obninsk-pharma-biotech')).toMatchObject({
      name: { en: 'Pharmaceutical, biotechnology and biomedical cluster (Obninsk)' },
      region: 'RU-KLU',
      industryGroup: 'pharma-bio-medical',
      lat: 55.083,
      lon: 36.617,
    });
  });

  it('finds by a word of the name or the place, best first', async () => {
    await store.searchFallback.sync();
    const tomsk = await store.searchFallback.candidates('"томск"*');
    expect(tomsk[0]!.slug).toBe('tomsk-pharma-medtech-it');
    expect(tomsk.map((c) => c.score)).toEqual([...tomsk.map((c) => c.score)].sort((a, b) => a - b));
  });

  it('follows the outbox: a renamed cluster is found by its new name, a withdrawn one no longer at all', async () => {
    await store.searchFallback.sync();
    const renamed = shippedProfile('sarov-nuclear');
    renamed.general.name.en = 'Sarov Wombat cluster';
    await store.clusters.save(renamed, { publication: 'approved' }, change);
    await store.clusters.save(shippedProfile('zelenograd'), { publication: 'archived' }, change);
    expect(await store.searchFallback.sync()).toEqual({ reindexed: 2 });
    expect(slugsOf(await store.searchFallback.candidates('"wombat"*'))).toEqual(['sarov-nuclear']);
    expect(await store.searchFallback.candidates('"zelenograd"*')).toEqual([]);
    expect(await store.searchFallback.candidates(null)).toHaveLength(24);
  });

  it('marks the matched words in snippets and reads cities of the given rows', async () => {
    await store.searchFallback.sync();
    const [tomsk] = await store.searchFallback.candidates('"томск"*');
    const [snippet] = await store.searchFallback.snippets('"pharmaceutical"*', [tomsk!.id], marks);
    expect(`${snippet!.topics} ${snippet!.body}`).toMatch(/\[Pharmaceutical\]/i);
    expect(await store.searchFallback.snippets('"pharmaceutical"*', [], marks)).toEqual([]);
    const cities = await store.searchFallback.cities([tomsk!.id]);
    expect(cities.get(tomsk!.id)).toEqual({ ru: 'Томск', en: 'Tomsk' });
  });
});
