import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createGate, type AstroHandler } from '../../../src/server/gate/gate';
import { CACHE_SCOPE_DATA, CACHE_SCOPE_HEADER } from '../../../src/server/gate/page-cache';
import { makeTempDir } from '../../helpers/temp';

const temp = makeTempDir();
let server: Server | undefined;
afterEach(() => server?.close());
afterAll(() => temp.remove());

/** Serves the gate around `handler` on a free port; returns its URL and how often the handler ran. */
async function gateAround(headers: Record<string, string>): Promise<{ url: string; renders: () => number }> {
  let renders = 0;
  const handler: AstroHandler = (_req, res) => {
    renders++;
    res.writeHead(200, { 'content-type': 'text/html', [CACHE_SCOPE_HEADER]: CACHE_SCOPE_DATA, ...headers });
    res.end(`<p>render ${renders}</p>`);
  };
  server = createServer(createGate({ astroHandler: handler, clientDir: temp.dir, dataVersion: () => 1 }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, renders: () => renders };
}

describe('the gate\'s page cache', () => {
  it('renders a data-only page once per data version for anonymous visitors, and hides its marker', async () => {
    const gate = await gateAround({});
    const first = await fetch(gate.url + '/clusters');
    expect(first.headers.get(CACHE_SCOPE_HEADER)).toBeNull();
    expect(await first.text()).toBe('<p>render 1</p>');
    expect(await (await fetch(gate.url + '/clusters')).text()).toBe('<p>render 1</p>');
    expect(gate.renders()).toBe(1);
  });

  it('never shares an answer that sets a cookie', async () => {
    const gate = await gateAround({ 'set-cookie': 'visitor=1; HttpOnly' });
    await (await fetch(gate.url + '/clusters')).text();
    expect(await (await fetch(gate.url + '/clusters')).text()).toBe('<p>render 2</p>');
    expect(gate.renders()).toBe(2);
  });
});
