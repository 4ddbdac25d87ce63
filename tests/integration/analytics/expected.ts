/**
 * Independent re-computation of what the portal should show, written from domain.md rather than from src/:
 *   I_i = sqrt( Σ_j (x_ij / max_k x_kj)² ) over a comparison set, a missing value counting 0 (unit weights).
 * Used by the integration and e2e tests of the index, the regional index and the scenario badges.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const FIXTURE = join(ROOT, 'tests', 'fixtures', 'regional-statistics-2012-synthetic.csv');
export const INDICATORS = ['internationalMembers', 'exportsBlnRub', 'publications', 'jointRndBlnRub'] as const;
export const REAL_CODES = ['potential', 'lonely', 'supported', 'late'] as const;

/** A shipped cluster with its 2012 indicators (absent = n/a). */
export interface Pilot {
  slug: string;
  name: { ru: string; en: string };
  region: string;
  industryGroup: string;
  values: Partial<Record<(typeof INDICATORS)[number], number>>;
}

/** The shipped clusters (content/clusters/*.json) with their indicators of the year. */
export function loadPilots(year = 2012): Pilot[] {
  const dir = join(ROOT, 'content', 'clusters');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const p = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const row = (p.indicators ?? []).find((r: { year: number }) => r.year === year) ?? {};
      const values: Pilot['values'] = {};
      for (const k of INDICATORS) if (row[k] && typeof row[k].value === 'number') values[k] = row[k].value;
      return { slug: p.slug, name: p.general.name, region: p.general.region, industryGroup: p.general.industryGroup, values };
    });
}

/** The formula over one comparison set: id → index. */
export function indexOver<T extends string>(items: Array<{ id: string; values: Partial<Record<T, number | null>> }>, keys: readonly T[]): Map<string, number> {
  const max = Object.fromEntries(keys.map((k) => [k, Math.max(0, ...items.map((i) => i.values[k] ?? 0))])) as Record<T, number>;
  return new Map(items.map((i) => [i.id, Math.sqrt(keys.reduce((sum, k) => sum + (max[k] > 0 ? ((i.values[k] ?? 0) / max[k]) ** 2 : 0), 0))]));
}

/** Competition ranks ("1224"), highest first; values within 1e-9 share a rank. */
export function ranks(values: Map<string, number>): Map<string, number> {
  const sorted = [...values].sort((a, b) => b[1] - a[1]);
  const out = new Map<string, number>();
  sorted.forEach(([id, v], i) => out.set(id, i > 0 && Math.abs(sorted[i - 1]![1] - v) <= 1e-9 ? out.get(sorted[i - 1]![0])! : i + 1));
  return out;
}

/** Overall and industry index and rank of every pilot cluster in the year. */
export function expectedIndices(pilots: Pilot[]) {
  const overall = indexOver(pilots.map((p) => ({ id: p.slug, values: p.values })), INDICATORS);
  const overallRank = ranks(overall);
  const industry = new Map<string, number>();
  const industryRank = new Map<string, number>();
  const industryOf = new Map<string, number>();
  for (const group of new Set(pilots.map((p) => p.industryGroup))) {
    const members = pilots.filter((p) => p.industryGroup === group);
    const idx = indexOver(members.map((p) => ({ id: p.slug, values: p.values })), INDICATORS);
    const r = ranks(idx);
    for (const [id, v] of idx) {
      industry.set(id, v);
      industryRank.set(id, r.get(id)!);
      industryOf.set(id, members.length);
    }
  }
  const mean = [...overall.values()].reduce((a, b) => a + b, 0) / overall.size;
  return { overall, overallRank, industry, industryRank, industryOf, clusterThreshold: mean };
}

const REGIONAL = ['fdi', 'turnover', 'surplus', 'companies'] as const;

/**
 * Regional index of every region in a regional statistics CSV (the fixture has no quoted cells): per-capita values
 * derived from totals and population, a negative surplus counting 0, a missing total counting 0. The threshold
 * (mean) is taken over the host regions of the ranked clusters, each region once.
 */
export function expectedRegional(csvText: string, hostRegions: Iterable<string>, year = 2012) {
  const lines = csvText.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, i) => [header[i], c.trim()])) as Record<string, string>);
  const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
  const items = rows
    .filter((r) => Number(r.year) === year)
    .map((r) => {
      const pop = Number(r.population);
      const [fdi, ex, im, co] = [num(r.fdi), num(r.exports), num(r.imports), num(r.foreign_owned_companies)];
      const trade = ex !== null && im !== null;
      return {
        id: r.region!,
        values: {
          fdi: fdi === null ? null : fdi / pop,
          turnover: trade ? (ex + im) / pop : null,
          surplus: trade ? Math.max(0, (ex - im) / pop) : null,
          companies: co === null ? null : (co / pop) * 10_000,
        },
      };
    });
  const index = indexOver(items, REGIONAL);
  const hosts = [...new Set(hostRegions)].filter((r) => index.has(r)).map((r) => index.get(r)!);
  const threshold = hosts.reduce((a, b) => a + b, 0) / hosts.length;
  return { index, threshold, hosts };
}

/** The 2×2 matrix: "high" = at or above the threshold. */
export function scenarioOf(clusterIndex: number, clusterThreshold: number, regionIndex: number, regionThreshold: number): string {
  const ch = clusterIndex >= clusterThreshold;
  const rh = regionIndex >= regionThreshold;
  return ch ? (rh ? 'supported' : 'lonely') : rh ? 'late' : 'potential';
}

/** Runs scripts/import-regions.ts on a file into DATA_DIR; resolves with the exit code and output. */
export function importRegions(dataDir: string, file: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    execFile(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/import-regions.ts', file], { cwd: ROOT, env: { ...process.env, ...env, DATA_DIR: dataDir }, timeout: 25_000, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const timedOut = error !== null && error.killed === true;
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
        stdout,
        stderr: timedOut ? `${stderr}\n[test] import-regions did not finish in ${Date.now() - started} ms and was killed` : stderr,
      });
    });
  });
}

/** An index value as the pages print it: en-GB, exactly three decimals everywhere (issue 13). */
export const en3 = (v: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(v);

/** English ordinal: 1st, 2nd, 3rd, 4th, 11th, 22nd. */
export function ordinal(n: number): string {
  const v = n % 100;
  if (v >= 11 && v <= 13) return `${n}th`;
  return n + ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
}

/** fetch that gives up after 15 s, so a stuck server fails the test with a message instead of a test timeout. */
export function fetchT(url: string): Promise<Response> {
  return fetch(url, { signal: AbortSignal.timeout(15_000) });
}
