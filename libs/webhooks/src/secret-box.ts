import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Endpoint secrets at rest: the worker needs the secret itself to sign, so it is encrypted (AES-256-GCM
 * with WEBHOOK_ENCRYPTION_KEY), not hashed. Layout: version (1 byte) | IV (12) | tag (16) | ciphertext.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export class SecretDecryptionError extends Error {}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`the encryption key must be ${KEY_BYTES} bytes`);
}

export function encryptSecret(key: Buffer, secret: string): Buffer {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws SecretDecryptionError for a tampered blob or the wrong key. */
export function decryptSecret(key: Buffer, encrypted: Uint8Array): string {
  checkKey(key);
  const blob = Buffer.from(encrypted);
  if (blob.length < HEADER_BYTES || blob[0] !== VERSION) {
    throw new SecretDecryptionError('not an encrypted webhook secret');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(1, 1 + IV_BYTES));
  decipher.setAuthTag(blob.subarray(1 + IV_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([decipher.update(blob.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptionError('the webhook secret does not decrypt with WEBHOOK_ENCRYPTION_KEY');
  }
}
