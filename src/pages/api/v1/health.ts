import type { APIRoute } from 'astro';
import { json } from '../../../server/http';
import { getStore } from '../../../server/store';

/** GET /api/v1/health: the state of the store (and, later, search); 503 when the store is unusable. */
export const GET: APIRoute = () => {
  try {
    const clusters = getStore().clusters.countPublic();
    return json({ status: 'ok', db: 'ok', clusters });
  } catch (error) {
    console.error('[health] store check failed:', error);
    return json({ status: 'degraded', db: 'error' }, 503);
  }
};
