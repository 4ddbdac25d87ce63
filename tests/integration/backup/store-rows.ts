import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../src/server/db/connection';

/** Tables whose every row a restore must bring back as it was, each with the order its rows are compared in. */
export const COMPARED_TABLES = {
  clusters: 'slug',
  indicator_values: 'cluster_id, year, indicator',
  cluster_revisions: 'id',
  cluster_managers: 'slug, user_id',
  users: 'id',
  api_tokens: 'id',
  audit_log: 'id',
  region_statistics: 'region, year',
} as const;

/** Every row of the compared tables, read through a read-only connection (what is committed to the file). */
export function storeRows(dataDir: string): Record<keyof typeof COMPARED_TABLES, unknown[]> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const rows = (table: string, order: string) => db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
    return Object.fromEntries(Object.entries(COMPARED_TABLES).map(([table, order]) => [table, rows(table, order)])) as Record<keyof typeof COMPARED_TABLES, unknown[]>;
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check of the store in dataDir ('ok' when sound). */
export function integrityOf(dataDir: string): string {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
