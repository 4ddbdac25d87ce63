// Memory of the portal's server process, read from /proc (Linux): the benchmark reports it after its run.
import { readdirSync, readFileSync } from 'node:fs';

/** Pids of every descendant of pid, read from /proc/<pid>/task/<tid>/children. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`))
      children = children.concat(readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** Resident memory of a process in KB (VmRSS), or null when it cannot be read. */
function rssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Pids of the scripts/server.mjs processes (serving and standby) under a process tree rooted at pid. */
export function serverProcesses(rootPid: number): number[] {
  return descendants(rootPid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server.mjs');
    } catch {
      return false;
    }
  });
}

/** Whether a process runs as the standby copy (PORTAL_STANDBY=1 in its environment, set by the supervisor). */
export function isStandby(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes('PORTAL_STANDBY=1');
  } catch {
    return false;
  }
}

/**
 * RSS in KB of the serving HTTP server under an `npm start` process tree rooted at pid: the largest process running
 * scripts/server.mjs (the standby copy is idle and smaller), or null when none is found (not Linux).
 */
export function serverRssKb(rootPid: number): number | null {
  const sizes = serverProcesses(rootPid).map(rssKb).filter((kb): kb is number => kb !== null);
  return sizes.length ? Math.max(...sizes) : null;
}
