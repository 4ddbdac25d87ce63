import { json } from '../http';
import { getStore } from '../store';
import { toAuthUser, type AuthUser } from './accounts';
import { hashToken } from './tokens';

/** The outcome of authenticating an API request: its account, or the answer to send instead. */
export type BearerAuth = { ok: true; user: AuthUser } | { ok: false; response: Response };

/** A 401 that tells the client how to authenticate. */
function unauthorized(message: string): Response {
  return json({ error: message }, 401, { 'www-authenticate': 'Bearer realm="cluster-map"' });
}

/**
 * Authenticates an API request by `Authorization: Bearer <token>` (the only place a token is read: never a query
 * parameter or a cookie). No or an unknown token: 401; a disabled account: 403.
 */
export async function authenticateBearer(request: Request): Promise<BearerAuth> {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer[ ]+([A-Za-z0-9_-]{43})\s*$/i.exec(header) : null;
  if (!header) return { ok: false, response: unauthorized('this route needs an API token: send Authorization: Bearer <token> (POST /api/v1/auth/tokens makes one)') };
  if (!match) return { ok: false, response: unauthorized('the Authorization header must be "Bearer <token>" with a token from POST /api/v1/auth/tokens') };
  const user = await (await getStore()).accounts.useApiToken(hashToken(match[1]!));
  if (!user) return { ok: false, response: unauthorized('the API token is unknown or revoked: make a new one with POST /api/v1/auth/tokens') };
  if (user.disabledAt) return { ok: false, response: json({ error: 'this account has been disabled' }, 403) };
  return { ok: true, user: toAuthUser(user) };
}
