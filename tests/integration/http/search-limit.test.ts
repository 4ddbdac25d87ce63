import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_QUERY_MAX } from '../../../src/lib/search/query';
import { startPortal, type RunningPortal } from '../../helpers/portal';

// The search boxes (header on every page, the search page, the map's filter) and the API share one limit.
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

/** maxlength of every search box (input type="search") in the page at path. */
async function searchBoxLimits(path: string): Promise<number[]> {
  const html = await (await fetch(portal.url + path)).text();
  return [...html.matchAll(/<input\b[^>]*type="search"[^>]*>/g)].map((m) => Number(/maxlength="(\d+)"/.exec(m[0])?.[1]));
}

describe('the search query length limit', () => {
  it.each([
    ['/en/', 1],
    ['/en/search', 1], // its own box: the header's is left out there
    ['/en/map', 2],
  ])('%s has %i search boxes, each limited to SEARCH_QUERY_MAX characters', async (path, boxes) => {
    expect(await searchBoxLimits(path)).toEqual(Array(boxes).fill(SEARCH_QUERY_MAX));
  });

  it('is the limit the search API enforces', async () => {
    const at = await fetch(`${portal.url}/api/v1/search?q=${'a'.repeat(SEARCH_QUERY_MAX)}`);
    expect(at.status).toBe(200);
    const over = await fetch(`${portal.url}/api/v1/search?q=${'a'.repeat(SEARCH_QUERY_MAX + 1)}`);
    expect(over.status).toBe(400);
  });
});
