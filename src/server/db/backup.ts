import Database from 'better-sqlite3';
import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DATABASE_FILE } from './connection';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './files';
import { runningPortal } from './portal-lock';

/** Pages per backup step: all of them, so the copy is taken in one read transaction (a snapshot) and never restarts. */
const ALL_PAGES = 0x7fffffff;
/** Tables every Cluster Map store has; a file without them is not one of our backups. */
const REQUIRED_TABLES = ['clusters', 'cluster_revisions', 'users', 'meta'];

/** A backup or restore that cannot be done, with the reason and what to do. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** What a backup or restore wrote. */
export interface CopyReport {
  file: string;
  bytes: number;
  ms: number;
}

/** The store's file in a DATA_DIR. */
export function databaseFileIn(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

/**
 * Copies the open database `source` into `target` with SQLite's online backup API in one step (a consistent
 * snapshot, even while another process writes), then checks the copy. The copy is written beside the target and
 * renamed into place, so a failed run never leaves a half-written file under the target's name.
 */
async function copyDatabase(source: Database.Database, target: string): Promise<void> {
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  rmSync(partial, { force: true });
  try {
    await source.backup(partial, { progress: () => ALL_PAGES });
    chmodSync(partial, PRIVATE_FILE_MODE); // it holds password hashes and token hashes
    makeSelfContained(partial);
    checkStoreFile(partial);
    renameSync(partial, target);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true });
  }
}

/** Switches a copy of a WAL store to a rollback journal, so the copy is one file (the portal turns WAL on again when it opens it). */
function makeSelfContained(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Throws a BackupError unless `file` passes PRAGMA integrity_check and has the tables of a Cluster Map store. */
export function checkStoreFile(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as an SQLite database: ${(error as Error).message}`, { cause: error });
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged (PRAGMA integrity_check: ${integrity}): use another backup`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new BackupError(`${file} is not a Cluster Map store (no table ${missing.join(', ')})`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be read as an SQLite database: ${(error as Error).message}`, { cause: error });
  } finally {
    db.close();
  }
}

/** Opens the store of dataDir for copying out of it (never creating it: a missing store is an error). */
function openExisting(file: string): Database.Database {
  if (!existsSync(file)) throw new BackupError(`there is no store at ${file}: check DATA_DIR`);
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Takes a consistent copy of the store in dataDir into `target` (0600), also while the portal runs and writes:
 * SQLite's online backup reads one snapshot, including what is still in the WAL.
 */
export async function backupStore(dataDir: string, target: string): Promise<CopyReport> {
  const started = Date.now();
  const file = resolve(target);
  if (!existsSync(dirname(file))) throw new BackupError(`the folder ${dirname(file)} does not exist: create it first`);
  if (file === resolve(databaseFileIn(dataDir))) throw new BackupError('the backup cannot replace the store itself: name a file outside DATA_DIR');
  const source = openExisting(databaseFileIn(dataDir));
  try {
    await copyDatabase(source, file);
  } finally {
    source.close();
  }
  return { file, bytes: statSync(file).size, ms: Date.now() - started };
}

/** Name of the copy of a replaced store kept beside it, e.g. cluster-map.sqlite.before-restore-2026-12-01T14-20-00Z. */
function replacedName(now = new Date()): string {
  return `${DATABASE_FILE}.before-restore-${now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}`;
}

/**
 * Replaces the store in dataDir with the backup `source` (checked first). Refused while a portal runs on dataDir.
 * A store already there is moved aside (its new name is returned), never silently lost.
 */
export async function restoreStore(source: string, dataDir: string): Promise<CopyReport & { replaced: string | null }> {
  const started = Date.now();
  const running = runningPortal(dataDir);
  if (running) throw new BackupError(`a portal is running on ${dataDir} (pid ${running}): stop it first (Ctrl+C or kill ${running}), then run the restore again`);
  checkStoreFile(resolve(source));
  ensurePrivateDir(dataDir);
  const target = databaseFileIn(dataDir);
  const replaced = existsSync(target) ? keepReplacedStore(target, join(dataDir, replacedName())) : null;
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true }); // left by a store that had no main file
  const backup = new Database(resolve(source), { readonly: true, fileMustExist: true });
  try {
    await copyDatabase(backup, target);
  } finally {
    backup.close();
  }
  return { file: target, bytes: statSync(target).size, ms: Date.now() - started, replaced };
}

/**
 * Moves the store about to be replaced (and its -wal and -shm, which SQLite finds again by name) to `copy`, so
 * whatever it held stays readable, also when it is damaged (a common reason to restore); returns the copy's path.
 */
function keepReplacedStore(store: string, copy: string): string {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(store + suffix)) renameSync(store + suffix, copy + suffix);
  return copy;
}
