import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnCollected, ROOT } from '../../../scripts/lib/process-kit';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { commandLine, isRunning } from '../../helpers/processes';
import { makeTempDir } from '../../helpers/temp';

/** Every live descendant of a process, with its command line (a zombie counts as gone). */
function descendants(rootPid: number): { pid: number; cmd: string }[] {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [, state, ppid] = /\) (\S) (\d+)/.exec(stat) ?? [];
      if (state === 'Z') continue;
      parents.set(Number(entry), Number(ppid));
      commands.set(Number(entry), commandLine(Number(entry)) ?? '');
    } catch {
      // the process ended while we looked
    }
  }
  const found: { pid: number; cmd: string }[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parents) if (parent === pid) (found.push({ pid: child, cmd: commands.get(child)! }), walk(child));
  };
  walk(rootPid);
  return found;
}

/** pid of the process listening on the portal's port (the serving one of the two server processes). */
function listeningPid(portal: RunningPortal): number {
  const portHex = Number(new URL(portal.url).port).toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set(
    readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${portHex}`) && cols[3] === '0A')
      .map((cols) => cols[9]),
  );
  for (const { pid, cmd } of descendants(portal.process.pid!)) {
    if (!cmd.includes('scripts/server.mjs')) continue;
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => inodes.has(/socket:\[(\d+)\]/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]))) return pid;
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no server process listens on ${portal.url}`);
}

/** Polls `read` every 50 ms until it holds or `timeoutMs` passes. */
async function until(read: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await read())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const answers = (url: string) => fetch(url + '/api/v1/health').then(async (r) => (await r.body?.cancel(), r.status === 200), () => false);

describe('the supervised server', () => {
  let portal: RunningPortal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('answers again after the process serving HTTP is killed with SIGKILL', async () => {
    // The standby takes over only once it is loaded (else a cold process is started, which takes longer).
    await until(() => /loaded on standby/.test(portal.output()));
    const before = listeningPid(portal);
    process.kill(before, 'SIGKILL');
    const killedAt = Date.now();
    await until(() => answers(portal.url));
    console.log(`[supervisor test] answering again ${Date.now() - killedAt} ms after SIGKILL`);
    expect(listeningPid(portal)).not.toBe(before);
    expect((await fetch(portal.url + '/clusters')).status).toBe(200);
    expect(portal.output()).toMatch(/the server exited \(SIGKILL\); the standby takes over/);
    // A new standby is started, so a second crash is covered as well.
    await until(() => portal.output().match(/loaded on standby/g)?.length === 2);
  });

  it('stops everything on SIGTERM: no process of the portal is left', async () => {
    const tree = descendants(portal.process.pid!);
    expect(tree.some((p) => p.cmd.includes('scripts/server.mjs'))).toBe(true);
    expect(tree.some((p) => /meilisearch/.test(p.cmd))).toBe(true);
    const exited = new Promise<number | null>((resolve) => portal.process.once('exit', (code) => resolve(code)));
    portal.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until(() => !tree.some((p) => isRunning(p.pid, p.cmd)));
  });
});

/** Starts `command args` like a user would, in a fresh DATA_DIR on a free port; resolves once /api/v1/health answers. */
async function startLikeAUser(command: string, args: string[]) {
  const port = await freePort();
  const temp = makeTempDir();
  const handle = spawnCollected(command, args, { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: temp.dir, PORTAL_SKIP_BUILD: '1' });
  const url = `http://127.0.0.1:${port}`;
  await until(() => answers(url), 60_000);
  const portalTree = () => descendants(handle.child.pid!).filter((p) => /scripts\/(start\.ts|server\.mjs)|meilisearch/.test(p.cmd));
  const gone = (tree: { pid: number; cmd: string }[]) => () => !tree.some((p) => isRunning(p.pid, p.cmd));
  return { handle, url, portalTree, gone, remove: temp.remove };
}

describe('stopping npm start', () => {
  it('SIGTERM to npm itself stops the portal, its standby and Meilisearch', async () => {
    const started = await startLikeAUser('npm', ['start']);
    try {
      const tree = started.portalTree();
      expect(tree.filter((p) => p.cmd.includes('scripts/server.mjs'))).toHaveLength(2);
      started.handle.child.kill('SIGTERM');
      await until(started.gone(tree));
      expect(await answers(started.url)).toBe(false);
    } finally {
      await started.handle.stop();
      started.remove();
    }
  });

  it('SIGKILL to the process on top (nothing can forward a signal) still leaves no process behind', async () => {
    const started = await startLikeAUser(`${ROOT}/node_modules/.bin/tsx`, ['scripts/start.ts']);
    try {
      const tree = started.portalTree();
      started.handle.child.kill('SIGKILL');
      await until(started.gone(tree));
      expect(started.handle.output()).toMatch(/the process that started the portal \(pid \d+\) is gone/);
    } finally {
      started.remove();
    }
  });
});

describe('the portal\'s own process killed outright', () => {
  // No handler of the portal runs on SIGKILL. The server processes notice their IPC channel closing; Meilisearch is
  // started with a parent-death signal (setpriv --pdeathsig, src/server/search/meili-process.ts). Checked to fail
  // without it: Meilisearch ran on after the test, holding its port and database.
  it('SIGKILL to scripts/start.ts itself leaves neither a server nor Meilisearch behind', async () => {
    const started = await startLikeAUser(`${ROOT}/node_modules/.bin/tsx`, ['scripts/start.ts']);
    try {
      const tree = started.portalTree();
      const portal = tree.find((p) => p.cmd.includes('scripts/start.ts'));
      expect(tree.some((p) => /meilisearch/.test(p.cmd))).toBe(true);
      process.kill(portal!.pid, 'SIGKILL');
      await until(started.gone(tree));
      expect(await answers(started.url)).toBe(false);
    } finally {
      await started.handle.stop();
      started.remove();
    }
  });
});

describe('a port in use', () => {
  it('stops the start with one line naming the port and exit code 1', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const temp = makeTempDir();
    try {
      const start = spawnCollected(`${ROOT}/node_modules/.bin/tsx`, ['scripts/start.ts'], { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: temp.dir, PORTAL_SKIP_BUILD: '1' });
      const code = await new Promise<number | null>((resolve) => start.child.once('exit', (c) => resolve(c)));
      expect(code).toBe(1);
      const lines = start.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
      temp.remove();
    }
  });
});
