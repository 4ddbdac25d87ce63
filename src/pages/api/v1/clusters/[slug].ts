import type { APIRoute } from 'astro';
import { toPublicProfileJson } from '../../../../server/api/cluster-json';
import { guardApi, json, notFound } from '../../../../server/http';
import { getStore } from '../../../../server/store';

/** GET /api/v1/clusters/{slug}: the full public profile. */
export const GET: APIRoute = ({ request, params }) =>
  guardApi(request, async () => {
    const profile = await (await getStore()).clusters.getPublicProfile(params.slug ?? '');
    if (!profile) return notFound(`no public cluster with slug "${params.slug}"`);
    return json(toPublicProfileJson(profile));
  });
