/**
 * npm run bench:search [-- --n 10000 --queries 2000 --warmup 200 --seed 1 --server start|node --strict --cpu-prof DIR]
 *
 * Generates N synthetic profiles at run time (never shipped as data) into a temporary DATA_DIR, starts the
 * built portal with its embedded Meilisearch (as npm start does), then measures in the same run, query by
 * query and in rotating order, GET /api/v1/search and the identical multi-search sent to Meilisearch directly,
 * after --warmup other queries each way (JIT, caches and sockets warm, as in a server that has been running).
 * Prints p50/p95/p99 of both and the overhead of the API on Meilisearch's p95 (target: at most 20%).
 * Two floors are measured alongside: a pass-through proxy (scripts/lib/pass-through-proxy.mjs: what the extra
 * hop alone costs on this machine) and GET /api/v1/health (the portal's plainest route).
 * --server start (default) runs the portal the way `npm start` does (tsx scripts/start.ts, which starts the
 * embedded Meilisearch); --server node runs `node scripts/server.mjs` (the server npm start supervises) with
 * MEILI_URL/MEILI_MASTER_KEY pointing at a Meilisearch this script starts. --cpu-prof DIR (with --server node)
 * writes a V8 CPU profile of the portal's server into DIR when it stops (open it in Chrome's DevTools).
 * Needs a build (npx astro build). --strict exits 1 when the target is missed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INDUSTRY_GROUPS, CLUSTER_STATUSES, type ProfileInput } from '../src/lib/profile';
import { REGIONS } from '../src/lib/regions';
import { buildSearchRequests } from '../src/lib/search/meili-request';
import { searchQuerySchema, type SearchQueryInput } from '../src/lib/search/query';
import { readServerConfig } from '../src/server/config';
import { Agent, request } from 'undici';
import { EMBEDDED_STATE_FILE, startSearchServer } from '../src/server/search/embedded';
import { DEFAULT_INDEX_UID } from '../src/server/search/meili-config';
import { createMeiliClient } from '../src/server/search/meili-client';
import { ensureSearchKey } from '../src/server/search/search-key';
import { openStore } from '../src/server/store';
import { positiveIntFlag, prng, quantile } from './lib/bench-kit';
import { freePort, spawnCollected } from './lib/process-kit';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    strict: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    server: { type: 'string', default: 'start' },
    'cpu-prof': { type: 'string' },
  },
});
if (args.server !== 'start' && args.server !== 'node') {
  console.error(`--server must be "start" (tsx scripts/start.ts, like npm start) or "node" (node scripts/server.mjs), got "${args.server}"`);
  process.exit(2);
}
if (args['cpu-prof'] && args.server !== 'node') {
  console.error('--cpu-prof needs --server node (it profiles node scripts/server.mjs)');
  process.exit(2);
}
const N = positiveIntFlag('n', args.n);
const QUERIES = positiveIntFlag('queries', args.queries);
const WARMUP = positiveIntFlag('warmup', args.warmup);
const TARGET_OVERHEAD = 0.2;

const random = prng(Number(args.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const some = <T>(items: readonly T[], max: number): T[] => Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(items));

/** Industry vocabulary in both languages, the raw material of names, specializations and queries. */
const TERMS: readonly [string, string][] = [
  ['pharmaceutical', 'фармацевтический'], ['biotechnology', 'биотехнологии'], ['nuclear', 'ядерный'], ['titanium', 'титановый'],
  ['aerospace', 'аэрокосмический'], ['shipbuilding', 'судостроение'], ['petrochemical', 'нефтехимический'], ['composites', 'композиты'],
  ['electronics', 'электроника'], ['software', 'программное обеспечение'], ['medical devices', 'медицинская техника'], ['lasers', 'лазеры'],
  ['automotive', 'автомобилестроение'], ['lighting', 'светотехника'], ['robotics', 'робототехника'], ['agritech', 'агротехнологии'],
  ['photonics', 'фотоника'], ['new materials', 'новые материалы'], ['energy storage', 'накопители энергии'], ['food processing', 'пищевая переработка'],
];
const COUNTRIES = ['DE', 'FR', 'IT', 'CN', 'IN', 'KZ', 'BY', 'FI', 'AT', 'CZ', 'TR', 'VN'];

/** One synthetic, valid profile. */
function syntheticProfile(i: number): ProfileInput {
  const region = pick(REGIONS);
  const [en1, ru1] = pick(TERMS);
  const [en2, ru2] = pick(TERMS);
  const specialization = some(TERMS, 4);
  return {
    slug: `synthetic-${i}`,
    general: {
      name: { ru: `Кластер ${ru1} и ${ru2} № ${i}`, en: `${en1} and ${en2} cluster no. ${i}` },
      region: region.code,
      city: { ru: region.name.ru, en: region.name.en },
      location: { lat: 42 + random() * 25, lon: 28 + random() * 110 },
      industryGroup: pick(INDUSTRY_GROUPS),
      specialization: { ru: specialization.map((t) => t[1]), en: specialization.map((t) => t[0]) },
      status: pick(CLUSTER_STATUSES),
      foundedYear: 1990 + Math.floor(random() * 30),
      description: {
        en: `A cluster of ${en1} and ${en2} companies in ${region.name.en}, working on ${some(TERMS, 5).map((t) => t[0]).join(', ')}.`,
        ru: `Кластер предприятий отраслей «${ru1}» и «${ru2}» (${region.name.ru}): ${some(TERMS, 5).map((t) => t[1]).join(', ')}.`,
      },
      selfAssessment: 1 + Math.floor(random() * 7),
    },
    priorities: { offers: { en: `Contract manufacturing in ${en1}` }, seeks: { en: `Partners in ${en2}` }, targetCountries: some(COUNTRIES, 3) },
    members: { members: Array.from({ length: 3 + Math.floor(random() * 8) }, (_, m) => ({ name: { en: `Company ${i}-${m} LLC` }, type: 'sme' as const, country: pick(['RU', 'RU', 'RU', ...COUNTRIES]) })) },
    partnersProjects: { partners: some(COUNTRIES, 3).map((c, p) => ({ name: { en: `Partner ${p} of ${i}` }, country: c, type: 'cluster' as const })), projects: [] },
    indicators:
      random() < 0.6
        ? [{ year: 2012, internationalMembers: { value: Math.floor(random() * 40), source: 'synthetic' }, exportsBlnRub: { value: random() * 20, source: 'synthetic' }, publications: { value: Math.floor(random() * 2000), source: 'synthetic' } }]
        : [],
  };
}

/** Queries a visitor might type: words, typos, Russian, two words, filters, sorts. */
function syntheticQuery(): SearchQueryInput {
  const [en, ru] = pick(TERMS);
  const typo = (w: string) => (w.length > 5 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w);
  const q = pick([en, ru, typo(en), `${en} ${pick(TERMS)[0]}`, pick(REGIONS).name.ru, pick(REGIONS).name.en, en.slice(0, 4), '']);
  const query: SearchQueryInput = { q, lang: pick(['ru', 'en'] as const) };
  if (random() < 0.25) query.industryGroup = pick(INDUSTRY_GROUPS);
  if (random() < 0.1) query.sort = pick(['-index', 'name'] as const);
  return query;
}

/** Milliseconds one call takes. */
async function time(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await call();
  return performance.now() - start;
}

/** The benchmark's HTTP client: raw status, text and headers over a keep-alive undici Agent (the portal's own transport). */
function rawHttp(baseUrl: string, apiKey?: string) {
  const agent = new Agent({ keepAliveTimeout: 4000 });
  const headers = { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
  const send = async ({ method, path, body }: { method: 'GET' | 'POST'; path: string; body?: string }) => {
    const res = await request(baseUrl + path, { dispatcher: agent, method, headers, ...(body === undefined ? {} : { body }) });
    return { status: res.statusCode, text: await res.body.text(), headers: res.headers };
  };
  return { send, getJson: async <T>(path: string) => JSON.parse((await send({ method: 'GET', path })).text) as T, close: () => agent.close() };
}

if (!existsSync(join(root, 'dist', 'server', 'entry.mjs'))) {
  console.error('bench:search needs a build of the portal: run `ASTRO_TELEMETRY_DISABLED=1 npx astro build` first.');
  process.exit(2);
}

const temp = { dir: mkdtempSync(join(tmpdir(), 'cluster-map-bench-')), remove: () => rmSync(temp.dir, { recursive: true, force: true }) };
const config = readServerConfig({ DATA_DIR: temp.dir, CONTENT_DIR: join(root, 'content') });
console.log(`[bench] generating ${N} synthetic profiles in ${temp.dir}…`);
let t0 = performance.now();
const store = await openStore(config);
await store.transaction(async (tx) => {
  for (let i = 0; i < N; i++) await tx.clusters.save(syntheticProfile(i), { publication: 'approved' }, { actor: 'bench', action: 'synthetic' });
});
const publicCount = await store.clusters.countPublic();
await store.close();
console.log(`[bench] stored ${publicCount} public profiles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const port = await freePort();
// With --server node this script owns Meilisearch; with start, scripts/start.ts does (embedded, as in npm start).
const ownMeili = args.server === 'node' ? await startSearchServer({}, temp.dir) : null;
if (args.server === 'node' && !ownMeili) throw new Error('could not start Meilisearch for --server node');
const portal = spawnCollected(
  ownMeili ? process.execPath : join(root, 'node_modules', '.bin', 'tsx'),
  ownMeili ? [...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : []), join(root, 'scripts', 'server.mjs')] : ['scripts/start.ts'],
  {
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: temp.dir,
    PORTAL_SKIP_BUILD: '1',
    MEILI_URL: ownMeili?.url ?? '',
    MEILI_MASTER_KEY: ownMeili?.apiKey ?? '',
  },
);
const output = portal.output;
let proxy: ReturnType<typeof spawnCollected> | null = null;
const stopPortal = async () => {
  await proxy?.stop();
  await portal.stop();
  await ownMeili?.stop();
  if (!args.keep) temp.remove();
};
process.on('SIGINT', () => void stopPortal().finally(() => process.exit(130)));

const api = rawHttp(`http://127.0.0.1:${port}`);
try {
  t0 = performance.now();
  for (;;) {
    if (portal.child.exitCode !== null) throw new Error(`the portal exited:\n${output()}`);
    const health = await api.getJson<{ search: string; searchPending: number }>('/api/v1/health').catch(() => null);
    if (health?.search === 'ok' && health.searchPending === 0) break;
    if (performance.now() - t0 > 600_000) throw new Error(`search did not get ready in 10 minutes:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`[bench] portal up, ${publicCount} profiles indexed by Meilisearch in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const meiliUrl = ownMeili?.url ?? (JSON.parse(readFileSync(join(temp.dir, EMBEDDED_STATE_FILE), 'utf8')) as { url: string }).url;
  const meiliKey = readFileSync(join(temp.dir, 'meili-master-key'), 'utf8').trim();
  // Meilisearch is asked with the search-only key, as the portal asks it.
  const admin = createMeiliClient({ url: meiliUrl, apiKey: meiliKey }, 30_000);
  const searchKey = await ensureSearchKey(admin.client, DEFAULT_INDEX_UID);
  await admin.close();
  const meili = rawHttp(meiliUrl, searchKey);
  const proxyPort = await freePort();
  proxy = spawnCollected(process.execPath, [join(root, 'scripts', 'lib', 'pass-through-proxy.mjs'), String(proxyPort), meiliUrl, searchKey], {});
  const viaProxy = rawHttp(`http://127.0.0.1:${proxyPort}`);
  for (t0 = performance.now(); !proxy.output().includes('[proxy] ready'); await new Promise((r) => setTimeout(r, 50)))
    if (proxy.child.exitCode !== null || performance.now() - t0 > 10_000) throw new Error(`the pass-through proxy did not start:\n${proxy.output()}`);
  const generated = Array.from({ length: WARMUP + QUERIES }, () => {
    const input = syntheticQuery();
    const parsed = searchQuerySchema.parse(input);
    const qs = new URLSearchParams(Object.entries(input).filter(([, v]) => v !== undefined && v !== '') as [string, string][]).toString();
    return { path: `/api/v1/search?${qs}`, body: JSON.stringify({ queries: buildSearchRequests(parsed, DEFAULT_INDEX_UID, parsed.lang ?? 'en') }) };
  });
  // The warm-up runs queries of its own instead of the first measured ones, which would then be measured warm.
  const [warmup, queries] = [generated.slice(0, WARMUP), generated.slice(WARMUP)];
  type Query = (typeof queries)[number];
  /** Where each API call's time went, from its Server-Timing header: Meilisearch round trip, the portal's own work, outside the handler. */
  const split: { meiliCall: number; portal: number; outside: number }[] = [];
  /** The ways of asking the same search, timed in turn; each checks its answer, so a failure cannot pass for speed. */
  const ways: { name: string; call: (q: Query) => Promise<void> }[] = [
    {
      name: 'Meilisearch directly',
      call: async (q) => {
        const res = await meili.send({ method: 'POST', path: '/multi-search', body: q.body });
        if (res.status !== 200) throw new Error(`Meilisearch answered ${res.status}: ${res.text.slice(0, 300)}`);
      },
    },
    {
      name: 'GET /api/v1/search (portal)',
      call: async (q) => {
        const started = performance.now();
        const res = await api.send({ method: 'GET', path: q.path });
        const total = performance.now() - started;
        if (res.status !== 200) throw new Error(`GET ${q.path} answered ${res.status}: ${res.text.slice(0, 300)}`);
        if (!res.text.startsWith('{"mode":"meilisearch"')) throw new Error(`GET ${q.path} did not come from Meilisearch: ${res.text.slice(0, 100)}`);
        const timing = /search;dur=([\d.]+), meili;dur=([\d.]+)/.exec(String(res.headers['server-timing']));
        if (!timing) throw new Error(`GET ${q.path} answered no Server-Timing with search and meili: ${String(res.headers['server-timing'])}`);
        const [handler, meiliCall] = [Number(timing[1]), Number(timing[2])];
        split.push({ meiliCall, portal: handler - meiliCall, outside: total - handler });
      },
    },
    {
      name: 'pass-through proxy (hop floor)',
      call: async (q) => {
        const res = await viaProxy.send({ method: 'POST', path: '/multi-search', body: q.body });
        if (res.status !== 200) throw new Error(`the pass-through proxy answered ${res.status}: ${res.text.slice(0, 300)}`);
      },
    },
  ];
  /** The portal's plainest route, for the HTTP floor (measured after the searches, on its own). */
  const health = async () => {
    const res = await api.send({ method: 'GET', path: '/api/v1/health' });
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
  };

  for (const q of warmup) for (const way of ways) await way.call(q);
  split.length = 0;
  const timings = ways.map(() => [] as number[]);
  for (const [i, q] of queries.entries()) {
    // Rotate the order, so each way runs a query first (cold) equally often and none profits from another's warm caches.
    for (let k = 0; k < ways.length; k++) {
      const w = (i + k) % ways.length;
      timings[w]!.push(await time(() => ways[w]!.call(q)));
    }
  }
  const floorMs: number[] = [];
  for (let i = 0; i < Math.min(QUERIES, 200); i++) floorMs.push(await time(health));
  await meili.close();
  await viaProxy.close();

  for (const ms of [...timings, floorMs]) ms.sort((a, b) => a - b);
  const [meiliMs, apiMs, proxyMs] = timings as [number[], number[], number[]];
  const row = (name: string, ms: number[]) =>
    `${name.padEnd(32)} ${quantile(ms, 0.5).toFixed(2).padStart(8)} ${quantile(ms, 0.95).toFixed(2).padStart(8)} ${quantile(ms, 0.99).toFixed(2).padStart(8)}`;
  const overhead = quantile(apiMs, 0.95) / quantile(meiliMs, 0.95) - 1;
  const hopOverhead = quantile(proxyMs, 0.95) / quantile(meiliMs, 0.95) - 1;
  console.log(`\n${publicCount} profiles, ${QUERIES} queries after ${WARMUP} for warm-up (the same queries each way, in rotating order), portal run by ${args.server === 'node' ? 'node scripts/server.mjs' : 'tsx scripts/start.ts (npm start)'}, milliseconds:`);
  console.log(`${''.padEnd(32)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}`);
  ways.forEach((way, w) => console.log(row(way.name, timings[w]!)));
  console.log(row('GET /api/v1/health (HTTP floor)', floorMs));
  const parts = (pick: (s: (typeof split)[number]) => number) => split.map(pick).sort((a, b) => a - b);
  console.log('\nThe API calls, split by their Server-Timing header:');
  console.log(row('  Meilisearch call from the portal', parts((s) => s.meiliCall)));
  console.log(row("  the portal's own work", parts((s) => s.portal)));
  console.log(row('  outside the handler (HTTP, hop)', parts((s) => s.outside)));
  console.log(`\nThe extra hop alone (pass-through proxy) adds ${(hopOverhead * 100).toFixed(1)}% to Meilisearch's p95 on this machine.`);
  console.log(`\nAPI p95 / Meilisearch p95 = ${(1 + overhead).toFixed(3)}: the API adds ${(overhead * 100).toFixed(1)}% (target ≤ ${TARGET_OVERHEAD * 100}%) → ${overhead <= TARGET_OVERHEAD ? 'PASS' : 'MISS'}`);
  if (args.strict && overhead > TARGET_OVERHEAD) process.exitCode = 1;
} catch (error) {
  console.error('[bench] failed:', error);
  process.exitCode = 1;
} finally {
  await api.close();
  await stopPortal();
}
