import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, type CsvRow } from '../../../src/lib/csv';
import { CLUSTER_EXPORT_COLUMNS } from '../../../src/lib/export/cluster-rows';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { attrs, element } from './html';

// One built portal for the file, seeded with the 25 pilot clusters, search ready.
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
  const deadline = Date.now() + 60_000;
  while ((await getJson('/api/v1/health')).search !== 'ok') {
    if (Date.now() > deadline) throw new Error('search did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
});
afterAll(async () => {
  await portal?.stop();
});

async function getJson(path: string): Promise<any> {
  return (await fetch(portal.url + path)).json();
}

async function csv(search = ''): Promise<{ status: number; headers: Headers; bytes: Uint8Array; rows: CsvRow[] }> {
  const res = await fetch(`${portal.url}/api/v1/clusters.csv${search}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const rows = res.status === 200 ? parseCsv(new TextDecoder().decode(bytes), [...CLUSTER_EXPORT_COLUMNS]).rows : [];
  return { status: res.status, headers: res.headers, bytes, rows };
}

/** A CSV cell as the API's value would be written: empty for null or missing. */
const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The flat columns the CSV shares with a GET /api/v1/clusters item. */
function fromApiItem(item: any): Record<string, string> {
  return {
    slug: item.slug,
    name_ru: item.name.ru,
    name_en: item.name.en,
    region: item.region,
    city_en: cell(item.city.en),
    city_ru: cell(item.city.ru),
    industry_group: item.industryGroup,
    status: item.status,
    founded_year: cell(item.foundedYear),
    year: cell(item.index.year),
    index: cell(item.index.overall),
    rank: cell(item.index.overallRank),
    rank_of: cell(item.index.overallOf),
    industry_index: cell(item.index.industry),
    industry_rank: cell(item.index.industryRank),
    industry_rank_of: cell(item.index.industryOf),
    scenario: item.scenario.code,
  };
}

describe('GET /api/v1/clusters.csv', () => {
  it('answers a header and one line per cluster, UTF-8 with a BOM, Cyrillic intact, streamed by the gate', async () => {
    const { status, headers, bytes, rows } = await csv();
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(headers.get('content-disposition')).toBe('attachment; filename="clusters.csv"');
    // Written as it is produced: no length known up front, no validator computed over a whole body.
    expect(headers.get('content-length')).toBeNull();
    expect(headers.get('etag')).toBeNull();
    expect(headers.get('x-data-sources')).toContain('Ministry of Economic Development');
    expect(headers.get('x-data-licence')).toContain('cite');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows).toHaveLength(25);
    const dimitrovgrad = rows.find((r) => r.cells.slug === 'dimitrovgrad-nuclear')!.cells;
    expect(dimitrovgrad).toMatchObject({
      name_ru: 'Ядерно-инновационный кластер города Димитровграда',
      name_en: 'Nuclear cluster (Dimitrovgrad)',
      region: 'RU-ULY',
      industry_group: 'nuclear',
      year: '2012',
      international_members: '',
      exports_bln_rub: '1.8',
      publications: '259',
      rank_of: '25',
      url_en: expect.stringMatching(/\/en\/clusters\/dimitrovgrad-nuclear$/),
    });
    expect(dimitrovgrad.indicator_sources).toContain('Ministry of Economic Development');
  });

  it.each(['', '?industryGroup=nuclear&sort=-index', '?region=RU-TOM', '?status=pilot-innovative-territorial&sort=-founded', '?sort=-name&year=2012', '?industryGroup=aerospace-shipbuilding&sort=index'])(
    'writes the same clusters, in the same order and with the same values, as GET /api/v1/clusters%s',
    async (search) => {
      const api = await getJson(`/api/v1/clusters${search ? `${search}&` : '?'}perPage=100`);
      const { rows } = await csv(search);
      expect(api.total).toBeGreaterThan(0);
      expect(rows.map((r) => Object.fromEntries(Object.keys(fromApiItem(api.items[0])).map((k) => [k, r.cells[k]])))).toEqual(api.items.map(fromApiItem));
    },
  );

  it.each([
    ['?q=nuclear&sort=relevance', '?q=nuclear'],
    ['?q=ядерный&sort=name&lang=ru', '?q=ядерный&sort=name&lang=ru'],
    ['?q=технологии&industryGroup=nuclear&sort=-index', '?q=технологии&industryGroup=nuclear&sort=-index'],
    ['?federalDistrict=siberian&sort=relevance', '?federalDistrict=siberian'],
    ['?q=ядерные кластеры Сибири&sort=relevance&lang=ru', '?q=ядерные кластеры Сибири&lang=ru'],
    ['?industryGroup=pharma-bio-medical&sort=relevance&lang=en', '?industryGroup=pharma-bio-medical&lang=en'],
  ])('with search parameters %s writes the search’s clusters in its order (as /api/v1/search%s)', async (exportSearch, searchSearch) => {
    const found = await getJson(`/api/v1/search${searchSearch}&perPage=100`);
    const { rows, headers } = await csv(exportSearch);
    expect(found.mode).toBe('meilisearch');
    expect(headers.get('x-export-source')).toBe('meilisearch');
    expect(found.total).toBeGreaterThan(0);
    expect(rows.map((r) => r.cells.slug)).toEqual(found.hits.map((h: { slug: string }) => h.slug));
  });

  it.each([
    ['?industryGroup=space', 'industryGroup'],
    ['?page=2', 'page'],
    ['?year=1800', 'year'],
    ['?q=x&sort=-name', 'sort'],
    ['?bogus=1', 'bogus'],
  ])('answers %s with 400 naming %s', async (search, field) => {
    const res = await fetch(`${portal.url}/api/v1/clusters.csv${search}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { problems: Array<{ field: string }> }).problems.map((p) => p.field)).toContain(field);
  });
});

describe('GET /api/v1/clusters.json', () => {
  it('writes the same clusters as the CSV, with sources and licence in the file', async () => {
    const res = await fetch(`${portal.url}/api/v1/clusters.json?q=nuclear&sort=-index`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="clusters.json"');
    const body = (await res.json()) as { year: number; sources: string; licence: string; items: any[] };
    expect(body).toMatchObject({ year: 2012, sources: expect.stringContaining('HSE'), licence: expect.stringContaining('cite') });
    expect(body.items.map((c) => c.slug)).toEqual((await csv('?q=nuclear&sort=-index')).rows.map((r) => r.cells.slug));
    expect(body.items[0]).toMatchObject({ url: { en: expect.stringMatching(/^http.*\/en\/clusters\//) }, indicators: expect.any(Object), index: { year: 2012 } });
  });
});

describe('GET /api/v1/clusters.export.geojson', () => {
  it('writes the JSON export’s clusters as Points in the same order, streamed, with sources and licence', async () => {
    const [geoResponse, jsonResponse] = await Promise.all(['geojson', 'json'].map((f) => fetch(`${portal.url}/api/v1/clusters.${f === 'json' ? 'json' : 'export.geojson'}?industryGroup=pharma-bio-medical&sort=-index`)));
    expect(geoResponse!.status).toBe(200);
    expect(geoResponse!.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(geoResponse!.headers.get('content-disposition')).toBe('attachment; filename="clusters.geojson"');
    expect(geoResponse!.headers.get('content-length')).toBeNull(); // streamed, not built whole
    const geo = (await geoResponse!.json()) as any;
    const json = (await jsonResponse!.json()) as any;
    expect(geo).toMatchObject({ type: 'FeatureCollection', year: 2012, sources: json.sources, licence: json.licence });
    expect(geo.features.map((f: any) => f.properties)).toEqual(json.items);
    for (const f of geo.features) expect(f.geometry).toEqual({ type: 'Point', coordinates: [f.properties.location.lon, f.properties.location.lat] });
    expect((await fetch(`${portal.url}/api/v1/clusters.export.geojson?page=2`)).status).toBe(400);
  });
});

describe('the Download control', () => {
  it('on /clusters keeps the directory’s filters and sort', async () => {
    const html = await (await fetch(`${portal.url}/en/clusters?industryGroup=nuclear&sort=-index&page=1`)).text();
    expect(element(html, 'data-testid="download-csv"')).toMatch(/href="\/api\/v1\/clusters\.csv\?industryGroup=nuclear&(amp;|#38;)?sort=-index&(amp;|#38;)?lang=en"/);
    expect(element(html, 'data-testid="download-json"')).toMatch(/href="\/api\/v1\/clusters\.json\?industryGroup=nuclear&(amp;|#38;)?sort=-index&(amp;|#38;)?lang=en"/);
    expect(element(html, 'data-testid="download-geojson"')).toMatch(/href="\/api\/v1\/clusters\.export\.geojson\?industryGroup=nuclear&(amp;|#38;)?sort=-index&(amp;|#38;)?lang=en"/);
    for (const path of attrs(element(html, 'data-testid="download"')!, 'a', 'href')) expect((await fetch(portal.url + path)).status, path).toBe(200);
  });

  it('on the Russian /clusters sorts names as the page does (in Russian)', async () => {
    const html = await (await fetch(`${portal.url}/clusters?industryGroup=aerospace-shipbuilding`)).text();
    const href = attrs(element(html, 'data-testid="download"')!, 'a', 'href').find((l) => l.startsWith('/api/v1/clusters.csv'))!;
    expect(href).toBe('/api/v1/clusters.csv?industryGroup=aerospace-shipbuilding&lang=ru');
    const shown = attrs(element(html, 'data-testid="cluster-list"') ?? html, 'a', 'href').filter((h) => /^\/clusters\/[^/]+$/.test(h)).map((h) => h.replace('/clusters/', ''));
    expect(shown.length).toBeGreaterThan(1);
    expect((await csv(href.replace('/api/v1/clusters.csv', ''))).rows.map((r) => r.cells.slug)).toEqual([...new Set(shown)]);
  });

  it('on /search keeps the text, the facets and the sort, and its files hold the search’s clusters', async () => {
    const html = await (await fetch(`${portal.url}/search?q=${encodeURIComponent('ядерный')}&industryGroup=nuclear`)).text();
    const links = attrs(element(html, 'data-testid="download"')!, 'a', 'href');
    expect(links).toHaveLength(3);
    const csvLink = links.find((l) => l.startsWith('/api/v1/clusters.csv'))!;
    expect(Object.fromEntries(new URL(csvLink, portal.url).searchParams)).toEqual({ q: 'ядерный', industryGroup: 'nuclear', sort: 'relevance', lang: 'ru' });
    const found = await getJson('/api/v1/search?q=%D1%8F%D0%B4%D0%B5%D1%80%D0%BD%D1%8B%D0%B9&industryGroup=nuclear&lang=ru&perPage=100');
    expect(found.total).toBeGreaterThan(0);
    expect((await csv(csvLink.replace('/api/v1/clusters.csv', ''))).rows.map((r) => r.cells.slug)).toEqual(found.hits.map((h: { slug: string }) => h.slug));
    const geoResponse = await fetch(portal.url + links.find((l) => l.startsWith('/api/v1/clusters.export.geojson'))!);
    expect(geoResponse.headers.get('x-data-sources')).toContain('Ministry of Economic Development');
    expect(geoResponse.headers.get('x-data-licence')).toContain('cite');
    const geo = (await geoResponse.json()) as any;
    expect(geo.features.map((f: any) => f.properties.slug)).toEqual(found.hits.map((h: { slug: string }) => h.slug)); // the search's order, as the CSV
    for (const path of links) expect((await fetch(portal.url + path)).status, path).toBe(200);
  });

  it('on /analytics keeps its year and industry group, ranked by index', async () => {
    const html = await (await fetch(`${portal.url}/analytics?group=nuclear`)).text();
    expect(element(html, 'data-testid="download-csv"')).toMatch(/href="\/api\/v1\/clusters\.csv\?industryGroup=nuclear&(amp;|#38;)?year=2012&(amp;|#38;)?sort=-index"/);
    const { rows } = await csv('?industryGroup=nuclear&year=2012&sort=-index');
    expect(rows.map((r) => r.cells.slug).sort()).toEqual(['dimitrovgrad-nuclear', 'dubna-nuclear-nanotech', 'sarov-nuclear', 'zheleznogorsk-nuclear-space']);
    const indices = rows.map((r) => Number(r.cells.index));
    expect(indices).toEqual([...indices].sort((a, b) => b - a));
  });
});
