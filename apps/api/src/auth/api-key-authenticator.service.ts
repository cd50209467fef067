import { Inject, Injectable } from '@nestjs/common';
import { type Principal, constantTimeEquals, parseApiKey, secretMatches } from '@callwire/auth';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { ApiKeysRepository } from '@callwire/database';
import { ApiKeyUsageProducer } from '../api-keys/api-key-usage.producer';

/** Resolves a bearer token to the admin or to an account; null for anything not currently valid. */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly apiKeys: ApiKeysRepository,
    private readonly usage: ApiKeyUsageProducer,
  ) {}

  async authenticate(token: string, now = new Date()): Promise<Principal | null> {
    const parsed = parseApiKey(token);
    if (!parsed) return constantTimeEquals(token, this.config.adminApiKey) ? { kind: 'admin' } : null;

    const key = await this.apiKeys.findCredentialsByPrefix(parsed.prefix);
    if (!key || !secretMatches(parsed.secret, key.secretHash)) return null;
    if (key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return null;

    this.usage.record(key.id, now.getTime());
    return { kind: 'account', accountId: key.accountId, apiKeyId: key.id };
  }
}
