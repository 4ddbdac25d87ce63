import type { APIRoute } from 'astro';
import { guardedExportResponse } from '../../../server/export/answer';
import { getStore } from '../../../server/store';

/** GET /api/v1/clusters.csv: the clusters of a directory or search view as CSV (UTF-8 with BOM, one line per cluster), streamed. */
export const GET: APIRoute = ({ url }) => guardedExportResponse(getStore(), 'csv', url);
