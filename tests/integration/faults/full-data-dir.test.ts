import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManagerTokens, postRegistration } from '../../helpers/managers';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { canMountTmpfs, fillUp, mountTmpfs } from '../../helpers/tmpfs';
import { integrityOf } from '../backup/store-rows';

// Issue 14, fault suite: DATA_DIR full. The portal runs on a small tmpfs (search in the SQLite fallback, so
// Meilisearch takes no room); a file then fills it. Writes answer 503 with Retry-After and say why, nothing is half
// stored, public reads keep working; once space is back the same write succeeds. Needs root and mount (it is skipped,
// saying so, where a tmpfs cannot be mounted).
//
// How it was checked to fail when the protection is removed: internalErrorAnswer without its storageProblem branch
// answered the write 500 "internal error" and the test failed (then restored). The test also found that the reduced
// search failed while the disk was full (its FTS catch-up is a write); it now answers from the index as it is.

const mountable = canMountTmpfs();
if (!mountable) console.warn('[full-data-dir] skipped: this process cannot mount a tmpfs (run as root with CAP_SYS_ADMIN)');

describe.skipIf(!mountable)('DATA_DIR full', () => {
  let mountPoint: ReturnType<typeof mountTmpfs>;
  let dataDir: string;
  let portal: RunningPortal;
  let token: string;
  const filler = () => join(mountPoint.dir, 'filler.bin');
  const register = (slug: string) => postRegistration(portal.url, token, slug);

  beforeAll(async () => {
    mountPoint = mountTmpfs(48);
    dataDir = join(mountPoint.dir, 'data');
    token = (await createManagerTokens(dataDir, 1, 'full-disk-manager'))[0]!;
    portal = await startPortal({ dataDir, env: { MEILI_URL: 'http://127.0.0.1:9', MEILI_MASTER_KEY: 'unused-key' } });
  });
  afterAll(async () => {
    await portal?.stop();
    mountPoint?.remove();
  });

  it('refuses a write with 503 saying the folder is full, and keeps serving reads', async () => {
    expect((await register('before-full')).status).toBe(201);
    fillUp(filler());
    const refused = await register('while-full');
    const body = (await refused.json()) as { error: string };
    expect(refused.status, JSON.stringify(body)).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(body.error).toMatch(/cannot save changes right now \(its data folder is full\)/);
    expect(portal.output()).toMatch(/DATA_DIR is full, the write was refused/);
    for (const path of ['/api/v1/clusters', '/en/clusters', '/en/clusters/tomsk-pharma-medtech-it', '/api/v1/search?q=titanium']) expect((await fetch(portal.url + path)).status, path).toBe(200);
    expect(await (await fetch(`${portal.url}/api/v1/health`)).json()).toMatchObject({ status: 'degraded', storage: 'full' });
  });

  it('stores the same write once space is back, and the store is sound', async () => {
    rmSync(filler());
    expect((await register('while-full')).status).toBe(201);
    expect(await (await fetch(`${portal.url}/api/v1/health`)).json()).toMatchObject({ status: 'ok', storage: 'ok' });
    expect(integrityOf(dataDir)).toBe('ok');
  });
});
