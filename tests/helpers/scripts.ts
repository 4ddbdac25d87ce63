import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/process-kit';

/** What a finished script printed and how it ended. */
export interface ScriptRun {
  code: number | null;
  output: string;
}

/** Runs scripts/<name> under tsx without blocking the event loop (so a test can load the portal meanwhile); killed after timeoutMs. */
export function runScript(name: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join('scripts', name), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
