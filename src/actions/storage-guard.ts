import { ActionError, defineAction as defineAstroAction, type ActionAPIContext } from 'astro:actions';
import { storageProblem, storageProblemMessage, storageRefusalLog } from '../server/db/storage-errors';

/**
 * Wraps an action's handler so that a write the data folder refused (full, read-only) is answered like the API
 * answers it (src/server/http.ts): a 503 ActionError saying nothing was saved, the cause in the log, and
 * `locals.storageProblem` set so the layout shows the message on whichever form page was posted. Without it Astro
 * turns the SqliteError into a 500 and the page says nothing.
 *
 * @example handler: refuseWhenStorageFails(async (input, context) => save(input))
 */
export function refuseWhenStorageFails<I, O>(handler: (input: I, context: ActionAPIContext) => Promise<O>): (input: I, context: ActionAPIContext) => Promise<O> {
  return async (input, context) => {
    try {
      return await handler(input, context);
    } catch (error) {
      const problem = storageProblem(error);
      if (!problem) throw error;
      console.error(storageRefusalLog(`[action] ${context.request.method} ${context.url.pathname}`, problem, error));
      context.locals.storageProblem = problem;
      throw new ActionError({ code: 'SERVICE_UNAVAILABLE', message: storageProblemMessage(problem) });
    }
  };
}

/**
 * Astro's defineAction with {@link refuseWhenStorageFails} around the handler: every action of the portal is defined
 * with it (src/actions/*.ts import it from here), so no form can answer a full or read-only DATA_DIR with a 500.
 */
export const defineAction: typeof defineAstroAction = (config) =>
  defineAstroAction({ ...config, handler: refuseWhenStorageFails(config.handler as (input: unknown, context: ActionAPIContext) => Promise<unknown>) as typeof config.handler });
