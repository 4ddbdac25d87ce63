import type { Page } from 'playwright-core';

/**
 * Structural accessibility checks run in the page (axe-core is not among the installed packages): the page's
 * language, one h1 and no skipped heading level, a name for every form control, link and button, a scope on
 * every table header, unique ids, and an accessible name on every landmark with a label attribute.
 * Returns the violations as readable lines (empty when none).
 */
export async function structuralA11yProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}`;
    if (!document.documentElement.lang) problems.push('html has no lang');
    const h1s = document.querySelectorAll('h1').length;
    if (h1s !== 1) problems.push(`${h1s} h1 elements`);
    let previous = 1;
    for (const h of document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')) {
      const level = Number(h.tagName[1]);
      if (level > previous + 1) problems.push(`heading "${h.textContent?.trim()}" skips from h${previous} to h${level}`);
      previous = level;
    }
    const nameOf = (el: HTMLElement): string => {
      const aria = el.getAttribute('aria-label') ?? '';
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      const labels = 'labels' in el && (el as HTMLInputElement).labels ? [...(el as HTMLInputElement).labels!].map((l) => l.textContent ?? '').join(' ') : '';
      return `${aria} ${labelledBy} ${labels}`.trim();
    };
    for (const el of document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea'))
      if (!nameOf(el)) problems.push(`form control ${describe(el)} has no label`);
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button'))
      if (!(el.textContent?.trim() || el.getAttribute('aria-label') || el.querySelector('img[alt]:not([alt=""])'))) problems.push(`${describe(el)} has no text`);
    for (const th of document.querySelectorAll('main thead th, main tbody th')) if (!th.getAttribute('scope')) problems.push(`table header "${th.textContent?.trim()}" has no scope`);
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`duplicate id "${id}"`);
    for (const img of document.querySelectorAll('img:not([alt])')) problems.push(`img ${img.getAttribute('src')} has no alt`);
    return problems;
  });
}
