import type { z } from 'zod';
import type { pageLinksSchema } from './answers';

/** Links of a paged list answer (see pageLinksSchema). */
export type PageLinks = z.infer<typeof pageLinksSchema>;

/**
 * The links of page `page` of `pages` for a list at `path` asked with `params`: each keeps the request's parameters
 * (empty ones dropped) and sets `page`; prev and next are null at the ends (next also past the last page).
 *
 * @example pageLinks('/api/v1/clusters', new URLSearchParams('sort=name&page=2'), 2, 3).next // => '/api/v1/clusters?sort=name&page=3'
 */
export function pageLinks(path: string, params: URLSearchParams, page: number, pages: number): PageLinks {
  const at = (n: number) => {
    const query = new URLSearchParams([...params].filter(([key, value]) => key !== 'page' && value.trim() !== ''));
    query.set('page', String(n));
    return `${path}?${query}`;
  };
  return {
    self: at(page),
    first: at(1),
    last: at(pages),
    prev: page > 1 ? at(Math.min(page - 1, pages)) : null,
    next: page < pages ? at(page + 1) : null,
  };
}

/** The same links as an RFC 8288 Link header (for clients that page by headers). */
export function linkHeader(links: PageLinks): string {
  return (['self', 'first', 'last', 'prev', 'next'] as const)
    .filter((rel) => links[rel] !== null)
    .map((rel) => `<${links[rel]}>; rel="${rel}"`)
    .join(', ');
}
