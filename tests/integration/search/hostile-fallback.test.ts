import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { fallbackSearch } from '../../../src/server/search/fallback';
import { openStore } from '../../../src/server/store';
import { HOSTILE_WORD, makeHostileProfile } from '../../helpers/hostile-profile';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR, shippedProfile } from '../db/store-helpers';
import { query } from './fixture';

// The reduced search mode (SQLite FTS5, while Meilisearch is down) renders the same highlight HTML as
// Meilisearch mode: the stored text escaped, and <mark> only around the words of the query, never where
// the data holds the private-use highlight markers itself.

const SLUG = 'xss-hostile';
let data: ReturnType<typeof makeTempDir>;
let store: SqliteStore;

beforeAll(async () => {
  data = makeTempDir('cluster-map-hostile-fallback-');
  store = await openStore({ dataDir: data.dir, contentDir: CONTENT_DIR });
  await store.clusters.save(makeHostileProfile(shippedProfile('tomsk-pharma-medtech-it'), SLUG).profile, { publication: 'approved' }, { actor: 'test', action: 'hostile-fixture' });
});
afterAll(async () => {
  await store?.close();
  data?.remove();
});

/** The highlight HTML of the hostile hit for a query in the fallback mode. */
async function highlightsFor(q: string, lang: 'ru' | 'en'): Promise<string[]> {
  const result = await fallbackSearch(store, query({ q, lang }));
  expect(result.mode).toBe('fallback');
  const hit = result.hits.find((h) => h.slug === SLUG);
  expect(hit).toBeDefined();
  const { name, city, snippet } = hit!.highlight;
  return [name.ru, name.en, city.ru ?? '', city.en ?? '', snippet ?? ''];
}

describe.each(['ru', 'en'] as const)('fallback search highlights of a profile full of markup (%s)', (lang) => {
  it('are escaped: no markup from the data survives', async () => {
    for (const html of await highlightsFor(`${HOSTILE_WORD} onerror`, lang)) expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
  });

  it('mark only the words of the query, not the markers stored in the data', async () => {
    for (const html of await highlightsFor(HOSTILE_WORD, lang)) {
      const marked = [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);
      expect(marked.every((text) => text === HOSTILE_WORD), html).toBe(true);
    }
  });
});
