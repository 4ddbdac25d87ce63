import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../../../scripts/lib/bench-kit';
import { parseCsv } from '../../../src/lib/csv';
import { CLUSTER_EXPORT_COLUMNS } from '../../../src/lib/export/cluster-rows';
import { CLUSTER_STATUSES, INDUSTRY_GROUPS, type ProfileInput } from '../../../src/lib/profile';
import { REGIONS } from '../../../src/lib/regions';
import { CLUSTER_EXPORT_SQL } from '../../../src/server/db/clusters-repository';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import type { ClusterExportRecord, ClustersStore, Store } from '../../../src/server/db/store-interfaces';
import { listDirectory } from '../../../src/server/directory';
import { exportResponse } from '../../../src/server/export/answer';
import { searchClusters } from '../../../src/server/search/service';
import { EXPORT_ROWS_PER_CHUNK } from '../../../src/server/export/stream';
import { closeTempStore, openTempStore } from './store-helpers';

// A generated store of 20,000 clusters (plus the 25 pilots), in process: the export's reads can be counted.
const GENERATED = 20_000;
const ORIGIN = 'https://clusters.example.org';
let store: SqliteStore;
let temp: Awaited<ReturnType<typeof openTempStore>>['temp'];

/** A small valid profile somewhere in Russia, as scripts/bench-map.ts makes them. */
function generatedProfile(i: number, random: () => number): ProfileInput {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const region = pick(REGIONS);
  return {
    slug: `generated-${i}`,
    general: {
      name: { ru: `Кластер № ${i}`, en: `Generated cluster no. ${i}` },
      region: region.code,
      city: { ru: region.name.ru, en: region.name.en },
      location: { lat: 43 + random() * 25, lon: 28 + random() * 115 },
      industryGroup: pick(INDUSTRY_GROUPS),
      status: pick(CLUSTER_STATUSES),
    },
    indicators: random() < 0.7 ? [{ year: 2012, internationalMembers: { value: Math.floor(random() * 40), source: 'generated' }, exportsBlnRub: { value: random() * 20, source: 'generated' } }] : [],
  };
}

/** A profile whose texts a spreadsheet would run as formulas. */
const hostile: ProfileInput = {
  slug: 'formula-cluster',
  general: {
    name: { ru: '=HYPERLINK("http://evil.example","нажми")', en: '@SUM(A1:A9)' },
    region: 'RU-KLU',
    city: { ru: '+7 495 000 00 00', en: '-1+1' },
    location: { lat: 54.5, lon: 36.3 },
    industryGroup: 'nuclear',
    status: 'other',
  },
  indicators: [{ year: 2012, publications: { value: 3, source: '=cmd|"/c calc"!A1' } }],
};

beforeAll(async () => {
  ({ store, temp } = await openTempStore());
  const random = prng(7);
  await store.transaction(async (tx) => {
    for (let i = 0; i < GENERATED; i++) await tx.clusters.save(generatedProfile(i, random), { publication: 'approved' }, { actor: 'test', action: 'generated' });
    await tx.clusters.save(hostile, { publication: 'approved' }, { actor: 'test', action: 'generated' });
  });
}, 300_000);
afterAll(async () => {
  if (store) await closeTempStore(store, temp);
});

/** The store with an export iterator that counts the rows it hands out and notes when it is stopped. */
function countingStore(): { store: Store; counter: { pulled: number; released: boolean } } {
  const counter = { pulled: 0, released: false };
  const real = store.clusters;
  const clusters: ClustersStore = Object.create(real, {
    iteratePublicForExport: {
      value: async function* (slugs: readonly string[], year: number | null): AsyncGenerator<ClusterExportRecord> {
        try {
          for await (const record of real.iteratePublicForExport(slugs, year)) {
            counter.pulled++;
            yield record;
          }
        } finally {
          counter.released = true;
        }
      },
    },
  });
  return { store: Object.assign(Object.create(store) as Store, { clusters }), counter };
}

/** The whole body of a streamed answer as text. */
async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder().decode(new Uint8Array(await new Response(body).arrayBuffer()));
}

describe('streamed cluster export', () => {
  it('reads no more rows than the client has asked for: the first chunk comes before the iteration ends, and stopping releases it', async () => {
    const { store: counting, counter } = countingStore();
    const response = await exportResponse(counting, 'csv', new URLSearchParams(), ORIGIN);
    expect(response.status).toBe(200);
    expect(counter.pulled).toBe(0);
    const reader = response.body!.getReader();
    const first = await reader.read();
    // ignoreBOM: keep the byte-order mark in the text (a decoder drops it by default).
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(first.value);
    expect(text.startsWith(`\uFEFF${CLUSTER_EXPORT_COLUMNS.join(',')}\r\n`)).toBe(true);
    // One chunk read, at most one more prepared (the stream's queue holds one): a bounded number of rows, whatever the store's size.
    expect(counter.pulled).toBeLessThanOrEqual(2 * EXPORT_ROWS_PER_CHUNK);
    expect(counter.released).toBe(false);
    // While the export's iteration is open the store keeps answering (it reads on a connection of its own).
    expect(await store.clusters.countPublic()).toBe(GENERATED + 26);
    const pulledBefore = counter.pulled;
    await reader.read();
    expect(counter.pulled - pulledBefore).toBeLessThanOrEqual(EXPORT_ROWS_PER_CHUNK);
    await reader.cancel();
    expect(counter.released).toBe(true);
    expect(counter.pulled).toBeLessThan(GENERATED / 10);
  });

  it('writes every matching cluster once, in the directory’s order, and releases the iteration at the end', async () => {
    const { store: counting, counter } = countingStore();
    const text = await readAll((await exportResponse(counting, 'csv', new URLSearchParams({ sort: '-index' }), ORIGIN)).body!);
    const { rows } = parseCsv(text, [...CLUSTER_EXPORT_COLUMNS]);
    const directory = await listDirectory(store, { sort: '-index', page: 1, perPage: 1_000_000 }, 'en');
    expect(rows.map((r) => r.cells.slug)).toEqual(directory.items.map((c) => c.slug));
    expect(counter).toEqual({ pulled: GENERATED + 26, released: true });
  });

  it('neutralises cells a spreadsheet would run as formulas and keeps numbers as numbers', async () => {
    const text = await readAll((await exportResponse(store, 'csv', new URLSearchParams({ industryGroup: 'nuclear', region: 'RU-KLU' }), ORIGIN)).body!);
    const row = parseCsv(text, [...CLUSTER_EXPORT_COLUMNS]).rows.find((r) => r.cells.slug === 'formula-cluster')!.cells;
    expect(row).toMatchObject({
      name_ru: `'=HYPERLINK("http://evil.example","нажми")`,
      name_en: "'@SUM(A1:A9)",
      city_ru: "'+7 495 000 00 00",
      city_en: "'-1+1",
      publications: '3',
      indicator_sources: `'=cmd|"/c calc"!A1`,
      url_en: `${ORIGIN}/en/clusters/formula-cluster`,
    });
  });

  it('writes the same clusters as JSON, with the sources and licence in the file', async () => {
    const response = await exportResponse(store, 'json', new URLSearchParams({ industryGroup: 'nuclear', status: 'other' }), ORIGIN);
    const body = JSON.parse(await readAll(response.body!)) as { year: number; sources: string; licence: string; items: Array<{ slug: string; industryGroup: string; status: string; url: { en: string } }> };
    const directory = await listDirectory(store, { industryGroup: 'nuclear', status: 'other', sort: 'name', page: 1, perPage: 1_000_000 }, 'en');
    expect(body.items.map((c) => c.slug)).toEqual(directory.items.map((c) => c.slug));
    expect(body.items.every((c) => c.industryGroup === 'nuclear' && c.status === 'other')).toBe(true);
    expect(body.year).toBe(2012);
    expect(body.sources).toContain('Ministry of Economic Development');
    expect(body.licence).toContain('cite');
    expect(response.headers.get('x-data-sources')).toBe(body.sources);
  });

  it.each([
    ['q=nuclear&sort=relevance', { q: 'nuclear', sort: 'relevance' }],
    ['q=кластер&industryGroup=nuclear&sort=-index&lang=ru', { q: 'кластер', industryGroup: 'nuclear', sort: '-index', lang: 'ru' }],
    ['federalDistrict=siberian&sort=name&lang=ru', { q: '', federalDistrict: 'siberian', sort: 'name', lang: 'ru' }],
  ] as const)('without Meilisearch, a search export (%s) writes the reduced search’s clusters in its order', async (search, query) => {
    const response = await exportResponse(store, 'csv', new URLSearchParams(search), ORIGIN);
    expect(response.headers.get('x-export-source')).toBe('fallback');
    const found = await searchClusters(store, { page: 1, perPage: 1_000_000, ...query });
    expect(found.mode).toBe('fallback');
    expect(found.total).toBeGreaterThan(0);
    expect(parseCsv(await readAll(response.body!), ['slug']).rows.map((r) => r.cells.slug)).toEqual(found.hits.map((h) => h.slug));
  });

  it('reads the named public clusters in the list’s order, skipping unknown slugs, with the indicators of the year only', async () => {
    const read: ClusterExportRecord[] = [];
    for await (const r of store.clusters.iteratePublicForExport(['tomsk-pharma-medtech-it', 'no-such-cluster', 'formula-cluster', 'dimitrovgrad-nuclear'], 2012)) read.push(r);
    expect(read.map((r) => r.slug)).toEqual(['tomsk-pharma-medtech-it', 'formula-cluster', 'dimitrovgrad-nuclear']);
    expect(read[1]).toMatchObject({ name: hostile.general.name, city: hostile.general.city, industryGroup: 'nuclear', indicators: [{ indicator: 'publications', value: 3, source: '=cmd|"/c calc"!A1' }] });
    expect(read[2]!.indicators.map((i) => i.indicator).sort()).toEqual(['exportsBlnRub', 'jointRndBlnRub', 'publications']);
    const noYear: ClusterExportRecord[] = [];
    for await (const r of store.clusters.iteratePublicForExport(['formula-cluster'], null)) noYear.push(r);
    expect(noYear[0]!.indicators).toEqual([]);
  });

  it('reads the rows in the list’s order without sorting them all first (no temporary b-tree in the plan)', () => {
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${CLUSTER_EXPORT_SQL}`).all({ slugs: '[]', year: 2012 }) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it.each([
    ['page=2', 'page'],
    ['q=x&sort=-name', 'sort'],
    ['year=1800', 'year'],
  ])('refuses %s naming %s', async (search, field) => {
    const response = await exportResponse(store, 'csv', new URLSearchParams(search), ORIGIN);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { problems: Array<{ field: string }> }).problems.map((p) => p.field)).toContain(field);
  });
});
