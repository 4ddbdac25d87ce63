import { describe, expect, it } from 'vitest';
import { COMMENT_MAX, nextState, requireReturnComment, WorkflowError, type Actor, type RevisionAction, type TransitionRequest } from '../../../src/lib/workflow';

const manager: Actor = { userId: 1, role: 'manager' };
const moderator: Actor = { userId: 9, role: 'moderator' };

/** The code of the WorkflowError a function throws, or 'ok:<result>' when it returns. */
function outcome(run: () => unknown): string {
  try {
    return `ok:${String(run())}`;
  } catch (error) {
    if (error instanceof WorkflowError) return error.code;
    throw error;
  }
}

const step = (action: RevisionAction, from: TransitionRequest['from'], actor: Actor, managesCluster: boolean) =>
  outcome(() => nextState({ action, from, actor, managesCluster, slug: 'test-cluster' }));

describe('nextState: the workflow table', () => {
  it.each<[RevisionAction, TransitionRequest['from'], string]>([
    ['save', 'none', 'ok:draft'],
    ['save', 'draft', 'ok:draft'],
    ['save', 'returned', 'ok:returned'],
    ['save', 'submitted', 'invalid-transition'],
    ['save', 'approved', 'invalid-transition'],
    ['submit', 'draft', 'ok:submitted'],
    ['submit', 'returned', 'ok:submitted'],
    ['submit', 'submitted', 'invalid-transition'],
    ['submit', 'none', 'invalid-transition'],
    ['withdraw', 'submitted', 'ok:draft'],
    ['withdraw', 'draft', 'invalid-transition'],
  ])('a manager of the cluster: %s from %s → %s', (action, from, expected) => {
    expect(step(action, from, manager, true)).toBe(expected);
  });

  it.each<[RevisionAction, TransitionRequest['from'], string]>([
    ['approve', 'submitted', 'ok:approved'],
    ['return', 'submitted', 'ok:returned'],
    ['approve', 'draft', 'invalid-transition'],
    ['approve', 'returned', 'invalid-transition'],
    ['approve', 'approved', 'invalid-transition'],
    ['return', 'draft', 'invalid-transition'],
    ['return', 'none', 'invalid-transition'],
  ])('a moderator: %s from %s → %s', (action, from, expected) => {
    expect(step(action, from, moderator, false)).toBe(expected);
  });

  it.each<RevisionAction>(['save', 'submit', 'withdraw'])('a manager of another cluster may not %s', (action) => {
    expect(step(action, action === 'save' ? 'draft' : action === 'submit' ? 'draft' : 'submitted', manager, false)).toBe('not-your-cluster');
  });

  it.each<RevisionAction>(['approve', 'return'])('a manager (even of the cluster) may not %s', (action) => {
    expect(step(action, 'submitted', manager, true)).toBe('moderator-only');
  });

  it('a moderator who does not manage the cluster may not edit it', () => {
    expect(step('save', 'draft', moderator, false)).toBe('not-your-cluster');
  });

  it('names the state and the way out in the message', () => {
    expect(() => nextState({ action: 'save', from: 'submitted', actor: manager, managesCluster: true, slug: 'x-y' })).toThrow(
      'Cannot save the revision of "x-y" while it is submitted: it must be no open revision or draft or returned.',
    );
  });
});

describe('requireReturnComment', () => {
  it.each([[undefined], [''], ['   \n '], [42]])('refuses %j', (comment) => {
    expect(outcome(() => requireReturnComment(comment))).toBe('comment-required');
  });
  it('refuses a comment over the limit and accepts one at it', () => {
    expect(outcome(() => requireReturnComment('x'.repeat(COMMENT_MAX + 1)))).toBe('comment-required');
    expect(requireReturnComment(` ${'x'.repeat(COMMENT_MAX)} `)).toHaveLength(COMMENT_MAX);
  });
  it('trims the comment', () => {
    expect(requireReturnComment('  Add the members list.  ')).toBe('Add the members list.');
  });
});

describe('discard', () => {
  it.each<[TransitionRequest['from'], string]>([
    ['draft', 'ok:discarded'],
    ['returned', 'ok:discarded'],
    ['submitted', 'invalid-transition'],
    ['approved', 'invalid-transition'],
    ['none', 'invalid-transition'],
  ])('a manager of the cluster discards from %s → %s', (from, expected) => {
    expect(step('discard', from, manager, true)).toBe(expected);
  });
  it('a manager of another cluster may not discard', () => {
    expect(step('discard', 'draft', manager, false)).toBe('not-your-cluster');
  });
});
