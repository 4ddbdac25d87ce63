import type { APIRoute } from 'astro';
import type { z } from 'zod';
import { registerApiSchema } from '../../../lib/accounts/schemas';
import type { accountAcceptedAnswerSchema } from '../../../lib/api/answers';
import { register } from '../../../server/auth/accounts';
import { clientIp, parseJsonBody, tooManyAttempts } from '../../../server/api/account-answers';
import { guardApi, json } from '../../../server/http';
import { getStore } from '../../../server/store';

/** POST /api/v1/accounts {email, name, password, lang?}: 202 and a confirmation mail, the same answer whether or not the email is taken. */
export const POST: APIRoute = (context) =>
  guardApi(context.request, async () => {
    const body = await parseJsonBody(context.request, registerApiSchema);
    if (!body.ok) return body.response;
    const { lang = 'en', ...input } = body.value;
    const result = await register(await getStore(), input, { ip: clientIp(context), userAgent: context.request.headers.get('user-agent'), lang });
    if (!result.ok) return tooManyAttempts(result.retryAfterMs);
    const accepted: z.input<typeof accountAcceptedAnswerSchema> = {
      status: 'accepted',
      message: `if ${input.email} can be used, a confirmation link has been mailed to it; follow it, then get a token with POST /api/v1/auth/tokens`,
    };
    return json(accepted, 202);
  });
