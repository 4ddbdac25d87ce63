import type { Profile } from '../profile/profile';

/** JSON text with object keys sorted, so that two equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Whether two JSON values are equal (absent and undefined are the same). */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Keys of both objects, sorted. */
function keysOf(a: object | undefined, b: object | undefined): string[] {
  return [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
}

const FIELD_BLOCKS = ['general', 'priorities', 'management', 'members', 'partnersProjects'] as const;

/**
 * The fields that differ between two versions of a profile, as "block.field" paths (indicators as
 * "indicators.<year>" and "questionnaire.<year>", plus "slug" and "provenance"), sorted. previous undefined means everything new is changed.
 * @example changedFields(a, { ...a, general: { ...a.general, employees: 10 } }) // => ['general.employees']
 */
export function changedFields(previous: Profile | undefined, next: Profile): string[] {
  const changed: string[] = [];
  if (previous?.slug !== next.slug) changed.push('slug');
  for (const block of FIELD_BLOCKS) {
    const a = previous?.[block] as Record<string, unknown> | undefined;
    const b = next[block] as Record<string, unknown>;
    for (const key of keysOf(a, b)) if (!same(a?.[key], b[key])) changed.push(`${block}.${key}`);
  }
  for (const list of ['indicators', 'questionnaire'] as const) {
    const byYear = (p: Profile | undefined) => new Map((p?.[list] ?? []).map((y) => [String(y.year), y]));
    const [oldYears, newYears] = [byYear(previous), byYear(next)];
    for (const year of [...new Set([...oldYears.keys(), ...newYears.keys()])].sort())
      if (!same(oldYears.get(year), newYears.get(year))) changed.push(`${list}.${year}`);
  }
  if (!same(previous?.provenance, next.provenance)) changed.push('provenance');
  return changed.sort();
}
