import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/server/store';
import { startPortal, type RunningPortal } from '../../helpers/portal';

// One built portal for the file, on a temporary DATA_DIR seeded with the 25 pilot clusters.
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const CONTENT = join(import.meta.dirname, '..', '..', '..', 'content');
const shipped = (slug: string) => JSON.parse(readFileSync(join(CONTENT, 'clusters', `${slug}.json`), 'utf8'));
const ALL_SLUGS = readdirSync(join(CONTENT, 'clusters')).map((f) => f.replace(/\.json$/, '')).sort();

interface Feature {
  type: string;
  id: string;
  geometry: { type: string; coordinates: number[] };
  properties: { slug: string; name: { ru: string; en: string }; industryGroup: string; region: string; index: number | null; scenario: string };
}

async function geojson(qs = '', headers: Record<string, string> = {}) {
  const res = await fetch(`${portal.url}/api/v1/clusters.geojson${qs ? `?${qs}` : ''}`, { headers });
  const body = res.status === 200 ? ((await res.json()) as { type: string; year: number | null; features: Feature[] }) : res.status === 304 ? null : await res.json();
  return { res, body };
}
const slugsOf = (features: Feature[]) => features.map((f) => f.id).sort();

describe('GET /api/v1/clusters.geojson', () => {
  it('returns the 25 pilot clusters as valid Point features, longitude first', async () => {
    const { res, body } = await geojson();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    expect(body.type).toBe('FeatureCollection');
    expect(body.year).toBe(2012);
    expect(body.features).toHaveLength(25);
    expect(slugsOf(body.features)).toEqual(ALL_SLUGS);
    for (const f of body.features as Feature[]) {
      const { lat, lon } = shipped(f.id).general.location;
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates).toEqual([lon, lat]);
      expect(f.properties.slug).toBe(f.id);
    }
  });

  it('puts Komsomolsk-on-Amur and Severodvinsk where they belong', async () => {
    const { body } = await geojson();
    const at = (slug: string) => (body.features as Feature[]).find((f) => f.id === slug)!.geometry.coordinates;
    expect(at('khabarovsk-aircraft-shipbuilding')).toEqual([137, 50.55]);
    expect(at('arkhangelsk-shipbuilding')).toEqual([39.833, 64.567]);
  });

  it('carries the popup fields: both names, industry group, region, index and scenario', async () => {
    const { body } = await geojson();
    const f = (body.features as Feature[]).find((x) => x.id === 'obninsk-pharma-biotech')!;
    expect(f.properties).toMatchObject({ name: shipped('obninsk-pharma-biotech').general.name, industryGroup: 'pharma-bio-medical', region: 'RU-KLU', scenario: 'unknown' });
    expect(f.properties.index).toBeGreaterThan(0);
  });

  it('serves an ETag with Cache-Control: no-cache and answers If-None-Match with 304', async () => {
    const first = await geojson();
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"m1-\d+-[0-9a-f]{14}"$/);
    expect(first.res.headers.get('cache-control')).toBe('no-cache');
    expect((await geojson()).res.headers.get('etag')).toBe(etag);
    const again = await geojson('', { 'if-none-match': etag });
    expect(again.res.status).toBe(304);
    expect(again.res.headers.get('etag')).toBe(etag);
    expect(again.res.headers.get('cache-control')).toBe('no-cache');
    expect((await geojson('', { 'if-none-match': 'W/"stale"' })).res.status).toBe(200);
    const filtered = await geojson('industryGroup=nuclear');
    expect(filtered.res.headers.get('etag')).not.toBe(etag);
    expect((await geojson('industryGroup=nuclear', { 'if-none-match': etag })).res.status).toBe(200);
  });

  it('compresses for clients that accept gzip, and not for others', async () => {
    const gzip = await geojson('', { 'accept-encoding': 'gzip' });
    expect(gzip.res.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.res.headers.get('vary')).toBe('accept-encoding');
    expect(gzip.body.features).toHaveLength(25);
    const plain = await geojson('', { 'accept-encoding': 'identity' });
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(plain.res.headers.get('etag')).toBe(gzip.res.headers.get('etag'));
  });

  it.each([
    ['industryGroup=nuclear', ['dimitrovgrad-nuclear', 'dubna-nuclear-nanotech', 'sarov-nuclear', 'zheleznogorsk-nuclear-space']],
    ['region=RU-MOS', ['dubna-nuclear-nanotech', 'phystech-xxi', 'pushchino-biotech']],
    ['region=RU-ULY&industryGroup=aerospace-shipbuilding', ['ulyanovsk-avia']],
    ['status=industrial', []],
  ])('filters with the directory parameters: %s', async (qs, expected) => {
    const { body } = await geojson(qs);
    expect(slugsOf(body.features)).toEqual(expected);
  });

  it('accepts year, scenario and the list parameters of /search (which do not change the features)', async () => {
    expect((await geojson('year=2012&scenario=unknown')).body.features).toHaveLength(25);
    expect((await geojson('scenario=supported')).body.features).toHaveLength(0);
    expect((await geojson('sort=name&page=2&perPage=5&lang=en')).body.features).toHaveLength(25);
  });

  it('filters by area (bbox = minLon,minLat,maxLon,maxLat) through the search', async () => {
    const { res, body } = await geojson('bbox=30,50,60,65');
    expect(res.status).toBe(200);
    expect(['meilisearch', 'fallback']).toContain(res.headers.get('x-map-source'));
    expect(body.features.length).toBeGreaterThan(10);
    for (const f of body.features as Feature[]) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(lon >= 30 && lon <= 60 && lat >= 50 && lat <= 65, `${f.id} at ${lon},${lat}`).toBe(true);
    }
    expect(slugsOf(body.features)).not.toContain('khabarovsk-aircraft-shipbuilding');
  });

  it('filters by text (q) through the search, combined with the other filters', async () => {
    const { body } = await geojson(`q=${encodeURIComponent('титан')}`);
    expect(slugsOf(body.features)).toContain('sverdlovsk-titanium');
    const none = await geojson(`q=${encodeURIComponent('титан')}&industryGroup=nuclear`);
    expect(none.body.features).toHaveLength(0);
  });

  it.each([
    ['foo=1', 'foo'],
    ['industryGroup=toys', 'industryGroup'],
    ['bbox=1,2,3', 'bbox'],
    ['bbox=30,65,60,50', 'bbox'],
    ['scenario=great', 'scenario'],
    ['year=soon', 'year'],
    ['region=RU-XX', 'region'],
  ])('answers %s with 400 naming the parameter', async (qs, field) => {
    const { res, body } = await geojson(qs);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(body.problems.map((p: { field: string }) => p.field)).toEqual([field]);
    expect(body.error).toContain(field);
  });

  it('changes the ETag when the data changes (a new public cluster)', async () => {
    const before = await geojson();
    const etag = before.res.headers.get('etag')!;
    const store = await openStore({ dataDir: portal.dataDir, contentDir: CONTENT });
    try {
      const profile = shipped('obninsk-pharma-biotech');
      profile.slug = 'map-etag-probe';
      profile.general.name = { ru: 'Проверочный кластер', en: 'Probe cluster' };
      await store.clusters.save(profile, { publication: 'approved' }, { actor: 'test', action: 'create' });
    } finally {
      store.db.close();
    }
    const after = await geojson('', { 'if-none-match': etag });
    expect(after.res.status).toBe(200);
    expect(after.res.headers.get('etag')).not.toBe(etag);
    expect(after.body.features).toHaveLength(26);
  });
});
