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

/** Whether this process can make and loop-mount an ext4 image (root with mkfs.ext4 and loop devices). */
export function canMountExt4Image(): boolean {
  try {
    const image = mountExt4Image(8, 'cluster-map-ext4-probe-');
    image.remove();
    return true;
  } catch {
    return false;
  }
}

/**
 * A small ext4 file system in an image file, loop-mounted on a fresh temporary folder with errors=remount-ro.
 * `abort` makes the kernel treat it as failed (the `abort` mount option, made for testing): from then on every write
 * to it answers EROFS, also through descriptors opened before, as after a disk error on a real server. `remount`
 * unmounts it (after an abort) and mounts the image again writable, for a look at what was left on it.
 */
export function mountExt4Image(sizeMb: number, prefix = 'cluster-map-ext4-'): { dir: string; abort: () => void; remount: () => void; remove: () => void } {
  const holder = makeTempDir(prefix);
  const image = `${holder.dir}/image.ext4`;
  const dir = `${holder.dir}/mnt`;
  execFileSync('mkdir', [dir]);
  execFileSync('truncate', ['-s', `${sizeMb}M`, image]);
  execFileSync('mkfs.ext4', ['-q', '-F', image], { stdio: 'ignore' });
  const mount = () => execFileSync('mount', ['-o', 'loop,errors=remount-ro', image, dir], { stdio: 'ignore' });
  const unmount = () => {
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      execFileSync('umount', ['--lazy', dir], { stdio: 'ignore' });
    }
  };
  try {
    mount();
  } catch (error) {
    holder.remove();
    throw error;
  }
  return {
    dir,
    abort: () => execFileSync('mount', ['-o', 'remount,abort', dir], { stdio: 'ignore' }),
    remount: () => (unmount(), mount()),
    remove: () => {
      try {
        unmount();
      } finally {
        holder.remove();
      }
    },
  };
}
