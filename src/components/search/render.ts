/**
 * HTML of the search results, shared by the server render (no JavaScript) and the browser (results as
 * you type), so both always show the same markup. Pure: no Astro, no DOM; every text is escaped, and
 * highlight HTML comes escaped from the search service.
 */
import { escapeHtml } from '../../lib/html';
import { fillPlaceholders as fill } from '../../lib/i18n/fill';
import { formatIndex } from '../../lib/i18n/format';
import type { Lang } from '../../lib/i18n/locales';
import { restsOnFewerIndicators } from '../../lib/indexing/reported';
import { groupRegionOptions, type FilterOption } from '../../lib/region-options';
import type { FacetAttribute } from '../../lib/search/facets';
import type { SearchHit, SearchResult } from '../../lib/search/result';

/** The URL parameters of a search page, as strings (absent = not set). */
export type SearchParams = Partial<Record<'q' | FacetAttribute | 'sort' | 'page', string>>;

/** Everything language-dependent the renderer needs, prepared by the page and sent to the browser as JSON. */
export interface SearchView {
  lang: Lang;
  /** Path of the search page (/search or /en/search). */
  searchPath: string;
  /** Path prefix of cluster profiles (/clusters/ or /en/clusters/). */
  clusterPath: string;
  /** Path of the directory. */
  directoryPath: string;
  strings: Record<
    | 'results'
    | 'resultsFor'
    | 'hits'
    | 'empty'
    | 'emptyFiltered'
    | 'suggestTitle'
    | 'spelling'
    | 'removeFilters'
    | 'words'
    | 'industries'
    | 'directory'
    | 'fallback'
    | 'indexShort'
    | 'prev'
    | 'next'
    | 'page'
    | 'pagination'
    | 'otherName'
    | 'any'
    | 'error'
    | 'loading'
    | 'place'
    | 'reported'
    | 'reportedHint',
    string
  >;
  labels: Record<FacetAttribute, Record<string, string>>;
}


/** Query string of search params, leaving out empty values and defaults (relevance, page 1). */
export function searchQueryString(params: SearchParams): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (!value || (key === 'sort' && value === 'relevance') || (key === 'page' && value === '1')) continue;
    qs.set(key, value);
  }
  const text = qs.toString();
  return text ? `?${text}` : '';
}

/**
 * Query string of the exports (/api/v1/clusters.csv, .json; the map's .geojson) of this search: its filters and
 * sort without paging, the sort always named (relevance makes the export run the same search) and the language
 * whose names a name sort follows.
 */
export function searchExportQueryString(params: SearchParams, lang: string): string {
  const qs = new URLSearchParams(searchQueryString({ ...params, page: '1' }).slice(1));
  qs.set('sort', params.sort || 'relevance');
  qs.set('lang', lang);
  return `?${qs}`;
}

/** Link to the search page with these params. */
export function searchHref(view: SearchView, params: SearchParams): string {
  return view.searchPath + searchQueryString(params);
}

/** "City, Region" from the city's highlight HTML; federal cities (Saint Petersburg) are their own region, named once. */
export function placeHtml(cityHtml: string | undefined, region: string): string {
  const regionHtml = escapeHtml(region);
  if (!cityHtml) return regionHtml;
  return cityHtml.replace(/<\/?mark>/g, '') === regionHtml ? cityHtml : `${cityHtml}, ${regionHtml}`;
}

/** One hit as a list item. */
export function renderHit(hit: SearchHit, view: SearchView): string {
  const lang = view.lang;
  const other = lang === 'ru' ? 'en' : 'ru';
  const name = hit.highlight.name[lang];
  // The other language's name only when the match is there and not in the shown name (e.g. "Томск" in the English UI).
  const otherName = !name.includes('<mark>') && hit.highlight.name[other].includes('<mark>') ? hit.highlight.name[other] : null;
  const city = hit.highlight.city[lang] ?? hit.highlight.city[other];
  const region = view.labels.region[hit.region] ?? hit.region;
  const meta = [
    `<li><span class="tag">${escapeHtml(view.labels.industryGroup[hit.industryGroup] ?? hit.industryGroup)}</span></li>`,
    `<li>${placeHtml(city, region)}</li>`,
    `<li><span class="scenario-badge scenario-${escapeHtml(hit.scenario)}">${escapeHtml(view.labels.scenario[hit.scenario] ?? hit.scenario)}</span></li>`,
    hit.index === null ? '' : `<li>${escapeHtml(fill(view.strings.indexShort, { value: formatIndex(hit.index, lang) }))}</li>`,
    hit.reported && restsOnFewerIndicators(hit.reported)
      ? `<li><span class="reported-flag" data-testid="reported-flag" title="${escapeHtml(view.strings.reportedHint)}">${escapeHtml(fill(view.strings.reported, { reported: hit.reported.reported, of: hit.reported.of }))}</span></li>`
      : '',
  ].join('');
  return (
    `<li class="search-hit" data-slug="${escapeHtml(hit.slug)}">` +
    `<h2><a href="${escapeHtml(view.clusterPath + hit.slug)}">${name}</a></h2>` +
    (otherName ? `<p class="search-other-name" lang="${other}"><span class="visually-hidden">${escapeHtml(view.strings.otherName)}: </span>${otherName}</p>` : '') +
    `<ul class="meta">${meta}</ul>` +
    (hit.highlight.snippet ? `<p class="search-snippet">${hit.highlight.snippet}</p>` : '') +
    '</li>'
  );
}

/** Industry-group keys in the labels' order. */
function industryGroups(view: SearchView): string[] {
  return Object.keys(view.labels.industryGroup);
}

/** The "nothing found" block with ways forward: drop filters, search single words, browse an industry, the directory. */
export function renderNoResults(params: SearchParams, view: SearchView): string {
  const q = params.q?.trim() ?? '';
  const filtered = Boolean(params.industryGroup || params.federalDistrict || params.region || params.scenario || params.status);
  const items: string[] = [];
  if (filtered) items.push(`<li><a href="${escapeHtml(searchHref(view, { q, sort: params.sort }))}" data-testid="remove-filters">${escapeHtml(view.strings.removeFilters)}</a></li>`);
  if (q) items.push(`<li>${escapeHtml(view.strings.spelling)}</li>`);
  const words = [...new Set(q.split(/\s+/).filter((w) => w.length > 1))];
  if (words.length > 1)
    items.push(`<li>${escapeHtml(view.strings.words)} ${words.map((w) => `<a href="${escapeHtml(searchHref(view, { q: w }))}">${escapeHtml(w)}</a>`).join(', ')}</li>`);
  const groups = industryGroups(view)
    .filter((g) => g !== 'other')
    .map((g) => `<a href="${escapeHtml(searchHref(view, { industryGroup: g }))}">${escapeHtml(view.labels.industryGroup[g]!)}</a>`);
  items.push(`<li>${escapeHtml(view.strings.industries)} ${groups.join(', ')}</li>`);
  items.push(`<li><a href="${escapeHtml(view.directoryPath)}">${escapeHtml(view.strings.directory)}</a></li>`);
  const headline = q ? fill(view.strings.empty, { q }) : view.strings.emptyFiltered;
  return (
    `<div class="empty" data-testid="search-empty"><p><strong>${escapeHtml(headline)}</strong></p>` +
    `<p>${escapeHtml(view.strings.suggestTitle)}:</p><ul>${items.join('')}</ul></div>`
  );
}

/** Page links: first, last and two either side of the current page. */
export function renderPager(result: Pick<SearchResult, 'page' | 'pages'>, params: SearchParams, view: SearchView): string {
  const { page, pages } = result;
  if (pages <= 1) return '';
  const href = (n: number) => escapeHtml(searchHref(view, { ...params, page: String(n) }));
  const numbers = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2);
  const links = numbers
    .map((n) =>
      n === page
        ? `<li><span aria-current="page">${n}</span></li>`
        : `<li><a href="${href(n)}" data-page="${n}" aria-label="${escapeHtml(fill(view.strings.page, { page: n, pages }))}">${n}</a></li>`,
    )
    .join('');
  return (
    `<nav class="pager" aria-label="${escapeHtml(view.strings.pagination)}">` +
    (page > 1 ? `<a href="${href(page - 1)}" data-page="${page - 1}" rel="prev">${escapeHtml(view.strings.prev)}</a>` : '') +
    `<ul>${links}</ul>` +
    (page < pages ? `<a href="${href(page + 1)}" data-page="${page + 1}" rel="next">${escapeHtml(view.strings.next)}</a>` : '') +
    '</nav>'
  );
}

/** The whole results area: the fallback notice, the count, the hits (or suggestions) and the pager. */
export function renderResults(result: SearchResult, params: SearchParams, view: SearchView): string {
  const q = params.q?.trim() ?? '';
  const notice = result.mode === 'fallback' ? `<p class="notice" data-testid="search-fallback">${escapeHtml(view.strings.fallback)}</p>` : '';
  const count = q ? fill(view.strings.resultsFor, { q, count: result.total }) : fill(view.strings.results, { count: result.total });
  const place = result.place
    ? `<p class="search-place" data-testid="search-place">${escapeHtml(fill(view.strings.place, { place: view.labels.federalDistrict[result.place.federalDistrict] ?? result.place.federalDistrict, words: result.place.text }))}</p>`
    : '';
  const body =
    result.total === 0
      ? renderNoResults(params, view)
      : `<ol class="search-hits" data-testid="search-hits" aria-label="${escapeHtml(view.strings.hits)}">${result.hits.map((h) => renderHit(h, view)).join('')}</ol>`;
  return `${notice}<p class="search-count" data-testid="search-count"><strong>${escapeHtml(count)}</strong></p>${place}${body}${renderPager(result, params, view)}`;
}

/** Options of a facet select: "Any", then the values with their counts (values without matches are left out unless selected). */
export function renderFacetOptions(facet: FacetAttribute, counts: Record<string, number>, selected: string | undefined, view: SearchView, collator?: Intl.Collator): string {
  const labels = view.labels[facet];
  let values = Object.keys(labels);
  if (collator) values = values.sort((a, b) => collator.compare(labels[a]!, labels[b]!));
  const option = (o: FilterOption) => `<option value="${escapeHtml(o.value)}"${o.value === selected ? ' selected' : ''}>${escapeHtml(o.label)}</option>`;
  const any = `<option value="">${escapeHtml(view.strings.any)}</option>`;
  const all = values.map((v) => ({ value: v, label: labels[v]! }));
  if (facet === 'region') {
    // Grouped by federal district like the directory's region filter (the same function, so the two never drift).
    const groups = groupRegionOptions(all, counts, (d) => view.labels.federalDistrict[d] ?? d, selected);
    return any + groups.map((g) => `<optgroup label="${escapeHtml(g.label)}">${g.options.map(option).join('')}</optgroup>`).join('');
  }
  return any + all.filter((o) => (counts[o.value] ?? 0) > 0 || o.value === selected).map((o) => option({ value: o.value, label: `${o.label} (${counts[o.value] ?? 0})` })).join('');
}
