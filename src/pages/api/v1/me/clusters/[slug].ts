import type { APIRoute } from 'astro';
import type { z } from 'zod';
import type { approvedProfileAnswerSchema } from '../../../../../lib/api/answers';
import { readJson, revisionJson, withActor } from '../../../../../server/api/manager-answers';
import { badRequest, json, notFound } from '../../../../../server/http';
import { openRevisionOf, saveDraft } from '../../../../../server/workflow/revisions';

/**
 * GET /api/v1/me/clusters/{slug} (Bearer token, a manager of the cluster or a moderator): its open revision
 * (draft, submitted or returned, with the moderator's comment), else its public profile as state "approved".
 */
export const GET: APIRoute = ({ request, params }) =>
  withActor(request, async (actor, store) => {
    const slug = params.slug!;
    const open = await openRevisionOf(store, actor, slug);
    if (open) return json(revisionJson(open), 200, { 'cache-control': 'private, no-store' });
    const profile = await store.clusters.getPublicProfile(slug);
    if (!profile) return notFound(`no cluster "${slug}"`);
    return json({ slug, state: 'approved', profile } satisfies z.input<typeof approvedProfileAnswerSchema>, 200, { 'cache-control': 'private, no-store' });
  });

/** PUT /api/v1/me/clusters/{slug} (Bearer token) with the whole profile as JSON: saves the cluster's draft → 200 with the revision. */
export const PUT: APIRoute = ({ request, params }) =>
  withActor(request, async (actor, store) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const sent = (body.value as { slug?: unknown } | null)?.slug;
    if (sent !== undefined && sent !== params.slug) return badRequest([{ field: 'slug', message: `is "${String(sent)}" but the address names "${params.slug}"` }]);
    const profile = typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value) ? { ...body.value, slug: params.slug } : body.value;
    return json(revisionJson(await saveDraft(store, actor, profile)), 200, { 'cache-control': 'no-store' });
  });
