import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, refuseMethod } from '../../../src/server/gate/method-policy';

/** The URL path of every file route under src/pages/api, with a sample value for each [param]. */
function apiFileRoutes(): string[] {
  const root = join(import.meta.dirname, '..', '..', '..', 'src', 'pages');
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else paths.push('/' + relative(root, path).split(sep).join('/').replace(/\.ts$/, '').replace(/\/index$/, '').replace(/\[[^\]]+\]/g, 'sample'));
    }
  };
  walk(join(root, 'api'));
  return paths;
}

describe('API_ROUTES', () => {
  it('names every route file under src/pages/api, and nothing else', () => {
    const files = apiFileRoutes();
    for (const path of files) expect(API_ROUTES.some((r) => r.pattern.test(path)), path).toBe(true);
    expect(API_ROUTES).toHaveLength(files.length);
  });
});

describe('refuseMethod', () => {
  it.each([
    ['GET', '/clusters'],
    ['HEAD', '/en/clusters'],
    ['GET', '/api/v1/clusters'],
    ['HEAD', '/api/v1/clusters/tomsk'],
    ['POST', '/_actions/profile.save'],
  ])('lets %s %s through', (method, path) => {
    expect(refuseMethod(method, path)).toBeNull();
  });

  it('lets a form post to an Astro Action through', () => {
    expect(refuseMethod('POST', '/account', '?_action=profile.save')).toBeNull();
  });

  it.each(['TRACE', 'CONNECT', 'PROPFIND'])('answers %s with 501 on any path', (method) => {
    expect(refuseMethod(method, '/clusters')).toMatchObject({ status: 501, json: false });
    expect(refuseMethod(method, '/api/v1/clusters')).toMatchObject({ status: 501, json: true });
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers %s on a page with 405 and Allow: GET, HEAD', (method) => {
    expect(refuseMethod(method, '/clusters')).toEqual({ status: 405, allow: 'GET, HEAD', json: false, message: `/clusters answers GET, HEAD, not ${method}` });
  });

  it('answers a wrong method on an API route with a JSON 405 naming the allowed ones', () => {
    expect(refuseMethod('DELETE', '/api/v1/search')).toMatchObject({ status: 405, allow: 'GET, HEAD, OPTIONS', json: true });
    expect(refuseMethod('GET', '/api/v1/accounts')).toMatchObject({ status: 405, allow: 'POST', json: true });
  });

  it('lets OPTIONS through to a public read route only (the CORS preflight), not to write routes', () => {
    expect(refuseMethod('OPTIONS', '/api/v1/clusters')).toBeNull();
    expect(refuseMethod('OPTIONS', '/api/v1/clusters/tomsk')).toBeNull();
    for (const path of ['/api/v1/accounts', '/api/v1/me/clusters', '/api/v1/moderation/tomsk/approve']) expect(refuseMethod('OPTIONS', path), path).toMatchObject({ status: 405, json: true });
  });

  it('takes /api as the reference page, not an API path', () => {
    expect(refuseMethod('GET', '/api')).toBeNull();
    expect(refuseMethod('POST', '/api')).toMatchObject({ status: 405, json: false });
  });

  it('answers an unknown API path with a JSON 404, whatever the method', () => {
    for (const path of ['/api/', '/api/v2/clusters', '/api/v1/clusters/a/b']) expect(refuseMethod('GET', path), path).toMatchObject({ status: 404, json: true });
  });
});
