import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv';
import { CLUSTER_EXPORT_COLUMNS } from '../../../src/lib/export/cluster-rows';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { element } from './html';

// One built portal for the file, seeded with the 25 pilot clusters.
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

async function csv(search = ''): Promise<{ status: number; type: string; disposition: string; bytes: Uint8Array; text: string }> {
  const res = await fetch(`${portal.url}/api/v1/clusters.csv${search}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes, text: new TextDecoder().decode(bytes) };
}

describe('GET /api/v1/clusters.csv', () => {
  it('answers a header and one line per cluster, UTF-8 with a BOM, Cyrillic intact', async () => {
    const { status, type, disposition, bytes, text } = await csv();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/csv; charset=utf-8/);
    expect(disposition).toBe('attachment; filename="clusters.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { rows } = parseCsv(text, [...CLUSTER_EXPORT_COLUMNS]);
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

  it('keeps the directory’s filter and sort', async () => {
    const { rows } = parseCsv((await csv('?industryGroup=nuclear&sort=-index')).text, ['slug', 'index']);
    expect(rows.map((r) => r.cells.slug).sort()).toEqual(['dimitrovgrad-nuclear', 'dubna-nuclear-nanotech', 'sarov-nuclear', 'zheleznogorsk-nuclear-space']);
    const indices = rows.map((r) => Number(r.cells.index));
    expect(indices).toEqual([...indices].sort((a, b) => b - a));
  });

  it.each([
    ['?industryGroup=space', 'industryGroup'],
    ['?page=2', 'page'],
    ['?year=1800', 'year'],
  ])('answers %s with 400 naming %s', async (search, field) => {
    const res = await fetch(`${portal.url}/api/v1/clusters.csv${search}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { problems: Array<{ field: string }> }).problems.map((p) => p.field)).toContain(field);
  });

  it('is linked from the directory with its current filters', async () => {
    const html = await (await fetch(`${portal.url}/en/clusters?industryGroup=nuclear&page=1`)).text();
    expect(element(html, 'data-testid="download-csv"')).toContain('href="/api/v1/clusters.csv?industryGroup=nuclear"');
    expect(element(html, 'data-testid="download-geojson"')).toContain('href="/api/v1/clusters.geojson?industryGroup=nuclear"');
    expect(element(html, 'data-testid="download-json"')).toMatch(/href="\/api\/v1\/clusters\?industryGroup=nuclear&(amp|#38);perPage=100"/);
    for (const path of ['/api/v1/clusters.geojson?industryGroup=nuclear', '/api/v1/clusters?industryGroup=nuclear&sort=-index&perPage=100'])
      expect((await fetch(portal.url + path)).status, path).toBe(200);
  });

  it('is linked from /analytics with its year and industry group, ranked by index', async () => {
    const html = await (await fetch(`${portal.url}/analytics?group=nuclear`)).text();
    expect(element(html, 'data-testid="download-csv"')).toMatch(/href="\/api\/v1\/clusters\.csv\?year=2012&(amp|#38);sort=-index&(amp|#38);industryGroup=nuclear"/);
  });
});
