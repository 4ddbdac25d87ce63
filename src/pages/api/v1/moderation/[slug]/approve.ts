import type { APIRoute } from 'astro';
import { revisionJson, withActor } from '../../../../../server/api/manager-answers';
import { json } from '../../../../../server/http';
import { approveRevision } from '../../../../../server/workflow/revisions';

/** POST /api/v1/moderation/{slug}/approve (a moderator's Bearer token): publishes the submitted revision (indexed, index recomputed). */
export const POST: APIRoute = ({ request, params }) =>
  withActor(request, async (actor, store) => json(revisionJson(await approveRevision(store, actor, params.slug!)), 200, { 'cache-control': 'no-store' }));
