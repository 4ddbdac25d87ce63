/**
 * npm run reindex: builds a fresh Meilisearch index of every public profile from SQLite under a temporary
 * name and swaps it in atomically, so searches never see a half-built index.
 * Uses MEILI_URL + MEILI_MASTER_KEY, else the running portal's embedded Meilisearch (DATA_DIR/meilisearch.json),
 * else starts the embedded one just for the rebuild. MEILI_INDEX names the index (default "clusters").
 */
import { readServerConfig } from '../src/server/config';
import { connectForScript } from '../src/server/search/embedded';
import { readMeiliSettings } from '../src/server/search/meili-config';
import { createMeiliClient } from '../src/server/search/meili-client';
import { rebuildIndex } from '../src/server/search/reindex';
import { openStore } from '../src/server/store';

const config = readServerConfig();
const store = await openStore(config);
const server = await connectForScript(process.env, config.dataDir).catch((error: unknown) => {
  console.error(`[reindex] cannot reach or start Meilisearch: ${(error as Error).message}`);
  void store.close();
  process.exit(1);
});
const meili = createMeiliClient(server, 30_000);
const { indexUid } = readMeiliSettings(process.env);
try {
  console.log(`[reindex] building "${indexUid}" from ${config.dataDir} on ${server.url}${server.embedded ? ' (started for this run)' : ''}…`);
  const report = await rebuildIndex(store, meili.client, indexUid);
  console.log(
    `[reindex] ${report.documents} public profiles indexed as ${report.builtAs} and swapped into "${indexUid}" in ${report.ms} ms` +
      (report.reopened ? `; ${report.reopened} changes made meanwhile are queued for the new index` : ''),
  );
} catch (error) {
  console.error('[reindex] failed; the previous index is still serving searches:', error);
  process.exitCode = 1;
} finally {
  await meili.close();
  await server.stop();
  await store.close();
}
