import { defineMiddleware } from 'astro:middleware';

/** Logs the cause of any failed request on the server; the 500 page shows the visitor a plain message. */
export const onRequest = defineMiddleware(async (context, next) => {
  try {
    return await next();
  } catch (error) {
    console.error(`[page] ${context.request.method} ${context.url.pathname} failed:`, error);
    throw error;
  }
});
