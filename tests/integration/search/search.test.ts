import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundIndex } from '../../../src/lib/search/document';
import { defaultYearFields } from '../../../src/server/search/documents';
import { fallbackSearch } from '../../../src/server/search/fallback';
import { ensureSettings } from '../../../src/server/search/index-sync';
import { apiErrorOf, meiliErrorCode } from '../../../src/server/search/meili-client';
import { ensureSearchKey, searchKeyUid } from '../../../src/server/search/search-key';
import { matchingSlugs, searchClusters } from '../../../src/server/search/service';
import { richProfileInput } from '../../unit/search/fixtures';
import { query, startSearchFixture, type SearchFixture } from './fixture';

const NUCLEAR = ['dimitrovgrad-nuclear', 'dubna-nuclear-nanotech', 'sarov-nuclear', 'zheleznogorsk-nuclear-space'];
const change = { actor: 'test', action: 'test' };

let f: SearchFixture;
beforeAll(async () => {
  f = await startSearchFixture();
});
afterAll(async () => {
  await f?.close();
});

/** Slugs of the first page of a search. */
async function slugs(input: Parameters<typeof query>[0]): Promise<string[]> {
  const result = await searchClusters(f.store, query(input));
  expect(result.mode).toBe('meilisearch');
  return result.hits.map((h) => h.slug);
}

describe('search against a real Meilisearch', () => {
  it.each(['ru', 'en'] as const)('acceptance (%s): "titanium", "Томск" and "nuclaer" put the expected pilot clusters first', async (lang) => {
    expect((await slugs({ q: 'titanium', lang }))[0]).toBe('sverdlovsk-titanium');
    expect((await slugs({ q: 'Томск', lang }))[0]).toBe('tomsk-pharma-medtech-it');
    expect((await slugs({ q: 'nuclaer', lang })).slice(0, 4).sort()).toEqual(NUCLEAR);
  });

  it('applies the index settings once: a restart finds them equal and enqueues no settings task', async () => {
    expect(await ensureSettings(f.runtime.admin!, 'clusters')).toBe(false);
  });

  it('searches with a search-only key for this index: it cannot add documents (403), and the master key is not it', async () => {
    const searcher = f.runtime.searcher!;
    expect(searcher.config.apiKey).toBeTruthy();
    expect(searcher.config.apiKey).not.toBe(f.masterKey);
    expect((await searcher.index('clusters').search('titanium')).hits.length).toBeGreaterThan(0);
    const write = await searcher.index('clusters').addDocuments([{ id: 'intruder', name: { en: 'x' } }]).catch((e: unknown) => e);
    expect([apiErrorOf(write)?.response.status, meiliErrorCode(write)]).toEqual([403, 'invalid_api_key']);
    const settings = await searcher.index('clusters').getSettings().catch((e: unknown) => e);
    expect(apiErrorOf(settings)?.response.status).toBe(403);
    const key = await f.runtime.admin!.getKey(searchKeyUid('clusters'));
    expect(key).toMatchObject({ actions: ['search'], indexes: ['clusters'], expiresAt: null, key: searcher.config.apiKey });
  });

  it('finds the search key again instead of adding one (idempotent across starts)', async () => {
    const admin = f.runtime.admin!;
    expect(await ensureSearchKey(admin, 'clusters')).toBe(f.runtime.searcher!.config.apiKey);
    const ours = (await admin.getKeys({ limit: 1000 })).results.filter((k) => k.name === 'cluster-map search (clusters)');
    expect(ours).toHaveLength(1);
  });

  it('forgives a typo: "nuclaer" finds exactly the nuclear clusters', async () => {
    expect((await slugs({ q: 'nuclaer' })).sort()).toEqual(NUCLEAR);
  });

  it('finds Russian-named clusters with a Russian query, also inflected', async () => {
    expect(await slugs({ q: 'Томской' })).toEqual(['tomsk-pharma-medtech-it']);
    expect((await slugs({ q: 'Титановый' }))[0]).toBe('sverdlovsk-titanium');
  });

  it('bridges languages with synonyms (атомный → Nuclear, НИОКР → R&D, ИТ → IT)', async () => {
    expect((await slugs({ q: 'атомный' })).sort()).toEqual(NUCLEAR);
    await f.store.clusters.save(richProfileInput({ slug: 'rnd-only-in-english' }), { publication: 'approved' }, change);
    await f.runtime.whenDrained();
    expect(await slugs({ q: 'НИОКР' })).toContain('rnd-only-in-english');
    expect(await slugs({ q: 'ИТ' })).toEqual(expect.arrayContaining(['novosibirsk-it-biopharma', 'spb-it-radioelectronics']));
  });

  it('understands place words (issue 13): "ядерные кластеры Сибири" is Zheleznogorsk only, "Siberia" the Siberian clusters', async () => {
    const siberian = (await f.store.clusters.listPublic()).filter((c) => ['RU-KYA', 'RU-NVS', 'RU-TOM', 'RU-KEM', 'RU-ALT'].includes(c.region)).map((c) => c.slug).sort();
    const nuclearSiberia = await searchClusters(f.store, query({ q: 'ядерные кластеры Сибири', lang: 'ru' }));
    expect(nuclearSiberia.hits.map((h) => h.slug)).toEqual(['zheleznogorsk-nuclear-space']);
    expect(nuclearSiberia.place).toEqual({ federalDistrict: 'siberian', text: 'Сибири' });
    expect((await slugs({ q: 'Siberia', lang: 'en', perPage: 100 })).sort()).toEqual(siberian);
    expect((await slugs({ q: 'Сибирь', perPage: 100 })).sort()).toEqual(siberian);
    expect((await slugs({ q: 'Дальний Восток' }))).toEqual(['khabarovsk-aircraft-shipbuilding']);
    expect((await slugs({ q: 'Урал' }))).toEqual(['sverdlovsk-titanium']);
    expect((await matchingSlugs(f.store, { q: 'nuclear Volga' })).slugs.sort()).toEqual(['dimitrovgrad-nuclear', 'sarov-nuclear']);
  });

  it('understands topic words (issue 13): "атом" finds the nuclear clusters, not the automotive one', async () => {
    expect((await slugs({ q: 'атом' })).sort()).toEqual(NUCLEAR);
  });

  it('counts the federal-district facet', async () => {
    const all = await searchClusters(f.store, query({ q: 'nuclear' }));
    expect(all.facets.federalDistrict).toEqual({ central: 1, volga: 2, siberian: 1 });
  });

  it('counts facets right, each facet ignoring its own filter', async () => {
    const publicClusters = await f.store.clusters.listPublic();
    const expected: Record<string, number> = {};
    for (const c of publicClusters) expected[c.industryGroup] = (expected[c.industryGroup] ?? 0) + 1;
    const all = await searchClusters(f.store, query({}));
    expect(all.total).toBe(publicClusters.length);
    expect(all.facets.industryGroup).toEqual(expected);

    const nuclear = await searchClusters(f.store, query({ industryGroup: 'nuclear' }));
    expect(nuclear.total).toBe(4);
    expect(nuclear.facets.industryGroup).toEqual(expected); // still every group, to switch to
    expect(nuclear.facets.region).toEqual({ 'RU-ULY': 1, 'RU-MOS': 1, 'RU-NIZ': 1, 'RU-KYA': 1 });
    expect(nuclear.facets.status).toEqual({ 'pilot-innovative-territorial': 4 });
  });

  it('filters by region', async () => {
    expect(await slugs({ region: 'RU-TOM' })).toEqual(['tomsk-pharma-medtech-it']);
    expect(await slugs({ q: 'nuclear', region: 'RU-MOS' })).toEqual(['dubna-nuclear-nanotech']);
  });

  it('filters by a map rectangle (GeoJSON order in, Meilisearch corner order out)', async () => {
    // Around Tomsk (84.95 E, 56.49 N); Zheleznogorsk (93.5 E) and Novosibirsk (82.9 E, 55.0 N) are outside.
    expect(await slugs({ bbox: '84,56,86,57' })).toEqual(['tomsk-pharma-medtech-it']);
    expect((await matchingSlugs(f.store, { q: '', bbox: { minLon: 84, minLat: 56, maxLon: 86, maxLat: 57 } })).slugs).toEqual(['tomsk-pharma-medtech-it']);
  });

  it('never finds a profile that is not approved, and drops it when withdrawn', async () => {
    const secret = richProfileInput({ slug: 'zyxquon-cluster', name: { ru: 'Зыксквон кластер', en: 'Zyxquon cluster' } });
    await f.store.clusters.save(secret, { publication: 'submitted' }, change);
    await f.runtime.whenDrained();
    expect(await slugs({ q: 'Zyxquon' })).toEqual([]);
    expect((await fallbackSearch(f.store, query({ q: 'Zyxquon' }))).total).toBe(0);

    await f.store.clusters.save(secret, { publication: 'approved' }, change);
    await f.runtime.whenDrained();
    expect(await slugs({ q: 'Zyxquon' })).toEqual(['zyxquon-cluster']);

    await f.store.clusters.save(secret, { publication: 'archived' }, change);
    await f.runtime.whenDrained();
    expect(await slugs({ q: 'Zyxquon' })).toEqual([]);
    expect((await matchingSlugs(f.store, { q: 'Zyxquon' })).slugs).toEqual([]);
  });

  it('hides a profile withdrawn a moment ago, while its update is still on its way to Meilisearch', async () => {
    const lagging = richProfileInput({ slug: 'qwixel-cluster', name: { ru: 'Квиксель кластер', en: 'Qwixel cluster' } });
    await f.store.clusters.save(lagging, { publication: 'approved' }, change);
    await f.runtime.whenDrained();
    expect(await slugs({ q: 'Qwixel' })).toEqual(['qwixel-cluster']);

    await f.runtime.stop(); // the worker holds still: the withdrawal stays in the outbox, the index still has the profile
    try {
      await f.store.clusters.save(lagging, { publication: 'archived' }, change);
      expect((await f.runtime.status()).pending).toBeGreaterThan(0);
      expect(await slugs({ q: 'Qwixel' })).toEqual([]);
      expect((await matchingSlugs(f.store, { q: 'Qwixel' })).slugs).toEqual([]);
    } finally {
      f.runtime.start();
    }
    await f.runtime.whenDrained();
    expect(await slugs({ q: 'Qwixel' })).toEqual([]);
  });

  it('never indexes private contacts', async () => {
    expect(await slugs({ q: 'secret.manager@example.org' })).toEqual([]);
    expect(await slugs({ q: 'Quarkwell' })).toEqual([]);
  });

  it('highlights matches as safe HTML and picks a snippet from longer fields', async () => {
    const result = await searchClusters(f.store, query({ q: 'biosimilars', lang: 'en' }));
    const hit = result.hits.find((h) => h.slug === 'rnd-only-in-english')!;
    expect(hit.highlight.snippet).toContain('<mark>biosimilars</mark>');
    const tomsk = (await searchClusters(f.store, query({ q: 'Tomsk' }))).hits[0]!;
    expect(tomsk.highlight.city.en).toBe('<mark>Tomsk</mark>');
  });

  it('sorts by index, unranked clusters last', async () => {
    const result = await searchClusters(f.store, query({ sort: '-index', perPage: 100 }));
    const values = result.hits.map((h) => h.index);
    const ranked = values.filter((v): v is number => v !== null);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    expect(values.slice(ranked.length).every((v) => v === null)).toBe(true);
  });

  it('pages and returns every match for the map without paging', async () => {
    const page2 = await searchClusters(f.store, query({ perPage: 10, page: 2, sort: 'name' }));
    expect(page2).toMatchObject({ page: 2, perPage: 10, pages: Math.ceil(page2.total / 10) });
    expect(page2.hits).toHaveLength(10);
    const all = await matchingSlugs(f.store, { q: '' });
    expect(all.mode).toBe('meilisearch');
    expect(all.slugs).toHaveLength(page2.total);
  });

  it('refreshes every document\'s relative index when another cluster\'s indicators change', async () => {
    const leader = richProfileInput({ slug: 'index-leader', name: { ru: 'Лидер', en: 'Leader' } });
    leader.indicators = [
      { year: 2012, internationalMembers: { value: 500, source: 't' }, exportsBlnRub: { value: 900, source: 't' }, publications: { value: 90_000, source: 't' }, jointRndBlnRub: { value: 500, source: 't' } },
    ];
    await f.store.clusters.save(leader, { publication: 'approved' }, change);
    await f.runtime.whenDrained();
    const fields = await defaultYearFields(f.store);
    /** Documents whose index differs from SQLite's, as [id, indexed, expected]. */
    const stale = async () => {
      const docs = await f.runtime.admin!.index('clusters').getDocuments<{ id: string; index: number | null }>({ fields: ['id', 'index'], limit: 1000 });
      return docs.results.map((d) => [d.id, d.index, roundIndex(fields(d.id).index)]).filter(([, indexed, expected]) => indexed !== expected);
    };
    // The refresh of the other documents follows the delivery as its own Meilisearch task: wait for it, within reason.
    let left = await stale();
    for (const deadline = Date.now() + 20_000; left.length > 0 && Date.now() < deadline; left = await stale()) await new Promise((r) => setTimeout(r, 50));
    expect(left).toEqual([]);
    expect((await slugs({ sort: '-index' }))[0]).toBe('index-leader');
  });
});
