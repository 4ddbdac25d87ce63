/**
 * Where to go after signing in: the `next` parameter when it is a path on this site, else the fallback.
 * Anything that could leave the site (`//host`, `/\host`, a scheme, control characters) is refused.
 *
 * @example safeNextPath('/en/account?tab=tokens', '/account') // => '/en/account?tab=tokens'
 * @example safeNextPath('//evil.example/', '/account') // => '/account'
 */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 1000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  return next;
}
