import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { element, listItems, text } from './html';

// One built portal for the file, seeded with the 25 pilot clusters.
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const PHARMA = ['altai-biopharma', 'obninsk-pharma-biotech', 'pushchino-biotech', 'spb-medical-pharma-radiology', 'tomsk-pharma-medtech-it'];

interface PartnersJson {
  query: Record<string, string>;
  total: number;
  items: Array<{ slug: string; score: number; url: { en: string }; reasons: Array<{ kind: string; value: string; points: number; text: { ru: string; en: string } }> }>;
}

async function api(search: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${portal.url}/api/v1/partners${search}`);
  expect(res.headers.get('content-type')).toContain('application/json');
  return { status: res.status, body: await res.json() };
}

describe('GET /api/v1/partners', () => {
  it('puts the pharmaceutical clusters first for R&D partners in pharmaceuticals, each with its reasons', async () => {
    const { status, body } = await api('?industryGroup=pharma-bio-medical&area=rnd-knowledge-transfer&q=clinical');
    expect(status).toBe(200);
    const json = body as PartnersJson;
    expect(json.items.slice(0, 5).map((i) => i.slug).sort()).toEqual(PHARMA);
    for (const item of json.items.slice(0, 5)) expect(item.reasons).toContainEqual(expect.objectContaining({ kind: 'industryGroup', value: 'pharma-bio-medical', points: 4 }));
    // "clinical" is in Obninsk's sourced specialisation ("preclinical and clinical studies"), so it comes first.
    expect(json.items[0]).toMatchObject({ slug: 'obninsk-pharma-biotech', score: 6, url: { en: '/en/clusters/obninsk-pharma-biotech' } });
    expect(json.items[0]!.reasons.map((r) => r.text.en)).toEqual(['industry group: Pharmaceutical, biotechnology and medical', 'specialisation: preclinical and clinical studies']);
  });

  it('answers the same order every time, scores descending, ties by slug', async () => {
    const a = (await api('?q=nuclear+technologies&region=RU-MOS')).body as PartnersJson;
    const b = (await api('?q=nuclear+technologies&region=RU-MOS')).body as PartnersJson;
    expect(a).toEqual(b);
    expect(a.total).toBeGreaterThan(0);
    for (let i = 1; i < a.items.length; i++) {
      const [prev, cur] = [a.items[i - 1]!, a.items[i]!];
      expect(prev.score > cur.score || (prev.score === cur.score && prev.slug < cur.slug)).toBe(true);
    }
  });

  it('lists nobody for an empty request', async () => {
    expect((await api('')).body).toMatchObject({ total: 0, items: [] });
  });

  it.each([
    ['?industryGroup=space', 'industryGroup'],
    ['?area=everything', 'area'],
    ['?country=Germany', 'country'],
    ['?region=XX-123', 'region'],
    ['?sort=name', 'sort'],
    ['?q=a&q=b', 'q'],
    [`?q=${'x'.repeat(201)}`, 'q'],
  ])('answers %s with 400 naming %s in problems[]', async (search, field) => {
    const { status, body } = await api(search);
    expect(status).toBe(400);
    expect(body.problems.map((p: { field: string }) => p.field)).toContain(field);
  });

  it('refuses POST with 405 and Allow', async () => {
    const res = await fetch(`${portal.url}/api/v1/partners`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('/partners and /en/partners', () => {
  it.each([
    ['/en/partners', 'Find partners', 'industry group: Pharmaceutical, biotechnology and medical'],
    ['/partners', 'Поиск партнёров', 'отраслевая группа: Фармацевтика, биотехнологии и медицина'],
  ])('%s ranks the clusters with their reasons from the URL', async (path, title, reason) => {
    const html = await (await fetch(`${portal.url}${path}?industryGroup=pharma-bio-medical&country=DE`)).text();
    expect(text(/<h1[^>]*>(.*?)<\/h1>/s.exec(html)![1]!)).toBe(title);
    const items = listItems(element(html, 'data-testid="partner-list"')!);
    expect(items).toHaveLength(5);
    expect(text(items[0]!)).toContain(reason);
    expect(html).toMatch(/<option value="DE" selected/);
  });

  it('asks for a criterion when none is given and keeps a bad parameter out', async () => {
    const html = await (await fetch(`${portal.url}/en/partners?area=bogus`)).text();
    expect(element(html, 'data-testid="partners-prompt"')).toBeDefined();
    expect(text(html)).toContain('The value “bogus” of the parameter area is not valid and is not applied. Allowed values: R&D and knowledge transfer, Education and HR');
  });

  it('escapes what the visitor typed', async () => {
    const html = await (await fetch(`${portal.url}/en/partners?q=${encodeURIComponent('"><script>alert(1)</script>')}`)).text();
    // Inside the attribute the quote is escaped, so the value cannot close it and open a script.
    expect(html).not.toContain('"><script>alert(1)');
    expect(html).toMatch(/name="q" value="(&quot;|&#34;)>(&lt;|<)script>alert\(1\)(&lt;|<)\/script>"/);
  });
});

describe('similar and complementary clusters on the profile', () => {
  it('lists similar clusters with reasons and never the profile itself', async () => {
    const html = await (await fetch(`${portal.url}/en/clusters/obninsk-pharma-biotech`)).text();
    const similar = element(html, 'data-testid="related-similar"')!;
    const slugs = [...similar.matchAll(/data-slug="([^"]+)"/g)].map((m) => m[1]);
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs).not.toContain('obninsk-pharma-biotech');
    expect(slugs.slice(0, 4).every((s) => PHARMA.includes(s!))).toBe(true);
    expect(text(similar)).toContain('same industry group: Pharmaceutical, biotechnology and medical');
    expect(element(html, 'data-testid="related-complementary"')).toBeDefined();
  });
});
