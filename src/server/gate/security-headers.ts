/**
 * The security headers every response carries (pages, API, search, static files, errors), set in one place
 * by the gate. Scripts are never inline (astro.config.mjs sets `assetsInlineLimit: 0`, so Astro emits every
 * script as a file), which lets script-src be 'self' without hashes or nonces, and lets rendered pages be cached.
 */

/** What the policy depends on. */
export interface SecurityHeaderOptions {
  /** The request came over HTTPS (directly, or per X-Forwarded-Proto when TRUST_PROXY is set): add HSTS. */
  https: boolean;
  /** Origin of the optional map tile server (MAP_TILE_URL), allowed as an image source. */
  tileOrigin?: string | null;
}

/** HSTS for a year once a browser has seen the site over HTTPS; subdomains are left to their own servers. */
const HSTS = 'max-age=31536000';

/** The Content-Security-Policy: everything from the portal itself; inline styles only (Leaflet and SVG charts set them). */
export function contentSecurityPolicy(tileOrigin?: string | null): string {
  const images = ["'self'", 'data:', ...(tileOrigin ? [tileOrigin] : [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every security header for one response, by lower-case name. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options.tileOrigin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': HSTS } : {}),
  };
}

/** The origin of a tile URL template (`https://tiles.example.org`), or null for a relative template or none. */
export function tileOriginOf(template: string | null | undefined): string | null {
  if (!template || !/^https?:\/\//.test(template)) return null;
  // {s}.tile… templates: allow the scheme and any subdomain the template may expand to.
  const [, scheme = '', host = ''] = /^(https?:\/\/)([^/]+)/.exec(template) ?? [];
  return scheme + host.replace(/\{s\}/g, '*');
}

/** Whether the request came over HTTPS: the socket, or X-Forwarded-Proto when the proxy in front is trusted. */
export function cameOverHttps(encrypted: boolean, forwardedProto: string | string[] | undefined, trustProxy: boolean): boolean {
  if (encrypted) return true;
  if (!trustProxy || forwardedProto === undefined) return false;
  const first = ((Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto) ?? '').split(',')[0] ?? '';
  return first.trim().toLowerCase() === 'https';
}
