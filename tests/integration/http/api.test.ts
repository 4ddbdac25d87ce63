import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDUSTRY_GROUPS } from '../../../src/lib/profile';
import { startPortal, type RunningPortal } from '../../helpers/portal';

// One built portal for the whole file, on a temporary DATA_DIR seeded with the 25 pilot clusters.
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const contentDir = join(import.meta.dirname, '..', '..', '..', 'content', 'clusters');
const shipped = (slug: string) => JSON.parse(readFileSync(join(contentDir, `${slug}.json`), 'utf8'));
const ALL_SLUGS = readdirSync(contentDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();

async function getJson(path: string): Promise<{ status: number; type: string; body: any }> {
  const res = await fetch(portal.url + path);
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, body: type.includes('json') ? await res.json() : await res.text() };
}

describe('GET /api/v1/clusters', () => {
  it('pages the 25 public clusters 20 at a time', async () => {
    const first = await getJson('/api/v1/clusters');
    expect(first.status).toBe(200);
    expect(first.type).toContain('application/json');
    expect(first.body).toMatchObject({ total: 25, page: 1, perPage: 20, pages: 2 });
    expect(first.body.items).toHaveLength(20);
    const second = await getJson('/api/v1/clusters?page=2');
    expect(second.body).toMatchObject({ total: 25, page: 2, perPage: 20, pages: 2 });
    expect(second.body.items).toHaveLength(5);
    const slugs = [...first.body.items, ...second.body.items].map((c: { slug: string }) => c.slug).sort();
    expect(slugs).toEqual(ALL_SLUGS);
  });

  it('gives every item its slug, both names, region, industry group, city and location', async () => {
    const { body } = await getJson('/api/v1/clusters?perPage=100');
    expect(body).toMatchObject({ total: 25, pages: 1 });
    expect(body.items).toHaveLength(25);
    for (const item of body.items) {
      expect(item, item.slug).toMatchObject({
        slug: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        name: { ru: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) },
        region: expect.stringMatching(/^RU-[A-Z]{2,3}$/),
        industryGroup: expect.toBeOneOf([...INDUSTRY_GROUPS]),
        city: expect.any(Object),
        location: { lat: expect.any(Number), lon: expect.any(Number) },
      });
      expect(item.city.ru ?? item.city.en).toBeTruthy();
    }
    const obninsk = body.items.find((c: { slug: string }) => c.slug === 'obninsk-pharma-biotech');
    expect(obninsk).toMatchObject({ region: 'RU-KLU', city: { en: 'Obninsk' }, location: { lat: 55.083, lon: 36.617 } });
  });

  it.each([
    ['industryGroup=pharma-bio-medical', ['altai-biopharma', 'obninsk-pharma-biotech', 'pushchino-biotech', 'spb-medical-pharma-radiology', 'tomsk-pharma-medtech-it']],
    ['region=RU-KLU', ['obninsk-pharma-biotech']],
    ['industryGroup=nuclear&region=RU-MOS', ['dubna-nuclear-nanotech']],
    ['status=industrial', []],
    ['industryGroup=&region=', ALL_SLUGS.slice()], // empty values mean "any"
  ])('filters by %s', async (qs, expected) => {
    const { status, body } = await getJson(`/api/v1/clusters?${qs}&perPage=100`);
    expect(status).toBe(200);
    expect(body.total).toBe(expected.length);
    expect(body.items.map((c: { slug: string }) => c.slug).sort()).toEqual(expected);
  });

  it('sorts by name both ways', async () => {
    const asc = (await getJson('/api/v1/clusters?perPage=100&sort=name')).body.items.map((c: { slug: string }) => c.slug);
    const desc = (await getJson('/api/v1/clusters?perPage=100&sort=-name')).body.items.map((c: { slug: string }) => c.slug);
    expect(desc).toEqual([...asc].reverse());
  });

  it.each([
    ['industryGroup=bogus', 'industryGroup'],
    ['foo=1', 'foo'],
    ['perPage=101', 'perPage'],
    ['page=0', 'page'],
    ['region=RU-XXX', 'region'],
    ['sort=random', 'sort'],
    ['industryGroup=nuclear&industryGroup=nuclear', 'industryGroup'],
  ])('answers ?%s with 400 naming %s', async (qs, field) => {
    const { status, type, body } = await getJson(`/api/v1/clusters?${qs}`);
    expect(status).toBe(400);
    expect(type).toContain('application/json');
    expect(body.error).toContain(field);
    expect(body.problems.map((p: { field: string }) => p.field)).toContain(field);
  });
});

describe('GET /api/v1/clusters/{slug}', () => {
  it('returns the full Obninsk profile', async () => {
    const { status, type, body } = await getJson('/api/v1/clusters/obninsk-pharma-biotech');
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    expect(Object.keys(body).sort()).toEqual(['general', 'indicators', 'management', 'members', 'partnersProjects', 'priorities', 'provenance', 'questionnaire', 'slug']);
    expect(body).toEqual(shipped('obninsk-pharma-biotech'));
  });

  it('leaves Pushchino’s unreported indicators out (not 0 or null)', async () => {
    const { body } = await getJson('/api/v1/clusters/pushchino-biotech');
    expect(Object.keys(body.indicators[0]).sort()).toEqual(['jointRndBlnRub', 'publications', 'year']);
  });

  it('answers an unknown slug with a 404 JSON error', async () => {
    const { status, type, body } = await getJson('/api/v1/clusters/no-such-cluster');
    expect(status).toBe(404);
    expect(type).toContain('application/json');
    expect(body.error).toContain('no-such-cluster');
  });
});

describe('GET /api/v1/health', () => {
  it('reports a working store with the 25 clusters', async () => {
    const { status, body } = await getJson('/api/v1/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', db: 'ok', storage: 'ok', clusters: 25 });
  });
});
