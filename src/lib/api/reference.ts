/**
 * The API reference page's view of the OpenAPI document: routes grouped by tag, each parameter with a readable type,
 * the answers and a curl line. Pure: it reads the generated document (src/server/api/openapi.ts), so the page shows
 * what the JSON says and nothing written a second time.
 */

/** The parts of a JSON Schema the page reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  example?: unknown;
}

interface MediaType {
  schema?: JsonSchema;
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}

/** The parts of an OpenAPI 3.1 document the page reads. */
export interface OpenApiLike {
  tags?: Array<{ name: string; description?: string }>;
  paths?: Record<string, object>;
}

/** One parameter or body field as the page lists it. */
export interface ReferenceField {
  name: string;
  location: 'query' | 'path' | 'body';
  required: boolean;
  type: string;
  values: string[];
  defaultValue: string | null;
  description: string;
}

/** One answer of a route. */
export interface ReferenceResponse {
  status: string;
  description: string;
  /** The media type when it is not JSON (GeoJSON, CSV). */
  mediaType: string | null;
  schema: string | null;
}

/** One route and method. */
export interface ReferenceOperation {
  /** The anchor of its section, e.g. "get-api-v1-clusters-slug". */
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  needsToken: boolean;
  parameters: ReferenceField[];
  /** The request body: its schema's name, and its fields when it is described inline. */
  body: { schema: string; fields: ReferenceField[] } | null;
  responses: ReferenceResponse[];
  curl: string;
}

/** One group of routes (an OpenAPI tag). */
export interface ReferenceGroup {
  tag: string;
  description: string;
  operations: ReferenceOperation[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The name of a referenced schema ("#/components/schemas/Profile" → "Profile"). */
function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** A range as "1…100", "≥ 1" or "≤ 100", or null without bounds. */
function range(min: number | undefined, max: number | undefined): string | null {
  if (min !== undefined && max !== undefined) return `${min}…${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return null;
}

/**
 * A schema's type in a few words: the name of a referenced schema, "integer, 1…100", "string, maxLength 200",
 * "array of Profile", "number | null".
 *
 * @example schemaLabel({ type: 'integer', minimum: 1, maximum: 100 }) // => 'integer, 1…100'
 */
export function schemaLabel(schema: JsonSchema | undefined): string {
  if (!schema) return 'any';
  if (schema.$ref) return refName(schema.$ref);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(schemaLabel).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const label = (type: string): string => {
    if (type === 'array') return `array of ${schemaLabel(schema.items)}`;
    if (type === 'integer' || type === 'number') return [type, range(schema.minimum, schema.maximum)].filter(Boolean).join(', ');
    if (type === 'string' && schema.maxLength !== undefined) return `string, maxLength ${schema.maxLength}`;
    return type;
  };
  return types.length ? types.map(label).join(' | ') : 'object';
}

/** A value as the page writes it (strings bare, anything else as JSON). */
function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields of an inline object schema (a referenced one is named, not expanded). */
function bodyFields(schema: JsonSchema | undefined): ReferenceField[] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).map(([name, field]) => ({
    name,
    location: 'body',
    required: schema.required?.includes(name) ?? false,
    type: schemaLabel(field),
    values: field.enum?.map(text) ?? [],
    defaultValue: field.default === undefined ? null : text(field.default),
    description: field.description ?? '',
  }));
}

/** Quotes a word for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A curl command for a route, made of the document's examples: parameters, body, and the token when needed. */
function curlLine(method: string, path: string, operation: Operation, baseUrl: string): string {
  const params = operation.parameters ?? [];
  const example = (name: string) => text(params.find((p) => p.name === name)?.schema?.example ?? `{${name}}`);
  const address = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(example(name)));
  const query = new URLSearchParams(params.filter((p) => p.in === 'query' && p.schema?.example !== undefined).map((p) => [p.name, text(p.schema!.example)]));
  const url = `${baseUrl}${address}${query.size ? `?${query}` : ''}`;
  const parts = ['curl', '-sS'];
  if (method !== 'GET') parts.push('-X', method);
  // Double quotes, so that the shell puts the token in: TOKEN=... curl ...
  if (operation.security?.length) parts.push('-H', '"Authorization: Bearer $TOKEN"');
  const body = operation.requestBody?.content?.['application/json']?.schema;
  if (body) {
    parts.push('-H', shellQuote('Content-Type: application/json'));
    parts.push('-d', body.example === undefined ? `@${(body.$ref ? refName(body.$ref) : 'body').toLowerCase()}.json` : shellQuote(JSON.stringify(body.example)));
  }
  parts.push(shellQuote(url));
  return parts.join(' ');
}

/** The anchor of a route's section. */
function anchor(method: string, path: string): string {
  return `${method}-${path}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** One route and method as the page shows it. */
function toOperation(method: string, path: string, operation: Operation, baseUrl: string): ReferenceOperation {
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  return {
    id: anchor(method, path),
    method,
    path,
    summary: operation.summary ?? '',
    description: operation.description ?? '',
    needsToken: Boolean(operation.security?.length),
    parameters: (operation.parameters ?? []).map((p) => ({
      name: p.name,
      location: p.in === 'path' ? 'path' : 'query',
      required: p.required ?? false,
      type: schemaLabel(p.schema),
      values: p.schema?.enum?.map(text) ?? [],
      defaultValue: p.schema?.default === undefined ? null : text(p.schema.default),
      description: p.description ?? p.schema?.description ?? '',
    })),
    body: bodySchema ? { schema: schemaLabel(bodySchema), fields: bodyFields(bodySchema) } : null,
    responses: Object.entries(operation.responses ?? {}).map(([status, response]) => {
      const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [null, undefined];
      return { status, description: response.description ?? '', mediaType: mediaType === 'application/json' ? null : mediaType, schema: media ? schemaLabel(media.schema) : null };
    }),
    curl: curlLine(method, path, operation, baseUrl),
  };
}

/** The document's routes grouped by tag, in the order of its tags (a route without a known tag goes last, under "other"). */
export function referenceGroups(document: OpenApiLike, baseUrl: string): ReferenceGroup[] {
  const groups: ReferenceGroup[] = (document.tags ?? []).map((t) => ({ tag: t.name, description: t.description ?? '', operations: [] }));
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as Operation | undefined;
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'other';
      let group = groups.find((g) => g.tag === tag);
      if (!group) groups.push((group = { tag, description: '', operations: [] }));
      group.operations.push(toOperation(method.toUpperCase(), path, operation, baseUrl));
    }
  }
  return groups.filter((g) => g.operations.length > 0);
}
