import { resolve } from 'node:path';

/** Runtime settings read from the environment, with embedded defaults. */
export interface ServerConfig {
  /** Folder for everything the portal writes: the SQLite file, Meilisearch data, keys. */
  dataDir: string;
  /** Folder of the shipped data (clusters, regions, settings). */
  contentDir: string;
}

/** Reads DATA_DIR (default ./data) and CONTENT_DIR (default ./content), resolved against the working directory. */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    dataDir: resolve(env.DATA_DIR || 'data'),
    contentDir: resolve(env.CONTENT_DIR || 'content'),
  };
}
