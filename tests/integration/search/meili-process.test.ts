import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning } from '../../helpers/processes';
import {
  apiErrorOf,
  createMeiliClient,
  describeMeiliError,
  isMeiliUnavailable,
  meiliErrorCode,
  succeeded,
  type MeiliClient,
} from '../../../src/server/search/meili-client.ts';
import { readMeiliSettings, resolveMeiliConfig, type EmbeddedMeiliConfig } from '../../../src/server/search/meili-config.ts';
import { runtimeOptionsFromEnv } from '../../../src/server/search/runtime.ts';
import {
  loadOrCreateMasterKey,
  startMeilisearch,
  waitForHealthy,
  type MeiliProcess,
} from '../../../src/server/search/meili-process.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded Meilisearch from the npm package', { timeout: 60_000 }, () => {
  let dataDir: string;
  let config: EmbeddedMeiliConfig;
  let masterKey: string;
  let meili: MeiliProcess | undefined;
  let admin: MeiliClient;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cluster-map-meili-'));
    const resolved = resolveMeiliConfig({}, dataDir);
    if (resolved.mode !== 'embedded') throw new Error('expected the embedded mode without MEILI_URL');
    config = resolved;
    masterKey = loadOrCreateMasterKey(config.keyFile);
    meili = await startMeilisearch({ bin: config.bin, dbPath: config.dbPath, masterKey });
    admin = createMeiliClient({ url: meili.url, apiKey: masterKey }, 5000);
  }, 60_000);

  afterAll(async () => {
    await admin?.close();
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
    await expect(admin.client.health()).resolves.toEqual({ status: 'available' });
  });

  it('keeps the master key in a 0600 file and reuses it', () => {
    expect(masterKey).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(config.keyFile).mode & 0o777).toBe(0o600);
    expect(loadOrCreateMasterKey(config.keyFile)).toBe(masterKey);
  });

  it('rejects unauthenticated and wrongly keyed requests, as "rejected" answers with status and code', async () => {
    const anonymous = createMeiliClient({ url: meili!.url }, 5000);
    const wrongKey = createMeiliClient({ url: meili!.url, apiKey: 'not-the-key' }, 5000);
    try {
      const noKey = await anonymous.client.getRawIndexes().catch((error: unknown) => error);
      // With a custom httpClient the library wraps what it throws: the answer is the cause.
      expect(noKey).toBeInstanceOf(MeilisearchRequestError);
      expect(apiErrorOf(noKey)).toBeInstanceOf(MeilisearchApiError);
      expect(apiErrorOf(noKey)!.response.status).toBe(401);
      expect(meiliErrorCode(noKey)).toBe('missing_authorization_header');
      const wrong = await wrongKey.client.getRawIndexes().catch((error: unknown) => error);
      expect([apiErrorOf(wrong)!.response.status, meiliErrorCode(wrong)]).toEqual([403, 'invalid_api_key']);
      expect(describeMeiliError(wrong)).toMatch(/^Meilisearch answered HTTP 403 \[invalid_api_key\]: .*See https:/);
    } finally {
      await anonymous.close();
      await wrongKey.close();
    }
  });

  it('creates an index, adds a document and finds it through the official client on the keep-alive httpClient', async () => {
    await succeeded(admin.client.createIndex('clusters', { primaryKey: 'id' }));
    await succeeded(admin.client.index('clusters').addDocuments([{ id: 'c1', name: 'Kaluga Pharmaceutical Cluster', region: 'Kaluga' }]));
    const result = await admin.client.index('clusters').search('pharma');
    expect(result.hits.map((hit) => hit['id'])).toEqual(['c1']);
    const multi = await admin.client.multiSearch({ queries: [{ indexUid: 'clusters', q: 'kaluga' }] });
    expect(multi.results[0]!.hits.map((hit) => hit['id'])).toEqual(['c1']);
  });

  it('tells "Meilisearch cannot serve" from "Meilisearch rejected the request"', async () => {
    const missing = await admin.client.index('missing').search('x').catch((e: unknown) => e);
    expect([meiliErrorCode(missing), isMeiliUnavailable(missing)]).toEqual(['index_not_found', true]);
    expect(describeMeiliError(missing)).toContain('HTTP 404 [index_not_found]');
    const badFilter = await admin.client.index('clusters').search('x', { filter: 'nonsense = = 1' }).catch((e: unknown) => e);
    expect(apiErrorOf(badFilter)!.response.status).toBe(400);
    expect(isMeiliUnavailable(badFilter)).toBe(false);
  });

  it('throws MeiliTaskError for a failed task', async () => {
    const error = await succeeded(admin.client.index('clusters').addDocuments([{ name: 'no id' }])).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MeiliTaskError', task: { status: 'failed' } });
    expect((error as Error).message).toMatch(/documentAdditionOrUpdate on clusters\) failed: .*/);
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
    const gone = await admin.client.health().catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(MeilisearchRequestError);
    expect(isMeiliUnavailable(gone)).toBe(true);
    expect(describeMeiliError(gone)).toMatch(/has failed: .*ECONNREFUSED/);
  });

  it('restarts on the same data with the reused key and keeps the documents', async () => {
    meili = await startMeilisearch({ bin: config.bin, dbPath: config.dbPath, masterKey: loadOrCreateMasterKey(config.keyFile) });
    const again = createMeiliClient({ url: meili.url, apiKey: masterKey }, 5000);
    try {
      const doc = await again.client.index('clusters').getDocument('c1');
      expect(doc['id']).toBe('c1');
    } finally {
      await again.close();
      await meili.stop();
    }
    expect(isAlive(meili.pid)).toBe(false);
  });
});

describe('MEILI_* settings: one set of rules for npm start, the server and scripts', () => {
  it('normalizes MEILI_URL and defaults MEILI_INDEX', () => {
    expect(readMeiliSettings({ MEILI_URL: ' http://search.local:7700/ ', MEILI_MASTER_KEY: 'k'.repeat(32) })).toEqual({
      url: 'http://search.local:7700',
      masterKey: 'k'.repeat(32),
      bin: undefined,
      indexUid: 'clusters',
    });
  });

  it.each([
    [{ MEILI_URL: 'http://127.0.0.1:7700' }, /MEILI_MASTER_KEY is missing/],
    [{ MEILI_URL: 'localhost:7700', MEILI_MASTER_KEY: 'k' }, /MEILI_URL must be http:\/\/ or https:\/\//],
    [{ MEILI_URL: 'not a url', MEILI_MASTER_KEY: 'k' }, /MEILI_URL is not a valid URL: "not a url"/],
    [{ MEILI_INDEX: 'clusters v2' }, /MEILI_INDEX="clusters v2" is not a Meilisearch index name/],
  ])('the server disables search with the same reason npm start stops on (%o)', (env, reason) => {
    expect(() => readMeiliSettings(env)).toThrow(reason);
    expect(runtimeOptionsFromEnv(env)).toMatchObject({ connection: null, disabledReason: expect.stringMatching(reason) });
  });

  it('gives the server the normalized URL, the master key and the index', () => {
    expect(runtimeOptionsFromEnv({ MEILI_URL: 'http://127.0.0.1:7700/', MEILI_MASTER_KEY: 'k'.repeat(32), MEILI_INDEX: 'c2' })).toEqual({
      connection: { url: 'http://127.0.0.1:7700', apiKey: 'k'.repeat(32) },
      indexUid: 'c2',
    });
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

describe('the keep-alive client without a server', () => {
  it('reports connection refused as "unavailable", naming the URL and ECONNREFUSED', async () => {
    const port = await new Promise<number>((done) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => done(free));
      });
    });
    const meili = createMeiliClient({ url: `http://127.0.0.1:${port}`, apiKey: 'k' }, 1000);
    const error = await meili.client.health().catch((e: unknown) => e);
    await meili.close();
    expect(isMeiliUnavailable(error)).toBe(true);
    expect(describeMeiliError(error)).toMatch(/127\.0\.0\.1:\d+\/health has failed: .*ECONNREFUSED/);
  });

  it('reports a server that does not answer in time as a timeout, "unavailable", without the key in the error', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as net.AddressInfo;
    const meili = createMeiliClient({ url: `http://127.0.0.1:${port}`, apiKey: 'secret-master-key' }, 200);
    try {
      const started = Date.now();
      const error = await meili.client.health().catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toBeInstanceOf(MeilisearchRequestError);
      expect(isMeiliUnavailable(error)).toBe(true);
      expect(describeMeiliError(error)).toMatch(/\/health has failed: UND_ERR_HEADERS_TIMEOUT/);
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('secret-master-key');
    } finally {
      await meili.close();
      sockets.forEach((socket) => socket.destroy());
      await new Promise((done) => server.close(done));
    }
  });
});
