import type { APIRoute } from 'astro';
import type { z } from 'zod';
import type { managedClustersAnswerSchema } from '../../../../../lib/api/answers';
import { readJson, revisionJson, withActor } from '../../../../../server/api/manager-answers';
import { json } from '../../../../../server/http';
import { myClusters, saveDraft } from '../../../../../server/workflow/revisions';

/** GET /api/v1/me/clusters (Bearer token): the clusters the account manages, with the state of each open revision. */
export const GET: APIRoute = ({ request }) => withActor(request, async (actor, store) => json({ items: await myClusters(store, actor) } satisfies z.input<typeof managedClustersAnswerSchema>, 200, { 'cache-control': 'private, no-store' }));

/**
 * POST /api/v1/me/clusters (Bearer token) with a profile as JSON in the schema: saves it as the draft of a new
 * cluster (the account becomes its first manager) or of an edit of a cluster it manages → 201 with the revision.
 */
export const POST: APIRoute = ({ request }) =>
  withActor(request, async (actor, store) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    return json(revisionJson(await saveDraft(store, actor, body.value)), 201, { 'cache-control': 'no-store' });
  });
