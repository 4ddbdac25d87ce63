import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startPortalProcess } from '../../scripts/lib/process-kit';
import { makeTempDir } from './temp';

export { freePort } from '../../scripts/lib/process-kit';

/** A running portal started the way `npm start` starts it, on a temporary DATA_DIR. */
export interface RunningPortal {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the built portal (scripts/start.ts) and waits until /api/v1/health answers; stop() also removes a temporary DATA_DIR. */
export async function startPortal(options: { env?: Record<string, string>; dataDir?: string } = {}): Promise<RunningPortal> {
  const temp = options.dataDir ? undefined : makeTempDir();
  const dataDir = options.dataDir ?? temp!.dir;
  try {
    const portal = await startPortalProcess({ dataDir, env: options.env });
    const stop = async () => {
      await portal.stop();
      temp?.remove();
    };
    return { url: portal.url, dataDir, process: portal.child, output: portal.output, stop };
  } catch (error) {
    temp?.remove();
    throw error;
  }
}

/** GET a JSON answer of the portal: its status and parsed body. */
export async function getJson(portal: RunningPortal, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(portal.url + path);
  return { status: res.status, body: await res.json() };
}

/** The embedded Meilisearch's URL and pid, from the state file npm start writes (and npm run reindex reads). */
export function meiliState(portal: RunningPortal): { url: string; pid: number } {
  return JSON.parse(readFileSync(join(portal.dataDir, 'meilisearch.json'), 'utf8')) as { url: string; pid: number };
}
