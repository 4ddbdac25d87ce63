/**
 * Results as you type on /search: a debounced call to the portal's own GET /api/v1/search (the browser
 * never talks to Meilisearch or holds its key), rendered with the same functions as the server page.
 * Without JavaScript the form is a plain GET form with the same results.
 */
import { escapeHtml } from '../../lib/html';
import { fillPlaceholders as fill } from '../../lib/i18n/fill';
import { FACET_ATTRIBUTES } from '../../lib/search/facets';
import type { SearchResult } from '../../lib/search/result';
import { renderFacetOptions, renderResults, searchExportQueryString, searchQueryString, type SearchParams, type SearchView } from './render';

/** Pause after the last keystroke before searching. */
const DEBOUNCE_MS = 200;

/** The search's params from the form, plus the page. */
function readParams(form: HTMLFormElement, page: number): SearchParams {
  const data = new FormData(form);
  const value = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const params: SearchParams = { q: value('q'), sort: value('sort'), page: String(page) };
  for (const facet of FACET_ATTRIBUTES) params[facet] = value(facet);
  return params;
}

/** Refreshes the facet selects' options and counts, keeping the selection. */
function updateFacets(form: HTMLFormElement, result: SearchResult, params: SearchParams, view: SearchView): void {
  const collator = new Intl.Collator(view.lang, { sensitivity: 'base' });
  for (const facet of FACET_ATTRIBUTES) {
    const select = form.querySelector<HTMLSelectElement>(`select[data-facet="${facet}"]`);
    if (select) select.innerHTML = renderFacetOptions(facet, result.facets[facet], params[facet], view, facet === 'region' ? collator : undefined);
  }
}

/** Wires the search page; does nothing on pages without the search form. */
export function initSearch(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const out = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  const viewElement = document.getElementById('search-view');
  if (!form || !out || !viewElement?.textContent) return;
  const view = JSON.parse(viewElement.textContent) as SearchView;
  let page = Number(new URL(location.href).searchParams.get('page')) || 1;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async (): Promise<void> => {
    clearTimeout(timer);
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const params = readParams(form, page);
    const qs = searchQueryString(params);
    out.setAttribute('aria-busy', 'true');
    try {
      const res = await fetch(`/api/v1/search${qs ? `${qs}&` : '?'}lang=${view.lang}`, { signal: current.signal, headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const result = (await res.json()) as SearchResult;
      out.innerHTML = renderResults(result, params, view);
      updateFacets(form, result, params, view);
      const q = params.q ?? '';
      if (status) status.textContent = q ? fill(view.strings.resultsFor, { q, count: result.total }) : fill(view.strings.results, { count: result.total });
      history.replaceState(null, '', view.searchPath + qs);
      // The map takes the same parameters, so "show on the map" keeps pointing at the same set.
      const mapLink = document.getElementById('search-map-link');
      if (mapLink?.dataset.mapPath) mapLink.setAttribute('href', mapLink.dataset.mapPath + qs);
      // The Download links export the same set, in the same order, without paging.
      const exportQs = searchExportQueryString(params, view.lang);
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-export-path]')) link.setAttribute('href', link.dataset.exportPath + exportQs);
    } catch (error) {
      if (current.signal.aborted) return;
      console.error('search failed:', error);
      out.innerHTML = `<p class="notice" role="alert">${escapeHtml(view.strings.error)}</p>`;
    } finally {
      if (controller === current) out.setAttribute('aria-busy', 'false');
    }
  };

  const later = (): void => {
    clearTimeout(timer);
    page = 1;
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };
  const now = (): void => {
    page = 1;
    void run();
  };

  form.querySelector<HTMLInputElement>('input[name="q"]')?.addEventListener('input', later);
  for (const select of form.querySelectorAll('select')) select.addEventListener('change', now);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    now();
  });
  out.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!link) return;
    event.preventDefault();
    page = Number(link.dataset.page) || 1;
    void run().then(() => out.scrollIntoView({ block: 'start' }));
  });
}
