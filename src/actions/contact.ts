import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { minutesToWait } from '../lib/accounts/rate-limit';
import { contactAnswerSchema, contactFormSchema } from '../lib/contact/schema';
import { isWorkflowError, type Actor } from '../lib/workflow';
import { answerContactRequest, sendContactRequest } from '../server/contact/requests';
import { getStore } from '../server/store';

/**
 * The contact form of a profile and the managers' answer form as Astro Actions (`accept: 'form'`, so they work
 * without JavaScript): validate with src/lib/contact/schema.ts, call src/server/contact, answer what the page says.
 * Expected refusals (too many messages, nobody to write to, not your cluster) are results, not errors.
 */

/** The client's address for the rate limits (one shared counter when the adapter cannot tell). */
function ipOf(context: ActionAPIContext): string {
  try {
    return context.clientAddress;
  } catch {
    return 'unknown';
  }
}

/** The signed-in account as an actor, or an UNAUTHORIZED error (the page sends the visitor to sign in). */
function actorOf(context: ActionAPIContext): Actor {
  const user = context.locals.user;
  if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  return { userId: user.id, role: user.role };
}

/** Contact actions, available as actions.contact.*. */
export const contactActions = {
  send: defineAction({
    accept: 'form',
    input: contactFormSchema,
    handler: async ({ slug, ...input }, context) => {
      const result = await sendContactRequest(await getStore(), slug, input, { ip: ipOf(context) });
      if (result.ok) return { ok: true as const, email: input.email };
      return result.reason === 'rateLimited' ? { ok: false as const, reason: result.reason, minutes: minutesToWait(result.retryAfterMs) } : { ok: false as const, reason: result.reason };
    },
  }),

  answer: defineAction({
    accept: 'form',
    input: contactAnswerSchema,
    handler: async ({ slug, id, answer }, context) => {
      const actor = actorOf(context);
      try {
        const answered = await answerContactRequest(await getStore(), actor, slug, id, answer);
        return { ok: true as const, id, email: answered.senderEmail };
      } catch (error) {
        if (!isWorkflowError(error)) throw error;
        return { ok: false as const, id, code: error.code };
      }
    },
  }),
};
