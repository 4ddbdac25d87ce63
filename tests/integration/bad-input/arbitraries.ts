/**
 * fast-check arbitraries of hostile input for the bad-input suite: strings (odd Unicode, NUL, lone surrogates,
 * injections, huge), boundary numbers, any JSON, malformed bodies, and valid profiles with one leaf replaced.
 * Every markup payload carries MARKUP_PROBE, so a test can tell an echo of it left unescaped.
 */
import fc from 'fast-check';

/** An element that must never appear literally in an HTML answer (escaped, it reads &lt;i data-probe…). */
export const MARKUP_PROBE = '<i data-probe="1">';

/** Injection and markup strings of each kind the portal might pass on to SQL, HTML, JSON, URLs, shells or templates. */
export const INJECTIONS = [
  `${MARKUP_PROBE}<script>alert(1)</script>`,
  `"><img src=x onerror=alert(1)>${MARKUP_PROBE}`,
  `'${MARKUP_PROBE}' onmouseover='alert(1)`,
  `</script>${MARKUP_PROBE}<script>alert(1)</script>`,
  `javascript:alert(1)//${MARKUP_PROBE}`,
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  'Robert\'); DELETE FROM clusters; --',
  'NEAR(a b) OR "x" * ^ ( ) : -',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '%00%0d%0aSet-Cookie: x=1',
  '\r\nX-Injected: 1',
  '$(touch /tmp/pwned)`id`',
  '__proto__',
  'constructor',
] as const;

/** Strings that are odd for Unicode handling, length checks and C strings. */
export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800', // a lone surrogate
  '\uDFFF\uD800',
  '\u202Eevil\u202C', // right-to-left override
  '\u200B\u200C\u200D\uFEFF', // zero-width characters
  'e\u0301\u0301\u0301', // stacked combining marks
  '👩‍👩‍👧‍👦🇷🇺',
  'ﷺ'.repeat(50),
  '\t\n\v\f\r',
  'Ⅻ１２３',
] as const;

/** Any string: random Unicode (all planes, surrogates, controls), the lists above, or a huge one. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom(...INJECTIONS), weight: 3 },
  { arbitrary: fc.constantFrom(...ODD_STRINGS), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom('x', 'я', '<', '\u0000', '𝕏'), fc.constantFrom(256, 4_097, 20_001, 70_000)).map(([c, n]) => c.repeat(n)), weight: 1 },
);

/** Numbers at and beyond every boundary (JSON turns NaN and the infinities into null). */
export const boundaryNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, -0.000001, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324, NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer(),
);

/** Any JSON-ish value: hostile strings and boundary numbers inside random objects and arrays. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    boundaryNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('email', 'name', 'password', 'slug', 'comment', '__proto__')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A JSON object whose known keys (of a route's body) get hostile values, plus random extra keys. */
export function hostileObject(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] }), fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }))
    .map(([known, extra]) => ({ ...extra, ...known }));
}

/** A request body as sent on the wire: text and the Content-Type it claims. */
export interface WireBody {
  contentType: string | null;
  body: string;
}

/** Bodies of every shape: hostile JSON, truncated or non-JSON text, forms, the wrong or no Content-Type. */
export function hostileBody(keys: readonly string[]): fc.Arbitrary<WireBody> {
  const json = (contentType: string | null) => fc.oneof(hostileObject(keys), hostileValue).map((v) => ({ contentType, body: JSON.stringify(v) ?? 'undefined' }));
  return fc.oneof(
    { arbitrary: json('application/json'), weight: 5 },
    { arbitrary: json('application/json; charset=utf-16'), weight: 1 },
    { arbitrary: fc.tuple(hostileObject(keys), fc.nat()).map(([v, cut]) => { const text = JSON.stringify(v); return { contentType: 'application/json', body: text.slice(0, cut % (text.length + 1)) }; }), weight: 2 },
    { arbitrary: hostileString.map((body) => ({ contentType: 'application/json', body })), weight: 1 },
    { arbitrary: hostileObject(keys).map((v) => ({ contentType: 'application/x-www-form-urlencoded', body: formEncode(v) })), weight: 1 },
    { arbitrary: json(null), weight: 1 },
    { arbitrary: json('text/plain'), weight: 1 },
  );
}

/** A flat object as application/x-www-form-urlencoded (objects and arrays as their JSON text, lone surrogates replaced). */
export function formEncode(value: Record<string, unknown>): string {
  return new URLSearchParams(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])).toString();
}

/** Every path to a leaf of a JSON value (e.g. ['members', 'members', 0, 'type']), and to each object and array too. */
export function leafPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
}

/** A copy of base with the value at path replaced (or, with `remove`, deleted). */
export function replaceAt(base: unknown, path: ReadonlyArray<string | number>, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const copy: any = structuredClone(base);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  if (remove) delete node[path.at(-1)!];
  else node[path.at(-1)!] = replacement;
  return copy;
}

/** A valid profile with one of its values (a leaf, or a whole block or list) replaced by a hostile value or removed. */
export function mutatedProfile(base: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(base);
  return fc
    .tuple(fc.constantFrom(...paths), fc.oneof({ arbitrary: hostileValue, weight: 4 }, { arbitrary: hostileString, weight: 4 }, { arbitrary: boundaryNumber, weight: 2 }), fc.nat(9))
    .map(([path, value, dice]) => replaceAt(base, path, value, dice === 0 && path.length > 0));
}
