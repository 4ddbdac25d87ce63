import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ensurePrivateDir, ensurePrivateFile, restrictExistingFiles } from './files';
import { migrate } from './migrations';
import { watchDataDir } from './storage-errors';

/** The SQLite connection type used throughout src/server. */
export type Db = Database.Database;

/** File name of the store inside DATA_DIR. */
export const DATABASE_FILE = 'cluster-map.sqlite';

/**
 * Opens (creating if needed) the store in dataDir with WAL and foreign keys, and brings its schema up to date.
 * DATA_DIR becomes 0700 and the database files 0600 (also when an older version left them world-readable).
 */
export function openDatabase(dataDir: string): Db {
  ensurePrivateDir(dataDir);
  watchDataDir(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  ensurePrivateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Two server processes (serving and standby) and the scripts share the file: a writer waits up to 15 s for the
  // lock rather than failing, since a loaded two-core machine can hold a start-up write that long.
  db.pragma('busy_timeout = 15000');
  // FULL: each commit is on the disk before it is acknowledged. NORMAL (the WAL default) survives a crash of the
  // process but not of the machine or the disk: a file system that failed under the portal (read-only after a disk
  // error) dropped the commits it had acknowledged in the last seconds (tests/integration/faults/read-only-while-running).
  db.pragma('synchronous = FULL');
  migrate(db);
  // SQLite gives -wal and -shm the main file's mode when it creates them; older versions' files are tightened here.
  restrictExistingFiles([`${file}-wal`, `${file}-shm`]);
  return db;
}

/** Current timestamp in ISO 8601 (UTC), the format of every *_at column. */
export function nowIso(): string {
  return new Date().toISOString();
}

const statementCaches = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepare() that compiles each SQL text once per connection (repositories call it on every request). */
export function statementCache(db: Db): (sql: string) => Database.Statement {
  let cache = statementCaches.get(db);
  if (!cache) statementCaches.set(db, (cache = new Map()));
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
}
