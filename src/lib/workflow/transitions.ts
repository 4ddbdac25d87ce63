import { WorkflowError } from './errors';

/** States of a revision: open ones (draft, submitted, returned) are never public; approved ones were published; discarded ones were given up by their managers (kept for the record). */
export const REVISION_STATES = ['draft', 'submitted', 'returned', 'approved', 'discarded'] as const;
/** One of REVISION_STATES. */
export type RevisionState = (typeof REVISION_STATES)[number];

/** States in which a revision is still being worked on; a cluster has at most one revision in them. */
export const OPEN_STATES: readonly RevisionState[] = ['draft', 'submitted', 'returned'];

/** Roles of an account (the accounts module owns them; the workflow only reads them). */
export const ROLES = ['manager', 'moderator'] as const;
/** Who acts: the account id and its role. */
export interface Actor {
  userId: number;
  role: (typeof ROLES)[number];
}

/** What can be done to a revision. "save" creates the open revision when there is none. */
export const REVISION_ACTIONS = ['save', 'submit', 'withdraw', 'discard', 'return', 'approve'] as const;
/** One of REVISION_ACTIONS. */
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** 'none' stands for "no open revision yet" (a new registration, or an edit of an approved profile). */
type From = RevisionState | 'none';

interface TransitionRule {
  from: readonly From[];
  /** 'same' keeps the state: a returned revision stays returned while its manager fixes it, so the comment stays in view. */
  to: RevisionState | 'same';
  by: 'manager' | 'moderator';
}

/** The workflow as a table: which action moves which state where, and who may do it. */
export const TRANSITIONS: Record<RevisionAction, TransitionRule> = {
  save: { from: ['none', 'draft', 'returned'], to: 'same', by: 'manager' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'manager' },
  withdraw: { from: ['submitted'], to: 'draft', by: 'manager' },
  // Only before submission: a submitted revision is withdrawn first, so a moderator is never reviewing a vanished one.
  discard: { from: ['draft', 'returned'], to: 'discarded', by: 'manager' },
  return: { from: ['submitted'], to: 'returned', by: 'moderator' },
  approve: { from: ['submitted'], to: 'approved', by: 'moderator' },
};

/** What the rules need to know about a step. */
export interface TransitionRequest {
  action: RevisionAction;
  /** State of the cluster's open revision, 'none' when it has none. */
  from: From;
  actor: Actor;
  /** Whether the actor is one of the cluster's managers (for a new registration: whether nobody else holds it). */
  managesCluster: boolean;
  slug: string;
}

/** The state after an allowed step; throws WorkflowError ('not-your-cluster', 'moderator-only', 'invalid-transition') otherwise. */
export function nextState(request: TransitionRequest): RevisionState {
  const rule = TRANSITIONS[request.action];
  const { actor, slug } = request;
  if (rule.by === 'moderator' && actor.role !== 'moderator')
    throw new WorkflowError('moderator-only', `Only a moderator may ${request.action} a revision of "${slug}"; ask the moderators.`, { slug });
  if (rule.by === 'manager' && !request.managesCluster)
    throw new WorkflowError(
      'not-your-cluster',
      `Account ${actor.userId} does not manage "${slug}": ask one of its managers to add you, or claim the cluster.`,
      { slug },
    );
  if (!rule.from.includes(request.from)) {
    const allowed = rule.from.map((s) => (s === 'none' ? 'no open revision' : s)).join(' or ');
    throw new WorkflowError(
      'invalid-transition',
      `Cannot ${request.action} the revision of "${slug}" while it is ${request.from === 'none' ? 'not started' : request.from}: it must be ${allowed}.`,
      { slug, state: request.from },
    );
  }
  if (rule.to !== 'same') return rule.to;
  return request.from === 'none' ? 'draft' : request.from;
}

/** Longest moderator comment. */
export const COMMENT_MAX = 2000;

/** The trimmed comment of a return; throws 'comment-required' when it is empty or too long. */
export function requireReturnComment(comment: unknown): string {
  const text = typeof comment === 'string' ? comment.trim() : '';
  if (text.length === 0)
    throw new WorkflowError('comment-required', 'A returned revision needs a comment that tells the managers what to fix.');
  if (text.length > COMMENT_MAX)
    throw new WorkflowError('comment-required', `The comment has ${text.length} characters; shorten it to ${COMMENT_MAX} or fewer.`);
  return text;
}
