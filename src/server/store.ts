import { ClustersRepository } from './db/clusters-repository';
import { openDatabase, type Db } from './db/connection';
import { RegionalStatisticsRepository } from './db/regional-repository';
import { readSeedProfiles, seedProfiles, type SeedReport } from './db/seed';
import { readServerConfig, type ServerConfig } from './config';
import { loadSettings } from './settings';
import type { Settings } from '../lib/settings';

/** The opened store: the connection, its repositories and the validated settings. */
export interface Store {
  db: Db;
  clusters: ClustersRepository;
  regions: RegionalStatisticsRepository;
  settings: Settings;
  config: ServerConfig;
}

/** Opens the store in config.dataDir, loads the settings and seeds the shipped profiles (idempotent). */
export function openStore(config: ServerConfig = readServerConfig()): Store & { seed: SeedReport } {
  const settings = loadSettings(config.contentDir);
  const db = openDatabase(config.dataDir);
  const clusters = new ClustersRepository(db);
  try {
    const seed = seedProfiles(clusters, readSeedProfiles(config.contentDir));
    return { db, clusters, regions: new RegionalStatisticsRepository(db), settings, config, seed };
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
