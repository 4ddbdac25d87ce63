import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { makeTempDir } from './temp';

/** Whether this process can mount a tmpfs (root with CAP_SYS_ADMIN, e.g. the development container). */
export function canMountTmpfs(): boolean {
  const probe = makeTempDir('cluster-map-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe.dir], { stdio: 'ignore' });
    execFileSync('umount', [probe.dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    probe.remove();
  }
}

/** A small tmpfs mounted on a fresh temporary folder; `remove` unmounts it and deletes the folder. */
export function mountTmpfs(sizeMb: number, prefix = 'cluster-map-tmpfs-'): { dir: string; remove: () => void } {
  const mountPoint = makeTempDir(prefix);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', mountPoint.dir]);
  return {
    dir: mountPoint.dir,
    remove: () => {
      try {
        execFileSync('umount', [mountPoint.dir], { stdio: 'ignore' });
      } catch {
        // Still busy (a process of a failed run holds a file): detach it now, the kernel frees it once closed.
        execFileSync('umount', ['--lazy', mountPoint.dir], { stdio: 'ignore' });
      } finally {
        mountPoint.remove();
      }
    },
  };
}

/** Writes a file of zeros until the file system says it is full (ENOSPC). */
export function fillUp(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(256 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}
