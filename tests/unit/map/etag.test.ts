import { describe, expect, it } from 'vitest';
import { computeMapEtag, etagMatches, hashString } from '../../../src/lib/map/etag';
import { canonicalMapQuery } from '../../../src/lib/map/query';

const base = { dataVersion: 25, settings: '{"threshold":"mean"}', query: 'industryGroup=nuclear' };

describe('hashString', () => {
  it('is 14 hex digits and stable', () => {
    expect(hashString('a')).toBe('1c2ba782c97901');
    expect(hashString('a')).toBe(hashString('a'));
    expect(hashString('a')).not.toBe(hashString('b'));
  });
});

describe('computeMapEtag', () => {
  it('is a weak tag showing the data version', () => {
    expect(computeMapEtag(base)).toMatch(/^W\/"m1-25-[0-9a-f]{14}"$/);
  });

  it('is stable for the same inputs', () => {
    expect(computeMapEtag({ ...base })).toBe(computeMapEtag(base));
  });

  it.each([
    ['the data version', { dataVersion: 26 }],
    ['the settings', { settings: '{"threshold":"median"}' }],
    ['the query', { query: 'industryGroup=it-electronics' }],
    ['the search answer', { extra: 'meilisearch:abc' }],
  ])('changes with %s', (_what, change) => {
    expect(computeMapEtag({ ...base, ...change })).not.toBe(computeMapEtag(base));
  });

  it('does not depend on the parameter order of equal queries', () => {
    const a = canonicalMapQuery({ region: 'RU-MOS', industryGroup: 'nuclear' });
    const b = canonicalMapQuery({ industryGroup: 'nuclear', region: 'RU-MOS' });
    expect(computeMapEtag({ ...base, query: a })).toBe(computeMapEtag({ ...base, query: b }));
  });
});

describe('etagMatches', () => {
  const tag = 'W/"m1-25-abc"';
  it.each([
    ['W/"m1-25-abc"', true],
    ['"m1-25-abc"', true],
    ['"x", W/"m1-25-abc"', true],
    ['*', true],
    ['W/"m1-24-abc"', false],
    ['', false],
    [null, false],
  ])('If-None-Match %s → %s', (header, expected) => {
    expect(etagMatches(header, tag)).toBe(expected);
  });
});
