/** Small, dependency-free helpers to read the server-rendered HTML in HTTP tests. */

/** Decodes the entities Astro writes in text and attributes (named basics and numeric ones). */
export function decode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0');
}

/** Visible text of an HTML fragment: tags removed, entities decoded, spaces collapsed (no-break spaces kept). */
export function text(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ' ')).replace(/[ \t\n\r]+/g, ' ').trim();
}

/** The outer HTML of the first element with this opening-tag attribute (e.g. 'data-testid="cluster-list"'), matching nested tags of the same name. */
export function element(html: string, attribute: string): string | undefined {
  const start = html.search(new RegExp(`<(\\w+)[^>]*\\s${attribute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^>]*>`));
  if (start < 0) return undefined;
  const tag = /^<(\w+)/.exec(html.slice(start))![1]!;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, re.lastIndex);
  }
  return undefined;
}

/** Direct <li> children of a list element's outer HTML. */
export function listItems(listHtml: string): string[] {
  const items: string[] = [];
  const inner = listHtml.replace(/^<(ul|ol)[^>]*>/, '').replace(/<\/(ul|ol)>$/, '');
  const re = /<(\/?)(li|ul|ol)\b[^>]*>/g;
  let depth = 0;
  let start = -1;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    const closing = m[1] === '/';
    if (m[2] === 'li' && !closing && depth === 0) start = m.index;
    depth += closing ? -1 : 1;
    if (m[2] === 'li' && closing && depth === 0) items.push(inner.slice(start, re.lastIndex));
  }
  return items;
}

/** Values of an attribute on every tag matching the selector-ish pattern, e.g. attrs(html, 'a', 'href'). */
export function attrs(html: string, tag: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${attribute}="([^"]*)"`, 'g'))].map((m) => decode(m[1]!));
}
