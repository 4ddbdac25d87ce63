import type { Profile, ProfileBlock } from './profile';

/** Whether a value carries any information (empty strings, lists and objects do not). */
function hasContent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === 'object') return Object.values(value as object).some(hasContent);
  return true;
}

/** Whether a block holds nothing but its confirmation date and facts from public sources (shown as "not provided yet"). */
export function isBlockEmpty(profile: Profile, block: ProfileBlock): boolean {
  // Sourced facts are shown beside "not provided yet": they do not stand in for the manager's own data.
  const { confirmedAt: _ignored, facts: _sourced, ...rest } = profile[block] as Record<string, unknown>;
  return !hasContent(rest);
}

/** Latest year with indicators, or undefined when none are given. */
export function latestIndicatorYear(profile: Profile): number | undefined {
  const years = profile.indicators.map((y) => y.year);
  return years.length ? Math.max(...years) : undefined;
}
