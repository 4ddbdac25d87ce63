// Starting and stopping the portal as a child process: shared by the test helpers and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A child process with its collected output and a stop that waits for it to exit (SIGKILL after 10 s). */
export interface ChildHandle {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns a command in the repository root, collecting its stdout and stderr. */
export function spawnCollected(command: string, args: string[], env: Record<string, string>): ChildHandle {
  let output = '';
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return { child, output: () => output, stop };
}

/** Starts the built portal the way `npm start` does (no build check) on a free port; resolves once `readyPath` answers 200. */
export async function startPortalProcess(options: { dataDir: string; env?: Record<string, string>; readyPath?: string; timeoutMs?: number }): Promise<ChildHandle & { url: string }> {
  const port = await freePort();
  const handle = spawnCollected(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: options.dataDir,
    PORTAL_SKIP_BUILD: '1',
    ...options.env,
  });
  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (handle.child.exitCode !== null) throw new Error(`the portal exited with ${handle.child.exitCode}:\n${handle.output()}`);
    const ok = await fetch(url + (options.readyPath ?? '/api/v1/health')).then(async (r) => (await r.body?.cancel(), r.status === 200), () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`the portal did not start in ${timeoutMs / 1000} s:\n${handle.output()}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { ...handle, url };
}
