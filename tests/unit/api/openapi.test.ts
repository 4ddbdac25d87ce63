import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { directoryQuerySchema, parseQuery } from '../../../src/lib/directory/query';
import { exportQuerySchema } from '../../../src/lib/export/export-query';
import { mapQuerySchema } from '../../../src/lib/map/query';
import { partnerQuerySchema } from '../../../src/lib/matching';
import { searchQuerySchema } from '../../../src/lib/search/query';
import { buildOpenApiDocument, EXAMPLE_QUERIES, openApiDocument } from '../../../src/server/api/openapi';
import { API_ROUTES } from '../../../src/server/gate/method-policy';

// Issue 12, item 6: the API's OpenAPI 3.1 document, generated from the routes' zod schemas.
const document = openApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  (['get', 'put', 'post', 'delete', 'patch'] as const).filter((m) => (item as Record<string, unknown>)[m]).map((method) => ({ path, method: method.toUpperCase() })),
);
/** A path of the document with a sample value for each {param}. */
const sample = (path: string) => path.replace(/\{[^}]+\}/g, 'sample');

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1 (@seriousme/openapi-schema-validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('names the clusters and search routes, with relative servers', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths ?? {})).toEqual(expect.arrayContaining(['/api/v1/clusters', '/api/v1/clusters/{slug}', '/api/v1/search']));
    expect(document.servers).toEqual([{ url: '/' }]);
  });

  it('describes every route and method of the gate table (API_ROUTES), and nothing else', () => {
    for (const route of API_ROUTES) {
      const described = operations.filter((o) => route.pattern.test(sample(o.path)));
      expect(described.map((o) => o.method).sort(), String(route.pattern)).toEqual(route.methods.filter((m) => m !== 'HEAD').sort());
    }
    for (const o of operations) expect(API_ROUTES.some((r) => r.pattern.test(sample(o.path))), o.path).toBe(true);
  });

  it('marks exactly the manager and moderation routes as needing a Bearer token', () => {
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const o of operations) {
      const operation = (document.paths![o.path] as Record<string, { security?: unknown[]; responses: Record<string, unknown> }>)[o.method.toLowerCase()]!;
      const needsToken = /^\/api\/v1\/(me|moderation)\//.test(o.path);
      expect(operation.security, `${o.method} ${o.path}`).toEqual(needsToken ? [{ bearerAuth: [] }] : undefined);
      if (needsToken) expect(Object.keys(operation.responses), o.path).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('documents each query parameter with its type and meaning, taken from the route schema', () => {
    const params = (document.paths!['/api/v1/search'] as { get: { parameters: Array<{ name: string; in: string; description?: string; schema: { type?: string; enum?: string[]; maximum?: number } }> } }).get.parameters;
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['q', 'industryGroup', 'region', 'page', 'perPage', 'bbox']));
    expect(byName.perPage).toMatchObject({ in: 'query', schema: { type: 'integer', maximum: 100 } });
    expect(byName.sort!.schema.enum).toContain('relevance');
    for (const p of params) expect(p.description, p.name).toBeTruthy();
  });

  it('documents the error answers: 400 with problems, 404', () => {
    const clusters = (document.paths!['/api/v1/clusters'] as { get: { responses: Record<string, unknown> } }).get.responses;
    expect(clusters['400']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/BadRequest' } } } });
    expect((document.paths!['/api/v1/clusters/{slug}'] as { get: { responses: Record<string, unknown> } }).get.responses['404']).toBeDefined();
  });

  it('gives example queries that the routes accept', () => {
    const schemas = { '/api/v1/clusters': directoryQuerySchema, '/api/v1/clusters.geojson': mapQuerySchema, '/api/v1/clusters.csv': exportQuerySchema, '/api/v1/clusters.json': exportQuerySchema, '/api/v1/clusters.export.geojson': exportQuerySchema, '/api/v1/search': searchQuerySchema, '/api/v1/partners': partnerQuerySchema };
    expect(Object.keys(EXAMPLE_QUERIES).sort()).toEqual(Object.keys(schemas).sort());
    for (const [path, example] of Object.entries(EXAMPLE_QUERIES)) {
      const params = new URLSearchParams(Object.entries(example).map(([k, v]) => [k, String(v)]));
      expect(parseQuery(schemas[path as keyof typeof schemas], params), path).toMatchObject({ ok: true });
    }
  });

  it('is built once', () => {
    expect(openApiDocument()).toBe(document);
    expect(buildOpenApiDocument()).toEqual(document);
  });
});
