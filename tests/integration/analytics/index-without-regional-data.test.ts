import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeCandidate } from '../../../src/lib/indexing/what-if';
import { DEFAULT_SETTINGS } from '../../../src/lib/settings';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { attrs, element, text } from '../http/html';
import { en3, expectedIndices, fetchT, FIXTURE, importRegions, INDICATORS, loadPilots, ordinal, REAL_CODES } from './expected';

// The built portal on a fresh DATA_DIR: the 25 pilot clusters (2012) and no regional statistics.
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const PILOTS = loadPilots(2012);
const EXPECTED = expectedIndices(PILOTS);
const NAME_EN = new Map(PILOTS.map((p) => [p.slug, p.name.en]));
// Names sort the way readers expect: quotes and other punctuation do not count ("Kamsky" sorts under K).
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true, ignorePunctuation: true });
/** Slugs by expected overall rank, ties by English name. */
const BY_RANK = [...EXPECTED.overall.keys()].sort((a, b) => EXPECTED.overallRank.get(a)! - EXPECTED.overallRank.get(b)! || collator.compare(NAME_EN.get(a)!, NAME_EN.get(b)!));

async function getJson(path: string): Promise<{ status: number; body: any }> {
  const res = await fetchT(portal.url + path);
  return { status: res.status, body: await res.json() };
}
async function getHtml(path: string): Promise<{ status: number; html: string }> {
  const res = await fetchT(portal.url + path);
  return { status: res.status, html: await res.text() };
}
/** Text of the element with data-testid, or undefined. */
const testid = (html: string, id: string) => {
  const el = element(html, `data-testid="${id}"`);
  return el === undefined ? undefined : text(el);
};
/** Slugs of the ranking table rows, in order. */
const rankingSlugs = (html: string) => attrs(element(html, 'data-testid="ranking"')!, 'tr', 'data-slug');

describe('acceptance: the 2012 index of every pilot cluster in GET /api/v1/clusters', () => {
  let items: any[];
  beforeAll(async () => {
    const { status, body } = await getJson('/api/v1/clusters?perPage=100');
    expect(status).toBe(200);
    expect(body.year).toBe(2012);
    items = body.items;
  });

  it('lists the 25 pilot clusters', () => {
    expect(PILOTS).toHaveLength(25);
    expect(items.map((i) => i.slug).sort()).toEqual(PILOTS.map((p) => p.slug).sort());
  });

  it('matches the formula of domain.md to 1e-6 over all 25 (index.overall) and within each industry group (index.industry)', () => {
    for (const item of items) {
      expect(Math.abs(item.index.overall - EXPECTED.overall.get(item.slug)!), `${item.slug} overall`).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(item.index.industry - EXPECTED.industry.get(item.slug)!), `${item.slug} industry`).toBeLessThanOrEqual(1e-6);
    }
  });

  it('ranks as the formula orders them, overall and within the industry group', () => {
    for (const item of items) {
      expect(item.index, item.slug).toMatchObject({
        year: 2012,
        overallRank: EXPECTED.overallRank.get(item.slug),
        overallOf: 25,
        industryRank: EXPECTED.industryRank.get(item.slug),
        industryOf: EXPECTED.industryOf.get(item.slug),
        reported: Object.keys(PILOTS.find((p) => p.slug === item.slug)!.values).length,
        of: 4,
        notRanked: null,
      });
    }
  });

  it('ranks the Nizhny Novgorod automobile and petrochemical cluster 1st overall', () => {
    const nn = items.find((i) => i.slug === 'nizhny-novgorod-auto-petrochem');
    expect(nn.index.overallRank).toBe(1);
    expect(BY_RANK[0]).toBe('nizhny-novgorod-auto-petrochem');
    expect(items.filter((i) => i.index.overallRank === 1)).toHaveLength(1);
  });

  it('sorts by index descending with sort=-index, and ascending with sort=index', async () => {
    const desc = (await getJson('/api/v1/clusters?perPage=100&sort=-index')).body.items.map((i: any) => i.slug);
    expect(desc).toEqual(BY_RANK);
    const asc = (await getJson('/api/v1/clusters?perPage=100&sort=index')).body.items.map((i: any) => i.index.overall);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
  });
});

describe('without regional statistics', () => {
  it("gives every item scenario 'unknown' with all five regional inputs missing", async () => {
    const { body } = await getJson('/api/v1/clusters?perPage=100');
    for (const item of body.items) {
      expect(item.scenario, item.slug).toEqual({
        code: 'unknown',
        year: 2012,
        clusterIndex: item.index.overall,
        regionIndex: null,
        clusterThreshold: expect.any(Number),
        regionThreshold: null,
        missingRegionalInputs: ['population', 'fdi', 'exports', 'imports', 'foreignOwnedCompanies'],
        excludedRegional: null,
      });
      expect(item.scenario.clusterThreshold).toBeCloseTo(EXPECTED.clusterThreshold, 9);
    }
  });

  // Issue 11, Deliver 5: while no cluster has a scenario, one note stands in for the badge, saying what is needed and who adds it.
  it.each([
    ['/en/clusters/nizhny-novgorod-auto-petrochem', 'Internationalization scenarios will appear once the portal’s moderators upload regional statistics'],
    ['/clusters/obninsk-pharma-biotech', 'Сценарии интернационализации появятся, когда модераторы портала загрузят региональную статистику'],
  ])('the profile %s shows the scenario note instead of a badge', async (path, note) => {
    const { status, html } = await getHtml(path);
    expect(status).toBe(200);
    expect(element(html, 'data-testid="scenario-badge"')).toBeUndefined();
    expect(text(element(html, 'data-testid="scenario-note"')!)).toContain(note);
  });

  it.each(['/en/clusters', '/en/map', '/en/analytics'])('%s hides the scenario badges, filter, legend and column', async (path) => {
    const { status, html } = await getHtml(path);
    expect(status).toBe(200);
    expect(html).not.toContain('data-testid="scenario-badge"');
    expect(html).not.toContain('data-testid="scenario-legend"');
    expect(html).not.toContain('name="scenario"');
    expect(html).not.toMatch(/<th scope="col">(Scenario|Internationalization scenario)<\/th>/);
    if (path !== '/en/analytics') expect(html).toContain('data-testid="scenario-note"');
  });

  it.each(['/en/analytics', '/analytics'])('%s shows the scatter empty state, and no chart', async (path) => {
    const { status, html } = await getHtml(path);
    expect(status).toBe(200);
    expect(element(html, 'data-testid="scatter-empty"')).toBeDefined();
    expect(element(html, 'data-testid="scatter"')).toBeUndefined();
    expect(html).not.toMatch(/class="point /);
  });
});

describe('?year= and the directory sort', () => {
  it('accepts ?year=2012', async () => {
    const { status, body } = await getJson('/api/v1/clusters?year=2012&perPage=100');
    expect(status).toBe(200);
    expect(body.year).toBe(2012);
    expect(body.items.find((i: any) => i.slug === 'nizhny-novgorod-auto-petrochem').index.overallRank).toBe(1);
  });

  it('gives no index for a year without indicators', async () => {
    const { status, body } = await getJson('/api/v1/clusters?year=2011&perPage=100');
    expect(status).toBe(200);
    expect(body.year).toBe(2011);
    for (const item of body.items) expect(item.index, item.slug).toMatchObject({ overall: null, overallRank: null, industry: null, reported: 0, notRanked: 'no-indicators' });
  });

  it.each(['abc', '20x2', '12.5'])('answers ?year=%s with 400 naming year', async (year) => {
    const { status, body } = await getJson(`/api/v1/clusters?year=${year}`);
    expect(status).toBe(400);
    expect(body.problems.length).toBeGreaterThan(0);
    expect(new Set(body.problems.map((p: { field: string }) => p.field))).toEqual(new Set(['year']));
    expect(body.error).toMatch(/year/);
  });

  it('orders the directory page by index descending with sort=-index', async () => {
    const { status, html } = await getHtml('/en/clusters?sort=-index');
    expect(status).toBe(200);
    const hrefs = attrs(element(html, 'data-testid="cluster-list"')!, 'a', 'href').filter((h) => /^\/en\/clusters\/[a-z0-9-]+$/.test(h));
    const slugs = [...new Set(hrefs.map((h) => h.replace('/en/clusters/', '')))];
    expect(slugs).toEqual(BY_RANK.slice(0, 20));
    // Each entry shows its index and rank for the year.
    expect(testid(html, 'list-index')).toBe(`Internationalization index 2012: ${en3(EXPECTED.overall.get(BY_RANK[0]!)!)} (1st of 25)`);
  });
});

describe('"2 of 4 reported" in every list (issue 13)', () => {
  it.each([
    ['/en/clusters?industryGroup=pharma-bio-medical', '2 of 4 reported'],
    ['/clusters?industryGroup=pharma-bio-medical', 'по 2 из 4 показателей'],
    ['/en/map?industryGroup=pharma-bio-medical', '2 of 4 reported'],
    ['/en/analytics', '2 of 4 reported'],
    ['/en/search?q=Pushchino', '2 of 4 reported'],
  ])('%s flags Pushchino and not Obninsk', async (path, flag) => {
    const { html } = await getHtml(path);
    const flags = [...html.matchAll(/data-testid="reported-flag"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(flags.length).toBeGreaterThan(0);
    expect(new Set(flags)).toContain(flag);
    // Obninsk reported all 4: its entry carries no flag.
    const obninsk = /obninsk-pharma-biotech[\s\S]*?(<\/li>|<\/tr>)/.exec(html)?.[0] ?? '';
    expect(obninsk).not.toContain('reported-flag');
  });
});

describe('profile index panel', () => {
  it('Obninsk (en): rank "Nth of 25" overall and in its industry, 4 of 4 reported', async () => {
    const slug = 'obninsk-pharma-biotech';
    const { html } = await getHtml(`/en/clusters/${slug}`);
    expect(testid(html, 'index-value')).toBe(en3(EXPECTED.overall.get(slug)!));
    // Plain words say what each number is among (issue 13): "all 25 clusters", "the 5 clusters in <group>".
    expect(testid(html, 'rank-overall')).toBe(`Among all 25 clusters with data for the year: ${ordinal(EXPECTED.overallRank.get(slug)!)}`);
    expect(EXPECTED.overallRank.get(slug)).toBe(8);
    expect(testid(html, 'rank-industry')).toMatch(
      new RegExp(`^Among the 5 clusters in “Pharmaceutical, biotechnology and medical”: ${ordinal(EXPECTED.industryRank.get(slug)!)}; index within the group ${en3(EXPECTED.industry.get(slug)!).replace('.', '\\.')}\\s*The index within the group is measured against`),
    );
    expect(testid(html, 'reported')).toBe('4 of 4 indicators reported');
    // The formula is one click away, not in the table's headings.
    expect(text(element(html, 'data-testid="index-formula"')!)).toMatch(/^How the index is calculated .*I = √Σ α·\(x \/ max\)²/);
    expect(text(element(html, 'data-testid="contributions"')!)).not.toMatch(/α|x \/ max/);
    expect(text(element(html, 'data-testid="contributions"')!)).not.toContain('not reported');
  });

  it('Pushchino (en): 2 of 4 reported, and the contributions table marks the missing ones', async () => {
    const slug = 'pushchino-biotech';
    const { html } = await getHtml(`/en/clusters/${slug}`);
    expect(testid(html, 'reported')).toBe('2 of 4 indicators reported The index rests on fewer than all indicators: unreported ones count as zero.');
    expect(testid(html, 'rank-overall')).toBe(`Among all 25 clusters with data for the year: ${ordinal(EXPECTED.overallRank.get(slug)!)}`);
    const table = element(html, 'data-testid="contributions"')!;
    const row = (k: string) => text(element(table, `data-indicator="${k}"`)!);
    expect(row('internationalMembers')).toContain('not reported');
    expect(row('exportsBlnRub')).toContain('not reported');
    expect(row('publications')).not.toContain('not reported');
    expect(row('jointRndBlnRub')).not.toContain('not reported');
    // publications: 694 of the maximum 4,458 → ratio 0.156, contribution 0.024.
    expect(row('publications')).toBe(`Publications in Scopus / Web of Science ${en3(694 / 4458)} ${en3((694 / 4458) ** 2)} 4,458`);
  });

  it('Pushchino (en): says how to raise the index, and its calculator link reproduces the same index', async () => {
    const slug = 'pushchino-biotech';
    const { html } = await getHtml(`/en/clusters/${slug}`);
    const hints = text(element(html, 'data-testid="improve"')!);
    expect(hints).toContain('Report “International members”: it is missing and counts as 0.');
    expect(hints).toContain('Report “Exports of members, bln RUB”: it is missing and counts as 0.');
    // Joint R&D 0.39 of the leader's 35 (ratio 0.011) has more headroom than publications (694 of 4,458).
    expect(hints).toContain('The most room for growth is in “Joint R&D, bln RUB”: now 1.1% of the best value.');
    const href = /href="([^"]+)" data-testid="improve-what-if"/.exec(html)![1]!.replaceAll('&#38;', '&');
    expect(href).toBe('/en/what-if?publications=694&jointRndBlnRub=0.39&year=2012&group=pharma-bio-medical');
    // A copy of the cluster added to the set leaves every maximum unchanged, so it gets the cluster's own index.
    const whatIf = await getHtml(href);
    expect(testid(whatIf.html, 'whatif-index')).toBe(en3(EXPECTED.overall.get(slug)!));
  });

  it('Pushchino (ru): «2 из 4 показателей представлено» and «нет данных»', async () => {
    const { html } = await getHtml('/clusters/pushchino-biotech');
    expect(testid(html, 'reported')).toMatch(/^2 из 4 показателей представлено/);
    expect(text(element(element(html, 'data-testid="contributions"')!, 'data-indicator="exportsBlnRub"')!)).toContain('нет данных');
  });
});

describe('what-if page', () => {
  const dbPath = () => join(portal.dataDir, 'cluster-map.sqlite');
  function counts(): Record<string, number> {
    const db = new Database(dbPath(), { readonly: true, fileMustExist: true });
    try {
      return Object.fromEntries(['clusters', 'indicator_values', 'audit_log', 'region_statistics'].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
    } finally {
      db.close();
    }
  }

  /** The ranked clusters of 2012 and their indicators, as the public API gives them. */
  async function apiSet(): Promise<Array<{ id: string; group: string; values: Record<string, number> }>> {
    const list = (await getJson('/api/v1/clusters?perPage=100')).body.items.filter((i: any) => i.index.overall !== null);
    return Promise.all(
      list.map(async (i: any) => {
        const profile = (await getJson(`/api/v1/clusters/${i.slug}`)).body;
        const row = profile.indicators.find((r: any) => r.year === 2012);
        const values: Record<string, number> = {};
        for (const k of INDICATORS) if (row[k]) values[k] = row[k].value;
        return { id: i.slug, group: i.industryGroup, values };
      }),
    );
  }

  it.each([
    [{ internationalMembers: '3', exportsBlnRub: '10', publications: '2000', jointRndBlnRub: '1' }, 'nuclear'],
    [{ internationalMembers: '', exportsBlnRub: '100', publications: '', jointRndBlnRub: '0,5' }, 'chemistry-petrochemistry'], // new exports maximum; empty = not reported
    [{ internationalMembers: '', exportsBlnRub: '', publications: '5000', jointRndBlnRub: '' }, ''],
  ])('shows the index and ranks placeCandidate gives for %o (group %s) and stores nothing', async (fields, group) => {
    const before = counts();
    const set = await apiSet();
    const candidate = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v.replace(',', '.'))]));
    const overall = placeCandidate(set, candidate, DEFAULT_SETTINGS.index);
    const params = new URLSearchParams({ ...fields, year: '2012', group });
    const { status, html } = await getHtml(`/en/what-if?${params}`);
    expect(status).toBe(200);
    expect(element(html, 'data-testid="whatif-errors"')).toBeUndefined();
    expect(testid(html, 'whatif-index')).toBe(en3(overall.value));
    const result = testid(html, 'whatif-result')!;
    expect(result).toContain(`Index ${en3(overall.value)}: ${ordinal(overall.rank)} of 26 among all clusters in 2012.`);
    if (group) {
      const inGroup = placeCandidate(set.filter((c) => c.group === group), candidate, DEFAULT_SETTINGS.index);
      expect(testid(html, 'whatif-industry')).toMatch(new RegExp(`: index ${en3(inGroup.value).replace('.', '\\.')}, ${ordinal(inGroup.rank)} of ${inGroup.of}\\.$`));
    } else {
      expect(element(html, 'data-testid="whatif-industry"')).toBeUndefined();
    }
    expect(counts()).toEqual(before);
    // The portal's own index of the real clusters is unchanged by the what-if.
    const nn = (await getJson('/api/v1/clusters?perPage=100')).body.items.find((i: any) => i.slug === 'nizhny-novgorod-auto-petrochem');
    expect(nn.index.overall).toBeCloseTo(EXPECTED.overall.get('nizhny-novgorod-auto-petrochem')!, 12);
  });

  it('shows field errors and no result for invalid input, and keeps what was typed', async () => {
    const before = counts();
    const { status, html } = await getHtml('/en/what-if?internationalMembers=2&exportsBlnRub=-1&publications=abc&jointRndBlnRub=');
    expect(status).toBe(200);
    expect(element(html, 'data-testid="whatif-result"')).toBeUndefined();
    expect(testid(html, 'whatif-errors')!.replace(/ :/g, ':')).toBe('Please check these values: Exports of members, bln RUB: must not be negative Publications in Scopus / Web of Science: must be a number');
    expect(text(element(html, 'id="e-exportsBlnRub"')!)).toBe('must not be negative');
    expect(text(element(html, 'id="e-publications"')!)).toBe('must be a number');
    expect(html).toMatch(/<input id="f-exportsBlnRub"[^>]*value="-1"[^>]*aria-invalid="true"/);
    expect(html).not.toMatch(/<input id="f-internationalMembers"[^>]*aria-invalid/);
    expect(counts()).toEqual(before);
  });

  it('asks for at least one indicator when all fields are empty', async () => {
    const { status, html } = await getHtml('/en/what-if?internationalMembers=&exportsBlnRub=&publications=&jointRndBlnRub=&year=2012&group=');
    expect(status).toBe(200);
    expect(element(html, 'data-testid="whatif-result"')).toBeUndefined();
    expect(html).toContain('Give at least one indicator');
  });
});

describe('analytics page: ranking table', () => {
  it('lists the clusters by rank, with "Nth of 25" and the index', async () => {
    const { status, html } = await getHtml('/en/analytics');
    expect(status).toBe(200);
    expect(rankingSlugs(html)).toEqual(BY_RANK);
    const table = element(html, 'data-testid="ranking"')!;
    for (const slug of BY_RANK) {
      const row = element(table, `data-slug="${slug}"`)!;
      expect(text(element(row, 'class="rank"')!)).toBe(`${ordinal(EXPECTED.overallRank.get(slug)!)} of 25`);
      expect(Number(/data-value="([^"]*)"/.exec(row)![1])).toBeCloseTo(EXPECTED.overall.get(slug)!, 9);
    }
  });

  /** The href of a header's sort link, found by the header text. */
  function sortLink(html: string, header: string): string {
    const th = [...html.matchAll(/<th scope="col"[^>]*>\s*<a class="sort" href="([^"]+)">([^<]+)<\/a>/g)].find((m) => m[2] === header);
    expect(th, `sort link "${header}"`).toBeDefined();
    return th![1]!.replace(/&amp;/g, '&');
  }

  it('sorts by name through the header link, then reverses on the second click', async () => {
    const first = await getHtml('/en/analytics');
    const byNameHref = sortLink(first.html, 'Cluster');
    const byName = await getHtml(byNameHref);
    const expected = [...BY_RANK].sort((a, b) => collator.compare(NAME_EN.get(a)!, NAME_EN.get(b)!));
    expect(rankingSlugs(byName.html)).toEqual(expected);
    expect(byName.html).toMatch(/<th scope="col" aria-sort="ascending"><a class="sort" href="[^"]*">Cluster</);
    const reversed = await getHtml(sortLink(byName.html, 'Cluster'));
    expect(rankingSlugs(reversed.html)).toEqual([...expected].reverse());
    expect(reversed.html).toMatch(/aria-sort="descending"><a class="sort" href="[^"]*">Cluster</);
  });

  it('reverses the rank order through the active Rank header', async () => {
    const first = await getHtml('/en/analytics');
    const reversed = await getHtml(sortLink(first.html, 'Rank'));
    expect(rankingSlugs(reversed.html).map((s) => EXPECTED.overallRank.get(s))).toEqual(BY_RANK.map((s) => EXPECTED.overallRank.get(s)).reverse());
  });

  it('shows ranks within the industry group with set=industry', async () => {
    const { html } = await getHtml('/en/analytics?set=industry');
    const table = element(html, 'data-testid="ranking"')!;
    const slugs = rankingSlugs(html);
    expect(slugs.sort()).toEqual([...BY_RANK].sort());
    for (const slug of slugs) {
      const row = element(table, `data-slug="${slug}"`)!;
      expect(text(element(row, 'class="rank"')!), slug).toBe(`${ordinal(EXPECTED.industryRank.get(slug)!)} of ${EXPECTED.industryOf.get(slug)}`);
      expect(Number(/data-value="([^"]*)"/.exec(row)![1])).toBeCloseTo(EXPECTED.industry.get(slug)!, 9);
    }
  });

  it('ranks only the chosen group with set=industry&group=pharma-bio-medical', async () => {
    const { html } = await getHtml('/en/analytics?set=industry&group=pharma-bio-medical');
    const pharma = PILOTS.filter((p) => p.industryGroup === 'pharma-bio-medical').map((p) => p.slug);
    const expected = pharma.sort((a, b) => EXPECTED.industryRank.get(a)! - EXPECTED.industryRank.get(b)!);
    expect(rankingSlugs(html)).toEqual(expected);
    expect(text(element(element(html, `data-slug="${expected[0]}"`)!, 'class="rank"')!)).toBe('1st of 5');
  });

  it('shows a notice for bad parameters but still renders the default ranking', async () => {
    const { status, html } = await getHtml('/en/analytics?sort=bogus&year=abc&set=everything');
    expect(status).toBe(200);
    const notices = [...html.matchAll(/<p class="notice" role="alert">([\s\S]*?)<\/p>/g)].map((m) => text(m[1]!));
    expect(notices.some((n) => n.includes('of the parameter sort is not valid'))).toBe(true);
    expect(notices.some((n) => n.includes('of the parameter year is not valid'))).toBe(true);
    expect(notices.some((n) => n.includes('of the parameter set is not valid'))).toBe(true);
    expect(notices).toContain('The value “everything” of the parameter set is not valid and is not applied. Allowed values: All clusters, Within the industry group.');
    expect(rankingSlugs(html)).toEqual(BY_RANK);
  });

  it('renders in Russian with Russian ranks', async () => {
    const { status, html } = await getHtml('/analytics');
    expect(status).toBe(200);
    expect(rankingSlugs(html)).toHaveLength(25);
    expect(text(element(element(html, 'data-slug="nizhny-novgorod-auto-petrochem"')!, 'class="rank"')!)).toBe('1-е из 25');
  });
});

// Runs last in this file: it imports regional statistics into the running portal's DATA_DIR.
describe('importing regional statistics into a running portal', () => {
  it('is reflected at once: no stale scenario is served from the cache', async () => {
    const before = (await getJson('/api/v1/clusters?perPage=100')).body.items;
    expect(before.every((i: any) => i.scenario.code === 'unknown')).toBe(true);
    expect(element((await getHtml('/en/analytics')).html, 'data-testid="scatter-empty"')).toBeDefined();

    const imported = await importRegions(portal.dataDir, FIXTURE);
    expect(imported.code, imported.stderr).toBe(0);

    const after = (await getJson('/api/v1/clusters?perPage=100')).body.items;
    for (const item of after) expect(REAL_CODES, item.slug).toContain(item.scenario.code);
    // The cluster index itself is unchanged by regional data.
    for (const item of after) expect(item.index.overall).toBe(before.find((b: any) => b.slug === item.slug).index.overall);
    const analytics = (await getHtml('/en/analytics')).html;
    expect(element(analytics, 'data-testid="scatter-empty"')).toBeUndefined();
    expect(element(analytics, 'data-testid="scatter"')).toBeDefined();
    const profile = (await getHtml('/en/clusters/nizhny-novgorod-auto-petrochem')).html;
    const code = after.find((i: any) => i.slug === 'nizhny-novgorod-auto-petrochem').scenario.code;
    expect(element(profile, 'data-testid="scenario-badge"')).toMatch(new RegExp(`data-scenario="${code}"`));
    expect(profile).not.toContain('data-testid="scenario-note"');
  }, 60_000);
});
