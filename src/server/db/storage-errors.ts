import { statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Why the store cannot be written now: its folder is full or read-only (an operator's problem, not a bug). */
export type StorageProblem = 'full' | 'read-only';

/** SQLite result codes (better-sqlite3's error.code) that mean the disk refused a write, by problem. */
const CODES: ReadonlyArray<readonly [RegExp, StorageProblem]> = [
  [/^SQLITE_FULL$/, 'full'],
  [/^SQLITE_READONLY/, 'read-only'],
];

/**
 * SQLite result codes of a failed read or write of a file, whatever the reason: a file system turned read-only under
 * an open database (after a disk error, or remounted) fails writes with SQLITE_IOERR_WRITE, not SQLITE_READONLY.
 * Such an error is a storage problem when the data folder itself now refuses writes (see {@link folderProblem}).
 */
const IO_ERROR = /^SQLITE_(IOERR|CANTOPEN)/;

/** The data folders of the stores this process opened, looked at when SQLite reports an I/O error. */
const dataDirs = new Set<string>();

/** Makes {@link storageProblem} look at this data folder when SQLite reports an I/O error (the store calls it on open). */
export function watchDataDir(dir: string): void {
  dataDirs.add(dir);
}

/**
 * Whether a data folder refuses writes now: read-only (its file system or permissions) or full; null when neither.
 * Read-only is found by creating and removing a small file there: a file system that failed under open files (ext4
 * after a disk error) refuses every write with EROFS while access(2) still calls it writable.
 */
export function folderProblem(dir: string): StorageProblem | null {
  try {
    if (statfsSync(dir).bavail === 0) return 'full';
  } catch {
    // the folder cannot even be looked at: not one of the two problems a user can be told about
    return null;
  }
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    writeFileSync(probe, 'probe');
    unlinkSync(probe);
  } catch (error) {
    return fileErrorProblem(error);
  }
  return null;
}

/** The storage problem behind a failed file operation of node (its errno code), or null for any other error. */
export function fileErrorProblem(error: unknown): StorageProblem | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  return null;
}

/** The storage problem behind an error (walking its causes), or null for any other error. */
export function storageProblem(error: unknown): StorageProblem | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    for (const [pattern, problem] of CODES) if (pattern.test(code)) return problem;
    if (IO_ERROR.test(code)) for (const dir of dataDirs) {
      const problem = folderProblem(dir);
      if (problem) return problem;
    }
  }
  return null;
}

/** What a user is told when a write fails for lack of space or permission: nothing was saved, reads still work. */
export function storageProblemMessage(problem: StorageProblem): string {
  return `the portal cannot save changes right now (its data folder is ${problem === 'full' ? 'full' : 'read-only'}); nothing was saved and reading still works: try again later`;
}

/** Seconds a client is asked to wait (Retry-After) after a write the full or read-only data folder refused. */
export const STORAGE_RETRY_AFTER_S = 60;

/** The operator's log line for a refused write: what happened and the way out. */
export function storageRefusalLog(where: string, problem: StorageProblem, error: unknown): string {
  return `${where}: DATA_DIR is ${problem}, the write was refused (free space or make it writable): ${(error as Error)?.message ?? String(error)}`;
}
