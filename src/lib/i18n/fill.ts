/**
 * Fills {name} placeholders of an interface string; unknown names stay as they are.
 *
 * @example fillPlaceholders('{count} clusters', { count: 5 }) // => '5 clusters'
 */
export function fillPlaceholders(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
