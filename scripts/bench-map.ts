/**
 * npm run bench:map [-- --sizes 1000,10000 --runs 5 --seed 1 --strict]
 *
 * For each size, generates that many synthetic public profiles at run time (never shipped as data) in a
 * temporary DATA_DIR, starts the built portal on it, and opens /map in headless Chromium several times:
 *   first render  = navigation start → region boundaries painted (performance mark "map:first-render")
 *   interactive   = navigation start → every marker clustered, a frame painted and the main thread free
 *                   ("map:interactive", set by the island after the frame following addLayers)
 *   label pass    = the first placing of city names (measure "map:labels", part of interactive)
 * Prints the median of the runs (after one warm-up), the GeoJSON size, and the gzip size of every JavaScript
 * file the map page loads; beside them the floor (scripts/lib/map-floor.ts): the same GeoJSON drawn by a bare
 * Leaflet + markercluster page, measured the same way. Targets: 10,000 clusters interactive < 1.5 s; < 80 KB gzip JS.
 * Search is pointed at an unreachable Meilisearch so indexing does not compete for the CPU (/map without
 * q or bbox reads only the store). Needs a build (npx astro build) and Chromium. --strict exits 1 on a miss.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { CLUSTER_STATUSES, INDUSTRY_GROUPS, type ProfileInput } from '../src/lib/profile';
import { REGIONS } from '../src/lib/regions';
import { readServerConfig } from '../src/server/config';
import { openStore } from '../src/server/store';
import { launchBrowser } from '../tests/helpers/browser';
import { positiveIntFlag, prng } from './lib/bench-kit';
import { startMapFloor } from './lib/map-floor';
import { startPortalProcess } from './lib/process-kit';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    strict: { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map((s) => positiveIntFlag('sizes', s));
const RUNS = positiveIntFlag('runs', args.runs);
const TARGET_INTERACTIVE_MS = 1500;
const TARGET_JS_GZIP_KB = 80;

/** A small valid profile somewhere in Russia (the map needs name, place, industry and indicators). */
function syntheticProfile(i: number, random: () => number): ProfileInput {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const region = pick(REGIONS);
  return {
    slug: `synthetic-map-${i}`,
    general: {
      name: { ru: `Синтетический кластер № ${i}`, en: `Synthetic cluster no. ${i}` },
      region: region.code,
      city: { ru: region.name.ru, en: region.name.en },
      location: { lat: 43 + random() * 25, lon: 28 + random() * 115 },
      industryGroup: pick(INDUSTRY_GROUPS),
      status: pick(CLUSTER_STATUSES),
    },
    indicators:
      random() < 0.7
        ? [{ year: 2012, internationalMembers: { value: Math.floor(random() * 40), source: 'synthetic' }, exportsBlnRub: { value: random() * 20, source: 'synthetic' } }]
        : [],
  };
}


/** Median of numbers. */
function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Fills a temporary DATA_DIR with the pilot clusters plus n synthetic ones; returns the folder. */
async function prepareData(n: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-map-bench-map-'));
  const random = prng(Number(args.seed));
  const store = await openStore(readServerConfig({ DATA_DIR: dir, CONTENT_DIR: join(root, 'content') }));
  try {
    await store.transaction(async (tx) => {
      for (let i = 0; i < n; i++) await tx.clusters.save(syntheticProfile(i, random), { publication: 'approved' }, { actor: 'bench', action: 'synthetic' });
    });
  } finally {
    await store.close();
  }
  return dir;
}


/** Bytes of the map page on the wire (response bodies as sent, compressed or not), by kind. */
interface WireBytes {
  html: number;
  js: number;
  css: number;
  boundaries: number;
  geojson: number;
}

/**
 * Sums encodedBodySize (the body as it came over the network, after compression; 0 when served from the cache)
 * by kind. A string, so that the TypeScript loader's helpers (__name) do not end up in the page.
 */
const WIRE_BYTES_SCRIPT = `(() => {
  const resources = performance.getEntriesByType('resource');
  const sum = (match) => resources.filter((r) => match(new URL(r.name).pathname)).reduce((s, r) => s + r.encodedBodySize, 0);
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    html: nav ? nav.encodedBodySize : 0,
    js: sum((p) => p.endsWith('.js')),
    css: sum((p) => p.endsWith('.css')),
    boundaries: sum((p) => p.includes('region-boundaries')),
    geojson: sum((p) => p.endsWith('clusters.geojson')),
  };
})()`;

/** One visit of /map: the two marks (ms from navigation start), the features drawn, the JS files loaded and the bytes on the wire. */
async function visit(context: BrowserContext, url: string, cold: boolean, floor = false): Promise<{ firstRender: number; interactive: number; labels: number; features: number; scripts: Map<string, Buffer>; wire: WireBytes }> {
  const page = await context.newPage();
  if (cold) await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
  const scripts = new Map<string, Buffer>();
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') void res.body().then((b) => scripts.set(res.url(), b), () => undefined);
  });
  await page.goto(floor ? `${url}/` : `${url}/map`);
  const root = floor ? 'body' : '[data-cluster-map]';
  await page.waitForSelector(`${root}[data-state="ready"]`, { timeout: 60_000 });
  const marks = await page.evaluate((selector) => ({
    firstRender: performance.getEntriesByName('map:first-render')[0]?.startTime ?? NaN,
    interactive: performance.getEntriesByName('map:interactive')[0]?.startTime ?? NaN,
    labels: performance.getEntriesByName('map:labels')[0]?.duration ?? NaN,
    features: Number(document.querySelector<HTMLElement>(selector)?.dataset.featureCount),
  }), root);
  const wire = (await page.evaluate(WIRE_BYTES_SCRIPT)) as WireBytes;
  await page.close();
  return { ...marks, scripts, wire };
}

/**
 * Measures one size: a first visit (the server computes the data set: the case right after a write), then RUNS
 * visits with an empty browser cache and RUNS with a warm one (GeoJSON revalidated: 304).
 */
async function measure(context: BrowserContext, n: number) {
  let t0 = performance.now();
  const dataDir = await prepareData(n);
  console.log(`[bench:map] ${n} synthetic clusters (+25 pilots) stored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const portal = await startPortalProcess({
    dataDir,
    // An unreachable external Meilisearch: search would answer from its fallback, nothing indexes in the background.
    env: { MEILI_URL: 'http://127.0.0.1:9', MEILI_MASTER_KEY: 'bench-map' },
    readyPath: '/api/v1/clusters?perPage=1',
    timeoutMs: 120_000,
  });
  try {
    const first = await visit(context, portal.url, true);
    // Another filter set (year) is not cached yet: the server's cost of building a GeoJSON answer.
    t0 = performance.now();
    const geojson = await fetch(`${portal.url}/api/v1/clusters.geojson?year=2012`).then((r) => r.arrayBuffer());
    const serverMs = performance.now() - t0;
    const runs = [];
    const warm = [];
    for (let i = 0; i < RUNS; i++) runs.push(await visit(context, portal.url, true));
    for (let i = 0; i < RUNS; i++) warm.push(await visit(context, portal.url, false));
    // The floor: the GeoJSON /map drew, on a bare Leaflet + markercluster page (after one warm-up, like the portal).
    const floorServer = await startMapFloor(Buffer.from(await (await fetch(`${portal.url}/api/v1/clusters.geojson`)).arrayBuffer()));
    const floor = [];
    try {
      await visit(context, floorServer.url, true, true);
      for (let i = 0; i < RUNS; i++) floor.push(await visit(context, floorServer.url, true, true));
    } finally {
      await floorServer.stop();
    }
    return {
      n,
      features: runs[0]!.features,
      geojsonKb: geojson.byteLength / 1024,
      geojsonGzipKb: gzipSync(Buffer.from(geojson)).length / 1024,
      serverMs,
      firstRender: median(runs.map((r) => r.firstRender)),
      interactive: median(runs.map((r) => r.interactive)),
      labels: median(runs.map((r) => r.labels)),
      warmInteractive: median(warm.map((r) => r.interactive)),
      firstVisitInteractive: first.interactive,
      floorInteractive: median(floor.map((r) => r.interactive)),
      floorFeatures: floor[0]!.features,
      floorWire: floor[0]!.wire,
      scripts: runs[0]!.scripts,
      wire: runs[0]!.wire,
    };
  } finally {
    await portal.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (!existsSync(join(root, 'dist', 'server', 'entry.mjs'))) {
  console.error('bench:map needs a build of the portal: run `ASTRO_TELEMETRY_DISABLED=1 npx astro build` first.');
  process.exit(2);
}

const browser = await launchBrowser();
const results = [];
try {
  for (const n of SIZES) results.push(await measure(browser.context, n));
} finally {
  await browser.close();
}

const last = results[results.length - 1]!;
const js = [...last.scripts.entries()];
const jsRaw = js.reduce((s, [, b]) => s + b.length, 0) / 1024;
const jsGzip = js.reduce((s, [, b]) => s + gzipSync(b, { level: 9 }).length, 0) / 1024;
console.log(`\nMap page in headless Chromium, median of ${RUNS} runs after a warm-up, empty browser cache unless said (ms from navigation start):`);
console.table(
  results.map((r) => ({
    clusters: r.n + 25,
    'features drawn': r.features,
    'GeoJSON KB (gzip)': `${r.geojsonKb.toFixed(0)} (${r.geojsonGzipKb.toFixed(0)})`,
    'GeoJSON server ms, uncached': Math.round(r.serverMs),
    'first render ms': Math.round(r.firstRender),
    'interactive ms': Math.round(r.interactive),
    'label pass ms': r.labels.toFixed(1),
    'interactive ms, warm cache': Math.round(r.warmInteractive),
    'interactive ms, 1st visit after a write': Math.round(r.firstVisitInteractive),
    'floor interactive ms (bare Leaflet)': Math.round(r.floorInteractive),
    'portal over floor': `${(r.interactive / r.floorInteractive).toFixed(2)}×`,
  })),
);
console.log('\nBytes on the wire for one visit with an empty browser cache (KB as sent: Chromium asks for br/gzip):');
console.table(
  results.map((r) => ({
    clusters: r.n + 25,
    HTML: (r.wire.html / 1024).toFixed(1),
    JS: (r.wire.js / 1024).toFixed(1),
    CSS: (r.wire.css / 1024).toFixed(1),
    boundaries: (r.wire.boundaries / 1024).toFixed(1),
    GeoJSON: (r.wire.geojson / 1024).toFixed(1),
    total: ((r.wire.html + r.wire.js + r.wire.css + r.wire.boundaries + r.wire.geojson) / 1024).toFixed(1),
    'floor total (bare Leaflet, same GeoJSON, gzip)': ((r.floorWire.html + r.floorWire.js + r.floorWire.css + r.floorWire.geojson) / 1024).toFixed(1),
  })),
);
console.log(`JavaScript loaded by /map: ${js.length} file(s), ${jsRaw.toFixed(1)} KB raw, ${jsGzip.toFixed(1)} KB gzip`);
for (const [url, body] of js) console.log(`  ${new URL(url).pathname}  ${(body.length / 1024).toFixed(1)} KB, ${(gzipSync(body, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
if (browser.externalRequests.length) console.log(`Requests that left localhost: ${browser.externalRequests.join(', ')}`);

const biggest = results.reduce((a, b) => (b.n > a.n ? b : a));
const checks = [
  { what: `${biggest.n + 25} clusters interactive < ${TARGET_INTERACTIVE_MS} ms`, ok: biggest.interactive < TARGET_INTERACTIVE_MS, value: `${Math.round(biggest.interactive)} ms` },
  { what: `JavaScript < ${TARGET_JS_GZIP_KB} KB gzip`, ok: jsGzip < TARGET_JS_GZIP_KB, value: `${jsGzip.toFixed(1)} KB` },
  { what: 'every cluster drawn', ok: results.every((r) => r.features === r.n + 25), value: results.map((r) => r.features).join(', ') },
  { what: 'the floor drew the same clusters', ok: results.every((r) => r.floorFeatures === r.features), value: results.map((r) => r.floorFeatures).join(', ') },
  { what: 'no request left localhost', ok: browser.externalRequests.length === 0, value: String(browser.externalRequests.length) },
];
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'MISS'}  ${c.what}: ${c.value}`);
if (args.strict && checks.some((c) => !c.ok)) process.exit(1);
