import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { element, text } from './html';

// One built portal for the file, seeded with the 25 pilot clusters.
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const get = async (path: string) => {
  const res = await fetch(portal.url + path, { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
};
/** Cell texts of a row of the comparison table. */
const row = (html: string, id: string) => [...(element(html, `data-row="${id}"`) ?? '').matchAll(/<td\b[^>]*>(.*?)<\/td>/gs)].map((m) => text(m[1]!));
const columns = (html: string) => [...(element(html, 'data-testid="compare-table"') ?? '').matchAll(/<th scope="col" data-slug="([^"]+)"/g)].map((m) => m[1]);

describe('/compare', () => {
  it('shows two nuclear clusters side by side with indicators, index ranks and sourced facts (en)', async () => {
    const { status, html } = await get('/en/compare?c=dimitrovgrad-nuclear,sarov-nuclear');
    expect(status).toBe(200);
    expect(columns(html)).toEqual(['dimitrovgrad-nuclear', 'sarov-nuclear']);
    expect(row(html, 'industryGroup')).toEqual(['Nuclear', 'Nuclear']);
    expect(row(html, 'members')[0]).toMatch(/^70 \(2020\) \( ?source: cluster-dgrad\.ru ?\)$/);
    expect(row(html, 'indicator-exportsBlnRub')[0]).toBe('1.8');
    expect(row(html, 'indicator-internationalMembers')[0]).toBe('not reported');
    expect(row(html, 'indexOverall')[0]).toBe('0.080 (22nd of 25)'); // an index always with 3 decimals (was "0.08")
    expect(row(html, 'indexIndustry')[0]).toMatch(/^\d\.\d{3} \(\d+(st|nd|rd|th) of [2-4]\)$/);
    expect(element(html, 'data-row="scenario"')).toContain('data-testid="scenario-badge"');
  });

  it('offers removal links that keep the others, and an add form carrying the picked ones (ru)', async () => {
    const { html } = await get('/compare?c=dimitrovgrad-nuclear,sarov-nuclear');
    expect(html).toContain('href="/compare?c=sarov-nuclear"');
    expect(html).toContain('href="/compare?c=dimitrovgrad-nuclear"');
    const form = element(html, 'data-testid="compare-add"')!;
    expect(form).toMatch(/<input type="hidden" name="c" value="dimitrovgrad-nuclear"/);
    expect(form).not.toContain('<option value="sarov-nuclear"');
  });

  it('turns a form’s repeated c into the shareable comma form', async () => {
    const { status, location } = await get('/en/compare?c=dimitrovgrad-nuclear&c=zelenograd');
    expect(status).toBe(303);
    expect(location).toBe('/en/compare?c=dimitrovgrad-nuclear,zelenograd');
  });

  it('compares at most 5 and names what it left out or could not find', async () => {
    const six = ['dimitrovgrad-nuclear', 'sarov-nuclear', 'zelenograd', 'phystech-xxi', 'samara-aerospace', 'perm-rocket-engines'];
    const { html } = await get(`/en/compare?c=${six.join(',')}`);
    expect(columns(html)).toEqual(six.slice(0, 5));
    expect(text(html)).toContain('at most 5 clusters can be compared; "perm-rocket-engines" was left out');
    // In Russian on a Russian page (issue 13, item 8).
    expect(text((await get(`/compare?c=${six.join(',')},Bad_Slug`)).html)).toContain('сравнить можно не больше 5 кластеров; «perm-rocket-engines» не добавлен.');
    expect(text((await get('/compare?c=Bad_Slug')).html)).toContain('Не всё удалось учесть: «Bad_Slug» — не адрес кластера.');
    expect(element(html, 'data-testid="compare-full"')).toBeDefined();
    const missing = await get('/en/compare?c=no-such-cluster');
    expect(text(missing.html)).toContain('There is no cluster "no-such-cluster" on the portal.');
    expect(element(missing.html, 'data-testid="compare-empty"')).toBeDefined();
  });

  it('is reachable without JavaScript from the directory (a GET form of checkboxes) and from a profile (a link)', async () => {
    const directory = (await get('/en/clusters')).html;
    const form = element(directory, 'data-testid="compare-form"')!;
    expect(form).toMatch(/<form method="get" action="\/en\/compare"/);
    expect(form).toContain('<input type="checkbox" name="c" value="dimitrovgrad-nuclear"');
    const profile = (await get('/en/clusters/dimitrovgrad-nuclear')).html;
    expect(element(profile, 'data-testid="compare-link"')).toContain('href="/en/compare?c=dimitrovgrad-nuclear"');
  });
});
