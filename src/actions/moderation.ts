import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'zod';
import { langSchema } from '../lib/accounts/schemas';
import { isWorkflowError, type Actor, type WorkflowErrorCode } from '../lib/workflow';
import { setAccountDisabled } from '../server/auth/account-admin';
import { getStore } from '../server/store';

/**
 * The moderators' account forms as Astro Actions (`accept: 'form'`): disable and enable an account. The server
 * function checks the role and refuses a moderator's own account; a refusal is a result naming its code.
 */

/** The outcome of disabling or enabling an account. */
type AccountOutcome = { ok: true; done: 'disable' | 'enable'; userId: number } | { ok: false; code: WorkflowErrorCode; userId: number };

/** The signed-in account as an actor, or an UNAUTHORIZED error. */
function actorOf(context: ActionAPIContext): Actor {
  const user = context.locals.user;
  if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  return { userId: user.id, role: user.role };
}

/** Disables or enables the account as the signed-in actor; a WorkflowError becomes a refusal result. */
async function setDisabled(context: ActionAPIContext, userId: number, disabled: boolean): Promise<AccountOutcome> {
  const actor = actorOf(context);
  try {
    await setAccountDisabled(await getStore(), actor, userId, disabled);
    return { ok: true, done: disabled ? 'disable' : 'enable', userId };
  } catch (error) {
    if (!isWorkflowError(error)) throw error;
    return { ok: false, code: error.code, userId };
  }
}

const accountInput = z.object({ lang: langSchema, userId: z.coerce.number().int().positive() });

/** Moderation actions, available as actions.moderation.*. */
export const moderationActions = {
  disableAccount: defineAction({ accept: 'form', input: accountInput, handler: ({ userId }, c) => setDisabled(c, userId, true) }),
  enableAccount: defineAction({ accept: 'form', input: accountInput, handler: ({ userId }, c) => setDisabled(c, userId, false) }),
};
