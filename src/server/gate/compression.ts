import Negotiator from 'negotiator';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The content codings the portal sends, best first. */
export type Encoding = 'br' | 'gzip';

/** Suffix of the compressed copy written beside a built file (scripts/precompress.mjs, at build time). */
export const PRECOMPRESSED: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** Bodies smaller than this go uncompressed: the headers would cost more than the saving. */
export const COMPRESS_MIN_BYTES = 1024;

/** Whether a content type is text that compresses well (HTML, CSS, JS, JSON, GeoJSON, SVG, XML, plain text). */
export function isCompressibleType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  return /^(text\/|application\/(json|geo\+json|javascript|xml|manifest\+json)|image\/svg\+xml)/i.test(contentType);
}

/** negotiator 1.x takes a preference order for ties; its @types package (0.6) does not know it yet. */
interface PreferringNegotiator {
  encoding(available: string[], options: { preferred: string[] }): string | undefined;
}

/** The best coding both the client accepts and `available` offers (br before gzip at equal q), or null for identity. */
export function negotiateEncoding(header: string | string[] | undefined, available: ReadonlySet<Encoding>): Encoding | null {
  if (!available.size) return null;
  const offered = (['br', 'gzip'] as const).filter((e) => available.has(e));
  const available_ = [...offered, 'identity'];
  // At equal q the portal's order wins (browsers send "gzip, deflate, br" and brotli is smaller).
  const negotiator = new Negotiator({ headers: { 'accept-encoding': Array.isArray(header) ? header.join(', ') : header } }) as unknown as PreferringNegotiator;
  const best = negotiator.encoding(available_, { preferred: available_ });
  return best === 'br' || best === 'gzip' ? best : null;
}

/**
 * The body in each coding, compressed once for bodies served many times. Brotli quality 11 (build time) is
 * 10-20× slower than 9 for a few percent less; rendered pages use 9 so a cache refill stays in milliseconds.
 */
export function compressOnce(body: Buffer, brotliQuality = 9): Record<Encoding, Buffer> {
  return {
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzip: gzipSync(body, { level: 9 }),
  };
}
