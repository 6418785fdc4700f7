import { createHash, timingSafeEqual } from 'node:crypto';

/*
 * BKS-2's service keys (the products' "ZSC keys"). Books keeps only a key's SHA-256, with the
 * e-mail address it belongs to: whoever reads the table cannot connect with what they read. A key
 * is long and random, so a plain (unsalted, fast) hash is enough; passwords would need more.
 */

/** How an address is stored and compared: addresses are case-insensitive in practice. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The stored form of a key: its SHA-256 in hex. Surrounding whitespace is dropped first, since a
 * key is pasted from another product's page.
 */
export function hashServiceKey(key: string): string {
  return createHash('sha256').update(key.trim(), 'utf8').digest('hex');
}

export interface StoredServiceKey {
  email: string;
  keyHash: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Whether a presented key and e-mail match a stored key. The hashes are compared in constant time,
 * so how long a refusal takes says nothing about how much of the key was right; the e-mail is no
 * secret and is compared plainly, after the hash comparison has run either way.
 */
export function serviceKeyMatches(
  presented: { email: string; key: string },
  stored: StoredServiceKey,
): boolean {
  const presentedHash = Buffer.from(hashServiceKey(presented.key), 'hex');
  // The table's CHECK keeps malformed hashes out; one would compare against zeros and fail.
  const storedHash = SHA256_HEX.test(stored.keyHash)
    ? Buffer.from(stored.keyHash, 'hex')
    : Buffer.alloc(presentedHash.length);
  const keyMatches = timingSafeEqual(presentedHash, storedHash) && SHA256_HEX.test(stored.keyHash);
  return keyMatches && normalizeEmail(presented.email) === normalizeEmail(stored.email);
}

/**
 * The stored key among `candidates` (the keys stored for the presented address) that the presented
 * key matches, or null. Every candidate is compared, so the time taken does not tell which one, if
 * any, matched.
 */
export function matchingServiceKey<T extends StoredServiceKey>(
  presented: { email: string; key: string },
  candidates: readonly T[],
): T | null {
  let found: T | null = null;
  for (const candidate of candidates) {
    if (serviceKeyMatches(presented, candidate) && found === null) found = candidate;
  }
  return found;
}
