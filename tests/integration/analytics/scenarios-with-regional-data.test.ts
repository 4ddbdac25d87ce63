import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { makeTempDir } from '../../helpers/temp';
import { attrs, element, text } from '../http/html';
import { en3, expectedIndices, expectedRegional, fetchT, FIXTURE, importRegions, loadPilots, REAL_CODES, scenarioOf } from './expected';

// The synthetic regional statistics are imported with the script into the DATA_DIR before the portal starts.
const FIXTURE_TEXT = readFileSync(FIXTURE, 'utf8');
const PILOTS = loadPilots(2012);
const EXPECTED = expectedIndices(PILOTS);
const REGIONAL = expectedRegional(FIXTURE_TEXT, PILOTS.map((p) => p.region));
const REGION_OF = new Map(PILOTS.map((p) => [p.slug, p.region]));

let dataTemp: ReturnType<typeof makeTempDir>;
let workTemp: ReturnType<typeof makeTempDir>;
let portal: RunningPortal;
let items: any[];

beforeAll(async () => {
  dataTemp = makeTempDir('cluster-map-regional-');
  workTemp = makeTempDir('cluster-map-regional-csv-');
  const imported = await importRegions(dataTemp.dir, FIXTURE);
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stdout).toMatch(/imported 21 rows/);
  portal = await startPortal({ dataDir: dataTemp.dir });
  const res = await fetchT(`${portal.url}/api/v1/clusters?perPage=100`);
  items = (await res.json()).items;
});
afterAll(async () => {
  await portal?.stop();
  dataTemp?.remove();
  workTemp?.remove();
});

async function getHtml(path: string): Promise<string> {
  const res = await fetchT(portal.url + path);
  expect(res.status, path).toBe(200);
  return res.text();
}

describe('scenario badges with the synthetic regional statistics (2012)', () => {
  it('has 25 items, all with a known scenario', () => {
    expect(items).toHaveLength(25);
    for (const item of items) expect(REAL_CODES, item.slug).toContain(item.scenario.code);
  });

  it("gives every cluster the badge its two indices and the API's thresholds imply", () => {
    for (const { slug, scenario: s } of items) {
      expect(s.year).toBe(2012);
      expect(s.code, slug).toBe(scenarioOf(s.clusterIndex, s.clusterThreshold, s.regionIndex, s.regionThreshold));
    }
  });

  it('computes the regional index from the CSV: per-capita values, a negative surplus as 0, the mean threshold', () => {
    // The independent computation: RU-KGD (imports > exports, no FDI) is part of the set; RU-ALT lacks companies.
    expect(REGIONAL.index.size).toBe(21);
    for (const { slug, scenario: s } of items) {
      expect(Math.abs(s.regionIndex - REGIONAL.index.get(REGION_OF.get(slug)!)!), `${slug} region index`).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(s.regionThreshold - REGIONAL.threshold)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(s.clusterIndex - EXPECTED.overall.get(slug)!), `${slug} cluster index`).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(s.clusterThreshold - EXPECTED.clusterThreshold)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('gives the badge the independently computed indices and thresholds imply, and all four codes occur', () => {
    const codes = new Set<string>();
    for (const { slug, scenario } of items) {
      const expected = scenarioOf(EXPECTED.overall.get(slug)!, EXPECTED.clusterThreshold, REGIONAL.index.get(REGION_OF.get(slug)!)!, REGIONAL.threshold);
      expect(scenario.code, slug).toBe(expected);
      codes.add(expected);
    }
    expect([...codes].sort()).toEqual([...REAL_CODES].sort());
  });

  it('lists the inputs a partial regional record lacks (RU-ALT has no foreign-owned companies)', () => {
    for (const { slug, scenario } of items) {
      expect(scenario.missingRegionalInputs, slug).toEqual(REGION_OF.get(slug) === 'RU-ALT' ? ['foreignOwnedCompanies'] : []);
    }
  });

  it('shows the same code on every profile page, with the explanation (both indices, both thresholds, year)', async () => {
    await Promise.all(
      items.map(async ({ slug, scenario: s }) => {
        const html = await getHtml(`/en/clusters/${slug}`);
        const badge = element(html, 'data-testid="scenario-badge"')!;
        expect(/data-scenario="([a-z]+)"/.exec(badge)![1], slug).toBe(s.code);
        expect(text(badge), slug).toContain(
          `Cluster index ${en3(s.clusterIndex)} (threshold ${en3(s.clusterThreshold)}), region index ${en3(s.regionIndex)} (threshold ${en3(s.regionThreshold)}), 2012.`,
        );
        expect(text(badge)).toContain('threshold: the mean over the comparison set');
        if (slug === 'altai-biopharma') expect(text(badge)).toContain('The region’s 2012 statistics lack foreign-owned companies; the formula counts them as 0.');
      }),
    );
  });

  it('shows the same code on the scatter plot, its points on the right side of both threshold lines, and in the table alternative', async () => {
    const html = await getHtml('/en/analytics');
    const scatter = element(html, 'data-testid="scatter"')!;
    expect(scatter).toBeDefined();
    expect(element(html, 'data-testid="scatter-empty"')).toBeUndefined();
    const lineX = Number(/<line x1="([\d.]+)"[^>]*data-testid="region-threshold"/.exec(scatter)![1]);
    const lineY = Number(/<line[^>]*y1="([\d.]+)"[^>]*data-testid="cluster-threshold"/.exec(scatter)![1]);
    const points = [...scatter.matchAll(/<a [^>]*class="point point-([a-z]+)" data-slug="([^"]+)" data-scenario="([a-z]+)"[^>]*>\s*<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({
      cls: m[1]!,
      slug: m[2]!,
      scenario: m[3]!,
      cx: Number(m[4]),
      cy: Number(m[5]),
    }));
    expect(points.map((p) => p.slug).sort()).toEqual(items.map((i) => i.slug).sort());
    const bySlug = new Map(items.map((i) => [i.slug, i.scenario]));
    for (const p of points) {
      const s = bySlug.get(p.slug)!;
      expect(p.scenario, p.slug).toBe(s.code);
      expect(p.cls).toBe(s.code);
      // Region index on x (right = high), cluster index on y (up = high, SVG y grows downward).
      expect(p.cx >= lineX - 1e-6, `${p.slug} right of the region threshold`).toBe(s.code === 'supported' || s.code === 'late');
      expect(p.cy <= lineY + 1e-6, `${p.slug} above the cluster threshold`).toBe(s.code === 'supported' || s.code === 'lonely');
    }
    const table = element(html, 'data-testid="scatter-table"')!;
    const rows = [...table.matchAll(/<tr data-slug="([^"]+)" data-scenario="([a-z]+)">/g)];
    expect(rows).toHaveLength(25);
    for (const [, slug, code] of rows) expect(code, slug).toBe(bySlug.get(slug!)!.code);
    expect(text(scatter)).toContain(`Thresholds: cluster ${en3(EXPECTED.clusterThreshold)}, region ${en3(REGIONAL.threshold)}`);
  });

  it('sorts the ranking by region index (descending first) through the header link', async () => {
    const first = await getHtml('/en/analytics');
    const href = /<a class="sort" href="([^"]+)">Region index<\/a>/.exec(first)![1]!.replace(/&amp;/g, '&');
    expect(href).toBe('/en/analytics?sort=regionIndex');
    const html = await getHtml(href);
    const slugs = attrs(element(html, 'data-testid="ranking"')!, 'tr', 'data-slug');
    expect(slugs).toHaveLength(25);
    const values = slugs.map((s) => REGIONAL.index.get(REGION_OF.get(s)!)!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const asc = await getHtml(/<a class="sort" href="([^"]+)">Region index<\/a>/.exec(html)![1]!.replace(/&amp;/g, '&'));
    const ascValues = attrs(element(asc, 'data-testid="ranking"')!, 'tr', 'data-slug').map((s) => REGIONAL.index.get(REGION_OF.get(s)!)!);
    expect(ascValues).toEqual([...values].sort((a, b) => a - b));
  });
});

describe('a malformed regional CSV', () => {
  const lines = FIXTURE_TEXT.split('\n');
  /** The fixture with line `n` (1-based) replaced. */
  const withLine = (source: string[], n: number, edit: (line: string) => string) => source.map((l, i) => (i === n - 1 ? edit(l) : l));
  // A changed value early in the file (RU-ARK's FDI ×100, line 6) would change the scenarios if anything were imported.
  const changedEarly = withLine(lines, 6, (l) => l.replace(',90,', ',9000,'));

  it.each([
    ['text in a number', 15, (l: string) => l.replace(',4200,', ',lots,'), /exports must be a number ≥ 0, got "lots"/],
    ['a missing cell', 15, (l: string) => l.split(',').slice(0, -1).join(','), /line 15/],
    ['a negative population', 14, (l: string) => l.replace(',810000,', ',-810000,'), /population must be a number > 0/],
  ])('(%s on line %i) changes nothing and names the bad line', async (_name, lineNo, edit, reason) => {
    expect(lines[5]).toMatch(/^RU-ARK,2012,1200000,[^,]*,90,/);
    const file = join(workTemp.dir, `broken-${lineNo}-${_name.replace(/\W+/g, '-')}.csv`);
    writeFileSync(file, withLine(changedEarly, lineNo, edit).join('\n'));

    const beforeApi = await (await fetchT(`${portal.url}/api/v1/clusters?perPage=100`)).text();
    const beforeHtml = await getHtml('/en/analytics');
    const result = await importRegions(portal.dataDir, file);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`line ${lineNo}:`);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toContain('nothing was imported');

    expect(await (await fetchT(`${portal.url}/api/v1/clusters?perPage=100`)).text()).toBe(beforeApi);
    expect(await getHtml('/en/analytics')).toBe(beforeHtml);
    const db = new Database(join(portal.dataDir, 'cluster-map.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const ark = db.prepare("SELECT fdi FROM region_statistics WHERE region = 'RU-ARK' AND year = 2012").get() as { fdi: number };
      expect(ark.fdi).toBe(90);
      expect((db.prepare('SELECT count(*) AS n FROM region_statistics').get() as { n: number }).n).toBe(21);
    } finally {
      db.close();
    }
  }, 60_000);

  it('the same file without the bad line would have changed the output (the check above can fail)', () => {
    // RU-ARK's regional index with FDI ×100 becomes the FDI maximum and re-scales every region.
    const changed = expectedRegional(changedEarly.join('\n'), PILOTS.map((p) => p.region));
    expect(Math.abs(changed.index.get('RU-ARK')! - REGIONAL.index.get('RU-ARK')!)).toBeGreaterThan(0.1);
  });
});
