/**
 * npm run restore -- <file>: replaces the store in DATA_DIR with a backup (checked first; the store it replaces is
 * moved aside, not deleted), brings its schema up to date, and rebuilds the search index from it. Refused while a
 * portal runs on DATA_DIR. Meilisearch as for npm run reindex (MEILI_URL, else one started for the rebuild).
 */
import { BackupError, restoreStore } from '../src/server/db/backup';
import { readServerConfig } from '../src/server/config';
import { connectForScript } from '../src/server/search/embedded';
import { readMeiliSettings } from '../src/server/search/meili-config';
import { createMeiliClient } from '../src/server/search/meili-client';
import { rebuildIndex } from '../src/server/search/reindex';
import { openStore } from '../src/server/store';

const source = process.argv[2];
if (!source) {
  console.error('usage: npm run restore -- <backup file>   (stop the portal first; DATA_DIR names the store to replace)');
  process.exit(2);
}
const config = readServerConfig();
try {
  const report = await restoreStore(source, config.dataDir);
  console.log(`[restore] ${source} → ${report.file} (${(report.bytes / 1e6).toFixed(1)} MB, integrity ok) in ${report.ms} ms`);
  if (report.replaced) console.log(`[restore] the store it replaced is kept as ${report.replaced} (delete it once you no longer need it)`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`[restore] refused: ${error.message}`);
  process.exit(1);
}

// Migrations (a backup of an older version) and the seed run as at start; then the index is rebuilt from the store.
const store = await openStore(config);
try {
  const server = await connectForScript(process.env, config.dataDir);
  const meili = createMeiliClient(server, 30_000);
  try {
    const rebuilt = await rebuildIndex(store, meili.client, readMeiliSettings(process.env).indexUid);
    console.log(`[restore] search index rebuilt: ${rebuilt.documents} public profiles in ${rebuilt.ms} ms`);
  } finally {
    await meili.close();
    await server.stop();
  }
} catch (error) {
  console.error(`[restore] the store is restored, but the search index could not be rebuilt (${(error as Error).message}): run npm run reindex once Meilisearch is available; until then search uses the reduced SQLite mode and the portal rebuilds a disagreeing index itself at start`);
  process.exitCode = 1;
} finally {
  await store.close();
}
