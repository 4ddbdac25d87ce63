import type { z } from 'zod';
import type { tooManyAttemptsAnswerSchema } from '../../lib/api/answers';
import { minutesToWait, retryAfterSeconds } from '../../lib/accounts/rate-limit';
import { accountProblems, ACCOUNT_ERROR_VARS } from '../../lib/accounts/schemas';
import { API_LANG, translator } from '../../lib/i18n';
import type { FieldProblem } from '../../lib/profile/errors';
import { badRequest, json } from '../http';

/** The largest JSON body the account routes read (an email, a name and a password fit many times over). */
const MAX_BODY_BYTES = 16 * 1024;

/** Reads a JSON object body and validates it; otherwise the 400 answer naming each bad field. */
export async function parseJsonBody<T extends z.ZodTypeAny>(request: Request, schema: T): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    return { ok: false, response: badRequest([{ field: '(body)', message: 'must be JSON: send Content-Type: application/json' }]) };
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, response: badRequest([{ field: '(body)', message: `is larger than ${MAX_BODY_BYTES} bytes` }]) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: badRequest([{ field: '(body)', message: 'is not valid JSON' }]) };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, response: badRequest([{ field: '(body)', message: 'must be a JSON object' }]) };
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, response: badRequest(describeAccountProblems(parsed.error)) };
  return { ok: true, value: parsed.data };
}

/** Account problems as the API names them: each field with its message in the API's language. */
export function describeAccountProblems(error: z.ZodError): FieldProblem[] {
  const t = translator(API_LANG);
  return accountProblems(error).map(({ field, key }) => ({ field, message: t(key, ACCOUNT_ERROR_VARS[key]) }));
}

/** 429 with Retry-After and the wait in words. */
export function tooManyAttempts(retryAfterMs: number): Response {
  const minutes = minutesToWait(retryAfterMs);
  const body: z.input<typeof tooManyAttemptsAnswerSchema> = { error: `too many attempts: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, retryAfterSeconds: retryAfterSeconds(retryAfterMs) };
  return json(body, 429, {
    'retry-after': String(retryAfterSeconds(retryAfterMs)),
  });
}

/** The client's address as Astro tells it (one shared counter when it cannot). */
export function clientIp(context: { clientAddress: string }): string {
  try {
    return context.clientAddress;
  } catch {
    return 'unknown';
  }
}
