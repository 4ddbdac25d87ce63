import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../helpers/poll';
import { getJson as getPortalJson, meiliState as readMeiliState, startPortal, type RunningPortal } from '../../helpers/portal';
import { isRunning } from '../../helpers/processes';

let portal: RunningPortal;

/** GET a JSON answer of this file's portal. */
const getJson = (path: string) => getPortalJson(portal, path);
/** The embedded Meilisearch's URL and pid (state file of npm start). */
const meiliState = () => readMeiliState(portal);

/** pid of the embedded Meilisearch. */
function meiliPid(): number {
  return meiliState().pid;
}

beforeAll(async () => {
  portal = await startPortal();
  await until(() => getJson('/api/v1/health'), (r) => r.body.search === 'ok');
});
afterAll(async () => {
  await portal?.stop();
});

describe('npm start with the embedded Meilisearch', () => {
  it('reports search in /api/v1/health', async () => {
    expect((await getJson('/api/v1/health')).body).toMatchObject({ status: 'ok', db: 'ok', search: 'ok', searchState: 'ready', searchPending: 0 });
  });

  it.each(['ru', 'en'])('acceptance (%s): titanium, Томск and nuclaer put the expected pilots first in the API and the page', async (lang) => {
    const first = async (q: string) => (await getJson(`/api/v1/search?q=${encodeURIComponent(q)}&lang=${lang}`)).body.hits[0].slug;
    expect(await first('titanium')).toBe('sverdlovsk-titanium');
    expect(await first('Томск')).toBe('tomsk-pharma-medtech-it');
    expect(await first('nuclaer')).toMatch(/nuclear/);
    const prefix = lang === 'en' ? '/en' : '';
    for (const [q, slug] of [['titanium', 'sverdlovsk-titanium'], ['Томск', 'tomsk-pharma-medtech-it'], ['nuclaer', 'nuclear']]) {
      const html = await (await fetch(`${portal.url}${prefix}/search?q=${encodeURIComponent(q!)}`)).text();
      const firstLink = html.match(/class="search-hit" data-slug="([^"]+)"/)?.[1];
      expect(firstLink).toContain(slug);
    }
  });

  it.each([
    ['', 'ядерные кластеры Сибири', 'Показаны кластеры округа: Сибирский федеральный округ (по словам «Сибири»).'],
    ['/en', 'nuclear Siberia', 'Showing clusters in the Siberian Federal District (from “Siberia”).'],
  ])('narrows a query with a place word to its federal district and says so (%s)', async (prefix, q, notice) => {
    const html = await (await fetch(`${portal.url}${prefix}/search?q=${encodeURIComponent(q)}`)).text();
    expect([...html.matchAll(/class="search-hit" data-slug="([^"]+)"/g)].map((m) => m[1])).toEqual(['zheleznogorsk-nuclear-space']);
    expect(html).toContain(notice);
    const api = (await getJson(`/api/v1/search?q=${encodeURIComponent(q)}`)).body;
    expect(api).toMatchObject({ total: 1, place: { federalDistrict: 'siberian' } });
  });

  it('answers the documented shape and 400 naming each bad parameter', async () => {
    const ok = await getJson('/api/v1/search?q=nuclear&industryGroup=nuclear&sort=-index&perPage=2');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ mode: 'meilisearch', total: 4, page: 1, perPage: 2, pages: 2 });
    expect(Object.keys(ok.body.facets)).toEqual(['industryGroup', 'federalDistrict', 'region', 'scenario', 'status']);
    expect(Object.keys(ok.body.hits[0])).toEqual(['slug', 'name', 'industryGroup', 'region', 'city', 'status', 'scenario', 'index', 'foundedYear', 'highlight', 'reported']);
    expect(ok.body.hits[0].reported).toEqual({ reported: expect.any(Number), of: 4 });
    const timed = await fetch(`${portal.url}/api/v1/search?q=nuclear`, { headers: { 'accept-encoding': 'identity' } });
    const [search, meili] = /^search;dur=(\d+\.\d\d), meili;dur=(\d+\.\d\d)$/.exec(timed.headers.get('server-timing') ?? '')!.slice(1).map(Number);
    expect(meili).toBeGreaterThan(0);
    expect(meili).toBeLessThanOrEqual(search!);
    // Sent in one piece with its length, not chunked (the built server's gate answers this route directly).
    expect(Number(timed.headers.get('content-length'))).toBe(Buffer.byteLength(await timed.text()));
    const bad = await getJson('/api/v1/search?q=x&sort=random&perPage=500&bogus=1');
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field)).toEqual(['sort', 'perPage', 'bogus']);
  });

  it('keeps every page at 200 with search in fallback while Meilisearch is down, then returns to normal by itself on a fresh port', async () => {
    const { pid, url: oldUrl } = meiliState();
    process.kill(pid, 'SIGKILL');
    expect((await getJson('/api/v1/search?q=Томск')).body).toMatchObject({ mode: 'fallback', hits: [{ slug: 'tomsk-pharma-medtech-it' }] });
    // What depends on the outage first: Meilisearch comes back on its own after a second or so, and a loaded
    // machine once spent that long on the page checks below before asking these (a flaky failure).
    expect((await getJson('/api/v1/health')).body.search).toBe('fallback');
    expect((await fetch(`${portal.url}/api/v1/search?q=nuclear`)).headers.get('server-timing')).toMatch(/^search;dur=\d+\.\d\d$/); // no Meilisearch part
    expect(await (await fetch(`${portal.url}/en/search?q=nuclear`)).text()).toContain('data-testid="search-fallback"');
    for (const path of ['/', '/clusters', '/clusters/sarov-nuclear', '/search?q=nuclear', '/en/search?q=nuclear', '/api/v1/health'])
      expect([path, (await fetch(portal.url + path)).status]).toEqual([path, 200]);

    // The supervisor restarts Meilisearch on a fresh port (a process that took the old one must not get the
    // master key) and tells the server, whose worker checks the index there; searches go back to Meilisearch.
    await until(() => getJson('/api/v1/health'), (r) => r.body.search === 'ok');
    const restarted = meiliState();
    expect(restarted.pid).not.toBe(pid);
    expect(new URL(restarted.url).port).not.toBe(new URL(oldUrl).port);
    expect((await getJson('/api/v1/search?q=nuclaer')).body).toMatchObject({ mode: 'meilisearch', total: 4 });
  });

  it('offers no founding-year sort while no cluster gives a year, but the index sorts', async () => {
    const html = await (await fetch(`${portal.url}/en/search`)).text();
    const sort = /data-testid="search-sort"[\s\S]*?<\/select>/.exec(html)?.[0] ?? '';
    expect(sort).toContain('value="-index"');
    expect(sort).not.toContain('value="founded"');
    expect(sort).not.toContain('value="-founded"');
  });

  it('never shows the master key: not in health, pages, API answers or the log', async () => {
    const masterKey = readFileSync(join(portal.dataDir, 'meili-master-key'), 'utf8').trim();
    for (const path of ['/api/v1/health', '/api/v1/search?q=nuclear', '/en/search?q=nuclear', '/']) {
      expect([path, (await (await fetch(portal.url + path)).text()).includes(masterKey)]).toEqual([path, false]);
    }
    expect(portal.output()).not.toContain(masterKey);
  });

  it('stops Meilisearch with the portal: no orphan process', async () => {
    const pid = meiliPid();
    expect(isRunning(pid)).toBe(true);
    const output = portal.output; // the portal's own record of its stop, if Meilisearch outlives it
    await portal.stop();
    // Bounded by Meilisearch's own grace (SIGTERM, SIGKILL after 5 s), which now runs beside the servers' stop.
    await until(async () => isRunning(pid), (alive) => !alive, 10_000).catch((error: Error) => {
      throw new Error(`${error.message}; Meilisearch (pid ${pid}) still runs after the portal stopped. Its output:\n${output().split('\n').slice(-30).join('\n')}`);
    });
  });
});
