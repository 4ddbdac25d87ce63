import { createHash } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import { meiliErrorCode } from './meili-client';

/**
 * The uid of the portal's search-only key for an index: a UUID made from the index name, so every start (and
 * every server process) finds the same key instead of adding one. Meilisearch derives the key's value from its
 * uid and the master key, so the value changes with the master key and is never stored by the portal.
 */
export function searchKeyUid(indexUid: string): string {
  const hex = createHash('sha256').update(`cluster-map search-only key for ${indexUid}`).digest('hex');
  // Shaped as a version-4 UUID (version and variant bits set), the form Meilisearch accepts for a key uid.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Finds or creates (with the master key's client) the API key that may only search `indexUid`, and returns its
 * value. Searches use it, so the master key serves indexing and settings only.
 */
export async function ensureSearchKey(admin: Meilisearch, indexUid: string): Promise<string> {
  const uid = searchKeyUid(indexUid);
  try {
    return (await admin.getKey(uid)).key;
  } catch (error) {
    if (meiliErrorCode(error) !== 'api_key_not_found') throw error;
  }
  const created = await admin.createKey({
    uid,
    name: `cluster-map search (${indexUid})`,
    description: `Search-only key of the Cluster Map portal for the "${indexUid}" index, made at start from the master key.`,
    actions: ['search'],
    indexes: [indexUid],
    expiresAt: null,
  });
  return created.key;
}
