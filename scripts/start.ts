/**
 * npm start: builds the portal if needed, prepares the store (migrations + seed), then serves it.
 * Environment: PORT (4321), HOST (0.0.0.0), DATA_DIR (./data), CONTENT_DIR (./content).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { openStore } from '../src/server/store';
import { SeedFileError } from '../src/server/db/seed';
import { SettingsError } from '../src/server/settings';

const root = join(import.meta.dirname, '..');
const entry = join(root, 'dist', 'server', 'entry.mjs');

/** Newest modification time under a folder (0 when absent). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** Whether the build is missing or older than the sources. */
function buildIsStale(): boolean {
  if (!existsSync(entry)) return true;
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'astro.config.mjs')), newestMtime(join(root, 'public')));
  return sources > statSync(entry).mtimeMs;
}

if (process.env.PORTAL_SKIP_BUILD !== '1' && buildIsStale()) {
  console.log('[start] building the portal (first start or changed sources)…');
  const result = spawnSync('npx', ['astro', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

try {
  const { seed, db, config } = openStore();
  db.close();
  console.log(`[start] store ready in ${config.dataDir} (seed: ${seed.inserted} new, ${seed.updated} updated, ${seed.unchanged} unchanged)`);
} catch (error) {
  if (error instanceof SeedFileError || error instanceof SettingsError) {
    console.error(`[start] cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

process.env.HOST ??= '0.0.0.0';
process.env.PORT ??= '4321';
await import(pathToFileURL(entry).href);
