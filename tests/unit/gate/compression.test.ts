import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressOnce, isCompressibleType, negotiateEncoding, type Encoding } from '../../../src/server/gate/compression';

const both = new Set<Encoding>(['br', 'gzip']);

describe('negotiateEncoding', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', null],
    ['', null],
    [undefined, null],
  ])('Accept-Encoding %j → %s', (header, expected) => {
    expect(negotiateEncoding(header, both)).toBe(expected);
  });

  it('offers only the copies that exist', () => {
    expect(negotiateEncoding('br, gzip', new Set<Encoding>(['gzip']))).toBe('gzip');
    expect(negotiateEncoding('br', new Set<Encoding>(['gzip']))).toBeNull();
    expect(negotiateEncoding('br, gzip', new Set())).toBeNull();
  });
});

describe('isCompressibleType', () => {
  it.each([
    ['text/html; charset=utf-8', true],
    ['application/json; charset=utf-8', true],
    ['application/geo+json', true],
    ['image/svg+xml', true],
    ['image/png', false],
    ['font/woff2', false],
    [undefined, false],
  ])('%s → %s', (type, expected) => {
    expect(isCompressibleType(type)).toBe(expected);
  });
});

describe('compressOnce', () => {
  it('gives brotli and gzip copies that decompress to the body', () => {
    const body = Buffer.from('Кластер '.repeat(500));
    const { br, gzip } = compressOnce(body);
    expect(brotliDecompressSync(br).equals(body)).toBe(true);
    expect(gunzipSync(gzip).equals(body)).toBe(true);
    expect(br.length).toBeLessThan(body.length / 10);
  });
});
