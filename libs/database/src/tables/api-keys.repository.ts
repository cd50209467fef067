import { Injectable } from '@nestjs/common';
import type { ApiKey } from '../generated/client';
import { type PageRequest, pageQuery } from '../pagination';
import { PrismaService } from '../prisma.service';
import { Sql } from '../sql';

/** What authenticating a request needs to know about a key. */
export type ApiKeyCredentials = Pick<ApiKey, 'id' | 'accountId' | 'expiresAt' | 'revokedAt'> & {
  readonly secretHash: Uint8Array;
};
export type ApiKeyRecord = Omit<ApiKey, 'secretHash'>;

export interface NewApiKey {
  readonly accountId: string;
  readonly name: string;
  readonly prefix: string;
  readonly secretHash: Buffer;
  readonly expiresAt: Date | null;
}

const PUBLIC_FIELDS = {
  id: true,
  accountId: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

/**
 * Account API keys: the API issues, lists and revokes them and reads a key's credentials on every authenticated
 * request; the worker records when each was last used (from the API's usage jobs).
 */
@Injectable()
export class ApiKeysRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: Sql,
  ) {}

  create(key: NewApiKey): Promise<ApiKeyRecord> {
    return this.prisma.apiKey.create({
      data: { ...key, secretHash: new Uint8Array(key.secretHash) },
      select: PUBLIC_FIELDS,
    });
  }

  /** Runs on every authenticated request: a prepared statement through Sql (see pg-pool.provider.ts). */
  async findCredentialsByPrefix(prefix: string): Promise<ApiKeyCredentials | null> {
    const [row] = await this.sql.prepared('api-key-credentials', [prefix], () =>
      this.sql
        .selectFrom('api_keys')
        .select([
          'id',
          'account_id as accountId',
          'secret_hash as secretHash',
          'expires_at as expiresAt',
          'revoked_at as revokedAt',
        ])
        .where('prefix', '=', prefix),
    );
    return row ?? null;
  }

  listForAccount(accountId: string, page: PageRequest): Promise<ApiKeyRecord[]> {
    const query = pageQuery(page);
    return this.prisma.apiKey.findMany({ ...query, where: { accountId, ...query.where }, select: PUBLIC_FIELDS });
  }

  /** Revokes the key if it belongs to the account (once: a revoked key keeps its time); false when there is none. */
  async revoke(accountId: string, id: string, at: Date): Promise<boolean> {
    const key = await this.prisma.apiKey.findFirst({ where: { id, accountId }, select: { revokedAt: true } });
    if (!key) return false;
    if (!key.revokedAt) {
      await this.prisma.apiKey.updateMany({ where: { id, accountId, revokedAt: null }, data: { revokedAt: at } });
    }
    return true;
  }

  /** Moves lastUsedAt forward only: retried or out-of-order usage jobs never move it back. */
  async recordUse(apiKeyId: string, usedAt: Date): Promise<void> {
    await this.prisma.apiKey.updateMany({
      where: { id: apiKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: usedAt } }] },
      data: { lastUsedAt: usedAt },
    });
  }
}
