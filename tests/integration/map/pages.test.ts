import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrs, element, text } from '../http/html';
import { startPortal, type RunningPortal } from '../../helpers/portal';

let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await fetch(portal.url + path);
  return { status: res.status, html: await res.text() };
}
/** The JSON config the server hands the map island. */
function mapConfig(html: string): Record<string, any> {
  const m = /<script type="application\/json" data-map-config>([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m![1]!);
}
const rows = (html: string) => (element(html, 'data-testid="map-list"') ?? '').match(/<tr data-slug=/g)?.length ?? 0;

describe('/map and /en/map', () => {
  it.each([
    ['/map', 'ru', 'Карта кластеров', 'Кластеров на карте: 25'],
    ['/en/map', 'en', 'Cluster map', 'Clusters on the map: 25'],
  ])('%s renders the map frame, the legend and the list of all 25 clusters (works without JS)', async (path, lang, title, count) => {
    const { status, html } = await page(path);
    expect(status).toBe(200);
    expect(text(element(html, 'data-testid="map-count"')!)).toContain(count);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(rows(html)).toBe(25);
    const config = mapConfig(html);
    expect(config).toMatchObject({ lang, variant: 'full', dataUrl: '/api/v1/clusters.geojson', shading: { kind: 'count' } });
    expect(config.shading.values['RU-MOS']).toBe(3);
    // The first view frames the clusters: St Petersburg in the west to Komsomolsk-on-Amur in the east.
    expect(config.bounds).toEqual([
      [50.55, 30.316],
      [64.567, 137],
    ]);
    // No regional statistics in this store: the legend lists no scenarios (issue 11, Deliver 5).
    expect(element(html, 'data-testid="map-legend"')).toBeDefined();
    expect(element(html, 'data-testid="scenario-legend"')).toBeUndefined();
    expect(html).toMatch(/<script type="module" src="\/_astro\/ClusterMap[^"]*\.js"><\/script>/);
  });

  it('takes the /search parameters and passes the filters on to the data URL', async () => {
    const { html } = await page('/en/map?industryGroup=nuclear&sort=relevance&lang=en');
    expect(text(element(html, 'data-testid="map-count"')!)).toBe('Clusters on the map: 4 · The same clusters in search');
    expect(html).toContain('href="/en/search?industryGroup=nuclear"');
    expect(rows(html)).toBe(4);
    expect(mapConfig(html).dataUrl).toBe('/api/v1/clusters.geojson?industryGroup=nuclear');
  });

  it('names a bad parameter on the page but still shows the map', async () => {
    const { status, html } = await page('/map?bbox=1,2&industryGroup=nuclear');
    expect(status).toBe(200);
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('Значение «1,2» параметра bbox не подходит и не применено. Нужна область «запад,юг,восток,север» в градусах');
    expect(rows(html)).toBe(4);
  });

  it('shows an active area with a way back to all areas', async () => {
    const { html } = await page('/en/map?bbox=30,50,60,65');
    expect(text(element(html, 'data-testid="area-active"')!)).toContain('Show all areas');
    expect(mapConfig(html).dataUrl).toBe('/api/v1/clusters.geojson?bbox=30%2C50%2C60%2C65');
  });
});

describe('small maps on other pages', () => {
  it('the home page shows the overview map with a link to the full map', async () => {
    const { html } = await page('/en/');
    expect(mapConfig(html)).toMatchObject({ variant: 'overview', bounds: [[50.55, 30.316], [64.567, 137]] });
    expect(html).toContain('href="/en/map"');
  });

  it('a profile centres its small map on the cluster, within its region', async () => {
    const { html } = await page('/clusters/khabarovsk-aircraft-shipbuilding');
    expect(mapConfig(html)).toMatchObject({
      variant: 'compact',
      region: 'RU-KHA',
      focus: 'khabarovsk-aircraft-shipbuilding',
      focusPoint: [50.55, 137],
      dataUrl: '/api/v1/clusters.geojson?region=RU-KHA',
    });
  });

  it('a region page outlines the region and shows its clusters', async () => {
    const { html } = await page('/en/regions/RU-MOS');
    expect(mapConfig(html)).toMatchObject({ variant: 'compact', region: 'RU-MOS', focus: null, profileUrl: '/en/clusters/{slug}', dataUrl: '/api/v1/clusters.geojson?region=RU-MOS' });
  });

  it('pages without a map do not load the map script', async () => {
    const { html } = await page('/en/clusters');
    expect(html).not.toContain('ClusterMap');
    expect(html).not.toContain('data-cluster-map');
  });
});
