import { join } from 'node:path';
import { readServerConfig } from '../../../src/server/config';
import { resolveMeiliConfig, type EmbeddedMeiliConfig } from '../../../src/server/search/meili-config';
import { loadOrCreateMasterKey, startMeilisearch, type MeiliProcess } from '../../../src/server/search/meili-process';
import { stopSearchRuntime, useSearchRuntime, type SearchRuntime } from '../../../src/server/search/runtime';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { openStore } from '../../../src/server/store';
import { searchQuerySchema, type SearchQuery, type SearchQueryInput } from '../../../src/lib/search/query';
import { makeTempDir } from '../../helpers/temp';

const root = join(import.meta.dirname, '..', '..', '..');

/** A store seeded with the 25 pilot profiles, a real Meilisearch and a fast-polling search runtime. */
export interface SearchFixture {
  store: SqliteStore;
  meili: MeiliProcess;
  runtime: SearchRuntime;
  masterKey: string;
  dataDir: string;
  /** Starts Meilisearch again on the same data and a fresh port (after a kill), as npm start's supervisor does, and points the runtime there. */
  restartMeili(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a fresh store and Meilisearch and waits until the index is built and the outbox drained. */
export async function startSearchFixture(): Promise<SearchFixture> {
  const temp = makeTempDir('cluster-map-search-');
  const store = await openStore(readServerConfig({ DATA_DIR: temp.dir, CONTENT_DIR: join(root, 'content') }));
  const config = resolveMeiliConfig({}, temp.dir) as EmbeddedMeiliConfig;
  const masterKey = loadOrCreateMasterKey(config.keyFile);
  const fixture: SearchFixture = {
    store,
    masterKey,
    dataDir: temp.dir,
    meili: await startMeilisearch({ bin: config.bin, dbPath: config.dbPath, masterKey }),
    runtime: undefined as unknown as SearchRuntime,
    async restartMeili() {
      fixture.meili = await startMeilisearch({ bin: config.bin, dbPath: config.dbPath, masterKey, avoidPorts: [fixture.meili.port] });
      fixture.runtime.useUrl(fixture.meili.url);
    },
    async close() {
      await stopSearchRuntime(store);
      await fixture.meili.stop();
      store.db.close();
      temp.remove();
    },
  };
  fixture.runtime = await useSearchRuntime(store, {
    connection: { url: fixture.meili.url, apiKey: masterKey },
    pollMs: 50,
    retryMinMs: 50,
    retryMaxMs: 300,
  });
  await fixture.runtime.whenDrained(60_000);
  return fixture;
}

/** A validated search query. */
export function query(input: SearchQueryInput = {}): SearchQuery {
  return searchQuerySchema.parse(input);
}
