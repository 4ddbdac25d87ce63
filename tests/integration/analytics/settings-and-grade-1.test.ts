import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { makeTempDir } from '../../helpers/temp';
import { element, text } from '../http/html';
import { expectedIndices, expectedRegional, fetchT, FIXTURE, importRegions, loadPilots, REAL_CODES, ROOT, scenarioOf } from './expected';

// A copy of content/ in which a moderator switched the thresholds to the median and pinned the default year
// to 2012, Obninsk rates itself 1 of 7 (no visible international activity), and two clusters also report
// 2013 (publications only: Nizhny Novgorod 1000, Samara 2000); the synthetic regional statistics are imported.
const GRADE_1 = 'obninsk-pharma-biotech';
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const PILOTS = loadPilots(2012);
const RANKED = PILOTS.filter((p) => p.slug !== GRADE_1);
const EXPECTED = expectedIndices(RANKED);
const CLUSTER_MEDIAN = median([...EXPECTED.overall.values()]);
const REGIONAL = expectedRegional(readFileSync(FIXTURE, 'utf8'), RANKED.map((p) => p.region));
const REGION_MEDIAN = median(REGIONAL.hosts);
const REGION_OF = new Map(PILOTS.map((p) => [p.slug, p.region]));

let content: ReturnType<typeof makeTempDir>;
let data: ReturnType<typeof makeTempDir>;
let portal: RunningPortal;
let items: any[];

beforeAll(async () => {
  content = makeTempDir('cluster-map-content-');
  data = makeTempDir('cluster-map-data-');
  cpSync(join(ROOT, 'content'), content.dir, { recursive: true });
  const settingsFile = join(content.dir, 'settings.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  settings.index.threshold = { kind: 'median' };
  settings.index.defaultYear = 2012;
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  const profileFile = join(content.dir, 'clusters', `${GRADE_1}.json`);
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  profile.general.selfAssessment = 1;
  writeFileSync(profileFile, JSON.stringify(profile, null, 2));
  for (const [slug, publications] of [['nizhny-novgorod-auto-petrochem', 1000], ['samara-aerospace', 2000]] as const) {
    const file = join(content.dir, 'clusters', `${slug}.json`);
    const p = JSON.parse(readFileSync(file, 'utf8'));
    p.indicators.push({ year: 2013, publications: { value: publications, source: 'hand-made test value' } });
    writeFileSync(file, JSON.stringify(p, null, 2));
  }

  const imported = await importRegions(data.dir, FIXTURE, { CONTENT_DIR: content.dir });
  expect(imported.code, imported.stderr).toBe(0);
  portal = await startPortal({ dataDir: data.dir, env: { CONTENT_DIR: content.dir } });
  items = (await (await fetchT(`${portal.url}/api/v1/clusters?perPage=100`)).json()).items;
});
afterAll(async () => {
  await portal?.stop();
  data?.remove();
  content?.remove();
});

describe('a self-assessment-1 cluster', () => {
  it('is not ranked, and the API says why', () => {
    const obninsk = items.find((i) => i.slug === GRADE_1);
    expect(obninsk.index).toMatchObject({ overall: null, overallRank: null, industry: null, industryRank: null, reported: 4, notRanked: 'self-assessment-1' });
    expect(obninsk.scenario).toMatchObject({ code: 'unknown', clusterIndex: null, missingRegionalInputs: [] });
  });

  it('is left out of the comparison sets: the others are ranked of 24 with maxima over the 24', () => {
    for (const item of items.filter((i) => i.slug !== GRADE_1)) {
      expect(item.index.overallOf, item.slug).toBe(24);
      expect(item.index.overallRank, item.slug).toBe(EXPECTED.overallRank.get(item.slug));
      expect(Math.abs(item.index.overall - EXPECTED.overall.get(item.slug)!), item.slug).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(item.index.industry - EXPECTED.industry.get(item.slug)!), item.slug).toBeLessThanOrEqual(1e-6);
      expect(item.index.industryOf, item.slug).toBe(EXPECTED.industryOf.get(item.slug));
    }
    // Obninsk's 4 international members (2nd highest after Nizhny Novgorod's 7) no longer count: 4 of 4 pharma left.
    expect(items.find((i) => i.slug === 'tomsk-pharma-medtech-it').index.industryOf).toBe(4);
  });

  it('says why on its profile page (en and ru)', async () => {
    const en = await (await fetchT(`${portal.url}/en/clusters/${GRADE_1}`)).text();
    expect(text(element(en, 'data-testid="not-ranked"')!)).toBe(
      'The cluster rates its internationalization 1 of 7 (no visible international activity), so it is not ranked by the quantitative index.',
    );
    expect(element(en, 'data-testid="rank-overall"')).toBeUndefined();
    const badge = element(en, 'data-testid="scenario-badge"')!;
    expect(badge).toMatch(/data-scenario="unknown"/);
    expect(text(badge)).toContain('No scenario: the cluster has no index for 2012.');
    const ru = await (await fetchT(`${portal.url}/clusters/${GRADE_1}`)).text();
    expect(text(element(ru, 'data-testid="not-ranked"')!)).toContain('не ранжируется по количественному индексу');
  });

  it('is listed without a rank at the end of the ranking table, with the reason', async () => {
    const html = await (await fetchT(`${portal.url}/en/analytics`)).text();
    const table = element(html, 'data-testid="ranking"')!;
    const slugs = [...table.matchAll(/<tr data-slug="([^"]+)"/g)].map((m) => m[1]);
    expect(slugs.at(-1)).toBe(GRADE_1);
    const row = element(table, `data-slug="${GRADE_1}"`)!;
    expect(text(element(row, 'class="rank"')!)).toBe('—');
    expect(text(row)).toContain('not ranked by the quantitative index');
    // Not a point of the scatter plot.
    expect(html).not.toContain(`data-slug="${GRADE_1}" data-scenario`);
  });
});

describe('threshold rule from content/settings.json: median', () => {
  it('uses the median of each index as its threshold', () => {
    for (const item of items.filter((i) => i.slug !== GRADE_1)) {
      expect(Math.abs(item.scenario.clusterThreshold - CLUSTER_MEDIAN), item.slug).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(item.scenario.regionThreshold - REGION_MEDIAN), item.slug).toBeLessThanOrEqual(1e-9);
    }
    // The median differs from the mean for these data, so the check above can tell them apart.
    expect(Math.abs(CLUSTER_MEDIAN - EXPECTED.clusterThreshold)).toBeGreaterThan(0.01);
    expect(Math.abs(REGION_MEDIAN - REGIONAL.threshold)).toBeGreaterThan(0.01);
  });

  it('gives each cluster the badge the median thresholds imply', () => {
    for (const item of items.filter((i) => i.slug !== GRADE_1)) {
      const expected = scenarioOf(EXPECTED.overall.get(item.slug)!, CLUSTER_MEDIAN, REGIONAL.index.get(REGION_OF.get(item.slug)!)!, REGION_MEDIAN);
      expect(REAL_CODES).toContain(expected);
      expect(item.scenario.code, item.slug).toBe(expected);
    }
  });

  it('names the rule in the badge explanation', async () => {
    const html = await (await fetchT(`${portal.url}/en/clusters/nizhny-novgorod-auto-petrochem`)).text();
    expect(text(element(html, 'data-testid="scenario-badge"')!)).toContain('threshold: the median over the comparison set');
  });
});

describe('more than one year of indicators', () => {
  it('serves the settings\' default year (2012), not the latest with data (2013)', async () => {
    const body = await (await fetchT(`${portal.url}/api/v1/clusters?perPage=100`)).json();
    expect(body.year).toBe(2012);
    expect(body.items.find((i: any) => i.slug === 'nizhny-novgorod-auto-petrochem').index.overallRank).toBe(1);
  });

  it('computes ?year=2013 over the clusters with data that year only', async () => {
    const body = await (await fetchT(`${portal.url}/api/v1/clusters?perPage=100&year=2013&sort=-index`)).json();
    expect(body.year).toBe(2013);
    const [first, second, ...rest] = body.items;
    expect(first).toMatchObject({ slug: 'samara-aerospace', index: { overall: 1, overallRank: 1, overallOf: 2, reported: 1 } });
    expect(second).toMatchObject({ slug: 'nizhny-novgorod-auto-petrochem', index: { overall: 0.5, overallRank: 2, overallOf: 2 } });
    // Different industry groups: each is alone in its group that year.
    expect(second.index).toMatchObject({ industry: 1, industryRank: 1, industryOf: 1 });
    for (const item of rest) expect(item.index, item.slug).toMatchObject({ overall: null, notRanked: 'no-indicators' });
  });

  it('draws the index over the years on the profile', async () => {
    const html = await (await fetchT(`${portal.url}/en/clusters/nizhny-novgorod-auto-petrochem`)).text();
    const chart = element(html, 'class="line-chart"');
    expect(chart).toBeDefined();
    expect(text(chart!)).toContain(`Index over the years: 2012 ${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(EXPECTED.overall.get('nizhny-novgorod-auto-petrochem')!)}; 2013 0.5`);
    expect(chart!.match(/<circle /g)).toHaveLength(2);
    // A cluster with one year has no chart.
    const zelenograd = await (await fetchT(`${portal.url}/en/clusters/zelenograd`)).text();
    expect(element(zelenograd, 'class="line-chart"')).toBeUndefined();
  });
});
