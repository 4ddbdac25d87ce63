import type { APIRoute } from 'astro';
import { guardedExportResponse } from '../../../server/export/answer';
import { getStore } from '../../../server/store';

/**
 * GET /api/v1/clusters.export.geojson: the clusters of a directory or search view as one GeoJSON FeatureCollection
 * (the JSON export's fields as properties), streamed. The map's /api/v1/clusters.geojson stays the map's: small
 * properties, built whole and cached for its many visits.
 */
export const GET: APIRoute = ({ url }) => guardedExportResponse(getStore(), 'geojson', url);
