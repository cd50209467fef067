import { createDecipheriv, randomBytes } from 'node:crypto';
import { SecretDecryptionError, decryptSecret, encryptSecret } from './secret-box';

describe('webhook secret encryption', () => {
  const key = randomBytes(32);
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it('round-trips, with a fresh IV each time, and never stores the plaintext', () => {
    const first = encryptSecret(key, secret);
    const second = encryptSecret(key, secret);
    expect(decryptSecret(key, first)).toBe(secret);
    expect(decryptSecret(key, new Uint8Array(second))).toBe(secret);
    expect(first.equals(second)).toBe(false);
    expect(first.toString('latin1')).not.toContain('MfKQ9r8');
  });

  it('is plain AES-256-GCM: version 1 | IV | tag | ciphertext', () => {
    const blob = encryptSecret(key, secret);
    expect(blob[0]).toBe(1);
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(1, 13));
    decipher.setAuthTag(blob.subarray(13, 29));
    expect(Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString()).toBe(secret);
  });

  it('refuses the wrong key, a tampered blob and garbage', () => {
    const blob = encryptSecret(key, secret);
    expect(() => decryptSecret(randomBytes(32), blob)).toThrow(SecretDecryptionError);
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] ^= 1;
    expect(() => decryptSecret(key, tampered)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(key, Buffer.from('nope'))).toThrow(SecretDecryptionError);
    expect(() => encryptSecret(randomBytes(16), secret)).toThrow(RangeError);
  });
});
