/**
 * npm start: builds the portal if needed, prepares the store (migrations + seed), then serves it. The built
 * server runs as a child under plain node (no TypeScript loader on the request path), supervised by this script.
 * Environment: PORT (4321), HOST (0.0.0.0), DATA_DIR (./data), CONTENT_DIR (./content); ADMIN_EMAIL and
 * ADMIN_PASSWORD create or update the first moderator right after the store is opened.
 * Search: starts Meilisearch as a child (MEILI_BIN or the npm binary, data in DATA_DIR/meilisearch) before the
 * server, or uses MEILI_URL + MEILI_MASTER_KEY; SIGINT/SIGTERM stop the child too (README, "Search").
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openStore } from '../src/server/store';
import { AdminBootstrapError, bootstrapAdmin } from '../src/server/auth/bootstrap';
import { SeedFileError } from '../src/server/db/seed';
import { markPortalRunning } from '../src/server/db/portal-lock';
import { SettingsError } from '../src/server/settings';
import { readServerConfig } from '../src/server/config';
import { fileErrorProblem, storageProblem } from '../src/server/db/storage-errors';
import { startSearchServer, wakeSearchWorker } from '../src/server/search/embedded';
import { portInUse, superviseServer } from './lib/supervisor';

const root = join(import.meta.dirname, '..');
const entry = join(root, 'dist', 'server', 'entry.mjs');

/** Newest modification time under a folder (0 when absent). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** Files under content/ that the build bundles (src/lib/regions.ts, the map's boundaries); the rest is read at run time. */
const BUNDLED_CONTENT = ['regions.json', 'region-boundaries.geojson'];

/** Whether the build is missing or older than the sources, the config or the content it bundles. */
function buildIsStale(): boolean {
  if (!existsSync(entry)) return true;
  const inputs = ['src', 'astro.config.mjs', 'public', ...BUNDLED_CONTENT.map((file) => join('content', file))];
  return Math.max(...inputs.map((path) => newestMtime(join(root, path)))) > statSync(entry).mtimeMs;
}

process.env.HOST ??= '0.0.0.0';
process.env.PORT ??= '4321';
// Before building, seeding and starting Meilisearch: a taken port is the most common reason a start fails.
const portProblem = await portInUse(process.env.HOST, Number(process.env.PORT));
if (portProblem) {
  console.error(`[start] cannot start: ${portProblem}`);
  process.exit(1);
}

if (process.env.PORTAL_SKIP_BUILD !== '1' && buildIsStale()) {
  console.log('[start] building the portal (first start or changed sources)…');
  const result = spawnSync('npx', ['astro', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

try {
  const store = await openStore();
  const { seed, config } = store;
  try {
    const admin = await bootstrapAdmin(store);
    if (admin) console.log(`[start] moderator ${process.env.ADMIN_EMAIL?.trim()} (ADMIN_EMAIL): ${admin}`);
  } finally {
    await store.close();
  }
  console.log(`[start] store ready in ${config.dataDir} (seed: ${seed.inserted} new, ${seed.updated} updated, ${seed.unchanged} unchanged)`);
} catch (error) {
  if (error instanceof SeedFileError || error instanceof SettingsError || error instanceof AdminBootstrapError) {
    console.error(`[start] cannot start: ${error.message}`);
    process.exit(1);
  }
  const unwritable = dataDirProblem(error);
  if (unwritable) {
    console.error(`[start] cannot start: DATA_DIR ${readServerConfig().dataDir} is ${unwritable} (${(error as Error).message}); make it writable for this user and start again`);
    process.exit(1);
  }
  throw error;
}

// npm run restore refuses to replace the store under a running portal: it looks for this record.
const releasePortalRecord = markPortalRunning(readServerConfig().dataDir);
process.on('exit', releasePortalRecord);

// Meilisearch first, so the server reads MEILI_URL/MEILI_MASTER_KEY; null → the server runs with the SQLite fallback.
const search = await startSearchServer(process.env, readServerConfig().dataDir);
if (search) Object.assign(process.env, { MEILI_URL: search.url, MEILI_MASTER_KEY: search.apiKey });
const server = superviseServer(join(root, 'scripts', 'server.mjs'), {
  onGiveUp: (code) => void stopAll(code),
});
// A restarted Meilisearch listens on a fresh port: tell the server processes (followSearchUrlChanges in
// src/server/search/runtime.ts) and keep MEILI_URL current for those started later. null: it died, contact nothing.
search?.onUrlChange((url) => {
  if (url) process.env.MEILI_URL = url;
  server.broadcast({ type: 'meili-url', url });
});
let stopping = false;

/**
 * Stops the server processes and the embedded Meilisearch at once, then exits with the given code. At once, not one
 * after the other: the servers may take their whole grace period for requests in flight (searches among them then
 * answer from the fallback), and Meilisearch its own on top made a stop last up to 17 s. An index update cut short
 * stays in the outbox and is sent at the next start.
 */
async function stopAll(code: number): Promise<never> {
  stopping = true;
  await Promise.all([
    server.stop(),
    (search?.stop() ?? Promise.resolve()).catch((error: unknown) => console.error('[start] stopping Meilisearch failed:', error)),
  ]);
  process.exit(code);
}

const shutdown = (signal: NodeJS.Signals) => {
  if (stopping) return;
  console.log(`[start] ${signal}: stopping the portal${search?.embedded ? ' and Meilisearch' : ''}`);
  void stopAll(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGHUP', shutdown);
// If whatever started us (npm, tsx, a terminal) is killed outright, we are re-parented: stop rather than live on
// as an orphan holding the port, the database and Meilisearch.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) {
    console.log(`[start] the process that started the portal (pid ${parentAtStart}) is gone`);
    shutdown('SIGHUP');
  }
}, 500).unref();
void wakeSearchWorker(process.env.HOST!, Number(process.env.PORT));

/** Whether opening the store failed because DATA_DIR cannot be written (read-only file system, no permission, full). */
function dataDirProblem(error: unknown): string | null {
  const fileProblem = fileErrorProblem(error);
  if (fileProblem) return fileProblem === 'read-only' ? 'read-only or not writable' : 'full';
  return storageProblem(error);
}
