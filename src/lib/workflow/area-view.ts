import type { Profile } from '../profile/profile';
import { COMMENT_MAX } from './transitions';
import { WORKFLOW_ERROR_STATUS, type WorkflowErrorCode } from './errors';

/** How long a revision has waited, in whole days and the remaining hours. */
export function ageParts(seconds: number): { days: number; hours: number } {
  const hours = Math.max(0, Math.floor(seconds / 3600));
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}

/** The value at a changedFields path ("general.name", "indicators.2023", "slug") as readable JSON, or undefined when absent. */
export function fieldValueText(profile: Profile | undefined, path: string): string | undefined {
  if (!profile) return undefined;
  const [block, key] = path.split('.');
  let value: unknown;
  if (block === 'indicators') value = profile.indicators?.find((y) => String(y.year) === key);
  else if (block === 'questionnaire') value = profile.questionnaire?.find((y) => String(y.year) === key);
  else if (key === undefined) value = (profile as unknown as Record<string, unknown>)[block!];
  else value = ((profile as unknown as Record<string, Record<string, unknown> | undefined>)[block!] ?? {})[key];
  return value === undefined ? undefined : JSON.stringify(value, null, 2);
}

/** A refused step as an action result: the refusal's code and what its message shows. */
export interface Refusal {
  ok: false;
  code: WorkflowErrorCode;
  state?: string;
  missing?: string[];
}

/** The message key and placeholder values of a refusal, for the page's translator. */
export function refusalMessage(refusal: Refusal): { key: `workflow.error.${WorkflowErrorCode}`; vars: Record<string, string | number> } {
  return { key: `workflow.error.${refusal.code}`, vars: { state: refusal.state ?? '', max: COMMENT_MAX } };
}

/**
 * The HTTP status of a page showing a step's outcome: 200 when there is none or it was done, a refusal's own status
 * (403 for permissions, 404, 409 for state conflicts; the same table as the API), and 400 for anything else (bad input).
 * @example outcomeStatus({ ok: false, code: 'invalid-transition' }) // => 409
 */
export function outcomeStatus(outcome: { ok: boolean; code?: string } | null | undefined): number {
  if (!outcome || outcome.ok) return 200;
  return (WORKFLOW_ERROR_STATUS as Partial<Record<string, number>>)[outcome.code ?? ''] ?? 400;
}
