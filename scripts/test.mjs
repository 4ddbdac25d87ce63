#!/usr/bin/env node
// npm test: makes sure Chromium is there (installing Debian's package when possible), builds the
// portal, then runs every test suite (unit, integration against real SQLite/Meilisearch, e2e in Chromium).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium';

/** Runs a command with inherited output; returns its exit status. */
function run(cmd, args, env = {}) {
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

/** Installs Debian's chromium when missing and we may (root with apt-get); otherwise stops with the command to run. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log(`[test] Chromium is missing; running: ${INSTALL}`);
    if (run('apt-get', ['install', '-y', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' }) !== 0) {
      run('apt-get', ['update']);
      run('apt-get', ['install', '-y', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`[test] The browser tests need Debian's Chromium at ${CHROMIUM}. Install it with:\n  sudo ${INSTALL}\n(or set CHROMIUM_PATH to a Chromium binary) and run npm test again.`);
    process.exit(1);
  }
}

ensureChromium();
console.log('[test] building the portal…');
if (run('npx', ['astro', 'build'], { ASTRO_TELEMETRY_DISABLED: '1' }) !== 0) process.exit(1);
process.exit(run('npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', ...process.argv.slice(2)]));
