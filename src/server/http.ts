import type { FieldProblem } from '../lib/profile/errors';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** A JSON response with the given status. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** A 400 answer naming every bad parameter: { error, problems: [{ field, message }] }. */
export function badRequest(problems: FieldProblem[]): Response {
  const summary = problems.map((p) => `${p.field} ${p.message}`).join('; ');
  return json({ error: `invalid parameter(s): ${summary}`, problems }, 400);
}

/** A 404 answer with a plain message. */
export function notFound(message: string): Response {
  return json({ error: message }, 404);
}

/** Runs an API handler; unexpected errors are logged with their cause and answered with a plain 500. */
export async function guardApi(request: Request, handler: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
    return json({ error: 'internal error; the cause has been logged' }, 500);
  }
}
