import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Meilisearch, MeilisearchRequestError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMeiliHttp,
  meiliHttpClientAdapter,
  MeiliHttpError,
  MeiliUnavailableError,
  type MeiliHttp,
} from '../../../src/server/search/http-client.ts';
import { resolveMeiliConfig, type EmbeddedMeiliConfig } from '../../../src/server/search/meili-config.ts';
import {
  loadOrCreateMasterKey,
  startMeilisearch,
  waitForHealthy,
  type MeiliProcess,
} from '../../../src/server/search/meili-process.ts';

interface Task {
  taskUid: number;
}
interface TaskStatus {
  uid: number;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  error: unknown;
}

async function waitTask(http: MeiliHttp, task: Task): Promise<TaskStatus> {
  for (let i = 0; i < 200; i++) {
    const status = await http.request<TaskStatus>('GET', `/tasks/${task.taskUid}`);
    if (status.status !== 'enqueued' && status.status !== 'processing') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`task ${task.taskUid} did not finish`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Like isAlive, but a reparented zombie (killed, waiting for init to reap it) counts as gone. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

describe('embedded Meilisearch from the npm package', { timeout: 60_000 }, () => {
  let dataDir: string;
  let config: EmbeddedMeiliConfig;
  let masterKey: string;
  let meili: MeiliProcess | undefined;
  let http: MeiliHttp;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cluster-map-meili-'));
    const resolved = resolveMeiliConfig({}, dataDir);
    if (resolved.mode !== 'embedded') throw new Error('expected the embedded mode without MEILI_URL');
    config = resolved;
    masterKey = loadOrCreateMasterKey(config.keyFile);
    meili = await startMeilisearch({ bin: config.bin, dbPath: config.dbPath, masterKey });
    http = createMeiliHttp({ url: meili.url, apiKey: masterKey });
  }, 60_000);

  afterAll(async () => {
    http?.close();
    await meili?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('resolves the packaged binary and paths under the data dir', () => {
    expect(config.bin).toMatch(/node_modules\/@gaubee\/meilisearch-linux-amd64\/meilisearch$/);
    expect(config.dbPath).toBe(join(dataDir, 'meilisearch'));
    expect(config.keyFile).toBe(join(dataDir, 'meili-master-key'));
  });

  it('is healthy on loopback', async () => {
    expect(meili!.url).toBe(`http://127.0.0.1:${meili!.port}`);
    await expect(waitForHealthy(meili!.url, 1000)).resolves.toBeUndefined();
    await expect(http.request('GET', '/health')).resolves.toEqual({ status: 'available' });
  });

  it('keeps the master key in a 0600 file and reuses it', () => {
    expect(masterKey).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(config.keyFile).mode & 0o777).toBe(0o600);
    expect(loadOrCreateMasterKey(config.keyFile)).toBe(masterKey);
  });

  it('rejects unauthenticated and wrongly keyed requests', async () => {
    const anonymous = createMeiliHttp({ url: meili!.url });
    const wrongKey = createMeiliHttp({ url: meili!.url, apiKey: 'not-the-key' });
    try {
      const noKey = await anonymous.request('GET', '/indexes').catch((error: unknown) => error);
      expect(noKey).toBeInstanceOf(MeiliHttpError);
      expect(noKey).toMatchObject({ status: 401, code: 'missing_authorization_header' });
      await expect(wrongKey.request('GET', '/indexes')).rejects.toMatchObject({ status: 403, code: 'invalid_api_key' });
    } finally {
      anonymous.close();
      wrongKey.close();
    }
  });

  it('creates an index, adds a document and finds it through the keep-alive client', async () => {
    const created = await http.request<Task>('POST', '/indexes', { uid: 'clusters', primaryKey: 'id' });
    expect((await waitTask(http, created)).status).toBe('succeeded');
    const added = await http.request<Task>('POST', '/indexes/clusters/documents', [
      { id: 'c1', name: 'Kaluga Pharmaceutical Cluster', region: 'Kaluga' },
    ]);
    expect((await waitTask(http, added)).status).toBe('succeeded');
    const result = await http.request<{ hits: Array<{ id: string }> }>('POST', '/indexes/clusters/search', { q: 'pharma' });
    expect(result.hits.map((hit) => hit.id)).toEqual(['c1']);
  });

  it('reports Meilisearch errors with status, code and link', async () => {
    const error = await http.request('GET', '/indexes/missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeiliHttpError);
    expect(error).toMatchObject({ status: 404, code: 'index_not_found', cause: { code: 'index_not_found' } });
    expect((error as Error).message).toContain('GET /indexes/missing');
  });

  it('serves the official meilisearch client through meiliHttpClientAdapter', async () => {
    const client = new Meilisearch({ host: meili!.url, apiKey: masterKey, httpClient: meiliHttpClientAdapter(http) });
    await client.index('clusters').addDocuments([{ id: 'c2', name: 'Tomsk IT cluster' }]).waitTask();
    const result = await client.index('clusters').search('tomsk');
    expect(result.hits.map((hit) => hit['id'])).toEqual(['c2']);
    const error = await client.getIndex('missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchRequestError);
    expect((error as Error).cause).toBeInstanceOf(MeiliHttpError);
    expect((error as Error).cause).toMatchObject({ status: 404 });
  });

  it('refuses a port that is already taken', async () => {
    await expect(
      startMeilisearch({ bin: config.bin, dbPath: join(dataDir, 'other'), masterKey, port: meili!.port }),
    ).rejects.toThrow(/EADDRINUSE.*Choose another port/);
  });

  it('rejects with the exit code and log lines when Meilisearch dies during startup', async () => {
    const notADir = join(dataDir, 'file-not-dir');
    writeFileSync(notADir, 'x');
    const error = await startMeilisearch({ bin: config.bin, dbPath: notADir, masterKey }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/exited during startup with exit code \d+\. Last lines of .*meilisearch\.log:\n/);
  });

  it('stops without leaving a process, idempotently, and the client then reports unavailability', async () => {
    const { pid } = meili!;
    await meili!.stop();
    expect(isAlive(pid)).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
    await expect(meili!.stop()).resolves.toBeUndefined();
    await expect(http.request('GET', '/health')).rejects.toBeInstanceOf(MeiliUnavailableError);
  });

  it('restarts on the same data with the reused key and keeps the documents', async () => {
    meili = await startMeilisearch({ bin: config.bin, dbPath: config.dbPath, masterKey: loadOrCreateMasterKey(config.keyFile) });
    const again = createMeiliHttp({ url: meili.url, apiKey: masterKey });
    try {
      const doc = await again.request<{ id: string }>('GET', '/indexes/clusters/documents/c1');
      expect(doc.id).toBe('c1');
    } finally {
      again.close();
      await meili.stop();
    }
    expect(isAlive(meili.pid)).toBe(false);
  });
});

describe('resolveMeiliConfig errors', () => {
  it('names a MEILI_BIN that does not exist', () => {
    expect(() => resolveMeiliConfig({ MEILI_BIN: '/nonexistent/meilisearch' }, '/tmp/x')).toThrow(
      /MEILI_BIN=\/nonexistent\/meilisearch does not exist\. Point MEILI_BIN to an executable/,
    );
  });

  it('names a MEILI_BIN without the run bit and the chmod fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cluster-map-meili-bin-'));
    const fake = join(dir, 'meilisearch');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o644);
    try {
      expect(() => resolveMeiliConfig({ MEILI_BIN: fake }, dir)).toThrow(`chmod +x ${fake}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('requires MEILI_MASTER_KEY with MEILI_URL', () => {
    expect(() => resolveMeiliConfig({ MEILI_URL: 'http://127.0.0.1:7700' }, '/tmp/x')).toThrow(/MEILI_MASTER_KEY is missing/);
  });

  it('uses an external server when MEILI_URL and MEILI_MASTER_KEY are set', () => {
    expect(resolveMeiliConfig({ MEILI_URL: 'http://search.local:7700/', MEILI_MASTER_KEY: 'k'.repeat(32) }, '/tmp/x')).toEqual({
      mode: 'external',
      url: 'http://search.local:7700',
      masterKey: 'k'.repeat(32),
    });
  });
});

describe('orphan protection', { timeout: 60_000 }, () => {
  it('kills Meilisearch when Node exits without calling stop()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cluster-map-meili-exit-'));
    const script = join(dir, 'start-and-exit.mts');
    const src = (file: string): string => JSON.stringify(resolve('src/server/search', file));
    writeFileSync(
      script,
      `import { resolveMeiliConfig } from ${src('meili-config.ts')};
import { loadOrCreateMasterKey, startMeilisearch } from ${src('meili-process.ts')};
const config = resolveMeiliConfig({}, ${JSON.stringify(dir)});
if (config.mode !== 'embedded') throw new Error('expected embedded');
const meili = await startMeilisearch({ bin: config.bin, dbPath: config.dbPath, masterKey: loadOrCreateMasterKey(config.keyFile) });
console.log(meili.pid);
process.exit(0);
`,
    );
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 45_000 });
      expect(run.status, run.stderr).toBe(0);
      const pid = Number(run.stdout.trim());
      expect(pid).toBeGreaterThan(0);
      await expect.poll(() => isRunning(pid), { timeout: 2000 }).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('http client failures without a server', () => {
  it('throws MeiliUnavailableError on connection refused', async () => {
    const port = await new Promise<number>((done) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => done(free));
      });
    });
    const http = createMeiliHttp({ url: `http://127.0.0.1:${port}`, apiKey: 'k' });
    await expect(http.request('GET', '/health')).rejects.toThrow(/127\.0\.0\.1:\d+\/health is unavailable: ECONNREFUSED/);
  });

  it('throws MeiliUnavailableError when the server does not answer in time', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as net.AddressInfo;
    const http = createMeiliHttp({ url: `http://127.0.0.1:${port}`, timeoutMs: 200 });
    try {
      const error = await http.request('GET', '/health').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeiliUnavailableError);
      expect((error as Error).message).toContain('no complete answer within 200 ms');
    } finally {
      http.close();
      sockets.forEach((socket) => socket.destroy());
      await new Promise((done) => server.close(done));
    }
  });
});
