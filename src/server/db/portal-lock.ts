import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File in DATA_DIR holding the pid of the `npm start` serving it, so tools that must not run beside it can tell. */
export const PORTAL_PID_FILE = 'portal.pid';

/** Whether a process with this pid exists (signal 0 only checks; EPERM means it exists under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Records that this process serves dataDir; the returned function removes the record (only if it is still ours). */
export function markPortalRunning(dataDir: string, pid = process.pid): () => void {
  const file = join(dataDir, PORTAL_PID_FILE);
  writeFileSync(file, `${pid}\n`, { mode: 0o600 });
  return () => {
    if (readPid(file) === pid) rmSync(file, { force: true });
  };
}

/** The pid in a pid file, or null when it is missing or unreadable. */
function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The pid of the portal serving dataDir now, or null (none recorded, or its process is gone: a stale file after a crash). */
export function runningPortal(dataDir: string): number | null {
  const pid = readPid(join(dataDir, PORTAL_PID_FILE));
  return pid !== null && pid !== process.pid && processAlive(pid) ? pid : null;
}
