import { z } from 'zod';
import { CLUSTER_STATUSES, INDUSTRY_GROUPS } from '../profile/vocabulary';
import { regionCodeSchema } from '../regions';
import { type FieldProblem } from '../profile/errors';
import { queryYearSchema } from '../years';
import { queryRuleOf, type QueryProblem } from './query-problem';

/** Sort orders of the directory; a leading "-" reverses. */
export const SORT_KEYS = ['name', '-name', 'founded', '-founded', 'index', '-index'] as const;
/** One sort order. */
export type SortKey = (typeof SORT_KEYS)[number];
/** The sort orders the directory's form offers, most useful first. */
export const OFFERED_SORTS = ['name', '-founded', '-index'] as const satisfies readonly SortKey[];

/**
 * The offered sorts that do something with the data at hand: no founding-year sort when no cluster gives one, no
 * index sort without an index year. The current sort always stays, so the form shows what is applied.
 *
 * @example availableSorts({ anyFoundedYear: false, anyIndex: true }, 'name') // => ['name', '-index']
 */
export function availableSorts(data: { anyFoundedYear: boolean; anyIndex: boolean }, current: SortKey): SortKey[] {
  return OFFERED_SORTS.filter((s) => s === current || s === 'name' || (s === '-founded' ? data.anyFoundedYear : data.anyIndex));
}

/** Clusters per page unless perPage says otherwise. */
export const PER_PAGE_DEFAULT = 20;
/** Largest page a client may ask for. */
export const PER_PAGE_MAX = 100;

/** Query parameters of the directory page and GET /api/v1/clusters. */
export const directoryQuerySchema = z
  .object({
    industryGroup: z.enum(INDUSTRY_GROUPS, {
      errorMap: () => ({ message: `must be one of ${INDUSTRY_GROUPS.join(', ')}` }),
    }).optional(),
    region: regionCodeSchema.optional(),
    status: z.enum(CLUSTER_STATUSES, {
      errorMap: () => ({ message: `must be one of ${CLUSTER_STATUSES.join(', ')}` }),
    }).optional(),
    sort: z.enum(SORT_KEYS, { errorMap: () => ({ message: `must be one of ${SORT_KEYS.join(', ')}` }) }).default('name'),
    page: z.coerce.number({ invalid_type_error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more').default(1),
    perPage: z.coerce
      .number({ invalid_type_error: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be 1 or more')
      .max(PER_PAGE_MAX, `must be at most ${PER_PAGE_MAX}`)
      .default(PER_PAGE_DEFAULT),
    year: queryYearSchema.optional(),
  })
  .strict();

/** A validated directory query. */
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

/** Outcome of parsing URL parameters: the value, or the problems naming each bad parameter. */
export type QueryParse<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** Turns URLSearchParams into a plain object; empty values mean "not given", repeated ones are an error. */
function paramsToObject(params: URLSearchParams): { object: Record<string, string>; problems: QueryProblem[] } {
  // A prototype-less object, so that names like __proto__ or toString are plain (unknown) keys.
  const object: Record<string, string> = Object.create(null);
  const problems: QueryProblem[] = [];
  for (const [key, value] of params) {
    if (value.trim() === '') continue;
    if (Object.hasOwn(object, key)) problems.push({ field: key, message: 'is given more than once', value: value.trim(), rule: { kind: 'repeated' } });
    else object[key] = value.trim();
  }
  return { object, problems };
}

/** A problem as the API reports it: field and English message only. */
const asFieldProblem = ({ field, message }: QueryProblem): FieldProblem => ({ field, message });

/** Strictly parses URL parameters with a schema: unknown or malformed parameters are reported by name. */
export function parseQuery<T extends z.ZodTypeAny>(schema: T, params: URLSearchParams): QueryParse<z.infer<T>> {
  const { object, problems } = paramsToObject(params);
  const result = schema.safeParse(object);
  const all = [...problems, ...(result.success ? [] : describeQueryError(result.error, object))].map(asFieldProblem);
  return all.length || !result.success ? { ok: false, problems: all } : { ok: true, value: result.data };
}

/**
 * Like parseQuery, but drops bad parameters (reporting them) instead of failing: for pages, where a stale link should
 * still show results. Each problem carries the bad value and a language-neutral rule, for queryProblemText.
 */
export function parseQueryLenient<T extends z.AnyZodObject>(schema: T, params: URLSearchParams): { value: z.infer<T>; problems: QueryProblem[] } {
  const { object, problems } = paramsToObject(params);
  const known = Object.keys(schema.shape);
  for (const key of Object.keys(object)) if (!known.includes(key)) delete object[key];
  for (;;) {
    const result = schema.safeParse(object);
    if (result.success) return { value: result.data, problems };
    const bad = describeQueryError(result.error, object);
    problems.push(...bad);
    for (const p of bad) delete object[p.field];
  }
}

/** Zod issues as parameter problems, with the value given; unknown keys become one problem per key, named. */
function describeQueryError(error: z.ZodError, given: Record<string, string>): QueryProblem[] {
  return error.issues.flatMap((issue): QueryProblem[] => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: key, message: 'is not a known parameter', value: given[key], rule: { kind: 'unknown' } }));
    const field = issue.path.length ? issue.path.join('.') : '(root)';
    return [{ field, message: issue.message, value: given[field], rule: queryRuleOf(issue) }];
  });
}
