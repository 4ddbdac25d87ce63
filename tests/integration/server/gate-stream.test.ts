import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createGate, type AstroHandler } from '../../../src/server/gate/gate';
import { makeTempDir } from '../../helpers/temp';

const temp = makeTempDir();
let server: Server | undefined;
afterEach(() => server?.close());
afterAll(() => temp.remove());

/** A deferred promise: resolved from outside. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Serves the gate with one streamed route, /export: its first chunk is produced at once, the second only once
 * `release` is called; `cancelled` resolves when the gate cancels the body.
 */
async function gateWithStream(options: { endless?: boolean; streamIdleTimeoutMs?: number } = {}): Promise<{ url: string; release: () => void; cancelled: Promise<void>; pulls: () => number }> {
  const release = deferred();
  const cancelled = deferred();
  let pulls = 0;
  const astroHandler: AstroHandler = (_req, res) => void res.end('astro');
  const streamRoutes = new Map([
    [
      '/export',
      async () =>
        new Response(
          new ReadableStream<Uint8Array>(
            {
              async pull(controller) {
                pulls++;
                if (options.endless) return controller.enqueue(new Uint8Array(256 * 1024).fill(0x61));
                if (pulls === 1) return controller.enqueue(new TextEncoder().encode('first chunk\n'));
                await release.promise;
                controller.enqueue(new TextEncoder().encode('second chunk\n'));
                controller.close();
              },
              cancel: () => cancelled.resolve(),
            },
            { highWaterMark: 1 },
          ),
          { headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store' } },
        ),
    ],
  ]);
  server = createServer(createGate({ astroHandler, clientDir: temp.dir, dataVersion: () => 1, streamRoutes, streamIdleTimeoutMs: options.streamIdleTimeoutMs }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, release: release.resolve, cancelled: cancelled.promise, pulls: () => pulls };
}

describe('the gate’s streamed routes', () => {
  it('hand the client the first chunk before the rest exists (nothing is buffered whole)', async () => {
    const gate = await gateWithStream();
    const res = await fetch(`${gate.url}/export`, { headers: { 'accept-encoding': 'identity' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const reader = res.body!.getReader();
    // Were the answer buffered, this read would wait for the second chunk, which waits for this read: the test would time out.
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first chunk\n');
    gate.release();
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toBe('second chunk\n');
  });

  it('cancel the body when the client goes away mid-way, so its producer stops', async () => {
    const gate = await gateWithStream();
    const abort = new AbortController();
    const res = await fetch(`${gate.url}/export`, { headers: { 'accept-encoding': 'identity' }, signal: abort.signal });
    await res.body!.getReader().read();
    abort.abort();
    await gate.cancelled;
    expect(gate.pulls()).toBeLessThanOrEqual(2);
  });

  it('hold back while the client does not read, and cut a client that takes nothing for the idle timeout', async () => {
    const gate = await gateWithStream({ endless: true, streamIdleTimeoutMs: 300 });
    const res = await fetch(`${gate.url}/export`, { headers: { 'accept-encoding': 'identity' } });
    const reader = res.body!.getReader();
    await reader.read();
    // The client reads no more: the socket's buffers fill, the gate stops pulling, and the idle timeout cancels the body.
    await gate.cancelled;
    // An endless producer was pulled only as far as the buffers on the way hold (a few MB at most), not forever.
    expect(gate.pulls()).toBeLessThan(64);
    await reader.cancel().catch(() => undefined);
  });

  it('compress on the way when the client accepts it', async () => {
    const gate = await gateWithStream();
    gate.release();
    const res = await fetch(`${gate.url}/export`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    // fetch decodes the body itself: the text arrives whole.
    expect(await res.text()).toBe('first chunk\nsecond chunk\n');
  });
});
