import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeiliClient, type MeiliClient } from '../../../src/server/search/meili-client';
import { fallbackSearch } from '../../../src/server/search/fallback';
import { narrowByPlaceWords } from '../../../src/lib/search/place-words';
import { rebuildIndex } from '../../../src/server/search/reindex';
import { SearchRuntime } from '../../../src/server/search/runtime';
import { matchingSlugs, searchClusters, searchStatus } from '../../../src/server/search/service';
import { richProfileInput } from '../../unit/search/fixtures';
import { query, startSearchFixture, type SearchFixture } from './fixture';

const change = { actor: 'test', action: 'test' };

let f: SearchFixture;
beforeAll(async () => {
  f = await startSearchFixture();
});
afterAll(async () => {
  await f?.close();
});

/** The seeded profile of a slug with a new English name. */
async function renamed(slug: string, en: string) {
  const profile = structuredClone((await f.store.clusters.getPublicProfile(slug))!);
  profile.general.name.en = en;
  return profile;
}

describe('when Meilisearch goes away and comes back', () => {
  it('answers from the FTS5 fallback, loses no update, and returns to Meilisearch without a restart', async () => {
    process.kill(f.meili.pid, 'SIGKILL');
    await f.meili.exited;

    // Searching never throws: the failed request switches to the fallback at once.
    const during = await searchClusters(f.store, query({ q: 'Томск' }));
    expect(during.mode).toBe('fallback');
    expect(during.hits[0]!.slug).toBe('tomsk-pharma-medtech-it');
    expect((await searchStatus(f.store)).mode).toBe('fallback');

    // Changes made during the outage: a new profile, a rename, a withdrawal.
    await f.store.clusters.save(richProfileInput({ slug: 'outage-newcomer', name: { ru: 'Квоккa', en: 'Quokka cluster' } }), { publication: 'approved' }, change);
    await f.store.clusters.save(await renamed('sarov-nuclear', 'Sarov Wombat cluster'), { publication: 'approved' }, change);
    await f.store.clusters.save((await f.store.clusters.getPublicProfile('zelenograd'))!, { publication: 'archived' }, change);
    expect((await searchStatus(f.store)).pending).toBe(3);

    // The fallback already sees them (it follows the same outbox, in SQLite).
    expect((await searchClusters(f.store, query({ q: 'quokka' }))).hits.map((h) => h.slug)).toEqual(['outage-newcomer']);
    expect((await searchClusters(f.store, query({ q: 'wombat' }))).hits.map((h) => h.slug)).toEqual(['sarov-nuclear']);
    expect((await matchingSlugs(f.store, { q: 'Зеленоград' })).slugs).toEqual([]);

    const oldUrl = f.meili.url;
    await f.restartMeili();
    expect(f.meili.url).not.toBe(oldUrl);
    expect((await searchStatus(f.store)).mode).toBe('fallback'); // until the index at the new URL is checked
    await f.runtime.whenDrained(30_000);
    expect(f.runtime.url()).toBe(f.meili.url);
    const after = async (q: string) => {
      const r = await searchClusters(f.store, query({ q }));
      expect(r.mode).toBe('meilisearch');
      return r.hits.map((h) => h.slug);
    };
    expect(await after('quokka')).toEqual(['outage-newcomer']);
    expect(await after('wombat')).toEqual(['sarov-nuclear']);
    expect(await after('Зеленоград')).toEqual([]);
    expect(await searchStatus(f.store)).toMatchObject({ mode: 'meilisearch', state: 'ready', pending: 0 });
  });
});

describe('npm run reindex (rebuildIndex)', () => {
  it('swaps a fresh index in without a gap: every search during the rebuild sees every profile', async () => {
    const expected = await f.store.clusters.countPublic();
    const admin: MeiliClient = createMeiliClient({ url: f.meili.url, apiKey: f.masterKey }, 10_000);
    let running = true;
    const totals: number[] = [];
    const searching = (async () => {
      while (running) {
        const r = await searchClusters(f.store, query({ q: '' }));
        expect(r.mode).toBe('meilisearch');
        totals.push(r.total);
      }
    })();
    try {
      const report = await rebuildIndex(f.store, admin.client, 'clusters');
      expect(report.documents).toBe(expected);
    } finally {
      running = false;
      await searching;
    }
    expect(totals.length).toBeGreaterThan(5);
    expect(new Set(totals)).toEqual(new Set([expected]));
    const indexes = (await admin.client.getRawIndexes({ limit: 1000 })).results.map((i) => i.uid);
    expect(indexes.filter((uid) => uid.startsWith('clusters'))).toEqual(['clusters']);
    await admin.close();
  });

  it('delivers the changes it read and queues again those written after its snapshot', async () => {
    await f.runtime.stop(); // hold the worker, so only the rebuild delivers
    const before = await f.store.searchOutbox.maxId();
    await f.store.clusters.save(await renamed('dubna-nuclear-nanotech', 'Dubna Platypus cluster'), { publication: 'approved' }, change);
    const admin = createMeiliClient({ url: f.meili.url, apiKey: f.masterKey }, 10_000);
    const report = await rebuildIndex(f.store, admin.client, 'clusters');
    await admin.close();
    expect(report.settled).toBe(1); // read in the snapshot: the new index has it
    const done = f.store.db.prepare('SELECT done_at FROM search_outbox WHERE id > ?').all(before) as { done_at: string | null }[];
    expect(done.map((r) => r.done_at === null)).toEqual([false]);

    // A row written after the snapshot may have reached the old index only: it is due again.
    const outbox = f.store.searchOutbox;
    const snapshot = await outbox.maxId();
    await f.store.clusters.save(await renamed('dubna-nuclear-nanotech', 'Dubna Echidna cluster'), { publication: 'approved' }, change);
    await outbox.markDone([await outbox.maxId()]);
    expect(await outbox.settleAfterRebuild(snapshot)).toEqual({ settled: 0, reopened: 1 });
    expect(await outbox.pendingCount()).toBe(1);
  });
});

describe('without Meilisearch at all', () => {
  it('runs in fallback mode with facets, filters, sorting and highlights', async () => {
    const disabled = new SearchRuntime(f.store, { connection: null, disabledReason: 'not configured' });
    expect(await disabled.status()).toMatchObject({ mode: 'fallback', state: 'disabled', reason: 'not configured' });
    const r = await fallbackSearch(f.store, query({ q: 'ядерные', lang: 'ru' }));
    expect(r.mode).toBe('fallback');
    expect(r.hits.map((h) => h.slug).sort()).toEqual(['dimitrovgrad-nuclear', 'dubna-nuclear-nanotech', 'sarov-nuclear', 'zheleznogorsk-nuclear-space']);
    expect(r.facets.industryGroup).toEqual({ nuclear: 4 });
    const placed = await fallbackSearch(f.store, narrowByPlaceWords(query({ q: 'ядерные кластеры Сибири', lang: 'ru' })).query);
    expect(placed.facets.federalDistrict).toEqual({ siberian: 1, volga: 2, central: 1 });
    expect(placed.hits.map((h) => h.slug)).toEqual(['zheleznogorsk-nuclear-space']);
    const filtered = await fallbackSearch(f.store, query({ industryGroup: 'nuclear', region: 'RU-MOS' }));
    expect(filtered.hits.map((h) => h.slug)).toEqual(['dubna-nuclear-nanotech']);
    expect(filtered.facets.region).toMatchObject({ 'RU-MOS': 1, 'RU-ULY': 1 });
    expect(filtered.facets.industryGroup['nuclear']).toBe(1);
    const snippet = (await fallbackSearch(f.store, query({ q: 'biosimilars' }))).hits.find((h) => h.slug === 'outage-newcomer')!.highlight.snippet;
    expect(snippet).toContain('<mark>biosimilars</mark>');
    const tomsk = (await fallbackSearch(f.store, query({ q: 'томск' }))).hits[0]!;
    expect(tomsk.highlight.city.ru).toBe('<mark>Томск</mark>');
    const sorted = (await fallbackSearch(f.store, query({ sort: '-index', perPage: 100 }))).hits.map((h) => h.index);
    const ranked = sorted.filter((v): v is number => v !== null);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
  });
});
