import type { APIRoute } from 'astro';
import { guardedExportResponse } from '../../../server/export/answer';
import { getStore } from '../../../server/store';

/** GET /api/v1/clusters.json: the clusters of a directory or search view as one JSON file ({ year, sources, licence, items }), streamed. */
export const GET: APIRoute = ({ url }) => guardedExportResponse(getStore(), 'json', url);
