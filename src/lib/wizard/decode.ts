/**
 * Turns a posted wizard form into profile values, without judging them: the profile schema judges afterwards, so
 * what the manager typed can be shown again next to its error. Pure: takes anything with FormData's reading methods.
 */
import type { RowsField, WizardField } from './fields';
import { rowFieldName } from './fields';

/** The reading side of FormData (URLSearchParams-like objects fit too). */
export interface PostedForm {
  get(name: string): unknown;
  getAll(name: string): unknown[];
  keys(): IterableIterator<string> | Iterable<string>;
}

/** A change to a list the manager asked for with one of its buttons. */
export type RowOp = { kind: 'add'; list: string } | { kind: 'remove' | 'up' | 'down'; list: string; row: number };

/** Most rows a posted list may name (a form with more is cut here rather than allocating without bound). */
const MAX_POSTED_ROWS = 5000;

/** The posted text of a field, trimmed; files and absent fields read as ''. */
function textOf(form: PostedForm, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A typed number (a decimal comma is read as a point); an empty field is undefined, other text stays as typed. */
export function readNumber(raw: string): number | string | undefined {
  if (raw === '') return undefined;
  const normalized = raw.replace(/\s/g, '').replace(',', '.');
  const n = Number(normalized);
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized) && Number.isFinite(n) ? n : raw;
}

/** Keywords typed one per line (or separated by semicolons), without empty lines. */
export function readLines(raw: string): string[] {
  return raw
    .split(/[\r\n;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Country codes typed with commas or spaces between them, upper-cased. */
export function readCountries(raw: string): string[] {
  return raw
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

/** Reads the button the manager pressed ("remove:members.members:3"), or undefined for a plain save. */
export function readRowOp(raw: unknown): RowOp | undefined {
  if (typeof raw !== 'string') return undefined;
  const [kind, list, row] = raw.split(':');
  if (kind === 'add' && list) return { kind, list };
  const n = Number(row);
  if ((kind === 'remove' || kind === 'up' || kind === 'down') && list && Number.isInteger(n) && n >= 0) return { kind, list, row: n };
  return undefined;
}

/** Sets a dotted path in a nested object, creating the objects on the way; undefined deletes the key. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** The value at a dotted path (array indices are path segments), or undefined. */
export function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Removes undefined keys and objects left without keys (so an untouched optional group is simply absent). */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const pruned = prune(v);
    if (pruned !== undefined) out[key] = pruned;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The value one field contributes, read from the posted form under its posted name. */
function readField(field: Exclude<WizardField, RowsField>, form: PostedForm, name: string): unknown {
  switch (field.kind) {
    case 'text':
      return textOf(form, name) || undefined;
    case 'number':
      return readNumber(textOf(form, name));
    case 'select':
      return field.numeric ? readNumber(textOf(form, name)) : textOf(form, name) || undefined;
    case 'checks':
      return form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
    case 'lines':
      return readLines(textOf(form, name));
    case 'countries':
      return readCountries(textOf(form, name));
  }
}

/** Whether a row holds anything typed (rows left blank are dropped: the form always offers a few empty ones). */
function rowHasContent(row: unknown): boolean {
  const pruned = prune(row);
  if (pruned === undefined) return false;
  return JSON.stringify(pruned, (_k, v) => (Array.isArray(v) && v.length === 0 ? undefined : v)) !== '{}';
}

/** The row numbers a posted list names, in order (the form numbers rows 0, 1, 2…). */
function postedRows(form: PostedForm, listPath: string): number[] {
  const prefix = `${listPath}.`;
  const rows = new Set<number>();
  for (const key of form.keys()) {
    if (!key.startsWith(prefix)) continue;
    const n = Number(key.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(n) && n >= 0 && n < MAX_POSTED_ROWS) rows.add(n);
  }
  return [...rows].sort((a, b) => a - b);
}

/** Applies a remove/up/down to the filled rows, finding the row by its posted number (blank rows are already dropped). */
function applyOp(rows: Array<{ n: number; value: Record<string, unknown> }>, op: RowOp | undefined, listPath: string) {
  if (!op || op.list !== listPath || op.kind === 'add') return rows;
  const at = rows.findIndex((r) => r.n === op.row);
  if (at < 0) return rows;
  const out = [...rows];
  if (op.kind === 'remove') out.splice(at, 1);
  const to = op.kind === 'up' ? at - 1 : op.kind === 'down' ? at + 1 : -1;
  if (to >= 0 && to < out.length) [out[at], out[to]] = [out[to]!, out[at]!];
  return out;
}

/** The rows of a repeatable list as posted, blank rows dropped, with the manager's remove/reorder applied. */
function readRows(field: RowsField, form: PostedForm, op: RowOp | undefined): Record<string, unknown>[] {
  const rows = postedRows(form, field.path).map((n) => {
    const value: Record<string, unknown> = {};
    for (const sub of field.fields) {
      if (sub.kind === 'rows') continue; // lists are not nested in the profile
      setPath(value, sub.path, readField(sub, form, rowFieldName(field.path, n, sub.path)));
    }
    return { n, value };
  });
  const filled = rows.filter((r) => rowHasContent(r.value));
  return applyOp(filled, op, field.path).map((r) => prune(r.value) as Record<string, unknown>);
}

/**
 * Writes what the form posted for these fields into a copy of the base profile: fields the form does not show
 * (labels, the confirmation date) keep their values; an emptied field is removed. Returns the unvalidated profile.
 */
export function applyPostedFields(base: unknown, fields: readonly WizardField[], form: PostedForm, op?: RowOp): Record<string, unknown> {
  const profile = structuredClone((base ?? {}) as Record<string, unknown>);
  for (const field of fields) {
    const value = field.kind === 'rows' ? readRows(field, form, op) : readField(field, form, field.path);
    setPath(profile, field.path, value);
  }
  return (prune(profile) as Record<string, unknown> | undefined) ?? {};
}
