import { readServerConfig, type ServerConfig } from './config';
import { readSeedProfiles, seedProfiles, type SeedReport } from './db/seed';
import { SqliteStore } from './db/sqlite-store';
import type { Store } from './db/store-interfaces';
import { getMailWorker } from './mail/worker';
import { loadSettings } from './settings';

export type { Store } from './db/store-interfaces';

/**
 * Opens the store in config.dataDir, loads the settings and seeds the shipped profiles (idempotent).
 * SQLite is the one implementation today; a second one (PostgreSQL) would be chosen here by configuration.
 */
export async function openStore(config: ServerConfig = readServerConfig()): Promise<SqliteStore & { seed: SeedReport }> {
  const settings = loadSettings(config.contentDir);
  const store = SqliteStore.open(config, settings);
  try {
    const seed = await seedProfiles(store, readSeedProfiles(config.contentDir));
    return Object.assign(store, { seed });
  } catch (error) {
    await store.close();
    throw error;
  }
}

let shared: Promise<Store> | undefined;

/** The process-wide store used by pages and API routes, opened on first use (which also starts its mail worker). */
export function getStore(): Promise<Store> {
  shared ??= openStore().then((store) => (getMailWorker(store), store)).catch((error: unknown) => {
    shared = undefined; // the next request tries again (e.g. after content/ was fixed)
    throw error;
  });
  return shared;
}

/** Closes the process-wide store (tests and shutdown). */
export async function closeStore(): Promise<void> {
  const store = shared;
  shared = undefined;
  await (await store?.catch(() => undefined))?.close();
}
