import { readFileSync } from 'node:fs';

/** The command line of a process as one string (arguments joined by spaces), or null if it is gone. */
export function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return null;
  }
}

/**
 * Whether a process runs: its pid exists and is not a zombie (killed, waiting to be reaped); with `cmd`, also that the
 * pid still runs that command line (not a new process that reused the pid).
 * Ask each process itself rather than walking the tree from pid 1: when a multi-threaded parent (node) is killed, its
 * main thread shows as a zombie while its other threads still exit, and its children hang under it for that moment, so
 * a walk that skips zombies misses live processes (it did: "gone" while all four processes of the portal still ran).
 */
export function isRunning(pid: number, cmd?: string): boolean {
  try {
    const state = /\) (\S) /.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
    return state !== 'Z' && (cmd === undefined || commandLine(pid) === cmd);
  } catch {
    return false;
  }
}
