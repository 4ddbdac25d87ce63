import type { APIRoute } from 'astro';
import { readJson, revisionJson, withActor } from '../../../../../server/api/manager-answers';
import { json } from '../../../../../server/http';
import { returnRevision } from '../../../../../server/workflow/revisions';

/** The largest body of a return: the comment's own limit is checked by the workflow (returnRevision). */
const MAX_RETURN_BYTES = 16 * 1024;

/** POST /api/v1/moderation/{slug}/return {"comment": "..."} (a moderator's Bearer token): returns the submitted revision to its managers. */
export const POST: APIRoute = ({ request, params }) =>
  withActor(request, async (actor, store) => {
    const body = await readJson(request, MAX_RETURN_BYTES);
    if (!body.ok) return body.response;
    const comment = (body.value as { comment?: unknown } | null)?.comment;
    return json(revisionJson(await returnRevision(store, actor, params.slug!, comment)), 200, { 'cache-control': 'no-store' });
  });
