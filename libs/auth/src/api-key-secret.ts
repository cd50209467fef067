import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Account API keys look like `cw_<prefix>_<secret>`. The prefix is public (it identifies the key
 * in listings and is the lookup index); only the SHA-256 of the secret is stored. The secret has
 * 256 bits of entropy, so a fast hash is enough — there is nothing to brute-force.
 */
const KEY_MARKER = 'cw_';
const PREFIX_LENGTH = 12;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_BYTES = 32;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface GeneratedApiKey {
  /** The full key, shown to the user exactly once. */
  readonly key: string;
  readonly prefix: string;
  readonly secretHash: Buffer;
}

export interface ParsedApiKey {
  readonly prefix: string;
  readonly secret: string;
}

function randomPrefix(): string {
  const bytes = randomBytes(PREFIX_LENGTH);
  let prefix = '';
  for (const byte of bytes) prefix += PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length];
  return prefix;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = randomPrefix();
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { key: `${KEY_MARKER}${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

/** Splits a presented key into prefix and secret; null when it is not shaped like an account key. */
export function parseApiKey(key: string): ParsedApiKey | null {
  const separator = KEY_MARKER.length + PREFIX_LENGTH;
  if (!key.startsWith(KEY_MARKER) || key[separator] !== '_') return null;
  const prefix = key.slice(KEY_MARKER.length, separator);
  const secret = key.slice(separator + 1);
  if (!/^[a-z0-9]+$/.test(prefix) || !SECRET_PATTERN.test(secret)) return null;
  return { prefix, secret };
}

/** Constant-time check of a presented secret against the stored hash. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const presented = hashSecret(secret);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}

/** Constant-time string comparison that does not leak the length of either side. */
export function constantTimeEquals(a: string, b: string): boolean {
  return timingSafeEqual(hashSecret(a), hashSecret(b));
}
