import { constantTimeEquals, generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-key-secret';

describe('API key secrets', () => {
  it('generates distinct cw_<prefix>_<secret> keys whose secret matches the stored hash', () => {
    const first = generateApiKey();
    const second = generateApiKey();
    expect(first.key).toMatch(/^cw_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(first.key).not.toBe(second.key);
    expect(first.prefix).not.toBe(second.prefix);
    const parsed = parseApiKey(first.key);
    expect(parsed?.prefix).toBe(first.prefix);
    expect(secretMatches(parsed?.secret ?? '', first.secretHash)).toBe(true);
    expect(secretMatches(parsed?.secret ?? '', second.secretHash)).toBe(false);
  });

  it('stores SHA-256 of the secret, never the secret', () => {
    const { key, secretHash } = generateApiKey();
    const secret = parseApiKey(key)?.secret ?? '';
    expect(secretHash).toEqual(hashSecret(secret));
    expect(secretHash.toString('utf8')).not.toContain(secret);
  });

  it.each([
    '',
    'cw_',
    'cw_short_x',
    'sk_live_abc',
    `cw_ABCDEFGHIJKL_${'a'.repeat(43)}`,
    `cw_abcdefghijkl_${'a'.repeat(42)}`,
    `cw_abcdefghijkl-${'a'.repeat(43)}`,
  ])('rejects malformed key %j', (key) => expect(parseApiKey(key)).toBeNull());

  it('does not match a hash of another length', () => {
    expect(secretMatches('anything', Buffer.alloc(16))).toBe(false);
  });

  it('compares strings in constant time regardless of length', () => {
    expect(constantTimeEquals('admin-key', 'admin-key')).toBe(true);
    expect(constantTimeEquals('admin-key', 'admin-kez')).toBe(false);
    expect(constantTimeEquals('admin-key', 'admin-key-longer')).toBe(false);
    expect(constantTimeEquals('', 'x')).toBe(false);
  });
});
