import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/** Mode of DATA_DIR: only the portal's user may list or enter it. */
export const PRIVATE_DIR_MODE = 0o700;
/** Mode of the database files and keys: only the portal's user may read or write them. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates dir (and missing parents) and sets it to 0700. chmod runs every time, so the mode does not depend
 * on the umask and a folder created world-readable by an older version is tightened on the next open.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates file empty if missing and sets it to 0600 (an empty file is a valid new SQLite database). */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Sets each of the files that exists to 0600 (SQLite's -wal and -shm appear only once the database is used). */
export function restrictExistingFiles(files: readonly string[]): void {
  for (const file of files) if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}
