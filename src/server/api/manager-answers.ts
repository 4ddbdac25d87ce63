import type { z } from 'zod';
import type { revisionAnswerSchema, workflowErrorAnswerSchema } from '../../lib/api/answers';
import { isWorkflowError, type Actor } from '../../lib/workflow';
import type { Revision, Store } from '../db/store-interfaces';
import { authenticateBearer } from '../auth/bearer';
import { badRequest, guardApi, json } from '../http';
import { getStore } from '../store';

/** The largest profile a manager may send (a profile with hundreds of members and projects fits many times over). */
export const MAX_PROFILE_BYTES = 512 * 1024;

/** What a client may read of a revision (who wrote it is the managers' business: ids only). */
export function revisionJson(revision: Revision): z.input<typeof revisionAnswerSchema> {
  return {
    slug: revision.slug,
    number: revision.number,
    kind: revision.kind,
    state: revision.state,
    comment: revision.comment,
    createdAt: revision.createdAt,
    updatedAt: revision.updatedAt,
    submittedAt: revision.submittedAt,
    decidedAt: revision.decidedAt,
    profile: revision.profile,
  };
}

/** Reads a JSON body of at most `maxBytes`; otherwise the 400 answer naming the body's problem. */
export async function readJson(request: Request, maxBytes = MAX_PROFILE_BYTES): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? ''))
    return { ok: false, response: badRequest([{ field: '(body)', message: 'must be JSON: send Content-Type: application/json' }]) };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: badRequest([{ field: '(body)', message: `is larger than ${maxBytes} bytes` }]) };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: badRequest([{ field: '(body)', message: 'is not valid JSON' }]) };
  }
}

/**
 * Runs a manager's or moderator's API call: authenticates `Authorization: Bearer <token>` (401/403), then maps a
 * refusal of the workflow to its status (400 naming each field, 403 not yours, 404, 409) with a plain message.
 */
export function withActor(request: Request, handler: (actor: Actor, store: Store) => Promise<Response>): Promise<Response> {
  return guardApi(request, async () => {
    const auth = await authenticateBearer(request);
    if (!auth.ok) return auth.response;
    try {
      return await handler({ userId: auth.user.id, role: auth.user.role }, await getStore());
    } catch (error) {
      if (!isWorkflowError(error)) throw error;
      const body: z.input<typeof workflowErrorAnswerSchema> = {
        error: error.message,
        code: error.code,
        ...(error.detail.problems ? { problems: error.detail.problems } : {}),
        ...(error.detail.missing ? { missing: error.detail.missing } : {}),
      };
      return json(body, error.status);
    }
  });
}
