import type { z } from 'zod';
import type { badRequestAnswerSchema, errorAnswerSchema } from '../lib/api/answers';
import type { FieldProblem } from '../lib/profile/errors';
import { STORAGE_RETRY_AFTER_S, storageProblem, storageProblemMessage, storageRefusalLog } from './db/storage-errors';

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** What a JSON API route answers, before it becomes a Web Response (Astro) or is written to node's response (the direct lane). */
export interface JsonAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A JSON response with the given status. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** The Web Response of a JSON answer. */
export function answerResponse(answer: JsonAnswer): Response {
  return json(answer.body, answer.status, answer.headers);
}

/** The 400 answer naming every bad parameter: { error, problems: [{ field, message }] }. */
export function badRequestAnswer(problems: FieldProblem[]): JsonAnswer {
  const summary = problems.map((p) => `${p.field} ${p.message}`).join('; ');
  const body: z.input<typeof badRequestAnswerSchema> = { error: `invalid parameter(s): ${summary}`, problems };
  return { status: 400, body };
}

/** A 400 response naming every bad parameter. */
export function badRequest(problems: FieldProblem[]): Response {
  return answerResponse(badRequestAnswer(problems));
}

/**
 * Logs an API failure with its cause and gives the plain 500 answer (no stack trace reaches the client); a write the
 * data folder refused (full, read-only) is a 503 with Retry-After that says so, logged as the operator's problem.
 */
export function internalErrorAnswer(method: string, pathname: string, error: unknown): JsonAnswer {
  const problem = storageProblem(error);
  if (problem) {
    console.error(storageRefusalLog(`[api] ${method} ${pathname}`, problem, error));
    return { status: 503, body: { error: storageProblemMessage(problem) } satisfies z.input<typeof errorAnswerSchema>, headers: { 'retry-after': String(STORAGE_RETRY_AFTER_S) } };
  }
  console.error(`[api] ${method} ${pathname} failed:`, error);
  return { status: 500, body: { error: 'internal error; the cause has been logged' } satisfies z.input<typeof errorAnswerSchema> };
}

/** A 404 answer with a plain message. */
export function notFound(message: string): Response {
  return json({ error: message } satisfies z.input<typeof errorAnswerSchema>, 404);
}

/** Runs an API handler; unexpected errors are logged with their cause and answered with a plain 500. */
export async function guardApi(request: Request, handler: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return answerResponse(internalErrorAnswer(request.method, new URL(request.url).pathname, error));
  }
}
