import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { makeTempDir } from '../../helpers/temp';
import { FIXTURE, importRegions } from '../analytics/expected';

// With regional statistics imported, scenarios become known and regions are shaded by the regional index.
let data: ReturnType<typeof makeTempDir>;
let portal: RunningPortal;
beforeAll(async () => {
  data = makeTempDir('cluster-map-map-regional-');
  const imported = await importRegions(data.dir, FIXTURE);
  expect(imported.code, imported.stderr).toBe(0);
  portal = await startPortal({ dataDir: data.dir });
});
afterAll(async () => {
  await portal?.stop();
  data?.remove();
});

const getJson = async (path: string) => (await fetch(portal.url + path)).json();

describe('the map with regional statistics', () => {
  it('colours markers by the same scenario as the directory API', async () => {
    const fc = await getJson('/api/v1/clusters.geojson');
    const api = await getJson('/api/v1/clusters?perPage=100');
    const expected = Object.fromEntries(api.items.map((c: { slug: string; scenario: { code: string } }) => [c.slug, c.scenario.code]));
    const actual = Object.fromEntries(fc.features.map((f: { id: string; properties: { scenario: string } }) => [f.id, f.properties.scenario]));
    expect(actual).toEqual(expected);
    expect(new Set(Object.values(actual)).size).toBeGreaterThan(1);
  });

  it('filters by scenario', async () => {
    const all = await getJson('/api/v1/clusters.geojson');
    const lonely = await getJson('/api/v1/clusters.geojson?scenario=lonely');
    const expected = all.features.filter((f: { properties: { scenario: string } }) => f.properties.scenario === 'lonely').map((f: { id: string }) => f.id);
    expect(lonely.features.map((f: { id: string }) => f.id)).toEqual(expected);
  });

  it('shades regions by the regional index of the year, with the values table', async () => {
    const html = await (await fetch(`${portal.url}/en/map`)).text();
    const config = JSON.parse(/data-map-config>([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(config.shading.kind).toBe('index');
    expect(config.shading.year).toBe(2012);
    const values = Object.values(config.shading.values) as number[];
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => Number.isFinite(v))).toBe(true);
    expect(html).toContain('Regional foreign economic activity index, 2012');
    expect(html).toContain('Values by region (table)');
  });
});
