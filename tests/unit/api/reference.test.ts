import { describe, expect, it } from 'vitest';
import { referenceGroups, schemaLabel } from '../../../src/lib/api/reference';
import { API_TAGS, openApiDocument } from '../../../src/server/api/openapi';

describe('schemaLabel', () => {
  it.each([
    [{ type: 'integer', minimum: 1, maximum: 100 }, 'integer, 1…100'],
    [{ type: 'integer', minimum: 1 }, 'integer, ≥ 1'],
    [{ type: 'string', maxLength: 200 }, 'string, maxLength 200'],
    [{ type: ['number', 'null'] }, 'number | null'],
    [{ type: 'array', items: { $ref: '#/components/schemas/Profile' } }, 'array of Profile'],
    [{ anyOf: [{ $ref: '#/components/schemas/Revision' }, { $ref: '#/components/schemas/ApprovedProfile' }] }, 'Revision | ApprovedProfile'],
  ])('%j → %s', (schema, label) => {
    expect(schemaLabel(schema)).toBe(label);
  });
});

describe('referenceGroups of the API document', () => {
  const groups = referenceGroups(openApiDocument(), 'https://clusters.example.org');
  const all = groups.flatMap((g) => g.operations);
  const find = (method: string, path: string) => all.find((o) => o.method === method && o.path === path)!;

  it('groups every route under the tags, in their order', () => {
    expect(groups.map((g) => g.tag)).toEqual(API_TAGS.map((t) => t.name));
    expect(all).toHaveLength(Object.values(openApiDocument().paths ?? {}).flatMap((item) => Object.keys(item as object)).length);
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
  });

  it('lists parameters with types, values and defaults, and a curl line made of the examples', () => {
    const list = find('GET', '/api/v1/clusters');
    expect(list.parameters.find((p) => p.name === 'perPage')).toMatchObject({ location: 'query', type: 'integer, 1…100', defaultValue: '20' });
    expect(list.parameters.find((p) => p.name === 'sort')!.values).toContain('-index');
    expect(list.curl).toBe("curl -sS 'https://clusters.example.org/api/v1/clusters?industryGroup=pharma-bio-medical&sort=-index&perPage=5'");
    expect(list.responses.map((r) => r.status)).toEqual(['200', '304', '400']);
    expect(find('GET', '/api/v1/clusters/{slug}').curl).toBe("curl -sS 'https://clusters.example.org/api/v1/clusters/obninsk-pharma-biotech'");
  });

  it('marks token routes and shows their bodies', () => {
    const create = find('POST', '/api/v1/me/clusters');
    expect(create.needsToken).toBe(true);
    expect(create.body).toEqual({ schema: 'Profile', fields: [] });
    expect(create.curl).toBe('curl -sS -X POST -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' -d @profile.json \'https://clusters.example.org/api/v1/me/clusters\'');
    const signUp = find('POST', '/api/v1/accounts');
    expect(signUp.needsToken).toBe(false);
    expect(signUp.body!.fields.map((f) => [f.name, f.required])).toEqual([['email', true], ['name', true], ['password', true], ['lang', false]]);
    expect(signUp.curl).toContain(`-d '{"email":"manager@example.org"`);
  });
});
