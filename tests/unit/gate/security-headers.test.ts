import { describe, expect, it } from 'vitest';
import { cameOverHttps, contentSecurityPolicy, securityHeaders, tileOriginOf } from '../../../src/server/gate/security-headers';
import { trustProxyFromEnv } from '../../../src/server/gate/server-gate';

describe('contentSecurityPolicy', () => {
  it("allows scripts only from the portal, never inline", () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data:;");
  });

  it('allows the tile server as an image source when one is set', () => {
    expect(contentSecurityPolicy('https://*.tile.example.org')).toContain("img-src 'self' data: https://*.tile.example.org;");
  });
});

describe('securityHeaders', () => {
  it('adds HSTS only over HTTPS', () => {
    expect(securityHeaders({ https: false })['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ https: true })['strict-transport-security']).toBe('max-age=31536000');
  });

  it('always sends nosniff, the referrer policy and DENY framing', () => {
    expect(securityHeaders({ https: false })).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin', 'x-frame-options': 'DENY' });
  });
});

describe('cameOverHttps', () => {
  it.each([
    [true, undefined, false, true],
    [false, 'https', false, false],
    [false, 'https', true, true],
    [false, 'HTTPS, http', true, true],
    [false, 'http', true, false],
    [false, ['https'], true, true],
    [false, undefined, true, false],
  ] as const)('encrypted=%s, X-Forwarded-Proto=%s, TRUST_PROXY=%s → %s', (encrypted, proto, trust, expected) => {
    expect(cameOverHttps(encrypted, proto as string | string[] | undefined, trust)).toBe(expected);
  });
});

describe('tileOriginOf', () => {
  it('gives the origin of an absolute template, with {s} as a wildcard subdomain', () => {
    expect(tileOriginOf('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileOriginOf('http://tiles.local:8080/{z}/{x}/{y}.png')).toBe('http://tiles.local:8080');
  });
  it('gives null for a relative template or none', () => {
    expect(tileOriginOf('/tiles/{z}/{x}/{y}.png')).toBeNull();
    expect(tileOriginOf(null)).toBeNull();
  });
});

describe('trustProxyFromEnv', () => {
  it.each([
    ['1', true],
    ['true', true],
    ['YES', true],
    ['0', false],
    ['', false],
    [undefined, false],
  ])('TRUST_PROXY=%j → %s', (value, expected) => {
    expect(trustProxyFromEnv({ TRUST_PROXY: value })).toBe(expected);
  });
});
