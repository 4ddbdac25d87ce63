import type { z } from 'zod';

/** One validation problem: the dotted field path and the message. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Flattens a zod error into field/message pairs, e.g. { field: "general.region", message: "..." }. */
export function describeZodError(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(root)',
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

/** Renders problems as one readable line each. */
export function formatProblems(problems: readonly FieldProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('\n');
}
