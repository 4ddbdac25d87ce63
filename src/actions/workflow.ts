import { ActionError, type ActionAPIContext } from 'astro:actions';
import { defineAction } from './storage-guard';
import { z } from 'zod';
import { emailSchema, langSchema } from '../lib/accounts/schemas';
import { isWorkflowError, type Actor, type Refusal } from '../lib/workflow';
import type { Store } from '../server/db/store-interfaces';
import * as workflow from '../server/workflow/revisions';
import { addManagerByEmail, cancelInvitation } from '../server/workflow/invitations';
import { getStore } from '../server/store';

/**
 * The manager's and moderator's forms as Astro Actions (`accept: 'form'`): each one checks the session, then calls
 * the same workflow functions as the API (which check every permission and state). A refusal is a result naming
 * its code, so the page says it in its language next to the form.
 */

/** The outcome of a step: done (with what was done, on which cluster) or refused. */
type Outcome = { ok: true; done: string; slug: string } | Refusal | EmailRefusal;

/** An e-mail field that is not an address: its message key, shown next to the field. */
type EmailRefusal = { ok: false; code: 'invalid-email'; slug: string; messageKey: string };

/** The signed-in account as a workflow actor, or an UNAUTHORIZED error (never the form's word for it). */
function actorOf(context: ActionAPIContext): Actor {
  const user = context.locals.user;
  if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  return { userId: user.id, role: user.role };
}

/** Runs a step as the signed-in actor; a WorkflowError becomes a refusal result, anything else stays an error. */
async function step(context: ActionAPIContext, done: string, slug: string, work: (store: Store, actor: Actor) => Promise<unknown>): Promise<Outcome> {
  const actor = actorOf(context);
  try {
    await work(await getStore(), actor);
    return { ok: true, done, slug };
  } catch (error) {
    if (!isWorkflowError(error)) throw error;
    return { ok: false, code: error.code, state: error.detail.state, missing: error.detail.missing };
  }
}

const slugInput = z.object({ lang: langSchema, slug: z.string().min(1).max(200) });

/** Workflow actions, available as actions.workflow.*. */
export const workflowActions = {
  submit: defineAction({ accept: 'form', input: slugInput, handler: ({ slug }, c) => step(c, 'submit', slug, (s, a) => workflow.submitRevision(s, a, slug)) }),
  withdraw: defineAction({ accept: 'form', input: slugInput, handler: ({ slug }, c) => step(c, 'withdraw', slug, (s, a) => workflow.withdrawRevision(s, a, slug)) }),
  discard: defineAction({ accept: 'form', input: slugInput, handler: ({ slug }, c) => step(c, 'discard', slug, (s, a) => workflow.discardRevision(s, a, slug)) }),
  approve: defineAction({ accept: 'form', input: slugInput, handler: ({ slug }, c) => step(c, 'approve', slug, (s, a) => workflow.approveRevision(s, a, slug)) }),

  returnRevision: defineAction({
    accept: 'form',
    input: slugInput.extend({ comment: z.string().max(20_000).optional() }),
    handler: ({ slug, comment }, c) => step(c, 'return', slug, (s, a) => workflow.returnRevision(s, a, slug, comment ?? '')),
  }),

  addManager: defineAction({
    accept: 'form',
    input: slugInput.extend({ email: z.string().max(320).optional() }),
    // An address with an account becomes a manager at once; one without is invited (mailed a sign-up link).
    handler: async ({ slug, email }, c): Promise<Outcome> => {
      actorOf(c);
      const address = emailSchema.safeParse(email ?? '');
      if (!address.success) return { ok: false, code: 'invalid-email', slug, messageKey: address.error.issues[0]!.message };
      let invited = false;
      const outcome = await step(c, 'addManager', slug, async (s, a) => {
        invited = (await addManagerByEmail(s, a, slug, address.data)).kind === 'invited';
      });
      return outcome.ok && invited ? { ...outcome, done: 'invited' } : outcome;
    },
  }),

  cancelInvitation: defineAction({
    accept: 'form',
    input: slugInput.extend({ invitationId: z.coerce.number().int().positive() }),
    handler: ({ slug, invitationId }, c) => step(c, 'cancelInvitation', slug, (s, a) => cancelInvitation(s, a, invitationId)),
  }),

  removeManager: defineAction({
    accept: 'form',
    input: slugInput.extend({ userId: z.coerce.number().int().positive() }),
    handler: ({ slug, userId }, c) => step(c, 'removeManager', slug, (s, a) => workflow.removeManager(s, a, slug, userId)),
  }),

  claim: defineAction({ accept: 'form', input: slugInput, handler: ({ slug }, c) => step(c, 'claim', slug, (s, a) => workflow.claimCluster(s, a, slug)) }),

  decideClaim: defineAction({
    accept: 'form',
    input: z.object({ lang: langSchema, claimId: z.coerce.number().int().positive(), decision: z.enum(['confirmed', 'rejected']) }),
    handler: ({ claimId, decision }, c) => step(c, decision, String(claimId), (s, a) => workflow.decideClaim(s, a, claimId, decision)),
  }),
};
