import { describe, expect, it } from 'vitest';
import { corsHeaders, preflightAnswer } from '../../../src/server/gate/cors';

describe('corsHeaders', () => {
  it.each(['GET', 'HEAD', 'OPTIONS'])('opens the public read routes to any origin for %s, without credentials', (method) => {
    for (const path of ['/api/v1/clusters', '/api/v1/clusters/tomsk', '/api/v1/clusters.geojson', '/api/v1/search', '/api/v1/partners', '/api/v1/health', '/api/v1/openapi.json'])
      expect(corsHeaders(method, path), path).toMatchObject({ 'access-control-allow-origin': '*' });
    expect(corsHeaders(method, '/api/v1/clusters')).not.toHaveProperty('access-control-allow-credentials');
  });

  it('gives write methods, token routes and pages nothing', () => {
    expect(corsHeaders('POST', '/api/v1/clusters')).toBeNull();
    expect(corsHeaders('POST', '/api/v1/accounts')).toBeNull();
    expect(corsHeaders('GET', '/api/v1/me/clusters')).toBeNull();
    expect(corsHeaders('PUT', '/api/v1/me/clusters/tomsk')).toBeNull();
    expect(corsHeaders('GET', '/clusters')).toBeNull();
    expect(corsHeaders('GET', '/api')).toBeNull();
  });

  it('answers a preflight with 204, the methods and the headers a reader sends', () => {
    const answer = preflightAnswer('/api/v1/search');
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({ 'access-control-allow-methods': 'GET, HEAD, OPTIONS', allow: 'GET, HEAD, OPTIONS' });
    expect(String(answer.headers['access-control-allow-headers'])).toMatch(/If-None-Match/);
  });
});
