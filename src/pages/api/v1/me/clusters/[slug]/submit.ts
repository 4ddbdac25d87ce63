import type { APIRoute } from 'astro';
import { revisionJson, withActor } from '../../../../../../server/api/manager-answers';
import { json } from '../../../../../../server/http';
import { submitRevision } from '../../../../../../server/workflow/revisions';

/** POST /api/v1/me/clusters/{slug}/submit (Bearer token): sends the open revision to the moderators (409 listing what is missing). */
export const POST: APIRoute = ({ request, params }) =>
  withActor(request, async (actor, store) => json(revisionJson(await submitRevision(store, actor, params.slug!)), 200, { 'cache-control': 'no-store' }));
