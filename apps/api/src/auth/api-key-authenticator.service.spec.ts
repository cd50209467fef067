import { generateApiKey } from '@callwire/auth';
import type { ApiKeyUsageProducer } from '../api-keys/api-key-usage.producer';
import type { ApiKeyCredentials, ApiKeysRepository } from '@callwire/database';
import { ApiKeyAuthenticator } from './api-key-authenticator.service';
import { testConfig } from '../../../../test/support/test-config';

const ADMIN_KEY = 'cwadmin_' + 'a'.repeat(40);

describe('ApiKeyAuthenticator', () => {
  const issued = generateApiKey();
  let stored: ApiKeyCredentials | null;
  const findCredentialsByPrefix = jest.fn(async (prefix: string) => (prefix === issued.prefix ? stored : null));
  const record = jest.fn();
  const authenticator = new ApiKeyAuthenticator(
    testConfig({ ADMIN_API_KEY: ADMIN_KEY }),
    { findCredentialsByPrefix } as Pick<ApiKeysRepository, 'findCredentialsByPrefix'> as ApiKeysRepository,
    { record } as Pick<ApiKeyUsageProducer, 'record'> as ApiKeyUsageProducer,
  );

  beforeEach(() => {
    stored = {
      id: 'key-1',
      accountId: 'acc-1',
      secretHash: new Uint8Array(issued.secretHash),
      expiresAt: null,
      revokedAt: null,
    };
    record.mockClear();
  });

  it('recognises the admin key', async () => {
    await expect(authenticator.authenticate(ADMIN_KEY)).resolves.toEqual({ kind: 'admin' });
    await expect(authenticator.authenticate(`${ADMIN_KEY}x`)).resolves.toBeNull();
  });

  it('resolves a valid account key to its account and records the use', async () => {
    await expect(authenticator.authenticate(issued.key)).resolves.toEqual({
      kind: 'account',
      accountId: 'acc-1',
      apiKeyId: 'key-1',
    });
    expect(record).toHaveBeenCalledWith('key-1', expect.any(Number));
  });

  it('refuses revoked, expired, tampered and unknown keys without recording use', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    stored = { ...stored!, revokedAt: new Date('2025-12-31T00:00:00Z') };
    await expect(authenticator.authenticate(issued.key, now)).resolves.toBeNull();
    stored = { ...stored, revokedAt: null, expiresAt: now };
    await expect(authenticator.authenticate(issued.key, now)).resolves.toBeNull();
    stored = { ...stored, expiresAt: null };
    await expect(authenticator.authenticate(`${issued.key.slice(0, -2)}zz`, now)).resolves.toBeNull();
    await expect(authenticator.authenticate(generateApiKey().key, now)).resolves.toBeNull();
    expect(record).not.toHaveBeenCalled();
  });
});
