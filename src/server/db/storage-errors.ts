/** Why the store cannot be written now: its folder is full or read-only (an operator's problem, not a bug). */
export type StorageProblem = 'full' | 'read-only';

/** SQLite result codes (better-sqlite3's error.code) that mean the disk refused a write, by problem. */
const CODES: ReadonlyArray<readonly [RegExp, StorageProblem]> = [
  [/^SQLITE_FULL$/, 'full'],
  [/^SQLITE_READONLY/, 'read-only'],
];

/** The storage problem behind an error (walking its causes), or null for any other error. */
export function storageProblem(error: unknown): StorageProblem | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') for (const [pattern, problem] of CODES) if (pattern.test(code)) return problem;
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
