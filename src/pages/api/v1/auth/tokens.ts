import type { APIRoute } from 'astro';
import type { z } from 'zod';
import { tokenRequestSchema } from '../../../../lib/accounts/schemas';
import type { tokenIssuedAnswerSchema } from '../../../../lib/api/answers';
import { checkCredentials, issueApiToken } from '../../../../server/auth/accounts';
import { clientIp, parseJsonBody, tooManyAttempts } from '../../../../server/api/account-answers';
import { guardApi, json } from '../../../../server/http';
import { getStore } from '../../../../server/store';

/** What each refusal of the credentials answers. */
const REFUSALS = {
  badCredentials: [401, 'wrong email or password'],
  unconfirmed: [403, 'the address is not confirmed yet: follow the link in the confirmation mail (a new one has been sent)'],
  disabled: [403, 'this account has been disabled'],
} as const;

/** POST /api/v1/auth/tokens {email, password, name?}: 201 {token} (shown once; only its hash is kept). */
export const POST: APIRoute = (context) =>
  guardApi(context.request, async () => {
    const body = await parseJsonBody(context.request, tokenRequestSchema);
    if (!body.ok) return body.response;
    const store = await getStore();
    const { name, ...credentials } = body.value;
    const checked = await checkCredentials(store, credentials, { ip: clientIp(context), lang: 'en' }, 'token');
    if (!checked.ok) {
      if (checked.reason === 'rateLimited') return tooManyAttempts(checked.retryAfterMs);
      const [status, error] = REFUSALS[checked.reason];
      return json({ error }, status);
    }
    const issued = await issueApiToken(store, checked.user, name ?? `API token ${new Date().toISOString().slice(0, 10)}`);
    const answer: z.input<typeof tokenIssuedAnswerSchema> = { token: issued.token, id: issued.id, note: 'shown once: keep it; send it as Authorization: Bearer <token>' };
    return json(answer, 201, { 'cache-control': 'no-store' });
  });
