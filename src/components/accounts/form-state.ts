import { isInputError } from 'astro:actions';
import { ACCOUNT_ERROR_VARS, type AccountErrorKey } from '../../lib/accounts/schemas';
import type { UiKey } from '../../lib/i18n';

type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

/** The message of each field an action's input error names, in the page's language (the schemas give message keys). */
export function fieldErrors(error: unknown, t: Translate): Record<string, string> {
  if (!error || !isInputError(error)) return {};
  const messages: Record<string, string> = {};
  for (const [field, keys] of Object.entries(error.fields)) {
    const key = (keys as string[] | undefined)?.[0];
    if (!key) continue;
    const known = key in ACCOUNT_ERROR_VARS ? (key as AccountErrorKey) : 'account.error.required';
    messages[field] = t(known, ACCOUNT_ERROR_VARS[known]);
  }
  return messages;
}

/** The values of a posted form that the page shows again (never a password), or {} on GET. */
export async function keptValues(request: Request, names: readonly string[]): Promise<Record<string, string>> {
  if (request.method !== 'POST') return {};
  try {
    const form = await request.clone().formData();
    return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '')]));
  } catch {
    return {};
  }
}
