import type { FieldProblem } from '../profile/errors';

/** Why a workflow step was refused; routes map each code to an HTTP status with WORKFLOW_ERROR_STATUS. */
export const WORKFLOW_ERROR_CODES = [
  'not-your-cluster',
  'moderator-only',
  'not-found',
  'invalid-transition',
  'requirements-missing',
  'comment-required',
  'invalid-profile',
  'duplicate-name',
  'already-manager',
  'last-manager',
  'claim-exists',
  'already-invited',
  'own-account',
  'too-many-invitations',
] as const;
/** One of WORKFLOW_ERROR_CODES. */
export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

/** The HTTP status that answers each refusal: 403 for permissions, 404, 409 for state conflicts, 429 for too many attempts, 400 for bad input. */
export const WORKFLOW_ERROR_STATUS: Record<WorkflowErrorCode, 400 | 403 | 404 | 409 | 429> = {
  'not-your-cluster': 403,
  'moderator-only': 403,
  'not-found': 404,
  'invalid-transition': 409,
  'requirements-missing': 409,
  'comment-required': 400,
  'invalid-profile': 400,
  'duplicate-name': 409,
  'already-manager': 409,
  'last-manager': 409,
  'claim-exists': 409,
  'already-invited': 409,
  'own-account': 403,
  'too-many-invitations': 429,
};

/** What a refusal carries besides its code: the fields at fault, the missing requirements, the state it was in. */
export interface WorkflowErrorDetail {
  problems?: FieldProblem[];
  missing?: string[];
  state?: string;
  slug?: string;
  /** The cluster that already holds the name, for 'duplicate-name'. */
  holder?: string;
}

/** The one error every workflow rule throws; `code` says which rule, the message says what to do instead. */
export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';

  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    readonly detail: WorkflowErrorDetail = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** The HTTP status a route should answer with. */
  get status(): 400 | 403 | 404 | 409 | 429 {
    return WORKFLOW_ERROR_STATUS[this.code];
  }
}

/** Whether a value is a WorkflowError; by name and a known code too, since a bundle may hold a second copy of the class. */
export function isWorkflowError(error: unknown): error is WorkflowError {
  if (error instanceof WorkflowError) return true;
  const e = error as { name?: unknown; code?: unknown } | null;
  return typeof e === 'object' && e !== null && e.name === 'WorkflowError' && (WORKFLOW_ERROR_CODES as readonly unknown[]).includes(e.code);
}
