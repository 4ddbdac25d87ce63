import { ClustersRepository } from './db/clusters-repository';
import { openDatabase, type Db } from './db/connection';
import { readSeedProfiles, seedProfiles, type SeedReport } from './db/seed';
import { readServerConfig, type ServerConfig } from './config';

/** The opened store: the connection and its repositories. */
export interface Store {
  db: Db;
  clusters: ClustersRepository;
  config: ServerConfig;
}

/** Opens the store in config.dataDir and seeds the shipped profiles (idempotent). */
export function openStore(config: ServerConfig = readServerConfig()): Store & { seed: SeedReport } {
  const db = openDatabase(config.dataDir);
  const clusters = new ClustersRepository(db);
  try {
    const seed = seedProfiles(clusters, readSeedProfiles(config.contentDir));
    return { db, clusters, config, seed };
  } catch (error) {
    db.close();
    throw error;
  }
}

let shared: Store | undefined;

/** The process-wide store used by pages and API routes, opened on first use. */
export function getStore(): Store {
  shared ??= openStore();
  return shared;
}

/** Closes the process-wide store (tests and shutdown). */
export function closeStore(): void {
  shared?.db.close();
  shared = undefined;
}
