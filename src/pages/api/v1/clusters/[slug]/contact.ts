import type { APIRoute } from 'astro';
import { contactApiSchema, contactProblems, CONTACT_ERROR_VARS } from '../../../../../lib/contact/schema';
import { API_LANG, translator } from '../../../../../lib/i18n';
import { clientIp, tooManyAttempts } from '../../../../../server/api/account-answers';
import { readJson } from '../../../../../server/api/manager-answers';
import { sendContactRequest } from '../../../../../server/contact/requests';
import { badRequest, guardApi, json } from '../../../../../server/http';
import { getStore } from '../../../../../server/store';

/** The largest message body read (a message of CONTACT_MESSAGE_MAX characters, all multi-byte, fits). */
const MAX_CONTACT_BYTES = 32 * 1024;

/**
 * POST /api/v1/clusters/{slug}/contact {name, email, message, organisation?, country?, lang?}: 202, and the sender is
 * mailed a link that delivers the message to the cluster's managers once followed. 400 naming each bad field, 404 for
 * no public cluster, 409 when nobody manages it on the portal, 429 with Retry-After after too many messages.
 */
export const POST: APIRoute = (context) =>
  guardApi(context.request, async () => {
    const body = await readJson(context.request, MAX_CONTACT_BYTES);
    if (!body.ok) return body.response;
    if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) return badRequest([{ field: '(body)', message: 'must be a JSON object' }]);
    const parsed = contactApiSchema.safeParse(body.value);
    const t = translator(API_LANG);
    if (!parsed.success) return badRequest(contactProblems(parsed.error).map(({ field, key }) => ({ field, message: t(key, CONTACT_ERROR_VARS[key]) })));
    const { lang = 'en', ...input } = parsed.data;
    const slug = context.params.slug ?? '';
    const result = await sendContactRequest(await getStore(), slug, { ...input, lang }, { ip: clientIp(context) });
    if (result.ok)
      return json({ status: 'accepted', message: `a link has been mailed to ${input.email}: the message reaches the cluster's managers once it is followed` }, 202, { 'cache-control': 'no-store' });
    if (result.reason === 'rateLimited') return tooManyAttempts(result.retryAfterMs);
    if (result.reason === 'not-found') return json({ error: `there is no public cluster "${slug}"` }, 404);
    return json({ error: `"${slug}" has no managers on the portal yet: write to it through its website or organisation named on its profile` }, 409);
  });
