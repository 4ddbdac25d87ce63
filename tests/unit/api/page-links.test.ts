import { describe, expect, it } from 'vitest';
import { linkHeader, pageLinks } from '../../../src/lib/api/page-links';

describe('pageLinks', () => {
  it('keeps the parameters, sets page, and leaves prev/next null at the ends', () => {
    const links = pageLinks('/api/v1/clusters', new URLSearchParams('sort=name&page=2&region='), 2, 3);
    expect(links).toEqual({
      self: '/api/v1/clusters?sort=name&page=2',
      first: '/api/v1/clusters?sort=name&page=1',
      last: '/api/v1/clusters?sort=name&page=3',
      prev: '/api/v1/clusters?sort=name&page=1',
      next: '/api/v1/clusters?sort=name&page=3',
    });
    expect(pageLinks('/x', new URLSearchParams(), 1, 1)).toMatchObject({ prev: null, next: null, last: '/x?page=1' });
  });

  it('points prev of a page past the end to the last page', () => {
    expect(pageLinks('/x', new URLSearchParams('page=9'), 9, 2)).toMatchObject({ prev: '/x?page=2', next: null });
  });

  it('writes the RFC 8288 Link header without the missing relations', () => {
    expect(linkHeader(pageLinks('/x', new URLSearchParams(), 1, 2))).toBe('</x?page=1>; rel="self", </x?page=1>; rel="first", </x?page=2>; rel="last", </x?page=2>; rel="next"');
  });
});
