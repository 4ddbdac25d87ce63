/**
 * A cluster profile whose every free-text field holds markup and script, for the "escaped on output" tests.
 * It walks the profile's zod schema (not a hand-made list of fields), so a field added to the schema later
 * gets hostile text too; optional fields and empty lists of the base profile are filled in.
 */
import { z } from 'zod';
import { profileSchema, type Profile } from '../../src/lib/profile';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../../src/lib/search/markers';

/** The flag every payload sets when it runs; a page is inert while `window.__xss` stays undefined. */
export const XSS_FLAG = '__xss';

/** A word that occurs in every hostile text (and nowhere in the shipped content), to find the cluster by search. */
export const HOSTILE_WORD = 'Zqxhostile';

/** Payloads for each context a text can land in: element content, a double- or single-quoted attribute, a JSON <script> block, highlight markers. */
export const XSS_PAYLOADS = [
  `<script>window.${XSS_FLAG}=1</script>`,
  `"><img src=x onerror="window.${XSS_FLAG}=1">`,
  // The issue's own example: it would open a dialog, which the browser test listens for.
  '"><img src=x onerror=alert(1)>',
  `' onmouseover='window.${XSS_FLAG}=1`,
  `</script><script>window.${XSS_FLAG}=1</script>`,
  // Forged highlight markers around markup: the search client renders highlights as HTML.
  `${HIGHLIGHT_PRE}<img src=x onerror="window.${XSS_FLAG}=1">${HIGHLIGHT_POST}`,
] as const;

/** URLs the schema must refuse in every URL field: scripts and documents that run in the portal's origin. */
export const SCRIPT_URLS = [
  `javascript:window.${XSS_FLAG}=1`,
  `JavaScript:window.${XSS_FLAG}=1`,
  ` javascript:window.${XSS_FLAG}=1`,
  `java\tscript:window.${XSS_FLAG}=1`,
  `vbscript:window.${XSS_FLAG}=1`,
  `data:text/html,<script>window.${XSS_FLAG}=1</script>`,
] as const;

/** A valid http(s) URL that still carries attribute-breaking characters (it must be escaped where it is written). */
export const HOSTILE_URL = `https://example.org/${HOSTILE_WORD.toLowerCase()}/"><img src=x onerror="window.${XSS_FLAG}=1">' onmouseover='window.${XSS_FLAG}=1`;

/** Private contact details of the hostile profile (they must appear on no page and in no answer). */
export const PRIVATE_CONTACT = { email: 'zqx-private@example.org', phone: '+7 (495) 000-00-00' } as const;

/** Values tried, in order, for a constrained string (code, date, phone) the base profile does not give. */
const CONSTRAINED_CANDIDATES = ['DE', '2012-01-01', PRIVATE_CONTACT.phone];

/** One string the generator wrote, with its path in the profile (e.g. general.name.en, members.members.0.name.ru). */
export interface HostileField {
  path: string;
  value: string;
}

/** The hostile profile and the free-text and URL fields it filled. */
export interface HostileProfile {
  profile: Profile;
  texts: HostileField[];
  urls: HostileField[];
}

/** The hostile text of the n-th field: the search word, a number that tells fields apart, then every payload. */
export function hostileText(n: number): string {
  return `${HOSTILE_WORD} ${n} ${XSS_PAYLOADS.join(' ')}`;
}

/** Checks of a zod string by kind (url, email, regex, max…). */
function stringChecks(schema: z.ZodString): Array<{ kind: string; value?: unknown }> {
  return schema._def.checks as Array<{ kind: string; value?: unknown }>;
}

/** Whether a schema is a number, possibly refined (a year). */
function isNumber(schema: z.ZodTypeAny): boolean {
  return schema instanceof z.ZodNumber || (schema instanceof z.ZodEffects && isNumber(schema.innerType()));
}

/** Walks a schema together with the base value, returning the value with every free text made hostile. */
class HostileWalker {
  readonly texts: HostileField[] = [];
  readonly urls: HostileField[] = [];

  walk(schema: z.ZodTypeAny, base: unknown, path: string[]): unknown {
    // An optional number the base leaves out stays out: numbers hold no text, and a made-up one (a self-assessment of 1) changes the ranking.
    if (schema instanceof z.ZodOptional && base === undefined && isNumber(schema.unwrap())) return undefined;
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return this.walk(schema.unwrap(), base ?? undefined, path);
    if (schema instanceof z.ZodDefault) return this.walk(schema._def.innerType, base, path);
    if (schema instanceof z.ZodEffects && schema.innerType() instanceof z.ZodString) return this.string(schema.innerType(), base as string | undefined, path, schema);
    if (schema instanceof z.ZodEffects) return this.walk(schema.innerType(), base, path);
    if (schema instanceof z.ZodObject) return this.object(schema, base as Record<string, unknown> | undefined, path);
    if (schema instanceof z.ZodArray) return this.array(schema, base as unknown[] | undefined, path);
    if (schema instanceof z.ZodString) return this.string(schema, base as string | undefined, path);
    if (schema instanceof z.ZodEnum) return base ?? schema.options[0];
    if (schema instanceof z.ZodNumber) return base ?? schema.minValue ?? 0;
    if (schema instanceof z.ZodBoolean) return base ?? false;
    throw new Error(`hostile-profile: no rule for ${schema.constructor.name} at ${path.join('.')}; add one`);
  }

  private object(schema: z.AnyZodObject, base: Record<string, unknown> | undefined, path: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodTypeAny>)) out[key] = this.walk(field, base?.[key], [...path, key]);
    return out;
  }

  /** Keeps the base items (made hostile) or makes two, so lists shown joined ("a, b") are covered too. */
  private array(schema: z.ZodArray<z.ZodTypeAny>, base: unknown[] | undefined, path: string[]): unknown[] {
    // The questionnaire holds no free text (ratings, enums, a year that must be unique): the base's answers stay as they are.
    if (path.join('.') === 'questionnaire') return base ?? [];
    const element = schema.element;
    const isEnum = element instanceof z.ZodEnum;
    const items = base && base.length > 0 ? base : isEnum ? [undefined] : [undefined, undefined];
    const out = items.map((item, i) => this.walk(element, item, [...path, String(i)]));
    return isEnum ? [...new Set(out)] : out;
  }

  /** `refined` is the refinement around the string, if any: such a string is constrained (a region code, a date). */
  private string(schema: z.ZodString, base: string | undefined, path: string[], refined?: z.ZodTypeAny): string {
    const checks = stringChecks(schema);
    const kinds = new Set(checks.map((c) => c.kind));
    const at = path.join('.');
    if (kinds.has('url')) {
      this.urls.push({ path: at, value: HOSTILE_URL });
      return HOSTILE_URL;
    }
    if (kinds.has('email')) return PRIVATE_CONTACT.email;
    if (kinds.has('regex') || refined) {
      if (base !== undefined) return base;
      const fits = CONSTRAINED_CANDIDATES.find((c) => (refined ?? schema).safeParse(c).success);
      if (fits === undefined) throw new Error(`hostile-profile: no candidate fits the constrained string at ${at}; add one`);
      return fits;
    }
    const value = hostileText(this.texts.length + 1);
    const max = checks.find((c) => c.kind === 'max')?.value as number | undefined;
    if (max !== undefined && value.length > max) throw new Error(`hostile-profile: ${at} allows ${max} characters, the hostile text has ${value.length}`);
    this.texts.push({ path: at, value });
    return value;
  }
}

/**
 * Makes the base profile hostile: every free-text field (names, city, descriptions, keywords, goals, offers,
 * management, member/partner/project names, indicator sources, provenance…) gets hostileText(n), every URL
 * field HOSTILE_URL; enums, codes, dates and numbers keep the base values. The result passes the schema.
 */
export function makeHostileProfile(base: unknown, slug: string): HostileProfile {
  const walker = new HostileWalker();
  const raw = walker.walk(profileSchema, base, []) as Record<string, unknown>;
  raw.slug = slug;
  return { profile: profileSchema.parse(raw), texts: walker.texts, urls: walker.urls };
}

/** A text as shown where highlight markers are stripped (search documents drop them). */
export function withoutMarkers(text: string): string {
  return text.replaceAll(HIGHLIGHT_PRE, '').replaceAll(HIGHLIGHT_POST, '');
}
