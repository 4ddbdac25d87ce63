import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../../src/server/db/connection';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { openStore } from '../../../src/server/store';
import { makeTempDir } from '../../helpers/temp';

/** The shipped content folder (25 pilot clusters). */
export const CONTENT_DIR = join(import.meta.dirname, '..', '..', '..', 'content');

/** Row counts of the tables a write touches, plus the data version. */
export interface Counts {
  clusters: number;
  indicatorValues: number;
  searchOutbox: number;
  auditLog: number;
  dataVersion: number;
}

/** Reads the counts through a separate read-only connection, i.e. what is really committed to the file. */
export function countsIn(dataDir: string): Counts {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      clusters: n('clusters'),
      indicatorValues: n('indicator_values'),
      searchOutbox: n('search_outbox'),
      auditLog: n('audit_log'),
      dataVersion: Number((db.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as { value: string }).value),
    };
  } finally {
    db.close();
  }
}

/** A temporary copy of content/ that a test may change; `edit` rewrites one cluster file. */
export function copyContent(): { dir: string; remove: () => void; editCluster: (slug: string, edit: (p: any) => void) => void; writeCluster: (file: string, text: string) => void } {
  const temp = makeTempDir('cluster-map-content-');
  cpSync(CONTENT_DIR, temp.dir, { recursive: true });
  const fileOf = (name: string) => join(temp.dir, 'clusters', name);
  return {
    ...temp,
    editCluster: (slug, edit) => {
      const profile = JSON.parse(readFileSync(fileOf(`${slug}.json`), 'utf8'));
      edit(profile);
      writeFileSync(fileOf(`${slug}.json`), JSON.stringify(profile, null, 2));
    },
    writeCluster: (file, text) => writeFileSync(fileOf(file), text),
  };
}

/** The shipped profile of a cluster as parsed JSON (a fresh copy each call). */
export function shippedProfile(slug: string): any {
  return JSON.parse(readFileSync(join(CONTENT_DIR, 'clusters', `${slug}.json`), 'utf8'));
}

/** A store opened on a fresh temporary DATA_DIR with the shipped content (close it with closeTempStore). */
export async function openTempStore(): Promise<{ store: SqliteStore; temp: ReturnType<typeof makeTempDir> }> {
  const temp = makeTempDir();
  return { store: await openStore({ dataDir: temp.dir, contentDir: CONTENT_DIR }), temp };
}

/** Closes a store from openTempStore and removes its DATA_DIR. */
export async function closeTempStore(store: SqliteStore, temp: ReturnType<typeof makeTempDir>): Promise<void> {
  await store.close();
  temp.remove();
}
